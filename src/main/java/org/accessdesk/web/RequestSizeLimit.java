package org.accessdesk.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Rejects a declared body over the limit before anyone reads it (413). Bodies without a
 * {@code Content-Length} are bounded by the codecs'
 * {@code spring.http.codecs.max-in-memory-size}, which is set to the same 64 KiB.
 * Registry imports are the one exception: an operator's upload may be larger, and the
 * registry reads it under its own limit ({@code accessdesk.registry.max-import-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

	static final DataSize API_LIMIT = DataSize.ofKilobytes(64);

	private final ProblemResponses responses;

	private static final String REGISTRY_IMPORT = "/api/registry/import";

	RequestSizeLimit(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		long limit = API_LIMIT.toBytes();
		if (declared > limit && !exchange.getRequest().getPath().value().equals(REGISTRY_IMPORT)) {
			return this.responses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
					"The request body is " + declared + " bytes; at most " + limit + " are accepted here.");
		}
		return chain.filter(exchange);
	}

}
