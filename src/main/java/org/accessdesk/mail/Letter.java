package org.accessdesk.mail;

/**
 * One system mail to write into the outbox: what about, to whom, and the facts to show.
 */
record Letter(MailKind kind, Recipient to, MailContent facts) {

	public Letter {
		if (kind.isAccountNotice() != (facts instanceof AccountNotice)) {
			throw new IllegalArgumentException(kind + " mail cannot show " + facts.getClass().getSimpleName());
		}
	}

}
