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
 * expire, each on its own through the door ({@link BackgroundWork}: one that fails is
 * tried again later and holds back no other). Safe with several instances: the door's
 * guarded update lets only one of them move an item.
 */
@Component
class PendingExpiry {

	private static final Log logger = LogFactory.getLog(PendingExpiry.class);

	static final String JOB = "expiry";

	static final int BATCH = 200;

	private final DatabaseClient db;

	private final StatusDoor door;

	private final BackgroundWork work;

	private final RequestProperties properties;

	PendingExpiry(DatabaseClient db, StatusDoor door, BackgroundWork work, RequestProperties properties) {
		this.db = db;
		this.door = door;
		this.work = work;
		this.properties = properties;
	}

	// The interval comes from the bound properties, so their defaults are the only ones.
	@Scheduled(fixedDelayString = "#{@'accessdesk.requests-org.accessdesk.request.RequestProperties'.expiryInterval()}",
			initialDelayString = "30s")
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

	/** Expires due items, oldest first, each on its own; answers how many. */
	Mono<Long> expireBatch() {
		return this.work.run(JOB,
				(skip) -> this.db.sql("""
						SELECT id FROM access_item WHERE status IN ('PENDING_ADMIN', 'PENDING_VENDOR')
						AND pending_since <= now() - make_interval(secs => :seconds) AND id <> ALL(:skip)
						ORDER BY pending_since LIMIT :batch""")
					.bind("seconds", (double) this.properties.expireAfter().toSeconds())
					.bind("skip", skip.toArray(UUID[]::new))
					.bind("batch", BATCH)
					.map((row) -> row.get("id", UUID.class))
					.all(),
				(id) -> this.door
					.move(id, LifecycleAction.EXPIRE, StatusDoor.Change.because(ReasonCode.EXPIRED, "system"))
					.thenReturn(true));
	}

}
