package org.accessdesk.request;

import org.accessdesk.web.DomainError;

/**
 * The item has left the state the action starts from — somebody else decided first, it
 * was withdrawn, it expired — so the action did nothing (SPEC §6: exactly one wins).
 */
public final class StatusChanged extends DomainError {

	public StatusChanged() {
		super(Kind.CONFLICT, "STATUS_CHANGED",
				"The item is no longer in a state that allows this; reload it to see what happened.");
	}

	public StatusChanged(String detail) {
		super(Kind.CONFLICT, "STATUS_CHANGED", detail);
	}

}
