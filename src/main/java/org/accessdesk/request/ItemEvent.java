package org.accessdesk.request;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One transition of one item: the audit trail and the live feed (SPEC §6, §9). */
public record ItemEvent(EventPosition position, UUID requestId, UUID itemId, UUID accountId, String identifier,
		AccessKind kind, @Nullable String from, String to, String reason, String actor, @Nullable String comment,
		Instant at) {
}
