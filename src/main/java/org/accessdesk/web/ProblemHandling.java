package org.accessdesk.web;

import java.time.Duration;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import org.springframework.web.util.DisconnectedClientHelper;

import reactor.core.publisher.Mono;

/** Every failure inside a controller becomes a problem through {@link Problems}. */
@RestControllerAdvice
class ProblemHandling {

	@ExceptionHandler(Throwable.class)
	Mono<ResponseEntity<ProblemDetail>> handle(Throwable failure, ServerWebExchange exchange) {
		if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
			// The client left before its answer: nobody to tell, and
			// nothing went wrong here (ProblemResponses passes it on to Spring, which
			// notes it at debug level).
			return Mono.error(failure);
		}
		if (exchange.getResponse().isCommitted()) {
			// A stream (SSE) that had already begun: its status and headers are sent and
			// can no longer change. Passing the failure on ends the response (the problem
			// writer leaves committed responses alone); an EventSource reconnects.
			return Mono.error(failure);
		}
		ProblemDetail problem = Problems.from(failure);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Duration wait = Problems.retryAfter(failure);
		if (wait != null) {
			response.header(HttpHeaders.RETRY_AFTER, ProblemException.retryAfterSeconds(wait));
		}
		if (refusedHalfRead(failure)) {
			// A chunked body refused half read by the codec's limit: the server would
			// take the rest for the client's next request on this connection, so the
			// connection ends. (A body refused by its declared length is skipped by it.)
			response.header(HttpHeaders.CONNECTION, "close");
		}
		return Mono.just(response.body(problem));
	}

	private static boolean refusedHalfRead(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

}
