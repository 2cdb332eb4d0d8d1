package org.accessdesk.request;

import java.util.Collection;

/**
 * A request's summary status, derived from its items (never stored, so it cannot drift):
 * anything still waiting makes it PENDING; otherwise it is APPROVED when every item is,
 * PARTIALLY_APPROVED when some are, DENIED when every item was denied, and CLOSED
 * otherwise (withdrawn, expired, revoked).
 */
public enum RequestStatus {

	PENDING, APPROVED, PARTIALLY_APPROVED, DENIED, CLOSED;

	static RequestStatus of(Collection<ItemStatus> items) {
		if (items.stream().anyMatch(ItemStatus::isPending)) {
			return PENDING;
		}
		long approved = items.stream().filter((status) -> status == ItemStatus.APPROVED).count();
		if (approved > 0) {
			return (approved == items.size()) ? APPROVED : PARTIALLY_APPROVED;
		}
		if (!items.isEmpty() && items.stream().allMatch((status) -> status == ItemStatus.DENIED)) {
			return DENIED;
		}
		return CLOSED;
	}

}
