package org.accessdesk.request;

import java.time.Instant;

import org.accessdesk.account.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * One transition of one item: the audit trail and the live feed (SPEC §6, §9). The item's
 * contract and Bill-to ID come along so that review streams can tell whose queue it
 * concerns.
 */
public record ItemEvent(EventPosition position, RequestId requestId, ItemId itemId, AccountId accountId,
		String identifier, AccessKind kind, @Nullable String from, String to, String reason, String actor,
		@Nullable String comment, Instant at, @Nullable String contractNumber, @Nullable String billToId) {

	/**
	 * Whether the event concerns the vendor desk's queue (an item entering or leaving
	 * it).
	 */
	public boolean concernsVendorQueue() {
		return "PENDING_VENDOR".equals(this.to) || "PENDING_VENDOR".equals(this.from);
	}

}
