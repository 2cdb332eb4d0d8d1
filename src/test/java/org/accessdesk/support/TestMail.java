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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

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

	/** The subjects of the mails about the account itself, in both languages. */
	private static final List<String> ACCOUNT_NOTICE_SUBJECTS = List.of("Confirm your email address",
			"Reset your password", "Your password was changed", "メールアドレスの確認をお願いします", "パスワードの再設定", "パスワードが変更されました");

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

	/**
	 * The system mail about requests and items received so far for this address: every
	 * mail but those about the account itself (the link that proves the address, reset
	 * links, password notices), which every test account gets at sign-up.
	 */
	public static List<MimeMessage> to(String address) {
		return all(address).stream().filter((message) -> !isAccountNotice(message)).toList();
	}

	/** Everything received so far for this address, account notices included. */
	public static List<MimeMessage> all(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	/** The mails about the account itself (SPEC §2a) received for this address. */
	public static List<MimeMessage> accountNotices(String address) {
		return all(address).stream().filter(TestMail::isAccountNotice).toList();
	}

	private static boolean isAccountNotice(MimeMessage message) {
		try {
			String subject = message.getSubject();
			return ACCOUNT_NOTICE_SUBJECTS.stream().anyMatch(subject::contains);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until at least {@code count} mails for this address have arrived, and answers
	 * all that have. Fails when they do not arrive in time.
	 */
	public static List<MimeMessage> await(String address, int count, Duration timeout) {
		return Awaitility.await("mail for " + address)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> to(address), (received) -> received.size() >= count);
	}

	/**
	 * Waits until at least {@code count} account notices for this address have arrived.
	 */
	public static List<MimeMessage> awaitAccountNotices(String address, int count, Duration timeout) {
		return Awaitility.await("account notices for " + address)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> accountNotices(address), (received) -> received.size() >= count);
	}

	/**
	 * The token of the newest link to {@code page} ({@code verify.html},
	 * {@code reset.html}) mailed to this address, waiting for the first one to arrive.
	 */
	public static String newestToken(String address, String page, Duration timeout) {
		Pattern link = Pattern.compile("/" + Pattern.quote(page) + "#token=([A-Za-z0-9_-]+)");
		return Awaitility.await("a link to " + page + " mailed to " + address)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> newestToken(address, link), Optional::isPresent)
			.get();
	}

	private static Optional<String> newestToken(String address, Pattern link) {
		List<MimeMessage> received = accountNotices(address);
		for (int i = received.size() - 1; i >= 0; i--) {
			Matcher matcher = link.matcher(text(received.get(i)));
			if (matcher.find()) {
				return Optional.of(matcher.group(1));
			}
		}
		return Optional.empty();
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
