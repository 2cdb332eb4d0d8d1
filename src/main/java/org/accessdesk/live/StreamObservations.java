package org.accessdesk.live;

import java.util.Set;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * SSE streams are not timed as HTTP requests. A stream lasts as long as its client stays,
 * so its "request duration" would swamp {@code http.server.requests} with hours-long
 * samples, and its observation (context, key values, an active-request sample) would sit
 * on the heap for each of ten thousand open streams. {@code accessdesk.sse.streams}
 * counts them instead.
 */
@Configuration(proxyBeanMethods = false)
class StreamObservations {

	static final Set<String> STREAM_PATHS = Set.of("/api/me/events", "/api/review/events");

	@Bean
	ObservationPredicate streamsAreNotTimedAsRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& STREAM_PATHS.contains(request.getCarrier().getPath().value()));
	}

}
