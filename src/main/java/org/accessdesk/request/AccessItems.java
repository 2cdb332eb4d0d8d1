package org.accessdesk.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code access_item} table: its reads, and the one mapping of its row to
 * {@link ItemRow}. Every write goes through the {@link StatusDoor} (its statements, in
 * {@link DoorStatements}, write item and event in one statement and return
 * {@link #COLUMNS}). Domain time is the service's clock, bound as {@code :now}: the
 * database's {@code now()} is not asked.
 */
@Component
class AccessItems {

	/** Every column, as {@link #row} reads them. */
	static final String COLUMNS = """
			id, request_id, account_id, kind, identifier_type, identifier, entitlement, contract_number, bill_to_id,
			status, reason, rule, retry_after, auto_retry, retried_as, deciders, deadline, pending_since, note,
			created_at, updated_at""";

	/** The reviewer's reads: the item and its request's justification, in one read. */
	private static final String FOR_REVIEW = """
			SELECT i.*, r.justification FROM access_item i JOIN access_request r ON r.id = i.request_id
			""";

	private final DatabaseClient db;

	AccessItems(DatabaseClient db) {
		this.db = db;
	}

	/** One of the account's items; empty when unknown or someone else's. */
	Mono<ItemRow> ofAccount(AccountId accountId, ItemId itemId) {
		return this.db.sql("SELECT * FROM access_item WHERE id = :id AND account_id = :account")
			.bind("id", itemId.value())
			.bind("account", accountId.value())
			.map(AccessItems::row)
			.one();
	}

	/** Any item, whoever's; empty when unknown. */
	Mono<ItemRow> find(ItemId itemId) {
		return one("SELECT * FROM access_item WHERE id = :id", itemId);
	}

	/** The item the statement selects by {@code :id}, if any. */
	private Mono<ItemRow> one(String sql, ItemId itemId) {
		return this.db.sql(sql).bind("id", itemId.value()).map(AccessItems::row).one();
	}

	/**
	 * The items of these requests, by request, each in {@link AccessRequests#ITEM_ORDER}
	 * (the identifier compared by code point, {@code COLLATE "C"}).
	 */
	Mono<Map<RequestId, List<ItemRow>>> ofRequests(List<RequestId> requestIds) {
		return this.db
			.sql("""
					SELECT * FROM access_item WHERE request_id = ANY(:ids) ORDER BY created_at, identifier COLLATE "C", id""")
			.bind("ids", requestIds.stream().map(RequestId::value).toArray(UUID[]::new))
			.map(AccessItems::row)
			.all()
			.collect(LinkedHashMap::new, (byRequest,
					item) -> byRequest.computeIfAbsent(item.requestId(), (id) -> new ArrayList<>()).add(item));
	}

	/** What the account holds or waits for now, for rule D4. */
	Flux<Holding> liveOf(AccountId accountId) {
		return this.db.sql("""
				SELECT kind, entitlement, status FROM access_item WHERE account_id = :account
				AND status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR')""")
			.bind("account", accountId.value())
			.map((row) -> new Holding(AccessKind.valueOf(row.get("kind", String.class)),
					row.get("entitlement", String.class), ItemStatus.valueOf(row.get("status", String.class))))
			.all();
	}

	/** The access the account holds now, as the access table lists it. */
	Flux<ItemRow> approvedOf(AccountId accountId) {
		return this.db.sql("""
				SELECT * FROM access_item WHERE account_id = :account AND status = 'APPROVED'
				ORDER BY kind, contract_number NULLS LAST, bill_to_id, identifier""")
			.bind("account", accountId.value())
			.map(AccessItems::row)
			.all();
	}

	/** Items waiting for a decision since {@code cutoff} or before, oldest first. */
	Flux<ItemId> waitingSince(Instant cutoff, List<ItemId> skip, int limit) {
		return this.db.sql("""
				SELECT id FROM access_item WHERE status IN ('PENDING_ADMIN', 'PENDING_VENDOR')
				AND pending_since <= :cutoff AND id <> ALL(:skip) ORDER BY pending_since LIMIT :limit""")
			.bind("cutoff", Timestamps.utc(cutoff))
			.bind("skip", skip.stream().map(ItemId::value).toArray(UUID[]::new))
			.bind("limit", limit)
			.map((row) -> ItemId.of(row.get("id", UUID.class)))
			.all();
	}

	/** TOO_NEW denials whose {@code retry_after} has come by {@code now}. */
	Flux<ItemId> dueForRetry(Instant now, List<ItemId> skip, int limit) {
		return this.db.sql("""
				SELECT id FROM access_item WHERE status = 'DENIED' AND auto_retry AND retried_as IS NULL
				AND retry_after <= :now AND id <> ALL(:skip) ORDER BY retry_after LIMIT :limit""")
			.bind("now", Timestamps.utc(now))
			.bind("skip", skip.stream().map(ItemId::value).toArray(UUID[]::new))
			.bind("limit", limit)
			.map((row) -> ItemId.of(row.get("id", UUID.class)))
			.all();
	}

	/**
	 * The denial, locked for this transaction; empty when another instance has it or it
	 * was retried already.
	 */
	Mono<ItemRow> claimForRetry(ItemId itemId) {
		return one("""
				SELECT * FROM access_item WHERE id = :id AND status = 'DENIED' AND auto_retry
				AND retried_as IS NULL FOR UPDATE SKIP LOCKED""", itemId);
	}

	/** Vendor-desk items whose deadline came by {@code now}, by deadline. */
	Flux<DueItem> pastVendorDeadline(Instant now, @Nullable DueItem after, int limit) {
		return due("deadline", "status = 'PENDING_VENDOR' AND deadline <= :until", now, after, limit);
	}

	/** Items waiting for administrators since {@code since} or before, oldest first. */
	Flux<DueItem> waitingForAdministratorsSince(Instant since, @Nullable DueItem after, int limit) {
		return due("pending_since", "status = 'PENDING_ADMIN' AND pending_since <= :until", since, after, limit);
	}

	/** A page of due items, ordered by {@code column} and id, after {@code after}. */
	private Flux<DueItem> due(String column, String condition, Instant until, @Nullable DueItem after, int limit) {
		DueItem from = (after != null) ? after : DueItem.START;
		return this.db.sql("""
				SELECT id, %1$s AS at FROM access_item WHERE %2$s AND (%1$s, id) > (:afterAt, :afterId)
				ORDER BY %1$s, id LIMIT :limit""".formatted(column, condition))
			.bind("until", Timestamps.utc(until))
			.bind("afterAt", Timestamps.utc(from.at()))
			.bind("afterId", from.id().value())
			.bind("limit", limit)
			.map((row) -> new DueItem(ItemId.of(row.get("id", UUID.class)), Timestamps.instant(row, "at")))
			.all();
	}

	/**
	 * Items waiting for the administrators of these contracts and Bill-to IDs, oldest
	 * first.
	 */
	Flux<ForReview> waitingForAdmins(Set<String> contracts, Set<String> billTos) {
		return this.db
			.sql(FOR_REVIEW
					+ """
							WHERE i.status = 'PENDING_ADMIN' AND (i.contract_number = ANY(:contracts) OR i.bill_to_id = ANY(:billTos))
							ORDER BY i.pending_since, i.id""")
			.bind("contracts", contracts.toArray(String[]::new))
			.bind("billTos", billTos.toArray(String[]::new))
			.map(ForReview::read)
			.all();
	}

	/**
	 * Items waiting for the vendor desk: those past their deadline first, then by
	 * deadline.
	 */
	Flux<ForReview> waitingForVendor(Instant now) {
		return this.db.sql(FOR_REVIEW + """
				WHERE i.status = 'PENDING_VENDOR' ORDER BY (i.deadline <= :now) DESC, i.deadline, i.id""")
			.bind("now", Timestamps.utc(now))
			.map(ForReview::read)
			.all();
	}

	/**
	 * Access granted now under these contracts and Bill-to IDs, most recently changed
	 * first.
	 */
	Flux<ForReview> approvedUnder(Set<String> contracts, Set<String> billTos, int limit) {
		return this.db.sql(FOR_REVIEW + """
				WHERE i.status = 'APPROVED' AND (i.contract_number = ANY(:contracts) OR i.bill_to_id = ANY(:billTos))
				ORDER BY i.updated_at DESC, i.id LIMIT :limit""")
			.bind("contracts", contracts.toArray(String[]::new))
			.bind("billTos", billTos.toArray(String[]::new))
			.bind("limit", limit)
			.map(ForReview::read)
			.all();
	}

	/** Access granted now, anywhere, most recently changed first. */
	Flux<ForReview> approved(int limit) {
		return this.db.sql(FOR_REVIEW + """
				WHERE i.status = 'APPROVED' ORDER BY i.updated_at DESC, i.id LIMIT :limit""")
			.bind("limit", limit)
			.map(ForReview::read)
			.all();
	}

	/** One item for a reviewer, in whatever state it is; empty when unknown. */
	Mono<ForReview> findForReview(ItemId itemId) {
		return this.db.sql(FOR_REVIEW + "WHERE i.id = :id").bind("id", itemId.value()).map(ForReview::read).one();
	}

	/** The one mapping of an item's row (whole, or {@link #COLUMNS}). */
	static ItemRow row(Readable row) {
		String[] deciders = row.get("deciders", String[].class);
		return new ItemRow(ItemId.of(row.get("id", UUID.class)), RequestId.of(row.get("request_id", UUID.class)),
				AccountId.of(row.get("account_id", UUID.class)), AccessKind.valueOf(row.get("kind", String.class)),
				IdentifierType.valueOf(row.get("identifier_type", String.class)), row.get("identifier", String.class),
				row.get("entitlement", String.class), row.get("contract_number", String.class),
				row.get("bill_to_id", String.class), ItemStatus.valueOf(row.get("status", String.class)),
				ReasonCode.valueOf(row.get("reason", String.class)), row.get("rule", String.class),
				Timestamps.instantOrNull(row, "retry_after"), Boolean.TRUE.equals(row.get("auto_retry", Boolean.class)),
				ItemId.ofNullable(row.get("retried_as", UUID.class)),
				(deciders == null) ? List.of() : List.of(deciders), Timestamps.instantOrNull(row, "deadline"),
				Timestamps.instantOrNull(row, "pending_since"), row.get("note", String.class),
				Timestamps.instant(row, "created_at"), Timestamps.instant(row, "updated_at"));
	}

	/** Something the account holds (APPROVED) or waits for (PENDING_*). */
	record Holding(AccessKind kind, String entitlement, ItemStatus status) {
	}

	/** An item as a reviewer reads it: with what the requester wrote for them. */
	record ForReview(ItemRow item, @Nullable String justification) {

		static ForReview read(Readable row) {
			return new ForReview(row(row), row.get("justification", String.class));
		}

	}

}
