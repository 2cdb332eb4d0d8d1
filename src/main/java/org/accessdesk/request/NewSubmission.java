package org.accessdesk.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

/**
 * A new request and its items as they will be stored, planned whole before anything is
 * written: ids are made here and every time is the clock's, cut to what PostgreSQL keeps
 * (microseconds), so the rows answered are exactly the rows written and no read-back is
 * needed. Two items of the one request that would both hold or wait for the same access
 * are settled here the way the database would: the later one is ALREADY_REGISTERED.
 */
record NewSubmission(AccessRequests.RequestRow request, List<ItemRow> items) {

	/** What the request row says besides its id and time. */
	record Request(AccountId accountId, AccessKind kind, IdentifierType identifierType, @Nullable String justification,
			boolean autoRetry, @Nullable String idempotencyKey, String fingerprint) {
	}

	static NewSubmission plan(Request request, List<StatusDoor.NewItem> items, Instant clock) {
		Instant now = clock.truncatedTo(ChronoUnit.MICROS);
		RequestId requestId = RequestId.of(UUID.randomUUID());
		AccessRequests.RequestRow row = new AccessRequests.RequestRow(requestId, request.accountId(), request.kind(),
				request.identifierType(), request.justification(), request.autoRetry(), request.idempotencyKey(),
				request.fingerprint(), now);
		Set<String> live = new HashSet<>();
		List<ItemRow> rows = new ArrayList<>(items.size());
		for (StatusDoor.NewItem planned : items) {
			StatusDoor.NewItem item = planned;
			if (item.status().isLive() && !live.add(item.kind() + "\u0000" + item.entitlement())) {
				item = item.alreadyRegistered();
			}
			rows.add(new ItemRow(ItemId.of(UUID.randomUUID()), requestId, request.accountId(), item.kind(),
					item.identifierType(), item.identifier(), item.entitlement(), item.contractNumber(),
					item.billToId(), item.status(), item.reason(), item.rule(), micros(item.retryAfter()),
					item.autoRetry(), null, item.deciders(), micros(item.deadline()),
					item.status().isPending() ? now : null, null, now, now));
		}
		return new NewSubmission(row, List.copyOf(rows));
	}

	StatusListener.Transition.Submitted transition() {
		return new StatusListener.Transition.Submitted(this.request.id(), this.request.accountId(),
				this.items.stream().map(ChangedItem::of).toList(), this.request.justification());
	}

	AccessRequests.RequestWithItems written() {
		return new AccessRequests.RequestWithItems(this.request, this.items);
	}

	private static @Nullable Instant micros(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

}
