package org.accessdesk.live.web;

import org.accessdesk.account.AccountUser;
import org.accessdesk.live.LiveEvents;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

/**
 * Server-sent events (SPEC §8). {@code Last-Event-ID} (or {@code ?lastEventId=} on a
 * first connection, since a browser's EventSource cannot set the header) resumes where
 * the client stopped; without either the stream starts with what happens from now on.
 */
@RestController
class LiveController {

	private final LiveEvents events;

	LiveController(LiveEvents events) {
		this.events = events;
	}

	@GetMapping(path = "/api/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> mine(@AuthenticationPrincipal AccountUser user, ServerHttpResponse response,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam) {
		streaming(response);
		return this.events.mine(user, (lastEventIdHeader != null) ? lastEventIdHeader : lastEventIdParam);
	}

	@GetMapping(path = "/api/review/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> review(@AuthenticationPrincipal AccountUser user, ServerHttpResponse response,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam) {
		streaming(response);
		return this.events.review(user, (lastEventIdHeader != null) ? lastEventIdHeader : lastEventIdParam);
	}

	/** Nothing may cache or buffer a live stream, not even a proxy in front of us. */
	private static void streaming(ServerHttpResponse response) {
		response.getHeaders().setCacheControl("no-store");
		response.getHeaders().set("X-Accel-Buffering", "no");
	}

}
