package org.accessdesk.live;

import io.netty.channel.ChannelOption;
import reactor.netty.Connection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Optionally caps the kernel send buffer of connections that carry an SSE stream
 * ({@code accessdesk.live.send-buffer}). By default the kernel grows it up to
 * {@code net.ipv4.tcp_wmem} (often 4 MB) for a client that does not read — memory a
 * server holding thousands of streams may want to bound; with a cap, a slow stream backs
 * up into its own event buffer sooner and is cut off (it resumes with Last-Event-ID).
 * <p>
 * Only stream connections: set on every connection, the cap left zero-copy file answers
 * (static pages served from a directory, as under {@code spring-boot:run} and in tests)
 * waiting now and then for a write that never came.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty("accessdesk.live.send-buffer")
class StreamSocketBuffers implements WebFilter {

	private final int bytes;

	StreamSocketBuffers(Environment environment) {
		this.bytes = (int) DataSize.parse(environment.getRequiredProperty("accessdesk.live.send-buffer")).toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() == HttpMethod.GET
				&& StreamObservations.STREAM_PATHS.contains(exchange.getRequest().getPath().value())
				&& ServerHttpRequestDecorator
					.getNativeRequest(exchange.getRequest()) instanceof Connection connection) {
			connection.channel().config().setOption(ChannelOption.SO_SNDBUF, this.bytes);
		}
		return chain.filter(exchange);
	}

}
