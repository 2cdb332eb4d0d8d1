package org.accessdesk.live;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Health {@code doorbell}: up while this instance's LISTEN connection is up. Part of
 * readiness: an instance that cannot hear the doorbell still delivers (the catch-up
 * poll), but later, so a load balancer should prefer the others.
 */
@Component("doorbellHealthIndicator")
class DoorbellHealth implements ReactiveHealthIndicator {

	private final DoorbellListener listener;

	DoorbellHealth(DoorbellListener listener) {
		this.listener = listener;
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(this.listener.isListening() ? Health.up().build()
				: Health.down().withDetail("listen", "reconnecting").build());
	}

}
