package org.accessdesk.live.web;

import org.accessdesk.account.AccountUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.accessdesk.live.LiveEvents;
import org.accessdesk.request.RequestViews;
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

	/** The stream's framing, for the OpenAPI document (springdoc cannot see it). */
	private static final String EVENTS_DESCRIPTION = "Each event: `event: status`, `id:` its position in the log"
			+ " (echo it back as Last-Event-ID to resume), `data:` the event below as JSON. A comment line at least"
			+ " every 10 s.";

	private final LiveEvents events;

	LiveController(LiveEvents events) {
		this.events = events;
	}

	@Operation(summary = "Live status of the caller's own items (server-sent events)", description = EVENTS_DESCRIPTION,
			responses = @ApiResponse(responseCode = "200", description = "One event per status change",
					content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(implementation = RequestViews.EventView.class))))
	@GetMapping(path = "/api/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> mine(@AuthenticationPrincipal AccountUser user, ServerHttpResponse response,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam) {
		streaming(response);
		return this.events.mine(user, (lastEventIdHeader != null) ? lastEventIdHeader : lastEventIdParam);
	}

	@Operation(summary = "Live status of the caller's review queue (server-sent events)",
			description = EVENTS_DESCRIPTION,
			responses = @ApiResponse(responseCode = "200", description = "One event per status change in the queue",
					content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(implementation = RequestViews.EventView.class))))
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
