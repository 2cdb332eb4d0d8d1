package org.accessdesk.live;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.accessdesk.account.AccountUser;
import org.accessdesk.account.Role;
import org.accessdesk.registry.Administrators;
import org.accessdesk.request.EventLog;
import org.accessdesk.request.EventPosition;
import org.accessdesk.request.ItemEvent;
import org.accessdesk.request.RequestViews;
import org.jspecify.annotations.Nullable;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees which events (SPEC §8): a person their own items' events; an administrator the
 * events of the contracts and Bill-to IDs they administer; the vendor desk the events of
 * items entering or leaving its queue. Each becomes {@code id: <position>},
 * {@code event: status}, {@code data:} the event as JSON, with a comment line as
 * heartbeat. The JSON is written here, so that each event goes out as one buffer: with
 * the data as an object, Spring's SSE writer encodes an event into three buffers
 * ({@code Flux.just}) whose unsent rest is never released when the client disconnects in
 * between — a leaked buffer per unlucky disconnect, found by the build's leak check. The
 * gauge {@code accessdesk.sse.streams} (tag {@code stream}: {@code me} or {@code review})
 * tells how many streams this instance holds open.
 */
@Component
public class LiveEvents {

	private final LiveStreams streams;

	private final EventLog log;

	private final Administrators administrators;

	private final JsonMapper json;

	private final AtomicInteger openMine = new AtomicInteger();

	private final AtomicInteger openReview = new AtomicInteger();

	/**
	 * One ticker for every stream on this instance, rather than a timer each: the SPEC
	 * asks for a comment at least every 15 s, not on each stream's own schedule.
	 */
	private final Flux<ServerSentEvent<Object>> heartbeats;

	LiveEvents(LiveStreams streams, EventLog log, Administrators administrators, LiveProperties properties,
			JsonMapper json, MeterRegistry meters) {
		this.streams = streams;
		this.json = json;
		this.log = log;
		this.administrators = administrators;
		this.heartbeats = Flux.interval(properties.heartbeat())
			.map((tick) -> ServerSentEvent.<Object>builder().comment("heartbeat").build())
			.share();
		Gauge.builder("accessdesk.sse.streams", this.openMine, AtomicInteger::get)
			.description("Server-sent event streams open on this instance")
			.tag("stream", "me")
			.register(meters);
		Gauge.builder("accessdesk.sse.streams", this.openReview, AtomicInteger::get)
			.description("Server-sent event streams open on this instance")
			.tag("stream", "review")
			.register(meters);
	}

	public Flux<ServerSentEvent<Object>> mine(AccountUser user, @Nullable String lastEventId) {
		Predicate<ItemEvent> mine = (event) -> event.accountId().equals(user.id());
		return counted(this.openMine, resumeAfter(lastEventId).flatMapMany((after) -> sse(after.orElse(null), mine,
				(position, limit) -> this.log.afterFor(user.id(), position, limit))));
	}

	public Flux<ServerSentEvent<Object>> review(AccountUser user, @Nullable String lastEventId) {
		boolean vendor = user.hasRole(Role.VENDOR_REVIEWER);
		Mono<Predicate<ItemEvent>> queue = user.hasRole(Role.CONTRACT_ADMIN)
				? this.administrators.scopeOf(user.email())
					.map((scope) -> (event) -> (vendor && event.concernsVendorQueue())
							|| scope.administers(event.contractNumber(), event.billToId()))
				: Mono.just(ItemEvent::concernsVendorQueue);
		return counted(this.openReview, Mono.zip(resumeAfter(lastEventId), queue)
			.flatMapMany((found) -> sse(found.getT1().orElse(null), found.getT2(), this.log::after)));
	}

	private static <T> Flux<T> counted(AtomicInteger open, Flux<T> stream) {
		return stream.doOnSubscribe((subscription) -> open.incrementAndGet())
			.doFinally((signal) -> open.decrementAndGet());
	}

	/**
	 * Where a resuming client stopped; nothing for a new stream. An id of the form used
	 * before the log was in commit order is looked up (a client connected across the
	 * upgrade resumes where it was); one that names no event starts from now.
	 */
	private Mono<Optional<EventPosition>> resumeAfter(@Nullable String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return Mono.just(Optional.empty());
		}
		OptionalLong earlier = EventPosition.earlierEventId(lastEventId);
		if (earlier.isPresent()) {
			return this.log.positionOfEvent(earlier.getAsLong()).map(Optional::of).defaultIfEmpty(Optional.empty());
		}
		return Mono.fromCallable(() -> Optional.of(EventPosition.parse(lastEventId)));
	}

	private Flux<ServerSentEvent<Object>> sse(@Nullable EventPosition after, Predicate<ItemEvent> mine,
			BiFunction<EventPosition, Integer, Flux<ItemEvent>> replay) {
		// The first comment goes out once the stream has its place in the log, and makes
		// the stream's headers go out at once: a client that has seen it misses nothing
		// that commits afterwards.
		Flux<ServerSentEvent<Object>> events = this.streams.stream(after, mine, replay,
				ServerSentEvent.<Object>builder().comment("connected").build(),
				(event) -> ServerSentEvent.builder()
					.id(event.position().toString())
					.event("status")
					.data((Object) this.json.writeValueAsString(RequestViews.EventView.of(event)))
					.build());
		// Heartbeats end with the events. (Not publish(): it allocates a 256-slot queue
		// per stream up front; merge queues only what the client is not ready for.)
		Sinks.Empty<Void> ended = Sinks.empty();
		return Flux.merge(events.doFinally((signal) -> ended.tryEmitEmpty()),
				// A stream whose client stops reading drops its ticks rather than holding
				// back the shared ticker for every other stream.
				this.heartbeats.onBackpressureDrop().takeUntilOther(ended.asMono()));
	}

}
