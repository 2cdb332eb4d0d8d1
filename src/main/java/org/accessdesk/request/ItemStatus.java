package org.accessdesk.request;

/** Where one linked identifier stands (SPEC §6). */
public enum ItemStatus {

	APPROVED, PENDING_ADMIN, PENDING_VENDOR, DENIED, WITHDRAWN, REVOKED, EXPIRED;

	/** Waiting for somebody's decision. */
	public boolean isPending() {
		return this == PENDING_ADMIN || this == PENDING_VENDOR;
	}

	/**
	 * Held or waited for: the states in which an account may have only one item per
	 * access (rule D4).
	 */
	public boolean isLive() {
		return this == APPROVED || isPending();
	}

	/** Nothing can happen to the item any more. */
	public boolean isTerminal() {
		return this == DENIED || this == WITHDRAWN || this == REVOKED || this == EXPIRED;
	}

}
