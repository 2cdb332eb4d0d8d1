package org.accessdesk.request;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * TOO_NEW denials whose requester chose {@code autoRetry}: once {@code retryAfter} has
 * passed (by the service's clock), the identifier is decided again and the new outcome
 * becomes a new item of the same request; the old item gets an AUTO_RETRY event pointing
 * at it. Each denial is retried in a transaction of its own ({@link BackgroundWork}: one
 * that fails is tried again later and holds back no other), claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked in that transaction, so it is retried once,
 * whatever the number of instances.
 */
@Component
class AutoRetries {

	private static final Log logger = LogFactory.getLog(AutoRetries.class);

	static final String JOB = "auto-retry";

	static final int BATCH = 100;

	private final AccessItems items;

	private final ItemDecider decider;

	private final StatusDoor door;

	private final BackgroundWork work;

	private final Clock clock;

	AutoRetries(AccessItems items, ItemDecider decider, StatusDoor door, BackgroundWork work, Clock clock) {
		this.items = items;
		this.decider = decider;
		this.door = door;
		this.work = work;
		this.clock = clock;
	}

	// The interval comes from the bound properties, so their defaults are the only ones.
	@Scheduled(
			fixedDelayString = "#{@'accessdesk.requests-org.accessdesk.request.RequestProperties'.autoRetryInterval()}",
			initialDelayString = "20s")
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

	/** Retries the due items, each on its own; answers how many. */
	Mono<Long> retryBatch() {
		return this.work.run(JOB, (skip) -> this.items.dueForRetry(this.clock.instant(), skip, BATCH), this::retry);
	}

	/** Retries one denial unless another instance has it or it was retried already. */
	private Mono<Boolean> retry(ItemId id) {
		return this.items.claimForRetry(id)
			.flatMap((item) -> this.decider
				.decide(item.accountId(), item.kind(), item.identifierType(), List.of(item.identifier()), true)
				.flatMap((planned) -> this.door.retryInTransaction(item, planned.get(0), "system")))
			.map((retried) -> true)
			.as(this.door::committed);
	}

}
