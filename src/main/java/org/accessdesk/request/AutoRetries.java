package org.accessdesk.request;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.accessdesk.registry.IdentifierType;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * TOO_NEW denials whose requester chose {@code autoRetry}: once {@code retryAfter} has
 * passed, the identifier is decided again and the new outcome becomes a new item of the
 * same request; the old item gets an AUTO_RETRY event pointing at it. Claimed with
 * {@code FOR UPDATE SKIP
 * LOCKED} and marked in the same transaction, so each denial is retried once, whatever
 * the number of instances.
 */
@Component
class AutoRetries {

	private static final Log logger = LogFactory.getLog(AutoRetries.class);

	static final int BATCH = 100;

	private final DatabaseClient db;

	private final ItemDecider decider;

	private final StatusDoor door;

	AutoRetries(DatabaseClient db, ItemDecider decider, StatusDoor door) {
		this.db = db;
		this.decider = decider;
		this.door = door;
	}

	@Scheduled(fixedDelayString = "${accessdesk.requests.expiry-interval:1m}", initialDelayString = "20s")
	Mono<Long> retryDue() {
		return retryBatch().doOnNext((count) -> {
			if (count > 0) {
				logger.info("Auto-retried " + count + " TOO_NEW items");
			}
		}).onErrorResume((ex) -> {
			logger.warn("Auto-retry failed; the next run tries again", ex);
			return Mono.just(0L);
		});
	}

	/** Retries one batch of due items in one transaction; answers how many. */
	Mono<Long> retryBatch() {
		return this.db
			.sql("SELECT * FROM access_item WHERE status = 'DENIED' AND auto_retry AND retried_as IS NULL"
					+ " AND retry_after <= now() ORDER BY retry_after LIMIT :batch FOR UPDATE SKIP LOCKED")
			.bind("batch", BATCH)
			.map(StatusDoor::itemRow)
			.all()
			.concatMap((item) -> this.decider
				.decide(item.accountId(), item.kind(), IdentifierType.valueOf(item.identifierType()),
						List.of(item.identifier()), true)
				.flatMap((planned) -> this.door.retryInTransaction(item, planned.get(0), "system"))
				.map(StatusDoor.ItemRow::id))
			.count()
			.as(this.door::committed);
	}

}
