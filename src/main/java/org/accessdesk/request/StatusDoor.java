package org.accessdesk.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one door for state: every status an item ever gets — at submission, by a decision,
 * an escalation, a withdrawal, a removal or revocation, expiry or auto-retry — is written
 * here and nowhere else. Each change, in one transaction, moves the item with a guarded
 * update ({@code WHERE status = ANY(:from)}: a change from a state the item has already
 * left touches nothing and answers 409), appends its event and tells its
 * {@link StatusListener}s, in the same transaction (the system mail's outbox is one; the
 * door does not know which). Readers see the events in commit order ({@link EventLog},
 * {@code V8__event_commit_order.sql}). Every time it writes (when an item was written,
 * changed, began to wait; when its event happened) is the service's {@link Clock}, the
 * one the deadlines and the due checks read too.
 */
@Component
class StatusDoor {

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final ApplicationEventPublisher events;

	private final List<StatusListener> listeners;

	private final TransitionMeters meters;

	private final Clock clock;

	StatusDoor(DatabaseClient db, TransactionalOperator transactions, ApplicationEventPublisher events,
			ObjectProvider<StatusListener> listeners, TransitionMeters meters, Clock clock) {
		this.db = db;
		this.transactions = transactions;
		this.events = events;
		this.listeners = listeners.orderedStream().toList();
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Runs {@code work} in one transaction and, once it has committed, tells the live
	 * feed. Every caller that writes through the door commits through here, so no change
	 * goes unannounced (and the periodic catch-up covers an announcement lost anyway),
	 * and none goes uncounted in the metrics.
	 */
	<T> Mono<T> committed(Mono<T> work) {
		return work.as(this.transactions::transactional)
			.doOnSuccess((ignored) -> this.events.publishEvent(TransitionsCommitted.INSTANCE))
			.as(this.meters::counted);
	}

	/**
	 * Writes a new request whole — request, items, their first events and every
	 * listener's {@link StatusListener.Companion companion rows} — in one statement
	 * ({@link SubmissionStatement}). Completes with what was written; empty when the
	 * Idempotency-Key is already taken (nothing written); fails with
	 * {@link SecondLiveAccess} when another submission of the account got the same access
	 * first (nothing written: {@link #submitInTransaction} is the careful way then).
	 */
	Mono<AccessRequests.RequestWithItems> submitWhole(NewSubmission.Request request, List<NewItem> items,
			String actor) {
		return Mono.defer(() -> {
			NewSubmission submission = NewSubmission.plan(request, items, this.clock.instant());
			StatusListener.Transition.Submitted transition = submission.transition();
			return Flux.fromIterable(this.listeners)
				.concatMap((listener) -> listener.alongside(transition))
				.filter((companion) -> !companion.writesNothing())
				.collectList()
				.flatMap((companions) -> SubmissionStatement.write(this.db, submission, actor, companions)
					.onErrorMap(SecondLiveAccess::isOne, SecondLiveAccess::new)
					.filter((written) -> written > 0)
					.map((written) -> {
						companions.forEach((companion) -> companion.afterCommit().run());
						this.events.publishEvent(TransitionsCommitted.INSTANCE);
						this.meters.submitted(submission.items());
						return submission.written();
					}));
		});
	}

	/**
	 * Writes a request's items, each with its first event, in the caller's transaction
	 * (the request row is written in it). An item that would make the account hold or
	 * wait for the same access twice is caught by the database
	 * ({@code access_item_one_live}) and written as DENIED / ALREADY_REGISTERED instead —
	 * that is what makes concurrent submissions of one contract safe.
	 */
	Mono<List<ItemRow>> submitInTransaction(RequestId requestId, AccountId accountId, List<NewItem> items, String actor,
			@Nullable String justification) {
		return Mono.defer(() -> insertAll(requestId, accountId, items, actor, this.clock.instant()))
			.flatMap((written) -> tell(new StatusListener.Transition.Submitted(requestId, accountId,
					written.stream().map(ChangedItem::of).toList(), justification))
				.thenReturn(written));
	}

	/**
	 * Submits a TOO_NEW denial again (auto-retry), in the caller's transaction: the new
	 * outcome is a new item of the same request, the old item gets an AUTO_RETRY event.
	 */
	Mono<ItemRow> retryInTransaction(ItemRow denied, NewItem again, String actor) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			return insertAll(denied.requestId(), denied.accountId(), List.of(again), actor, now)
				.map((written) -> written.get(0))
				.flatMap((retry) -> markRetried(denied.id(), retry.id(), actor, now)
					.then(tell(new StatusListener.Transition.Retried(ChangedItem.of(retry))))
					.thenReturn(retry));
		});
	}

	/**
	 * Writes the items, all at {@code now}: the items of one submission share their
	 * creation time, and are then listed by identifier
	 * ({@link AccessRequests#ITEM_ORDER}).
	 */
	private Mono<List<ItemRow>> insertAll(RequestId requestId, AccountId accountId, List<NewItem> items, String actor,
			Instant now) {
		return Flux.fromIterable(items)
			.concatMap((item) -> insert(requestId, accountId, item, actor, now)
				.switchIfEmpty(Mono.defer(() -> insert(requestId, accountId, item.alreadyRegistered(), actor, now)))
				.flatMap(TransitionMeters::submitted))
			.collectList();
	}

	/**
	 * Takes {@code action} on one item: from any state the action allows to the state it
	 * leads to. Completes with the moved item, or fails with 409 {@code STATUS_CHANGED}
	 * when the item is in none of them any more (someone else decided first, it expired,
	 * …).
	 */
	Mono<ItemRow> move(ItemId itemId, LifecycleAction action, Change change) {
		return committed(moveInTransaction(itemId, action.from(), action.to(), change));
	}

	/**
	 * The same, only from {@code onlyFrom} (one of the action's states): a reviewer
	 * decides what waits in their own queue, not what moved to another meanwhile.
	 */
	Mono<ItemRow> move(ItemId itemId, LifecycleAction action, ItemStatus onlyFrom, Change change) {
		if (!action.allowedFrom(onlyFrom)) {
			throw new IllegalArgumentException(action + " never starts from " + onlyFrom);
		}
		return committed(moveInTransaction(itemId, Set.of(onlyFrom), action.to(), change));
	}

	private Mono<ItemRow> moveInTransaction(ItemId itemId, Set<ItemStatus> from, ItemStatus to, Change change) {
		String[] fromNames = from.stream().map(Enum::name).toArray(String[]::new);
		boolean pending = to.isPending();
		return Mono
			.defer(() -> this.db.sql(DoorStatements.MOVE)
				.bind("now", Timestamps.utc(this.clock.instant()))
				.bind("id", itemId.value())
				.bind("from", fromNames)
				.bind("to", to.name())
				.bind("reason", change.reason().name())
				.bind("deadline", Timestamps.utcOrEmpty(change.deadline()))
				.bind("deciders", Parameter.fromOrEmpty(
						change.deciders() == null ? null : change.deciders().toArray(String[]::new), String[].class))
				.bind("pending", pending)
				.bind("actor", change.actor())
				.bind("comment", Parameter.fromOrEmpty(change.comment(), String.class))
				.map((row) -> Map.entry(AccessItems.row(row), ItemStatus.valueOf(row.get("from_status", String.class))))
				.one())
			.switchIfEmpty(Mono.error(StatusChanged::new))
			.flatMap((moved) -> TransitionMeters.moved(moved.getKey()).thenReturn(moved))
			.flatMap((moved) -> tell(
					new StatusListener.Transition.Moved(ChangedItem.of(moved.getKey()), moved.getValue()))
				.thenReturn(moved.getKey()));
	}

	/** Tells every listener, one after the other, in the caller's transaction. */
	private Mono<Void> tell(StatusListener.Transition transition) {
		return Flux.fromIterable(this.listeners).concatMap((listener) -> listener.written(transition)).then();
	}

	/** Marks a TOO_NEW denial as retried by a new item, with an event on the old item. */
	private Mono<Void> markRetried(ItemId itemId, ItemId retriedAs, String actor, Instant now) {
		return this.db.sql(DoorStatements.MARK_RETRIED)
			.bind("now", Timestamps.utc(now))
			.bind("id", itemId.value())
			.bind("retriedAs", retriedAs.value())
			.bind("actor", actor)
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Writes one item with its first event; a live one (approved or waiting) only unless
	 * the account already holds or waits for that access — empty then.
	 */
	private Mono<ItemRow> insert(RequestId requestId, AccountId accountId, NewItem item, String actor, Instant now) {
		String statement = item.status().isLive() ? DoorStatements.INSERT_UNLESS_LIVE : DoorStatements.INSERT;
		return this.db.sql(statement)
			.bind("now", Timestamps.utc(now))
			.bind("request", requestId.value())
			.bind("account", accountId.value())
			.bind("kind", item.kind().name())
			.bind("type", item.identifierType().name())
			.bind("identifier", item.identifier())
			.bind("entitlement", item.entitlement())
			.bind("contract", Parameter.fromOrEmpty(item.contractNumber(), String.class))
			.bind("billTo", Parameter.fromOrEmpty(item.billToId(), String.class))
			.bind("status", item.status().name())
			.bind("reason", item.reason().name())
			.bind("rule", Parameter.fromOrEmpty(item.rule(), String.class))
			.bind("retryAfter", Timestamps.utcOrEmpty(item.retryAfter()))
			.bind("autoRetry", item.autoRetry())
			.bind("deciders", item.deciders().toArray(String[]::new))
			.bind("deadline", Timestamps.utcOrEmpty(item.deadline()))
			.bind("pending", item.status().isPending())
			.bind("actor", actor)
			.map(AccessItems::row)
			.one();
	}

	/** An item about to be written at submission (or auto-retry), as decided. */
	record NewItem(AccessKind kind, IdentifierType identifierType, String identifier, String entitlement,
			@Nullable String contractNumber, @Nullable String billToId, ItemStatus status, ReasonCode reason,
			@Nullable String rule, @Nullable Instant retryAfter, boolean autoRetry, List<String> deciders,
			@Nullable Instant deadline) {

		NewItem alreadyRegistered() {
			return new NewItem(this.kind, this.identifierType, this.identifier, this.entitlement, this.contractNumber,
					this.billToId, ItemStatus.DENIED, ReasonCode.ALREADY_REGISTERED, "D4", null, false, List.of(),
					null);
		}

	}

	/**
	 * What goes with an action: why, who took it, and what the item shows afterwards
	 * ({@code deadline} for PENDING_VENDOR, {@code deciders} when set anew — null keeps
	 * them). Where the item goes is the action's business.
	 */
	record Change(ReasonCode reason, String actor, @Nullable String comment, @Nullable Instant deadline,
			@Nullable List<String> deciders) {

		static Change because(ReasonCode reason, String actor) {
			return new Change(reason, actor, null, null, null);
		}

		Change withComment(@Nullable String text) {
			return new Change(this.reason, this.actor, text, this.deadline, this.deciders);
		}

		Change withDeadline(@Nullable Instant at) {
			return new Change(this.reason, this.actor, this.comment, at, this.deciders);
		}

	}

}
