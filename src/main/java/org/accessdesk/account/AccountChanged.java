package org.accessdesk.account;

import org.jspecify.annotations.Nullable;

/**
 * An account changed in a way that matters to who it is — a token revoked, a password
 * set, the profile or the proof of its address — and has committed; with no account, any
 * account may have (the registry changed who administers what). Published on the instance
 * where it happened; the live module carries it to the others
 * ({@link AccountChanges#changedElsewhere}).
 */
public record AccountChanged(@Nullable AccountId accountId) {

	static AccountChanged everyone() {
		return new AccountChanged(null);
	}

}
