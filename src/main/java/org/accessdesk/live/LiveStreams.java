package org.accessdesk.live;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.accessdesk.request.EventPosition;
import org.accessdesk.request.ItemEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One subscriber's stream: what it missed since {@code after}, then live — without a gap
 * or a duplicate at the seam. The live feed is subscribed first and buffered in the
 * subscriber's own bounded inbox while the replay reads the table; then the inbox drains,
 * skipping what the replay already sent. An inbox that overflows (a subscriber that
 * cannot keep up) ends that stream only; the client resumes with Last-Event-ID.
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
	 * @param mine which events belong to this subscriber
	 * @param replay reads a page of final events after a position (filtered or not:
	 * {@code mine} is applied again)
	 */
	Flux<ItemEvent> stream(EventPosition after, Predicate<ItemEvent> mine,
			BiFunction<EventPosition, Integer, Flux<ItemEvent>> replay) {
		return Flux.defer(() -> {
			Sinks.Many<ItemEvent> inbox = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<ItemEvent>get(this.properties.subscriberBuffer()).get());
			Disposable live = this.feed.live()
				.filter(mine)
				.takeWhile((event) -> inbox.tryEmitNext(event).isSuccess() || cutOff(inbox))
				.subscribe(null, inbox::tryEmitError, inbox::tryEmitComplete);
			AtomicReference<EventPosition> sent = new AtomicReference<>(after);
			Flux<ItemEvent> missed = replayFrom(after, replay).filter(mine)
				.doOnNext((event) -> sent.set(event.position()));
			Flux<ItemEvent> fresh = Flux
				.defer(() -> inbox.asFlux().filter((event) -> event.position().compareTo(sent.get()) > 0));
			return Flux.concat(missed, fresh).doFinally((signal) -> live.dispose());
		});
	}

	/**
	 * Ends a stream whose inbox is full, once; answers false so that its live
	 * subscription ends too.
	 */
	private boolean cutOff(Sinks.Many<ItemEvent> inbox) {
		logger.info("Closing a live stream that fell more than " + this.properties.subscriberBuffer()
				+ " events behind; its client resumes with Last-Event-ID");
		inbox.tryEmitError(new SlowSubscriberException(this.properties.subscriberBuffer()));
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

	/** The stream fell further behind than its buffer allows. */
	static final class SlowSubscriberException extends RuntimeException {

		SlowSubscriberException(int buffer) {
			super("More than " + buffer + " events waiting for this stream; closing it so the client resumes", null,
					false, false);
		}

	}

}
