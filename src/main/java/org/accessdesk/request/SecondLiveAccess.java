package org.accessdesk.request;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A whole submission would have given the account a second live item for one access:
 * another submission got there between this one's read and its write. Nothing was
 * written.
 */
final class SecondLiveAccess extends RuntimeException {

	/** The index that keeps one live item per account, kind and entitlement. */
	private static final String ONE_LIVE = "access_item_one_live";

	SecondLiveAccess(Throwable cause) {
		super("Another submission took the same access first", cause, false, false);
	}

	static boolean isOne(Throwable failure) {
		return failure instanceof DataIntegrityViolationException && failure.getMessage() != null
				&& failure.getMessage().contains(ONE_LIVE);
	}

}
