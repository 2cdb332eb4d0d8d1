package org.accessdesk.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import org.springframework.web.util.DisconnectedClientHelper;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight onto a response, for the places that run before any
 * controller: security entry points, filters, the error handler. Public so that the
 * security configuration of the account module answers in the same form.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
		return write(exchange, Problems.problem(status, code, detail));
	}

	/** A module's failure, answered like one from a controller (with Retry-After). */
	public Mono<Void> write(ServerWebExchange exchange, DomainError failure) {
		return write(exchange, (Throwable) failure);
	}

	Mono<Void> write(ServerWebExchange exchange, Throwable failure) {
		if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
			// The client left before its answer: nobody to tell and nothing wrong here.
			// Passed on, Spring's web handler notes it at debug level.
			return Mono.error(failure);
		}
		Duration wait = Problems.retryAfter(failure);
		if (wait != null && !exchange.getResponse().isCommitted()) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, ProblemException.retryAfterSeconds(wait));
		}
		return write(exchange, Problems.from(failure));
	}

	private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		if (problem.getInstance() == null) {
			problem.setInstance(exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
		}
		response.setRawStatusCode(problem.getStatus());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsBytes(problem);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
