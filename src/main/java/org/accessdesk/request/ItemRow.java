package org.accessdesk.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

/**
 * An item as stored in {@code access_item}, and the one mapping from its row (every query
 * that reads whole items selects {@code *} or the door's columns).
 */
record ItemRow(UUID id, UUID requestId, UUID accountId, AccessKind kind, IdentifierType identifierType,
		String identifier, String entitlement, @Nullable String contractNumber, @Nullable String billToId,
		ItemStatus status, ReasonCode reason, @Nullable String rule, @Nullable Instant retryAfter, boolean autoRetry,
		@Nullable UUID retriedAs, List<String> deciders, @Nullable Instant deadline, @Nullable Instant pendingSince,
		@Nullable String note, Instant createdAt, Instant updatedAt) {

	static ItemRow read(Readable row) {
		String[] deciders = row.get("deciders", String[].class);
		return new ItemRow(row.get("id", UUID.class), row.get("request_id", UUID.class),
				row.get("account_id", UUID.class), AccessKind.valueOf(row.get("kind", String.class)),
				IdentifierType.valueOf(row.get("identifier_type", String.class)), row.get("identifier", String.class),
				row.get("entitlement", String.class), row.get("contract_number", String.class),
				row.get("bill_to_id", String.class), ItemStatus.valueOf(row.get("status", String.class)),
				ReasonCode.valueOf(row.get("reason", String.class)), row.get("rule", String.class),
				instant(row.get("retry_after", OffsetDateTime.class)),
				Boolean.TRUE.equals(row.get("auto_retry", Boolean.class)), row.get("retried_as", UUID.class),
				(deciders == null) ? List.of() : List.of(deciders), instant(row.get("deadline", OffsetDateTime.class)),
				instant(row.get("pending_since", OffsetDateTime.class)), row.get("note", String.class),
				instant(row.get("created_at", OffsetDateTime.class)),
				instant(row.get("updated_at", OffsetDateTime.class)));
	}

	static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time == null) ? null : time.toInstant();
	}

}
