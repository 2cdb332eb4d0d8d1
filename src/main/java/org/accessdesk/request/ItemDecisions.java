package org.accessdesk.request;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What reviewers need of items (the review module's door into this one): the pending
 * items of a queue, and deciding one — through the {@link StatusDoor}, so two reviewers
 * deciding the same item at once cannot both win.
 */
@Component
public class ItemDecisions {

	private static final String PENDING_COLUMNS = "i.id, i.request_id, i.account_id, i.kind, i.identifier_type,"
			+ " i.identifier, i.contract_number, i.bill_to_id, i.status, i.reason, i.deciders, i.deadline,"
			+ " i.pending_since, i.updated_at, r.justification";

	private final DatabaseClient db;

	private final StatusDoor door;

	ItemDecisions(DatabaseClient db, StatusDoor door) {
		this.db = db;
		this.door = door;
	}

	/**
	 * Items waiting for the administrators of these contracts and Bill-to IDs, oldest
	 * first.
	 */
	public Flux<PendingItem> waitingForAdmins(Set<String> contracts, Set<String> billTos) {
		return this.db
			.sql("SELECT " + PENDING_COLUMNS + " FROM access_item i JOIN access_request r ON r.id = i.request_id"
					+ " WHERE i.status = 'PENDING_ADMIN' AND (i.contract_number = ANY(:contracts)"
					+ " OR i.bill_to_id = ANY(:billTos)) ORDER BY i.pending_since, i.id")
			.bind("contracts", contracts.toArray(String[]::new))
			.bind("billTos", billTos.toArray(String[]::new))
			.map((io.r2dbc.spi.Readable row) -> pending(row))
			.all();
	}

	/**
	 * Items waiting for the vendor's desk: those past their deadline first, then by
	 * deadline.
	 */
	public Flux<PendingItem> waitingForVendor(Instant now) {
		return this.db
			.sql("SELECT " + PENDING_COLUMNS + " FROM access_item i JOIN access_request r ON r.id = i.request_id"
					+ " WHERE i.status = 'PENDING_VENDOR' ORDER BY (i.deadline <= :now) DESC, i.deadline, i.id")
			.bind("now", now.atOffset(java.time.ZoneOffset.UTC))
			.map((io.r2dbc.spi.Readable row) -> pending(row))
			.all();
	}

	/**
	 * Access granted now under these contracts and Bill-to IDs (what an administrator may
	 * revoke), most recently changed first.
	 */
	public Flux<PendingItem> approvedUnder(Set<String> contracts, Set<String> billTos, int limit) {
		return this.db
			.sql("SELECT " + PENDING_COLUMNS + " FROM access_item i JOIN access_request r ON r.id = i.request_id"
					+ " WHERE i.status = 'APPROVED' AND (i.contract_number = ANY(:contracts)"
					+ " OR i.bill_to_id = ANY(:billTos)) ORDER BY i.updated_at DESC, i.id LIMIT :limit")
			.bind("contracts", contracts.toArray(String[]::new))
			.bind("billTos", billTos.toArray(String[]::new))
			.bind("limit", limit)
			.map((io.r2dbc.spi.Readable row) -> pending(row))
			.all();
	}

	/**
	 * Access granted now, anywhere (the vendor desk's view), most recently changed first.
	 */
	public Flux<PendingItem> approved(int limit) {
		return this.db
			.sql("SELECT " + PENDING_COLUMNS + " FROM access_item i JOIN access_request r ON r.id = i.request_id"
					+ " WHERE i.status = 'APPROVED' ORDER BY i.updated_at DESC, i.id LIMIT :limit")
			.bind("limit", limit)
			.map((io.r2dbc.spi.Readable row) -> pending(row))
			.all();
	}

	/**
	 * Ends approved access on a reviewer's word (SPEC §6: revoke by administrator or
	 * vendor). 409 {@code STATUS_CHANGED} when it is no longer approved.
	 */
	public Mono<Decided> revoke(UUID itemId, String actor, String reason) {
		return this.door
			.move(itemId, LifecycleAction.REVOKE,
					StatusDoor.Change.because(ReasonCode.REVOKED, actor).withComment(reason))
			.map((item) -> new Decided(item.id(), item.requestId(), item.status(), item.reason(), item.note(),
					item.updatedAt()));
	}

	/**
	 * One item in whatever state it is, so that a reviewer who was too late learns it
	 * (409, not 404).
	 */
	public Mono<PendingItem> find(UUID itemId) {
		return this.db
			.sql("SELECT " + PENDING_COLUMNS + " FROM access_item i JOIN access_request r ON r.id = i.request_id"
					+ " WHERE i.id = :id")
			.bind("id", itemId)
			.map((io.r2dbc.spi.Readable row) -> pending(row))
			.one();
	}

	/**
	 * Approves or denies an item waiting in {@code queue}. 409 {@code STATUS_CHANGED}
	 * when it is no longer waiting there (decided by someone else, withdrawn, escalated,
	 * expired).
	 */
	public Mono<Decided> decide(UUID itemId, Queue queue, Verdict verdict, String actor, @Nullable String note) {
		ItemStatus waiting = (queue == Queue.ADMIN) ? ItemStatus.PENDING_ADMIN : ItemStatus.PENDING_VENDOR;
		ReasonCode reason = (queue == Queue.ADMIN) ? ReasonCode.DECIDED_BY_ADMIN : ReasonCode.DECIDED_BY_VENDOR;
		return this.door
			.move(itemId, verdict.action(), waiting, StatusDoor.Change.because(reason, actor).withComment(note))
			.map((item) -> new Decided(item.id(), item.requestId(), item.status(), item.reason(), item.note(),
					item.updatedAt()));
	}

	private static PendingItem pending(io.r2dbc.spi.Readable row) {
		String[] deciders = row.get("deciders", String[].class);
		return new PendingItem(row.get("id", UUID.class), row.get("request_id", UUID.class),
				row.get("account_id", UUID.class), AccessKind.valueOf(row.get("kind", String.class)),
				row.get("identifier_type", String.class), row.get("identifier", String.class),
				row.get("contract_number", String.class), row.get("bill_to_id", String.class),
				ItemStatus.valueOf(row.get("status", String.class)),
				ReasonCode.valueOf(row.get("reason", String.class)), (deciders == null) ? List.of() : List.of(deciders),
				instant(row, "deadline"), instant(row, "pending_since"), instant(row, "updated_at"),
				row.get("justification", String.class));
	}

	private static @Nullable Instant instant(io.r2dbc.spi.Readable row, String column) {
		java.time.OffsetDateTime time = row.get(column, java.time.OffsetDateTime.class);
		return (time == null) ? null : time.toInstant();
	}

	/** An item waiting for a decision, with what the reviewer needs to decide it. */
	public record PendingItem(UUID id, UUID requestId, UUID accountId, AccessKind kind, String identifierType,
			String identifier, @Nullable String contractNumber, @Nullable String billToId, ItemStatus status,
			ReasonCode reason, List<String> deciders, @Nullable Instant deadline, @Nullable Instant pendingSince,
			Instant updatedAt, @Nullable String justification) {

	}

	/** The outcome of a decision. */
	public record Decided(UUID id, UUID requestId, ItemStatus status, ReasonCode reason, @Nullable String note,
			Instant updatedAt) {
	}

}
