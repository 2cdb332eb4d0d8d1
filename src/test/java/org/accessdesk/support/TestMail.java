package org.accessdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real SMTP server of the integration tests: one GreenMail for the whole test run, on
 * a free port chosen once, so that every application context (and a second instance)
 * sends to it and cached contexts stay shared. It can be stopped and started again on the
 * same port to play an SMTP outage. Tests find their mail by recipient — every test signs
 * up its own addresses — never by the server's total.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	private static int port;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		server();
		TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port).applyTo(context);
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			port = freePort();
			start();
		}
		return server;
	}

	/** Stops the SMTP server: connections are refused until {@link #start()}. */
	public static synchronized void stop() {
		server.stop();
	}

	/** Starts a fresh SMTP server on the same port (what it received before is gone). */
	public static synchronized void start() {
		server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	/** Everything received so far for this address. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	/**
	 * Waits until at least {@code count} mails for this address have arrived, and answers
	 * all that have. Fails when they do not arrive in time.
	 */
	public static List<MimeMessage> await(String address, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<MimeMessage> received = to(address);
		while (received.size() < count && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(25));
			received = to(address);
		}
		assertThat(received).as("mail for %s within %s", address, timeout).hasSizeGreaterThanOrEqualTo(count);
		return received;
	}

	public static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Keeps a received mail as {@code target/mail-samples/<name>.eml}, exactly as it came
	 * over SMTP, for people to read.
	 */
	public static void keep(MimeMessage message, String name) {
		try {
			Path samples = Path.of("target", "mail-samples");
			Files.createDirectories(samples);
			try (OutputStream out = Files.newOutputStream(samples.resolve(name + ".eml"))) {
				message.writeTo(out);
			}
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text/plain part of a mail. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The text/html part of a mail. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	private static String part(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = part(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch((recipient) -> ((InternetAddress) recipient).getAddress()
					.toLowerCase(Locale.ROOT)
					.equals(address.toLowerCase(Locale.ROOT)));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for the test SMTP server", ex);
		}
	}

}
