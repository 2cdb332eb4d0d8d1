package org.accessdesk.account;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Deletes what identity no longer needs: sessions idle past their timeout, links past
 * their validity, rate buckets that are full again. Any instance may run it at any time;
 * each delete stands alone.
 */
@Component
class IdentityHousekeeping {

	private static final Log logger = LogFactory.getLog(IdentityHousekeeping.class);

	private final WebSessions sessions;

	private final OneTimeLinks links;

	private final SharedBuckets buckets;

	private final Clock clock;

	IdentityHousekeeping(WebSessions sessions, OneTimeLinks links, SharedBuckets buckets, Clock clock) {
		this.sessions = sessions;
		this.links = links;
		this.buckets = buckets;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${accessdesk.identity.housekeeping-interval:10m}", initialDelayString = "1m")
	Mono<Void> deleteExpired() {
		return Mono
			.zip(this.sessions.deleteExpired(this.clock.instant()), this.links.deleteExpired(),
					this.buckets.deleteFull())
			.doOnNext((deleted) -> {
				if (deleted.getT1() + deleted.getT2() > 0) {
					logger.debug("Deleted " + deleted.getT1() + " expired sessions and " + deleted.getT2()
							+ " expired links");
				}
			})
			.then()
			.onErrorResume((failure) -> {
				logger.warn("Deleting expired sessions and links failed; the next run tries again", failure);
				return Mono.empty();
			});
	}

}
