package org.accessdesk.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.accessdesk.request.ItemId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The {@code review_notice} table: which service-level notices have fired. Its key (item,
 * kind) lets each fire once, whatever the number of instances checking.
 */
@Component
class Notices {

	private final DatabaseClient db;

	Notices(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records that the notice fired at {@code at}; false when it had fired already (here
	 * or on another instance).
	 */
	Mono<Boolean> record(ItemId item, ServiceLevelListener.Notice.Kind kind, Instant at) {
		return this.db
			.sql("""
					INSERT INTO review_notice (item_id, kind, fired_at) VALUES (:item, :kind, :at) ON CONFLICT DO NOTHING""")
			.bind("item", item.value())
			.bind("kind", kind.name())
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((written) -> written > 0);
	}

	/** Those of {@code items} that have had this notice already. */
	Mono<Set<ItemId>> firedAmong(ServiceLevelListener.Notice.Kind kind, List<ItemId> items) {
		if (items.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.db.sql("SELECT item_id FROM review_notice WHERE kind = :kind AND item_id = ANY(:items)")
			.bind("kind", kind.name())
			.bind("items", items.stream().map(ItemId::value).toArray(UUID[]::new))
			.map((row) -> ItemId.of(row.get("item_id", UUID.class)))
			.all()
			.collect(HashSet::new, Set::add);
	}

}
