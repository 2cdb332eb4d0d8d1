package org.accessdesk.web;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Failures outside controllers (no route, a filter, a body too large before decoding) get
 * the same problem form as those inside. Ordered before Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

	private final ProblemResponses responses;

	ProblemWebExceptionHandler(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		return this.responses.write(exchange, failure);
	}

}
