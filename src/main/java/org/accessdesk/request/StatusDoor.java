package org.accessdesk.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.mail.MailOutbox;
import org.jspecify.annotations.Nullable;

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
 * left touches nothing and answers 409), appends its event and writes the system mail it
 * calls for into the outbox ({@link Letters}). The event's order for readers is fixed by
 * its transaction id (see {@code V3__access_requests.sql} and {@code EventLog}).
 */
@Component
class StatusDoor {

	private static final String ITEM_COLUMNS = "id, request_id, account_id, kind, identifier_type, identifier,"
			+ " entitlement, contract_number, bill_to_id, status, reason, rule, retry_after, auto_retry, retried_as,"
			+ " deciders, deadline, pending_since, note, created_at, updated_at";

	private static final String EVENT_INSERT = "INSERT INTO item_event (item_id, request_id, account_id, identifier,"
			+ " kind, from_status, to_status, reason, actor, comment)";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final ApplicationEventPublisher events;

	private final Letters letters;

	private final MailOutbox outbox;

	private final TransitionMeters meters;

	StatusDoor(DatabaseClient db, TransactionalOperator transactions, ApplicationEventPublisher events, Letters letters,
			MailOutbox outbox, TransitionMeters meters) {
		this.db = db;
		this.transactions = transactions;
		this.events = events;
		this.letters = letters;
		this.outbox = outbox;
		this.meters = meters;
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
	 * Writes a request and its items, each with its first event. An item that would make
	 * the account hold or wait for the same access twice is caught by the database
	 * ({@code access_item_one_live}) and written as DENIED / ALREADY_REGISTERED instead —
	 * that is what makes concurrent submissions of one contract safe.
	 */
	Mono<List<ItemRow>> submit(UUID requestId, UUID accountId, List<NewItem> items, String actor) {
		return committed(submitInTransaction(requestId, accountId, items, actor));
	}

	/**
	 * The same, inside a transaction that the caller already holds (the request row is
	 * written with it).
	 */
	Mono<List<ItemRow>> submitInTransaction(UUID requestId, UUID accountId, List<NewItem> items, String actor) {
		return insertAll(requestId, accountId, items, actor)
			.flatMap((written) -> this.letters.submitted(requestId, accountId, written)
				.flatMap(this.outbox::post)
				.thenReturn(written));
	}

	/**
	 * Submits a TOO_NEW denial again (auto-retry), in the caller's transaction: the new
	 * outcome is a new item of the same request, the old item gets an AUTO_RETRY event.
	 */
	Mono<ItemRow> retryInTransaction(ItemRow denied, NewItem again, String actor) {
		return insertAll(denied.requestId(), denied.accountId(), List.of(again), actor).map((written) -> written.get(0))
			.flatMap((retry) -> markRetried(denied.id(), retry.id(), actor)
				.then(this.letters.retried(retry).flatMap(this.outbox::post))
				.thenReturn(retry));
	}

	private Mono<List<ItemRow>> insertAll(UUID requestId, UUID accountId, List<NewItem> items, String actor) {
		return Flux.fromIterable(items)
			.concatMap((item) -> insertLive(requestId, accountId, item, actor)
				.switchIfEmpty(Mono.defer(() -> insert(requestId, accountId, item.alreadyRegistered(), actor)))
				.flatMap(TransitionMeters::submitted))
			.collectList();
	}

	/**
	 * Moves one item from one of {@code from} to {@code change.to()}. Completes with the
	 * moved item, or fails with 409 {@code STATUS_CHANGED} when the item is no longer in
	 * any of {@code from} (someone else decided first, it expired, …).
	 */
	Mono<ItemRow> move(UUID itemId, Set<ItemStatus> from, Change change) {
		return committed(moveInTransaction(itemId, from, change));
	}

	Mono<ItemRow> moveInTransaction(UUID itemId, Set<ItemStatus> from, Change change) {
		String[] fromNames = from.stream().map(Enum::name).toArray(String[]::new);
		boolean pending = change.to().isPending();
		return this.db.sql("WITH old AS (SELECT id, status FROM access_item WHERE id = :id AND status = ANY(:from)"
				+ " FOR UPDATE),"
				+ " moved AS (UPDATE access_item i SET status = :to, reason = :reason, updated_at = now(),"
				+ " deadline = :deadline, deciders = COALESCE(:deciders, i.deciders), note = :comment,"
				+ " pending_since = CASE WHEN :pending THEN now() END"
				+ " FROM old WHERE i.id = old.id RETURNING i.*, old.status AS from_status)," + " event AS ("
				+ EVENT_INSERT
				+ " SELECT id, request_id, account_id, identifier, kind, from_status, status, reason, :actor, :comment"
				+ " FROM moved)" + " SELECT " + ITEM_COLUMNS + ", from_status FROM moved")
			.bind("id", itemId)
			.bind("from", fromNames)
			.bind("to", change.to().name())
			.bind("reason", change.reason().name())
			.bind("deadline", Parameter.fromOrEmpty(offset(change.deadline()), OffsetDateTime.class))
			.bind("deciders",
					Parameter.fromOrEmpty(change.deciders() == null ? null : change.deciders().toArray(String[]::new),
							String[].class))
			.bind("pending", pending)
			.bind("actor", change.actor())
			.bind("comment", Parameter.fromOrEmpty(change.comment(), String.class))
			.map((row) -> Map.entry(itemRow(row), ItemStatus.valueOf(row.get("from_status", String.class))))
			.one()
			.switchIfEmpty(Mono.error(StatusChanged::new))
			.flatMap((moved) -> TransitionMeters.moved(moved.getKey()).thenReturn(moved))
			.flatMap((moved) -> this.letters.moved(moved.getKey(), moved.getValue())
				.flatMap(this.outbox::post)
				.thenReturn(moved.getKey()));
	}

	/** Marks a TOO_NEW denial as retried by a new item, with an event on the old item. */
	private Mono<Void> markRetried(UUID itemId, UUID retriedAs, String actor) {
		return this.db
			.sql("WITH marked AS (UPDATE access_item SET retried_as = :retriedAs, updated_at = now()"
					+ " WHERE id = :id AND retried_as IS NULL RETURNING *)" + " " + EVENT_INSERT
					+ " SELECT id, request_id, account_id, identifier, kind, status, status, 'AUTO_RETRY', :actor,"
					+ " 'Submitted again as item ' || :retriedAs FROM marked")
			.bind("id", itemId)
			.bind("retriedAs", retriedAs)
			.bind("actor", actor)
			.fetch()
			.rowsUpdated()
			.then();
	}

	private Mono<ItemRow> insertLive(UUID requestId, UUID accountId, NewItem item, String actor) {
		if (!item.status().isLive()) {
			return insert(requestId, accountId, item, actor);
		}
		return insertItem(requestId, accountId, item, actor,
				" ON CONFLICT (account_id, kind, entitlement) WHERE status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR')"
						+ " DO NOTHING");
	}

	private Mono<ItemRow> insert(UUID requestId, UUID accountId, NewItem item, String actor) {
		return insertItem(requestId, accountId, item, actor, "");
	}

	private Mono<ItemRow> insertItem(UUID requestId, UUID accountId, NewItem item, String actor, String onConflict) {
		return this.db.sql("WITH item AS (INSERT INTO access_item (request_id, account_id, kind, identifier_type,"
				+ " identifier, entitlement, contract_number, bill_to_id, status, reason, rule, retry_after, auto_retry,"
				+ " deciders, deadline, pending_since) VALUES (:request, :account, :kind, :type, :identifier,"
				+ " :entitlement, :contract, :billTo, :status, :reason, :rule, :retryAfter, :autoRetry, :deciders,"
				+ " :deadline, CASE WHEN :pending THEN now() END)" + onConflict + " RETURNING *)," + " event AS ("
				+ EVENT_INSERT
				+ " SELECT id, request_id, account_id, identifier, kind, NULL, status, reason, :actor, NULL FROM item)"
				+ " SELECT " + ITEM_COLUMNS + " FROM item")
			.bind("request", requestId)
			.bind("account", accountId)
			.bind("kind", item.kind().name())
			.bind("type", item.identifierType().name())
			.bind("identifier", item.identifier())
			.bind("entitlement", item.entitlement())
			.bind("contract", Parameter.fromOrEmpty(item.contractNumber(), String.class))
			.bind("billTo", Parameter.fromOrEmpty(item.billToId(), String.class))
			.bind("status", item.status().name())
			.bind("reason", item.reason().name())
			.bind("rule", Parameter.fromOrEmpty(item.rule(), String.class))
			.bind("retryAfter", Parameter.fromOrEmpty(offset(item.retryAfter()), OffsetDateTime.class))
			.bind("autoRetry", item.autoRetry())
			.bind("deciders", item.deciders().toArray(String[]::new))
			.bind("deadline", Parameter.fromOrEmpty(offset(item.deadline()), OffsetDateTime.class))
			.bind("pending", item.status().isPending())
			.bind("actor", actor)
			.map(StatusDoor::itemRow)
			.one();
	}

	private static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static ItemRow itemRow(Readable row) {
		String[] deciders = row.get("deciders", String[].class);
		return new ItemRow(row.get("id", UUID.class), row.get("request_id", UUID.class),
				row.get("account_id", UUID.class), AccessKind.valueOf(row.get("kind", String.class)),
				row.get("identifier_type", String.class), row.get("identifier", String.class),
				row.get("entitlement", String.class), row.get("contract_number", String.class),
				row.get("bill_to_id", String.class), ItemStatus.valueOf(row.get("status", String.class)),
				ReasonCode.valueOf(row.get("reason", String.class)), row.get("rule", String.class),
				instant(row.get("retry_after", OffsetDateTime.class)),
				Boolean.TRUE.equals(row.get("auto_retry", Boolean.class)), row.get("retried_as", UUID.class),
				deciders == null ? List.of() : List.of(deciders), instant(row.get("deadline", OffsetDateTime.class)),
				instant(row.get("pending_since", OffsetDateTime.class)), row.get("note", String.class),
				instant(row.get("created_at", OffsetDateTime.class)),
				instant(row.get("updated_at", OffsetDateTime.class)));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	/** An item about to be written at submission (or auto-retry), as decided. */
	record NewItem(AccessKind kind, org.accessdesk.registry.IdentifierType identifierType, String identifier,
			String entitlement, @Nullable String contractNumber, @Nullable String billToId, ItemStatus status,
			ReasonCode reason, @Nullable String rule, @Nullable Instant retryAfter, boolean autoRetry,
			List<String> deciders, @Nullable Instant deadline) {

		NewItem alreadyRegistered() {
			return new NewItem(this.kind, this.identifierType, this.identifier, this.entitlement, this.contractNumber,
					this.billToId, ItemStatus.DENIED, ReasonCode.ALREADY_REGISTERED, "D4", null, false, List.of(),
					null);
		}

	}

	/**
	 * A change of status: where to, why, who did it, and what the item shows afterwards
	 * ({@code deadline} for PENDING_VENDOR, {@code deciders} when set anew — null keeps
	 * them).
	 */
	record Change(ItemStatus to, ReasonCode reason, String actor, @Nullable String comment, @Nullable Instant deadline,
			@Nullable List<String> deciders) {

		static Change to(ItemStatus to, ReasonCode reason, String actor) {
			return new Change(to, reason, actor, null, null, null);
		}

		Change withComment(@Nullable String text) {
			return new Change(this.to, this.reason, this.actor, text, this.deadline, this.deciders);
		}

		Change withDeadline(@Nullable Instant at) {
			return new Change(this.to, this.reason, this.actor, this.comment, at, this.deciders);
		}

	}

	/** An item as stored. */
	record ItemRow(UUID id, UUID requestId, UUID accountId, AccessKind kind, String identifierType, String identifier,
			String entitlement, @Nullable String contractNumber, @Nullable String billToId, ItemStatus status,
			ReasonCode reason, @Nullable String rule, @Nullable Instant retryAfter, boolean autoRetry,
			@Nullable UUID retriedAs, List<String> deciders, @Nullable Instant deadline, @Nullable Instant pendingSince,
			@Nullable String note, Instant createdAt, Instant updatedAt) {
	}

}
