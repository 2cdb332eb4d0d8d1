package org.accessdesk.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads requests and their items. Writes go through {@link StatusDoor}, except the
 * request row itself.
 */
@Component
class AccessRequests {

	private static final String REQUEST_COLUMNS = "id, account_id, kind, identifier_type, justification, auto_retry,"
			+ " idempotency_key, fingerprint, created_at";

	/**
	 * The order of a request's items, as {@link #itemsOf} reads them: by creation, then
	 * identifier. The identifier is compared by code point (COLLATE "C" there), so that
	 * the answer to a submission, ordered in memory, lists its items as a later read
	 * does.
	 */
	static final Comparator<ItemRow> ITEM_ORDER = Comparator.comparing(ItemRow::createdAt)
		.thenComparing(ItemRow::identifier);

	private final DatabaseClient db;

	AccessRequests(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Writes the request row, or completes empty when the account already used this
	 * idempotency key (then the caller answers the earlier request).
	 */
	Mono<RequestRow> insert(UUID accountId, AccessKind kind, IdentifierType type, @Nullable String justification,
			boolean autoRetry, @Nullable String idempotencyKey, String fingerprint) {
		return this.db
			.sql("INSERT INTO access_request (account_id, kind, identifier_type, justification, auto_retry,"
					+ " idempotency_key, fingerprint) VALUES (:account, :kind, :type, :justification, :autoRetry, :key,"
					+ " :fingerprint) ON CONFLICT (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL"
					+ " DO NOTHING RETURNING " + REQUEST_COLUMNS)
			.bind("account", accountId)
			.bind("kind", kind.name())
			.bind("type", type.name())
			.bind("justification", org.springframework.r2dbc.core.Parameter.fromOrEmpty(justification, String.class))
			.bind("autoRetry", autoRetry)
			.bind("key", org.springframework.r2dbc.core.Parameter.fromOrEmpty(idempotencyKey, String.class))
			.bind("fingerprint", fingerprint)
			.map(AccessRequests::requestRow)
			.one();
	}

	Mono<RequestRow> findByIdempotencyKey(UUID accountId, String key) {
		return this.db
			.sql("SELECT " + REQUEST_COLUMNS + " FROM access_request WHERE account_id = :account"
					+ " AND idempotency_key = :key")
			.bind("account", accountId)
			.bind("key", key)
			.map(AccessRequests::requestRow)
			.one();
	}

	/**
	 * One of the account's requests with its items; empty when unknown or someone else's.
	 */
	Mono<RequestWithItems> find(UUID accountId, UUID requestId) {
		return this.db
			.sql("SELECT " + REQUEST_COLUMNS + " FROM access_request WHERE id = :id AND account_id = :account")
			.bind("id", requestId)
			.bind("account", accountId)
			.map(AccessRequests::requestRow)
			.one()
			.flatMap((request) -> itemsOf(List.of(request.id()))
				.map((items) -> new RequestWithItems(request, items.getOrDefault(request.id(), List.of()))));
	}

	/**
	 * A request with its items, whoever owns it: for reviewers, after their own check.
	 */
	Mono<RequestWithItems> findAnyone(UUID requestId) {
		return this.db.sql("SELECT " + REQUEST_COLUMNS + " FROM access_request WHERE id = :id")
			.bind("id", requestId)
			.map(AccessRequests::requestRow)
			.one()
			.flatMap((request) -> itemsOf(List.of(request.id()))
				.map((items) -> new RequestWithItems(request, items.getOrDefault(request.id(), List.of()))));
	}

	/**
	 * A page of the account's requests, newest first; with a status, only requests that
	 * have an item in that status.
	 */
	Mono<List<RequestWithItems>> page(UUID accountId, @Nullable ItemStatus status, int page, int size) {
		String filter = (status == null) ? ""
				: " AND EXISTS (SELECT 1 FROM access_item i WHERE i.request_id = r.id AND i.status = :status)";
		var spec = this.db.sql(
				"SELECT r.id, r.account_id, r.kind, r.identifier_type, r.justification, r.auto_retry, r.idempotency_key,"
						+ " r.fingerprint, r.created_at FROM access_request r" + " WHERE r.account_id = :account"
						+ filter + " ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset")
			.bind("account", accountId)
			.bind("limit", size)
			.bind("offset", (long) page * size);
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		return spec.map(AccessRequests::requestRow).all().collectList().flatMap((requests) -> {
			if (requests.isEmpty()) {
				return Mono.just(List.<RequestWithItems>of());
			}
			return itemsOf(requests.stream().map(RequestRow::id).toList()).map((items) -> requests.stream()
				.map((request) -> new RequestWithItems(request, items.getOrDefault(request.id(), List.of())))
				.toList());
		});
	}

	Mono<Long> count(UUID accountId, @Nullable ItemStatus status) {
		String filter = (status == null) ? ""
				: " AND EXISTS (SELECT 1 FROM access_item i WHERE i.request_id = r.id AND i.status = :status)";
		var spec = this.db.sql("SELECT count(*) FROM access_request r WHERE r.account_id = :account" + filter)
			.bind("account", accountId);
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		return spec.map((row) -> row.get(0, Long.class)).one();
	}

	/** One of the account's items; empty when unknown or someone else's. */
	Mono<ItemRow> item(UUID accountId, UUID itemId) {
		return this.db.sql("SELECT * FROM access_item WHERE id = :id AND account_id = :account")
			.bind("id", itemId)
			.bind("account", accountId)
			.map(ItemRow::read)
			.one();
	}

	/** Any item, whoever's; empty when unknown. */
	Mono<ItemRow> anyItem(UUID itemId) {
		return this.db.sql("SELECT * FROM access_item WHERE id = :id").bind("id", itemId).map(ItemRow::read).one();
	}

	/** What the requester wrote for the reviewer; empty when nothing. */
	Mono<String> justification(UUID requestId) {
		return this.db.sql("SELECT justification FROM access_request WHERE id = :id AND justification IS NOT NULL")
			.bind("id", requestId)
			.map((row) -> row.get("justification", String.class))
			.one();
	}

	/**
	 * What the account holds or waits for now, for rule D4: entitlement keys per kind.
	 */
	Flux<Holding> liveHoldings(UUID accountId) {
		return this.db
			.sql("SELECT kind, entitlement, status FROM access_item WHERE account_id = :account"
					+ " AND status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR')")
			.bind("account", accountId)
			.map((row) -> new Holding(AccessKind.valueOf(row.get("kind", String.class)),
					row.get("entitlement", String.class), ItemStatus.valueOf(row.get("status", String.class))))
			.all();
	}

	private Mono<Map<UUID, List<ItemRow>>> itemsOf(List<UUID> requestIds) {
		return this.db
			.sql("SELECT * FROM access_item WHERE request_id = ANY(:ids)"
					+ " ORDER BY created_at, identifier COLLATE \"C\", id")
			.bind("ids", requestIds.toArray(UUID[]::new))
			.map(ItemRow::read)
			.all()
			.collect(LinkedHashMap::new, (byRequest,
					item) -> byRequest.computeIfAbsent(item.requestId(), (id) -> new ArrayList<>()).add(item));
	}

	static RequestRow requestRow(Readable row) {
		return new RequestRow(row.get("id", UUID.class), row.get("account_id", UUID.class),
				AccessKind.valueOf(row.get("kind", String.class)),
				IdentifierType.valueOf(row.get("identifier_type", String.class)),
				row.get("justification", String.class), Boolean.TRUE.equals(row.get("auto_retry", Boolean.class)),
				row.get("idempotency_key", String.class), row.get("fingerprint", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	/** A request as stored. */
	record RequestRow(UUID id, UUID accountId, AccessKind kind, IdentifierType identifierType,
			@Nullable String justification, boolean autoRetry, @Nullable String idempotencyKey,
			@Nullable String fingerprint, Instant createdAt) {
	}

	record RequestWithItems(RequestRow request, List<ItemRow> items) {
	}

	/** Something the account holds (APPROVED) or waits for (PENDING_*). */
	record Holding(AccessKind kind, String entitlement, ItemStatus status) {
	}

}
