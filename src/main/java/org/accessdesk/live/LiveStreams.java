package org.accessdesk.live;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.accessdesk.request.EventPosition;
import org.accessdesk.request.ItemEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One subscriber's stream: what it missed since {@code after}, then live — without a gap
 * or a duplicate at the seam. The live feed is subscribed first and buffered in the
 * subscriber's own bounded inbox while the replay reads the table; then the inbox drains,
 * skipping what the replay already sent. A new stream (no Last-Event-ID) has nothing to
 * replay: it starts at the feed's position and costs no query, so that ten thousand
 * clients reconnecting at once do not queue for the connection pool. An inbox that
 * overflows (a subscriber that cannot keep up) ends that stream only; the client resumes
 * with Last-Event-ID.
 */
@Component
class LiveStreams {

	private static final Log logger = LogFactory.getLog(LiveStreams.class);

	private static final int REPLAY_PAGE = 500;

	private final EventFeed feed;

	private final LiveProperties properties;

	LiveStreams(EventFeed feed, LiveProperties properties) {
		this.feed = feed;
		this.properties = properties;
	}

	/**
	 * @param after where the client stopped (its Last-Event-ID), or {@code null} for a
	 * new stream: everything from now on
	 * @param mine which events belong to this subscriber
	 * @param replay reads a page of final events after a position (filtered or not:
	 * {@code mine} is applied again)
	 * @param opening sent first, once the stream has its place in the log
	 * @param message what the subscriber is sent for an event
	 */
	<T> Flux<T> stream(@Nullable EventPosition after, Predicate<ItemEvent> mine,
			BiFunction<EventPosition, Integer, Flux<ItemEvent>> replay, T opening, Function<ItemEvent, T> message) {
		return Flux.defer(() -> {
			Sinks.Many<ItemEvent> inbox = Sinks.many()
				.unicast()
				.onBackpressureBuffer(new Inbox<>(this.properties.subscriberBuffer()));
			Disposable live = this.feed.live()
				.filter(mine)
				.takeWhile((event) -> inbox.tryEmitNext(event).isSuccess() || cutOff(inbox))
				.subscribe(null, inbox::tryEmitError, inbox::tryEmitComplete);
			// A new stream starts where the feed stands, read after subscribing (see
			// EventFeed#live): nothing to replay, no query. Only a resuming stream reads
			// the table.
			Mono<EventPosition> start = (after != null) ? Mono.just(after)
					: this.feed.started().timeout(this.properties.feedStart());
			return start.flatMapMany((position) -> {
				AtomicReference<EventPosition> sent = new AtomicReference<>(position);
				Flux<ItemEvent> missed = (after == null) ? Flux.empty()
						: replayFrom(position, replay).filter(mine).doOnNext((event) -> sent.set(event.position()));
				Flux<ItemEvent> fresh = Flux
					.defer(() -> inbox.asFlux().filter((event) -> event.position().compareTo(sent.get()) > 0));
				return Flux.just(opening).concatWith(Flux.concat(missed, fresh).map(message));
			}).doFinally((signal) -> live.dispose());
		});
	}

	/**
	 * Ends a stream whose inbox is full, once; answers false so that its live
	 * subscription ends too.
	 */
	private boolean cutOff(Sinks.Many<ItemEvent> inbox) {
		logger.info("Closing a live stream that fell more than " + this.properties.subscriberBuffer()
				+ " events behind; its client resumes with Last-Event-ID");
		// Ended, not failed: this is the stream working as designed, not an error for the
		// operator's log; the browser's EventSource reconnects either way.
		inbox.tryEmitComplete();
		return false;
	}

	private static Flux<ItemEvent> replayFrom(EventPosition after,
			BiFunction<EventPosition, Integer, Flux<ItemEvent>> replay) {
		return replay.apply(after, REPLAY_PAGE).collectList().flatMapMany((page) -> {
			Flux<ItemEvent> these = Flux.fromIterable(page);
			return (page.size() < REPLAY_PAGE) ? these
					: these.concatWith(Flux.defer(() -> replayFrom(page.get(page.size() - 1).position(), replay)));
		});
	}

}
