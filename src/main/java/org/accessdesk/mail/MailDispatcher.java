package org.accessdesk.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends what the outbox holds. Woken after a local commit that wrote mail and on a short
 * poll (which also covers mail written on other instances and rows whose retry is due),
 * it claims batches of due rows, renders and sends each batch over one SMTP connection on
 * {@code boundedElastic} (Jakarta Mail blocks), and records the outcome per row: SENT; a
 * transient failure waits with exponential backoff and jitter and is tried again, up to
 * {@code accessdesk.mail.max-attempts}; a permanent one (5xx, bad address, a mail that
 * cannot be rendered) is FAILED at once and does not hold up the rest.
 * <p>
 * Sent at most once in normal operation: a row is claimed by one dispatcher (SKIP LOCKED)
 * and marked SENT right after the server accepted it. Only a crash between the server's
 * acceptance and that mark — or a send that outlives its lease — sends a row twice, with
 * the same Message-ID, so receivers can tell.
 */
@Component
class MailDispatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MailDispatcher.class);

	private static final Boolean POLL = Boolean.FALSE;

	/**
	 * Tries of the SENT mark after the server accepted: about 5 s in all, well within a
	 * lease. Without them a connection lost at that moment (PostgreSQL restarting, the
	 * connection killed) left the rows SENDING until their lease ran out, and they were
	 * sent again: the soak (bench/soak.sh) saw 6 mails twice that way.
	 */
	private static final int MARK_RETRIES = 6;

	private final OutboxRows rows;

	private final MailComposer composer;

	private final JavaMailSender sender;

	private final MailProperties properties;

	private final MailWakeUps wakeUps;

	private final Counter sent;

	private final Counter failedPermanently;

	private final Counter failedAfterRetries;

	private final Counter retried;

	private final AtomicLong backlog = new AtomicLong();

	private volatile Disposable running = Flux.never().subscribe();

	private volatile boolean started;

	private final AtomicReference<Runnable> whenStopped = new AtomicReference<>(() -> {
	});

	MailDispatcher(OutboxRows rows, MailComposer composer, JavaMailSender sender, MailProperties properties,
			MailWakeUps wakeUps, MeterRegistry meters) {
		this.rows = rows;
		this.composer = composer;
		this.sender = sender;
		this.properties = properties;
		this.wakeUps = wakeUps;
		this.sent = Counter.builder("accessdesk.mail.sent")
			.description("System mails accepted by the SMTP server")
			.register(meters);
		this.failedPermanently = Counter.builder("accessdesk.mail.failed")
			.tag("cause", "permanent")
			.description("System mails given up on: refused by the server, or out of attempts")
			.register(meters);
		this.failedAfterRetries = Counter.builder("accessdesk.mail.failed")
			.tag("cause", "attempts")
			.description("System mails given up on: refused by the server, or out of attempts")
			.register(meters);
		this.retried = Counter.builder("accessdesk.mail.retried")
			.description("Send attempts that failed and will be tried again")
			.register(meters);
		Gauge.builder("accessdesk.mail.backlog", this.backlog, AtomicLong::get)
			.description("System mails waiting to be sent (PENDING and SENDING), as of the last poll")
			.register(meters);
	}

	@Override
	public void start() {
		Flux<Boolean> triggers = Flux.merge(this.wakeUps.rings(),
				Flux.interval(Duration.ZERO, this.properties.poll()).map((tick) -> POLL));
		this.started = true;
		this.running = triggers.onBackpressureLatest()
			.takeWhile((trigger) -> this.started)
			.concatMap((trigger) -> round(trigger == POLL), 1)
			.doFinally((signal) -> this.whenStopped.getAndSet(() -> {
			}).run())
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
			this.whenStopped.getAndSet(() -> {
			}).run();
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
	private Mono<Void> round(boolean poll) {
		Mono<Void> housekeeping = poll ? this.rows.reclaimExpired(this.properties.maxAttempts())
			.then(this.rows.backlog())
			.doOnNext(this.backlog::set)
			.then() : Mono.empty();
		return housekeeping.then(drain()).onErrorResume((failure) -> {
			logger.warn("Sending mail failed for now (" + failure.getMessage() + "); trying again shortly");
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

	/**
	 * Claims one batch, sends it, records each outcome; answers how many were claimed.
	 */
	private Mono<Integer> sendBatch() {
		UUID claim = UUID.randomUUID();
		return this.rows.claim(claim, this.properties.batchSize(), this.properties.lease())
			.collectList()
			.flatMap((batch) -> batch.isEmpty() ? Mono.just(0)
					: Mono.fromCallable(() -> deliver(batch))
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap((outcomes) -> record(claim, outcomes))
						.thenReturn(batch.size()));
	}

	/**
	 * Renders and sends a batch over one connection (blocking: runs on boundedElastic).
	 */
	private List<Outcome> deliver(List<OutboxMail> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		Map<MimeMessage, OutboxMail> messages = new IdentityHashMap<>();
		List<MimeMessage> ready = new ArrayList<>();
		for (OutboxMail mail : batch) {
			try {
				MimeMessage message = this.composer.message(this.sender.createMimeMessage(), mail);
				messages.put(message, mail);
				ready.add(message);
			}
			catch (Exception ex) {
				outcomes.add(new Outcome(mail, ex, true));
			}
		}
		if (ready.isEmpty()) {
			return outcomes;
		}
		Map<Object, Exception> failures = Map.of();
		try {
			this.sender.send(ready.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			// Messages not listed were accepted by the server (the connection may have
			// failed only when closing).
			failures = ex.getFailedMessages();
		}
		catch (RuntimeException ex) {
			// Authentication refused, or the messages could not be prepared: none went
			// out.
			Map<Object, Exception> all = new IdentityHashMap<>();
			ready.forEach((message) -> all.put(message, ex));
			failures = all;
		}
		for (MimeMessage message : ready) {
			Exception failure = failures.get(message);
			OutboxMail mail = messages.get(message);
			outcomes.add((failure == null) ? new Outcome(mail, null, false)
					: new Outcome(mail, failure, SmtpFailures.isPermanent(failure)));
		}
		return outcomes;
	}

	private Mono<Void> record(UUID claim, List<Outcome> outcomes) {
		List<Long> delivered = outcomes.stream()
			.filter((outcome) -> outcome.failure() == null)
			.map((outcome) -> outcome.mail().id())
			.toList();
		// The server has these mails. The rows stay claimed under this claim until
		// marked,
		// so the mark is safe to repeat.
		Mono<Long> markSent = this.rows.markSent(claim, delivered)
			.retryWhen(Retry.backoff(MARK_RETRIES, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)))
			.doOnNext(this.sent::increment);
		Flux<Long> failures = Flux.fromIterable(outcomes)
			.filter((outcome) -> outcome.failure() != null)
			.concatMap((outcome) -> recordFailure(claim, outcome));
		return markSent.thenMany(failures).then();
	}

	private Mono<Long> recordFailure(UUID claim, Outcome outcome) {
		OutboxMail mail = outcome.mail();
		String error = SmtpFailures.describe(outcome.failure());
		if (outcome.permanent()) {
			logger.warn("Mail " + mail.id() + " (" + mail.kind() + ") was refused and will not be retried: " + error);
			this.failedPermanently.increment();
			return this.rows.fail(claim, mail.id(), error);
		}
		if (mail.attempts() >= this.properties.maxAttempts()) {
			logger.warn("Mail " + mail.id() + " (" + mail.kind() + ") failed " + mail.attempts()
					+ " times and will not be retried: " + error);
			this.failedAfterRetries.increment();
			return this.rows.fail(claim, mail.id(), error);
		}
		this.retried.increment();
		Duration wait = backoff(mail.attempts());
		logger.debug("Mail " + mail.id() + " failed (" + error + "); next attempt in " + wait);
		return this.rows.retryLater(claim, mail.id(), wait, error);
	}

	/**
	 * {@code retryBackoff × 2^(attempts-1)}, capped, with full jitter on the upper half
	 * so that a backlog does not hit a recovering server all at once.
	 */
	Duration backoff(int attempts) {
		long base = this.properties.retryBackoff().toMillis();
		long cap = this.properties.maxRetryBackoff().toMillis();
		long exponential = (attempts >= 31) ? cap : Math.min(cap, base << Math.max(0, attempts - 1));
		long half = Math.max(1, exponential / 2);
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	/** What happened to one row. */
	private record Outcome(OutboxMail mail, @Nullable Exception failure, boolean permanent) {
	}

}
