package org.accessdesk.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.accessdesk.request.EventLog;
import org.accessdesk.request.EventPosition;
import org.accessdesk.request.ItemEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * This instance's one reader of the event table. Woken by the local doorbell, by NOTIFY
 * from any instance, and by a periodic catch-up, it has the events committed so far
 * stamped in commit order ({@link EventLog#sequence}), reads those after its cursor and
 * publishes them to one shared sink that every local stream subscribes to. Wake-ups that
 * arrive while it reads coalesce into one more read. The table is the record: nothing
 * here is kept beyond the cursor.
 */
@Component
class EventFeed implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventFeed.class);

	static final int BATCH = 500;

	private final EventLog log;

	private final DoorbellListener listener;

	private final LiveProperties properties;

	private final Sinks.Many<Object> wakeUps = Sinks.many().multicast().directBestEffort();

	/**
	 * Replaced at every start: a stopped feed completes its streams, a restarted one
	 * serves new ones.
	 */
	private volatile Sinks.Many<ItemEvent> events = Sinks.many().multicast().directBestEffort();

	/**
	 * The position of the last event published; {@code null} until the feed has found
	 * where the log ends. Set before the event is published (see {@link #live()}).
	 */
	private volatile @Nullable EventPosition cursor;

	/**
	 * Completes with the first cursor, once the feed has found where the log ends: a
	 * stream opened before then starts there (see {@link #start()}).
	 */
	private volatile Sinks.One<EventPosition> found = Sinks.one();

	private volatile boolean started;

	/** A wake-up that could not be emitted (see {@link #wake()}). */
	private final AtomicBoolean missedWakeUp = new AtomicBoolean();

	private volatile Disposable running = Flux.never().subscribe();

	EventFeed(FeedConnection connection, DoorbellListener listener, LiveProperties properties) {
		this.log = connection.log();
		this.listener = listener;
		this.properties = properties;
	}

	/**
	 * Every final event from the moment of subscription on, in log order. A subscriber
	 * that reads {@link #position()} after subscribing receives every event after that
	 * position: the cursor moves before an event is published, so an event it does not
	 * cover yet is published after the read, to every subscriber present by then.
	 */
	Flux<ItemEvent> live() {
		return this.events.asFlux();
	}

	/**
	 * Where the feed stands: the last event it published, or {@code null} while it has
	 * not found the end of the log yet (just started).
	 */
	@Nullable EventPosition position() {
		return this.cursor;
	}

	/**
	 * Where the feed stands, waiting while it has not found the end of the log yet. A new
	 * stream must start at the feed's own first position, not at an end of the log it
	 * reads itself: an event committed between the two reads would be behind the feed's
	 * cursor and after the stream's, and neither would ever send it.
	 */
	Mono<EventPosition> started() {
		EventPosition now = this.cursor;
		return (now != null) ? Mono.just(now) : this.found.asMono();
	}

	/** Look at the table now (a transition committed on this instance). */
	void wake() {
		// The sink takes one emission at a time: a ring that collides with another
		// (FAIL_NON_SERIALIZED) is not retried here — waiting for the sink once failed a
		// commit under load — but noted, and the read under way, or the next one, reads
		// once more after it (see drain).
		if (this.wakeUps.tryEmitNext(Boolean.TRUE).isFailure()) {
			this.missedWakeUp.set(true);
		}
	}

	@Override
	public void start() {
		this.events = Sinks.many().multicast().directBestEffort();
		this.cursor = null;
		Sinks.One<EventPosition> found = Sinks.one();
		this.found = found;
		Sinks.Many<ItemEvent> publishTo = this.events;
		Flux<Object> triggers = Flux.merge(this.wakeUps.asFlux(), this.listener.wakeUps(),
				Flux.interval(this.properties.catchUp()));
		this.running = this.log.head()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry(
						(retry) -> logger.warn("Finding the end of the event log failed; retrying", retry.failure())))
			.doOnNext((head) -> {
				this.cursor = head;
				found.tryEmitValue(head);
			})
			.thenMany(triggers.onBackpressureLatest().concatMap((trigger) -> drain(publishTo), 1))
			.subscribe(null, (failure) -> logger.error("The live feed stopped", failure));
		this.started = true;
	}

	/**
	 * Publishes every committed event after the cursor, in commit order; once more if a
	 * wake-up was missed meanwhile (a read that began before that ring's commit may not
	 * have seen it).
	 */
	private Mono<Void> drain(Sinks.Many<ItemEvent> publishTo) {
		if (this.cursor == null) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			this.missedWakeUp.set(false);
			return this.log.sequence().then(Mono.defer(() -> publish(publishTo)));
		}).onErrorResume((failure) -> {
			logger.warn("Reading new events failed; the next wake-up tries again", failure);
			return Mono.empty();
		}).then(Mono.defer(() -> this.missedWakeUp.get() ? drain(publishTo) : Mono.empty()));
	}

	/** Publishes what is stamped after the cursor, a batch at a time. */
	private Mono<Void> publish(Sinks.Many<ItemEvent> publishTo) {
		EventPosition from = this.cursor;
		return this.log.after(from, BATCH).collectList().flatMap((batch) -> {
			for (ItemEvent event : batch) {
				// Cursor first: see live().
				this.cursor = event.position();
				// No result to check: with one drainer and streams that request without
				// bound (LiveStreams), it fails only with no stream open or the feed
				// stopped, when nobody is left to tell.
				publishTo.tryEmitNext(event);
			}
			return (batch.size() == BATCH) ? publish(publishTo) : Mono.<Void>empty();
		});
	}

	/**
	 * Ends every local stream (clients reconnect, to another instance if this one goes
	 * away).
	 */
	@Override
	public void stop() {
		this.running.dispose();
		this.events.tryEmitComplete();
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/**
	 * Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}
	 * in Spring Boot), which waits for open requests: the streams must end first, or
	 * every open stream would hold the shutdown until its timeout.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
