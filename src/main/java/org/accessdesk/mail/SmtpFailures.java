package org.accessdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a failure that will not go away by waiting — the server refused the recipient or
 * the message with a 5xx reply, or the address is malformed — from one that may (the
 * server is down, slow, or answered 4xx). Only the first kind fails a mail at once.
 */
final class SmtpFailures {

	private SmtpFailures() {
	}

	static boolean isPermanent(Throwable failure) {
		for (Throwable current = failure; current != null; current = next(current)) {
			if (current instanceof SMTPAddressFailedException address) {
				return isPermanentReply(address.getReturnCode());
			}
			if (current instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
				if (isPermanentReply(send.getReturnCode())) {
					return true;
				}
			}
			if (current instanceof AddressException) {
				return true;
			}
			if (current instanceof SendFailedException send && send.getInvalidAddresses() != null
					&& send.getInvalidAddresses().length > 0
					&& (send.getValidUnsentAddresses() == null || send.getValidUnsentAddresses().length == 0)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The message worth keeping for the operator: the innermost one that says something.
	 */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = failure; current != null && text.length() < 900; current = next(current)) {
			String message = current.getMessage();
			if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
				if (!text.isEmpty()) {
					text.append(" ← ");
				}
				text.append(message.strip());
			}
		}
		String described = text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
		return (described.length() > 1000) ? described.substring(0, 1000) : described;
	}

	private static boolean isPermanentReply(int code) {
		return code >= 500 && code < 600;
	}

	private static @Nullable Throwable next(Throwable current) {
		if (current instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != current) {
			return messaging.getNextException();
		}
		return (current.getCause() != current) ? current.getCause() : null;
	}

}
