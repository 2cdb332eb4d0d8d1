package org.accessdesk.mail;

/** What a system mail is about; each has its own template (SPEC §7). */
enum MailKind {

	/**
	 * To the requester: every item of a new request with its status (one mail per
	 * request).
	 */
	REQUEST_SUBMITTED,

	/** To each administrator of an item that now waits for them. */
	REVIEW_WANTED,

	/**
	 * To the requester: an item was decided, escalated, withdrawn, removed, revoked or
	 * expired.
	 */
	ITEM_CHANGED,

	/**
	 * To the requester: a TOO_NEW item was submitted again by the service, and how that
	 * went.
	 */
	AUTO_RETRIED,

	/** To the administrators of an item still waiting for them after 48 h. */
	ADMIN_REMINDER,

	/** To the vendor desk: an item in its queue passed its deadline. */
	VENDOR_OVERDUE,

	/** To a new account: the link that proves its email address (SPEC §2a). */
	VERIFY_EMAIL,

	/** To an account's owner: a link to choose a new password. */
	PASSWORD_RESET,

	/** To an account's owner: the password was changed. */
	PASSWORD_CHANGED;

	/**
	 * Whether this mail is about the account itself ({@link AccountNotice}) rather than
	 * requests and items ({@link MailFacts}).
	 */
	boolean isAccountNotice() {
		return this == VERIFY_EMAIL || this == PASSWORD_RESET || this == PASSWORD_CHANGED;
	}

}
