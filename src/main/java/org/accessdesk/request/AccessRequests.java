package org.accessdesk.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The {@code access_request} table, and requests read with their items
 * ({@link AccessItems}). Items are written through {@link StatusDoor}; the request row
 * itself here.
 */
@Component
class AccessRequests {

	private static final String COLUMNS = """
			id, account_id, kind, identifier_type, justification, auto_retry, idempotency_key, fingerprint, created_at""";

	/**
	 * Requests that have an item in {@code :status}: the one filter of a request by its
	 * items, kept in the request's own statement so that a page and its count agree.
	 */
	private static final String HAS_ITEM_IN_STATUS = """
			AND EXISTS (SELECT 1 FROM access_item i WHERE i.request_id = r.id AND i.status = :status)""";

	/**
	 * The order of a request's items, as {@link AccessItems#ofRequests} reads them: by
	 * creation, then identifier. The identifier is compared by code point (COLLATE "C"
	 * there), so that the answer to a submission, ordered in memory, lists its items as a
	 * later read does.
	 */
	static final Comparator<ItemRow> ITEM_ORDER = Comparator.comparing(ItemRow::createdAt)
		.thenComparing(ItemRow::identifier);

	private final DatabaseClient db;

	private final AccessItems items;

	private final Clock clock;

	AccessRequests(DatabaseClient db, AccessItems items, Clock clock) {
		this.db = db;
		this.items = items;
		this.clock = clock;
	}

	/**
	 * Writes the request row, or completes empty when the account already used this
	 * idempotency key (then the caller answers the earlier request).
	 */
	Mono<RequestRow> insert(AccountId accountId, AccessKind kind, IdentifierType type, @Nullable String justification,
			boolean autoRetry, @Nullable String idempotencyKey, String fingerprint) {
		return this.db.sql("""
				INSERT INTO access_request (account_id, kind, identifier_type, justification, auto_retry,
				    idempotency_key, fingerprint, created_at)
				VALUES (:account, :kind, :type, :justification, :autoRetry, :key, :fingerprint, :now)
				ON CONFLICT (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
				RETURNING\s""" + COLUMNS)
			.bind("account", accountId.value())
			.bind("kind", kind.name())
			.bind("type", type.name())
			.bind("justification", Parameter.fromOrEmpty(justification, String.class))
			.bind("autoRetry", autoRetry)
			.bind("key", Parameter.fromOrEmpty(idempotencyKey, String.class))
			.bind("fingerprint", fingerprint)
			.bind("now", Timestamps.utc(this.clock.instant()))
			.map(AccessRequests::row)
			.one();
	}

	Mono<RequestRow> findByIdempotencyKey(AccountId accountId, String key) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM access_request WHERE account_id = :account AND idempotency_key = :key")
			.bind("account", accountId.value())
			.bind("key", key)
			.map(AccessRequests::row)
			.one();
	}

	/**
	 * One of the account's requests with its items; empty when unknown or someone else's.
	 */
	Mono<RequestWithItems> find(AccountId accountId, RequestId requestId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM access_request WHERE id = :id AND account_id = :account")
			.bind("id", requestId.value())
			.bind("account", accountId.value())
			.map(AccessRequests::row)
			.one()
			.flatMap(this::withItems);
	}

	/** The request an account's item belongs to; empty when the item is not theirs. */
	Mono<RequestId> requestOfItem(AccountId accountId, ItemId itemId) {
		return this.items.ofAccount(accountId, itemId).map(ItemRow::requestId);
	}

	/**
	 * A request with its items, whoever owns it: for reviewers, after their own check.
	 */
	Mono<RequestWithItems> findAnyone(RequestId requestId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM access_request WHERE id = :id")
			.bind("id", requestId.value())
			.map(AccessRequests::row)
			.one()
			.flatMap(this::withItems);
	}

	private Mono<RequestWithItems> withItems(RequestRow request) {
		return this.items.ofRequests(List.of(request.id()))
			.map((items) -> new RequestWithItems(request, items.getOrDefault(request.id(), List.of())));
	}

	/**
	 * A page of the account's requests, newest first; with a status, only requests that
	 * have an item in that status.
	 */
	Mono<List<RequestWithItems>> page(AccountId accountId, @Nullable ItemStatus status, int page, int size) {
		var spec = this.db
			.sql("SELECT " + COLUMNS + " FROM access_request r WHERE r.account_id = :account "
					+ ((status == null) ? "" : HAS_ITEM_IN_STATUS)
					+ " ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset")
			.bind("account", accountId.value())
			.bind("limit", size)
			.bind("offset", (long) page * size);
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		return spec.map(AccessRequests::row).all().collectList().flatMap((requests) -> {
			if (requests.isEmpty()) {
				return Mono.just(List.<RequestWithItems>of());
			}
			return this.items.ofRequests(requests.stream().map(RequestRow::id).toList())
				.map((items) -> requests.stream()
					.map((request) -> new RequestWithItems(request, items.getOrDefault(request.id(), List.of())))
					.toList());
		});
	}

	Mono<Long> count(AccountId accountId, @Nullable ItemStatus status) {
		var spec = this.db
			.sql("SELECT count(*) FROM access_request r WHERE r.account_id = :account "
					+ ((status == null) ? "" : HAS_ITEM_IN_STATUS))
			.bind("account", accountId.value());
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		return spec.map((row) -> row.get(0, Long.class)).one();
	}

	/** What the requester wrote for the reviewer; empty when nothing. */
	Mono<String> justification(RequestId requestId) {
		return this.db.sql("SELECT justification FROM access_request WHERE id = :id AND justification IS NOT NULL")
			.bind("id", requestId.value())
			.map((row) -> row.get("justification", String.class))
			.one();
	}

	private static RequestRow row(Readable row) {
		return new RequestRow(RequestId.of(row.get("id", UUID.class)), AccountId.of(row.get("account_id", UUID.class)),
				AccessKind.valueOf(row.get("kind", String.class)),
				IdentifierType.valueOf(row.get("identifier_type", String.class)),
				row.get("justification", String.class), Boolean.TRUE.equals(row.get("auto_retry", Boolean.class)),
				row.get("idempotency_key", String.class), row.get("fingerprint", String.class),
				Timestamps.instant(row, "created_at"));
	}

	/** A request as stored. */
	record RequestRow(RequestId id, AccountId accountId, AccessKind kind, IdentifierType identifierType,
			@Nullable String justification, boolean autoRetry, @Nullable String idempotencyKey,
			@Nullable String fingerprint, Instant createdAt) {
	}

	record RequestWithItems(RequestRow request, List<ItemRow> items) {
	}

}
