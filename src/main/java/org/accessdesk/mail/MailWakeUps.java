package org.accessdesk.mail;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The local doorbell of the dispatcher: rung after a transaction that wrote outbox rows
 * has committed on this instance. Rings that arrive while it is busy coalesce; the poll
 * covers mail written on other instances.
 */
@Component
class MailWakeUps {

	private final Sinks.Many<Boolean> rings = Sinks.many().multicast().directBestEffort();

	void ring() {
		this.rings.tryEmitNext(Boolean.TRUE);
	}

	Flux<Boolean> rings() {
		return this.rings.asFlux();
	}

}
