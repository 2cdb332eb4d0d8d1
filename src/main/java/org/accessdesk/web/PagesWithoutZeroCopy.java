package org.accessdesk.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Serves the browser UI's files as buffers, never with zero-copy {@code sendfile}. From
 * the jar they are buffers anyway; from a directory (under {@code spring-boot:run} and in
 * the tests) Spring would hand Netty the file itself, and on the epoll transport such an
 * answer now and then never left the server — the browser waited until it gave up (seen
 * for style.css, i18n.js and profile/account.js in the browser tests, some 1 in 3 runs).
 * A response that is not a {@code ZeroCopyHttpOutputMessage} is written like any other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PagesWithoutZeroCopy implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (exchange.getRequest().getMethod() != HttpMethod.GET || path.startsWith("/api/")
				|| path.startsWith("/actuator")) {
			return chain.filter(exchange);
		}
		return chain
			.filter(exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse())).build());
	}

}
