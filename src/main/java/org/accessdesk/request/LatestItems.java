package org.accessdesk.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.accessdesk.account.AccountId;
import org.accessdesk.web.DomainError;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * One item per identifier (and kind, and identifier type) of an account: the one that
 * says where that identifier stands now (issue 15, "one card per identifier"). A repeat
 * of a number already held is denied ALREADY_REGISTERED, but the number is still held: so
 * a live item (approved or pending) wins over any other, then the most recently changed,
 * then the newest. Ordered by when the identifier was last asked for, newest first, and
 * paged by a keyset cursor on that: a repeat moves its card to the top.
 * <p>
 * A read of {@code access_item} only, kept out of {@link AccessItems} (which is at its
 * size limit); items are mapped by {@link AccessItems#row}. The filter applies to the
 * chosen item: "approved" lists numbers held now, not numbers once approved.
 */
@Component
class LatestItems {

	/**
	 * Per identifier, the item that speaks for it, with when the identifier was last
	 * asked for ({@code asked_at}) and how many items it has ({@code asked}).
	 */
	private static final String LATEST = """
			WITH latest AS (
			    SELECT DISTINCT ON (kind, identifier_type, identifier) *,
			        max(created_at) OVER same AS asked_at, count(*) OVER same AS asked
			    FROM access_item WHERE account_id = :account
			    WINDOW same AS (PARTITION BY kind, identifier_type, identifier)
			    ORDER BY kind, identifier_type, identifier,
			        status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR') DESC,
			        updated_at DESC, created_at DESC, id DESC)
			""";

	private static final String FILTER = "status = ANY(:statuses) AND kind = ANY(:kinds)";

	private final DatabaseClient db;

	LatestItems(DatabaseClient db) {
		this.db = db;
	}

	/** One page, and the cursor of the next (null at the end). */
	Mono<Page> page(AccountId account, Set<AccessKind> kinds, Set<ItemStatus> statuses, @Nullable Cursor after,
			int size) {
		String sql = LATEST + "SELECT * FROM latest WHERE " + FILTER
				+ ((after == null) ? "" : " AND (asked_at, id) < (:afterAt, :afterId)")
				+ " ORDER BY asked_at DESC, id DESC LIMIT :limit";
		var spec = this.db.sql(sql)
			.bind("account", account.value())
			.bind("statuses", names(statuses))
			.bind("kinds", names(kinds))
			.bind("limit", size + 1);
		if (after != null) {
			spec = spec.bind("afterAt", Timestamps.utc(after.askedAt())).bind("afterId", after.id());
		}
		return spec
			.map((row) -> new Latest(AccessItems.row(row), Timestamps.instant(row, "asked_at"),
					row.get("asked", Long.class)))
			.all()
			.collectList()
			.map((found) -> {
				if (found.size() <= size) {
					return new Page(found, null);
				}
				List<Latest> shown = found.subList(0, size);
				Latest last = shown.get(size - 1);
				return new Page(shown, new Cursor(last.askedAt(), last.item().id().value()).toString());
			});
	}

	/** How many identifiers the filter leaves. */
	Mono<Long> count(AccountId account, Set<AccessKind> kinds, Set<ItemStatus> statuses) {
		return this.db.sql(LATEST + "SELECT count(*) FROM latest WHERE " + FILTER)
			.bind("account", account.value())
			.bind("statuses", names(statuses))
			.bind("kinds", names(kinds))
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	private static String[] names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).toArray(String[]::new);
	}

	/**
	 * The item that speaks for its identifier, when the identifier was last asked for,
	 * and how many items the identifier has in all (this one included).
	 */
	record Latest(ItemRow item, Instant askedAt, long asked) {
	}

	record Page(List<Latest> items, @Nullable String next) {
	}

	/** Where a page ends: opaque to clients (base64url of the time and the item id). */
	record Cursor(Instant askedAt, UUID id) {

		static @Nullable Cursor parse(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
					.split("\\|", -1);
				if (parts.length == 2) {
					return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
				}
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				// answered below, as any other cursor we did not write
			}
			throw new DomainError.InvalidField("cursor", "is not a cursor this service wrote");
		}

		@Override
		public String toString() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.askedAt + "|" + this.id).getBytes(StandardCharsets.UTF_8));
		}

	}

}
