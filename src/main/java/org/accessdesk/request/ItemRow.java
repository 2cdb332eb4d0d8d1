package org.accessdesk.request;

import java.time.Instant;
import java.util.List;

import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

/**
 * An item as stored in {@code access_item} (read by {@link AccessItems#row}, the one
 * mapping from its row).
 */
record ItemRow(ItemId id, RequestId requestId, AccountId accountId, AccessKind kind, IdentifierType identifierType,
		String identifier, String entitlement, @Nullable String contractNumber, @Nullable String billToId,
		ItemStatus status, ReasonCode reason, @Nullable String rule, @Nullable Instant retryAfter, boolean autoRetry,
		@Nullable ItemId retriedAs, List<String> deciders, @Nullable Instant deadline, @Nullable Instant pendingSince,
		@Nullable String note, Instant createdAt, Instant updatedAt) {

}
