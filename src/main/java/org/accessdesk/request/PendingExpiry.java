package org.accessdesk.request;

import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Items that waited {@code accessdesk.requests.expire-after} (28 days) for a decision
 * expire. Safe with several instances: each claims a batch with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never take the same item, and the
 * door's guarded update would refuse a second move anyway.
 */
@Component
class PendingExpiry {

	private static final Log logger = LogFactory.getLog(PendingExpiry.class);

	static final int BATCH = 200;

	private final DatabaseClient db;

	private final StatusDoor door;

	private final RequestProperties properties;

	PendingExpiry(DatabaseClient db, StatusDoor door, RequestProperties properties) {
		this.db = db;
		this.door = door;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${accessdesk.requests.expiry-interval:1m}", initialDelayString = "30s")
	Mono<Long> expireDue() {
		return expireBatch().doOnNext((count) -> {
			if (count > 0) {
				logger.info("Expired " + count + " items that waited longer than " + this.properties.expireAfter());
			}
		}).onErrorResume((ex) -> {
			logger.warn("Expiring pending items failed; the next run tries again", ex);
			return Mono.just(0L);
		});
	}

	/** Expires one batch of due items in one transaction; answers how many. */
	Mono<Long> expireBatch() {
		return this.db
			.sql("SELECT id FROM access_item WHERE status IN ('PENDING_ADMIN', 'PENDING_VENDOR')"
					+ " AND pending_since <= now() - make_interval(secs => :seconds)"
					+ " ORDER BY pending_since LIMIT :batch FOR UPDATE SKIP LOCKED")
			.bind("seconds", (double) this.properties.expireAfter().toSeconds())
			.bind("batch", BATCH)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.concatMap((id) -> this.door.moveInTransaction(id, LifecycleAction.EXPIRE.from(),
					StatusDoor.Change.to(ItemStatus.EXPIRED, ReasonCode.EXPIRED, "system")))
			.count()
			.as(this.door::committed);
	}

}
