package org.accessdesk.request;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Items that waited {@code accessdesk.requests.expire-after} (28 days) for a decision (by
 * the service's clock) expire, each on its own through the door ({@link BackgroundWork}:
 * one that fails is tried again later and holds back no other). Safe with several
 * instances: the door's guarded update lets only one of them move an item.
 */
@Component
class PendingExpiry {

	private static final Log logger = LogFactory.getLog(PendingExpiry.class);

	static final String JOB = "expiry";

	static final int BATCH = 200;

	private final AccessItems items;

	private final StatusDoor door;

	private final BackgroundWork work;

	private final RequestProperties properties;

	private final Clock clock;

	PendingExpiry(AccessItems items, StatusDoor door, BackgroundWork work, RequestProperties properties, Clock clock) {
		this.items = items;
		this.door = door;
		this.work = work;
		this.properties = properties;
		this.clock = clock;
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
				(skip) -> this.items.waitingSince(this.clock.instant().minus(this.properties.expireAfter()), skip,
						BATCH),
				(id) -> this.door
					.move(id, LifecycleAction.EXPIRE, StatusDoor.Change.because(ReasonCode.EXPIRED, "system"))
					.thenReturn(true));
	}

}
