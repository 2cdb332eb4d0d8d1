package org.accessdesk.load;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The load suite's own SMTP server (GreenMail on {@code load.smtpPort}, loopback only):
 * the instance under load sends its system mail here, and the suite reads the link that
 * proves each new account's address from it — users sign up and verify through the API as
 * people do (SPEC §2a). Start the instance with {@code SPRING_MAIL_PORT} set to the same
 * port.
 */
final class LoadMailbox {

	private static final Pattern VERIFY_LINK = Pattern.compile("/verify\\.html#token=([A-Za-z0-9_-]+)");

	private final GreenMail server;

	LoadMailbox(int port) {
		this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop));
	}

	/** The token of the newest link that proves this address, once its mail is in. */
	Optional<String> verificationToken(String email) {
		MimeMessage[] received = this.server.getReceivedMessages();
		for (int i = received.length - 1; i >= 0; i--) {
			if (isFor(received[i], email)) {
				Matcher link = VERIFY_LINK.matcher(text(received[i]));
				if (link.find()) {
					return Optional.of(link.group(1));
				}
			}
		}
		return Optional.empty();
	}

	/** How many mails arrived so far (every kind). */
	int received() {
		return this.server.getReceivedMessages().length;
	}

	/**
	 * The decoded text/plain part (the raw body is quoted-printable, which may break a
	 * long link across lines).
	 */
	private static String text(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(text(multipart.getBodyPart(i)));
				}
				return text.toString();
			}
			return "";
		}
		catch (MessagingException | IOException ex) {
			return "";
		}
	}

	private static boolean isFor(MimeMessage message, String email) {
		try {
			Address[] to = message.getAllRecipients();
			return to != null && Arrays.stream(to).anyMatch((address) -> address.toString().contains(email));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
