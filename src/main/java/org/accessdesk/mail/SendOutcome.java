package org.accessdesk.mail;

/**
 * What became of one mail handed to the SMTP server.
 */
sealed interface SendOutcome {

	OutboxMail mail();

	/**
	 * A failure: permanent (a 5xx reply, a malformed address) or for now (the server is
	 * down, slow, or answered 4xx), as {@link SmtpFailures} tells them apart.
	 */
	static SendOutcome failed(OutboxMail mail, Exception failure) {
		return SmtpFailures.isPermanent(failure) ? new Refused(mail, failure) : new Deferred(mail, failure);
	}

	/** The server accepted the mail. */
	record Accepted(OutboxMail mail) implements SendOutcome {
	}

	/**
	 * The mail will never go out as it is: the server refused it for good, or it cannot
	 * be rendered or addressed.
	 */
	record Refused(OutboxMail mail, Exception failure) implements SendOutcome {
	}

	/** The mail did not go out this time and may the next. */
	record Deferred(OutboxMail mail, Exception failure) implements SendOutcome {
	}

}
