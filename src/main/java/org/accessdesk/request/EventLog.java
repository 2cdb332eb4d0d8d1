package org.accessdesk.request;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the append-only event log. Events are ordered by {@code (txid, id)}: the writing
 * transaction first, then the sequence within it. That order is final for every event
 * whose transaction is older than the oldest one still running, which is what lets a live
 * reader resume exactly where it stopped (see {@code V3__access_requests.sql}).
 */
@Component
public class EventLog {

	static final String EVENT_COLUMNS = "e.id, e.txid::text AS txid, e.item_id, e.request_id, e.account_id,"
			+ " e.identifier, e.kind, e.from_status, e.to_status, e.reason, e.actor, e.comment, e.at,"
			+ " i.contract_number, i.bill_to_id";

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

	/** The audit trail of one request's items, oldest first. */
	public Flux<ItemEvent> ofRequest(UUID requestId) {
		return this.db
			.sql("SELECT " + EVENT_COLUMNS + FROM + " WHERE e.request_id = :request" + " ORDER BY e.txid, e.id")
			.bind("request", requestId)
			.map(EventLog::event)
			.all();
	}

	/**
	 * Events after {@code position} that are final — written by transactions older than
	 * the oldest one still running, so nothing can still commit before them — in log
	 * order. The live feed reads forward with this; it never skips an event that commits
	 * late, because such an event's transaction id keeps it behind the horizon until it
	 * has committed.
	 */
	public Flux<ItemEvent> finalAfter(EventPosition position, int limit) {
		return this.db
			.sql("SELECT " + EVENT_COLUMNS + FROM + " WHERE (e.txid, e.id) > (:txid::text::xid8, :id)"
					+ " AND e.txid < pg_snapshot_xmin(pg_current_snapshot())" + " ORDER BY e.txid, e.id LIMIT :limit")
			.bind("txid", String.valueOf(position.txid()))
			.bind("id", position.id())
			.bind("limit", limit)
			.map(EventLog::event)
			.all();
	}

	/** The same, for one account only (a user's stream replaying what it missed). */
	public Flux<ItemEvent> finalAfterFor(java.util.UUID accountId, EventPosition position, int limit) {
		return this.db
			.sql("SELECT " + EVENT_COLUMNS + FROM + " WHERE e.account_id = :account"
					+ " AND (e.txid, e.id) > (:txid::text::xid8, :id)"
					+ " AND e.txid < pg_snapshot_xmin(pg_current_snapshot())" + " ORDER BY e.txid, e.id LIMIT :limit")
			.bind("account", accountId)
			.bind("txid", String.valueOf(position.txid()))
			.bind("id", position.id())
			.bind("limit", limit)
			.map(EventLog::event)
			.all();
	}

	/**
	 * The newest final event's position: where a live reader that wants only what happens
	 * from now on starts.
	 */
	public Mono<EventPosition> head() {
		return this.db
			.sql("SELECT txid::text AS txid, id FROM item_event"
					+ " WHERE txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid DESC, id DESC LIMIT 1")
			.map((row) -> EventPosition.of(row.get("txid", String.class), row.get("id", Long.class)))
			.one()
			.defaultIfEmpty(EventPosition.START);
	}

	static ItemEvent event(Readable row) {
		return new ItemEvent(EventPosition.of(row.get("txid", String.class), row.get("id", Long.class)),
				row.get("request_id", UUID.class), row.get("item_id", UUID.class), row.get("account_id", UUID.class),
				row.get("identifier", String.class), AccessKind.valueOf(row.get("kind", String.class)),
				row.get("from_status", String.class), row.get("to_status", String.class),
				row.get("reason", String.class), row.get("actor", String.class), row.get("comment", String.class),
				row.get("at", OffsetDateTime.class).toInstant(), row.get("contract_number", String.class),
				row.get("bill_to_id", String.class));
	}

}
