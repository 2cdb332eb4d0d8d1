package org.accessdesk.mail;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends what the outbox holds. Woken after a local commit that wrote mail and on a short
 * poll (which also covers mail written on other instances and rows whose retry is due),
 * it claims batches of due rows and hands each to {@link BatchDelivery}, which sends it
 * over one SMTP connection and records each mail's outcome as soon as the server has
 * answered ({@link OutcomeRecords}: SENT; a failure for now is tried again after a
 * backoff, up to {@code accessdesk.mail.max-attempts}; a permanent one is FAILED at once
 * and does not hold up the rest).
 * <p>
 * Sent at most once in normal operation: a row is claimed by one dispatcher (SKIP LOCKED)
 * and marked SENT right after the server accepted it. Only a crash between the server's
 * acceptance and that mark — or a send that outlives its lease — sends a row twice, with
 * the same Message-ID, so receivers can tell.
 */
@Component
class MailDispatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MailDispatcher.class);

	private final OutboxRows rows;

	private final BatchDelivery delivery;

	private final MailProperties properties;

	private final MailWakeUps wakeUps;

	private final MailMetrics metrics;

	private volatile Disposable running = Flux.never().subscribe();

	private volatile boolean started;

	private final AtomicReference<Runnable> whenStopped = new AtomicReference<>(MailDispatcher::nothing);

	MailDispatcher(OutboxRows rows, BatchDelivery delivery, MailProperties properties, MailWakeUps wakeUps,
			MailMetrics metrics) {
		this.rows = rows;
		this.delivery = delivery;
		this.properties = properties;
		this.wakeUps = wakeUps;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		Flux<Trigger> triggers = Flux.merge(this.wakeUps.rings().map((ring) -> Trigger.RING),
				Flux.interval(Duration.ZERO, this.properties.poll()).map((tick) -> Trigger.POLL));
		this.started = true;
		this.running = triggers.onBackpressureLatest()
			.takeWhile((trigger) -> this.started)
			.concatMap(this::round, 1)
			.doFinally((signal) -> this.whenStopped.getAndSet(MailDispatcher::nothing).run())
			.subscribe(null, (failure) -> logger.error("The mail dispatcher stopped", failure));
	}

	/**
	 * Stops taking new rounds and reports stopped once the round in flight has recorded
	 * its outcomes — cutting it short would leave sent mail marked SENDING, to be sent
	 * again after its lease.
	 */
	@Override
	public void stop(Runnable callback) {
		this.whenStopped.set(callback);
		this.started = false;
		this.wakeUps.ring();
		if (this.running.isDisposed()) {
			this.whenStopped.getAndSet(MailDispatcher::nothing).run();
		}
	}

	@Override
	public void stop() {
		this.started = false;
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/**
	 * One round: on a poll, first give back rows of dead dispatchers and count the
	 * backlog; then send until nothing is due. A failing round (database away) is logged
	 * and the next trigger tries again.
	 */
	private Mono<Void> round(Trigger trigger) {
		Mono<Void> housekeeping = (trigger == Trigger.POLL) ? this.rows.reclaimExpired(this.properties.maxAttempts())
			.then(this.rows.backlog())
			.doOnNext(this.metrics::backlog)
			.then() : Mono.empty();
		return housekeeping.then(drain()).onErrorResume((failure) -> {
			logger.warn("Sending mail failed for now; trying again shortly", failure);
			return Mono.empty();
		});
	}

	/** Sends batches on {@code concurrency} workers until no row is due. */
	Mono<Void> drain() {
		return Flux.range(0, this.properties.concurrency())
			.flatMap((worker) -> Mono.defer(this::sendBatch)
				.repeat()
				.takeUntil((count) -> count < this.properties.batchSize()), this.properties.concurrency())
			.then();
	}

	/** Claims one batch and delivers it; answers how many were claimed. */
	private Mono<Integer> sendBatch() {
		UUID claim = UUID.randomUUID();
		return this.rows.claim(claim, this.properties.batchSize(), this.properties.lease())
			.collectList()
			.flatMap((batch) -> batch.isEmpty() ? Mono.just(0)
					: this.delivery.deliver(claim, batch).thenReturn(batch.size()));
	}

	private static void nothing() {
	}

	/**
	 * What starts a round: the doorbell (mail was just committed here) or the poll, which
	 * also does the housekeeping.
	 */
	private enum Trigger {

		RING, POLL

	}

}
