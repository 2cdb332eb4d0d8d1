package org.accessdesk.request;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.account.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code item_event} table, the append-only event log, read in commit order (the door
 * appends to it: {@link #INSERT}). A sequencer stamps committed events with their place
 * ({@code seq}, see {@code V8__event_commit_order.sql}); whoever reads after calling
 * {@link #sequence()} sees every event committed before the call, and a position once
 * reached is never passed by an event stamped later. So a reader takes everything after
 * its position: no transaction left open elsewhere holds it back.
 */
@Component
public class EventLog {

	/**
	 * Events stamped per sequencer run; a run that stamps this many is followed by
	 * another.
	 */
	static final int SEQUENCE_BATCH = 5000;

	/**
	 * How the door appends an event, followed by the select that gives its values (in the
	 * door's own statements: see {@link DoorStatements}).
	 */
	static final String INSERT = """
			INSERT INTO item_event (item_id, request_id, account_id, identifier, kind, from_status, to_status,
			    reason, actor, comment, at)""";

	/**
	 * What a reader gets of an event. The item's contract and Bill-to ID come with it,
	 * joined in the same read: the live feed and the mail need them for every event.
	 */
	private static final String EVENT_COLUMNS = """
			e.seq, e.item_id, e.request_id, e.account_id, e.identifier, e.kind, e.from_status, e.to_status,
			e.reason, e.actor, e.comment, e.at, i.contract_number, i.bill_to_id""";

	private static final String FROM = " FROM item_event e JOIN access_item i ON i.id = e.item_id";

	private final DatabaseClient db;

	EventLog(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The same log read over other connections: the live feed reads over its own, so that
	 * it never waits behind requests for the shared pool.
	 */
	public EventLog through(DatabaseClient connections) {
		return new EventLog(connections);
	}

	/**
	 * Stamps every event committed so far with its place in the log (one statement per
	 * run; runs of all instances follow one another).
	 */
	public Mono<Void> sequence() {
		return sequenceOnce().expand((stamped) -> (stamped == SEQUENCE_BATCH) ? sequenceOnce() : Mono.empty()).then();
	}

	private Mono<Integer> sequenceOnce() {
		return this.db.sql("SELECT sequence_item_events(:batch) AS stamped")
			.bind("batch", SEQUENCE_BATCH)
			.map((row) -> row.get("stamped", Integer.class))
			.one();
	}

	/** The audit trail of one request's items, in commit order. */
	public Flux<ItemEvent> ofRequest(RequestId requestId) {
		return sequence().thenMany(this.db
			.sql("SELECT " + EVENT_COLUMNS + FROM
					+ " WHERE e.request_id = :request AND e.seq IS NOT NULL ORDER BY e.seq")
			.bind("request", requestId.value())
			.map(EventLog::event)
			.all());
	}

	/**
	 * Events after {@code position} in commit order, as stamped so far. The live feed
	 * reads forward with this after {@link #sequence()}.
	 */
	public Flux<ItemEvent> after(EventPosition position, int limit) {
		return this.db.sql("SELECT " + EVENT_COLUMNS + FROM + " WHERE e.seq > :seq ORDER BY e.seq LIMIT :limit")
			.bind("seq", position.seq())
			.bind("limit", limit)
			.map(EventLog::event)
			.all();
	}

	/** The same, for one account only (a user's stream replaying what it missed). */
	public Flux<ItemEvent> afterFor(AccountId accountId, EventPosition position, int limit) {
		return this.db
			.sql("SELECT " + EVENT_COLUMNS + FROM
					+ " WHERE e.account_id = :account AND e.seq > :seq ORDER BY e.seq LIMIT :limit")
			.bind("account", accountId.value())
			.bind("seq", position.seq())
			.bind("limit", limit)
			.map(EventLog::event)
			.all();
	}

	/**
	 * The newest stamped event's position: where a live reader that wants only what
	 * happens from now on starts. An empty log (a new installation) has no max: it starts
	 * at 0, not at a null row.
	 */
	public Mono<EventPosition> head() {
		return this.db.sql("SELECT coalesce(max(seq), 0) AS seq FROM item_event")
			.map((row) -> new EventPosition(row.get("seq", Long.class)))
			.one();
	}

	/**
	 * Where the event with this id stands, for a client that resumes with an id of the
	 * form used before the log was in commit order; empty when there is no such event.
	 */
	public Mono<EventPosition> positionOfEvent(long eventId) {
		return sequence().then(this.db.sql("SELECT seq FROM item_event WHERE id = :id AND seq IS NOT NULL")
			.bind("id", eventId)
			.map((row) -> new EventPosition(row.get("seq", Long.class)))
			.one());
	}

	/**
	 * Items a queue decided since {@code since} (the events with that queue's reason),
	 * the newest decision first, each with the item as it is now. With scope sets, only
	 * the items under those contracts and Bill-to IDs.
	 */
	Flux<ItemDecisions.DecidedItem> decided(ReasonCode decidedBy, @Nullable Set<String> contracts,
			@Nullable Set<String> billTos, Instant since, int limit) {
		String scoped = (contracts == null || billTos == null) ? ""
				: " AND (i.contract_number = ANY(:contracts) OR i.bill_to_id = ANY(:billTos))";
		/*
		 * The reason is written into the SQL (an enum constant's name, nothing anyone
		 * typed) so that the planner can use the partial index item_event_decided (V14),
		 * which a bound parameter would hide from a generic plan.
		 */
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				SELECT i.*, r.justification, e.to_status AS decision, e.actor AS decided_by,
				    e.comment AS decision_comment, e.at AS decided_at
				FROM item_event e JOIN access_item i ON i.id = e.item_id JOIN access_request r ON r.id = e.request_id
				WHERE e.reason = '""" + decidedBy.name() + "' AND e.at >= :since" + scoped
				+ " ORDER BY e.at DESC, e.id DESC LIMIT :limit")
			.bind("since", Timestamps.utc(since))
			.bind("limit", limit);
		if (contracts != null && billTos != null) {
			spec = spec.bind("contracts", contracts.toArray(String[]::new))
				.bind("billTos", billTos.toArray(String[]::new));
		}
		return spec
			.map((row) -> new ItemDecisions.DecidedItem(ItemDecisions.PendingItem.of(AccessItems.ForReview.read(row)),
					ItemStatus.valueOf(row.get("decision", String.class)), row.get("decided_by", String.class),
					row.get("decision_comment", String.class), Timestamps.instant(row, "decided_at")))
			.all();
	}

	static ItemEvent event(Readable row) {
		return new ItemEvent(new EventPosition(row.get("seq", Long.class)),
				RequestId.of(row.get("request_id", UUID.class)), ItemId.of(row.get("item_id", UUID.class)),
				AccountId.of(row.get("account_id", UUID.class)), row.get("identifier", String.class),
				AccessKind.valueOf(row.get("kind", String.class)), row.get("from_status", String.class),
				row.get("to_status", String.class), row.get("reason", String.class), row.get("actor", String.class),
				row.get("comment", String.class), Timestamps.instant(row, "at"),
				row.get("contract_number", String.class), row.get("bill_to_id", String.class));
	}

}
