package org.accessdesk.web;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.HandlerResultHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Hands a controller's answer to its connection's own thread before it is encoded. The
 * answer mostly comes from the database driver's thread, while a client that leaves is
 * noticed on the connection's thread; when the two met, Spring's writer (which holds the
 * encoded JSON until the answer completes) now and then lost the buffer to the cancel
 * unreleased — a leak the suite's leak check found about once in three runs, and
 * ClientsThatLeaveTests about every other run. On one thread, they come in order: the
 * answer is encoded and written, or cancelled before a buffer exists. Streams (a
 * {@code Flux}, such as SSE) are left as they are; this costs one task on the event loop
 * per answer.
 */
@Component
class AnswersOnTheirConnection implements HandlerResultHandler, Ordered {

	private final ObjectProvider<HandlerResultHandler> handlers;

	AnswersOnTheirConnection(ObjectProvider<HandlerResultHandler> handlers) {
		this.handlers = handlers;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean supports(HandlerResult result) {
		return result.getReturnValue() instanceof Mono;
	}

	@Override
	public Mono<Void> handleResult(ServerWebExchange exchange, HandlerResult result) {
		HandlerResult handed = result;
		EventLoop eventLoop = eventLoopOf(exchange);
		if (eventLoop != null) {
			Mono<?> answer = (Mono<?>) result.getReturnValue();
			handed = new HandlerResult(result.getHandler(), answer.publishOn(Schedulers.fromExecutor(eventLoop)),
					result.getReturnTypeSource(), result.getBindingContext());
			if (result.getExceptionHandler() != null) {
				handed.setExceptionHandler(result.getExceptionHandler());
			}
		}
		HandlerResult next = handed;
		return this.handlers.orderedStream()
			.filter((handler) -> handler != this && handler.supports(next))
			.findFirst()
			.map((handler) -> handler.handleResult(exchange, next))
			.orElseGet(() -> Mono.error(new IllegalStateException("No handler for " + next.getReturnType())));
	}

	/**
	 * The connection's event loop, or null when there is none to hand to: not a Reactor
	 * Netty request, or a connection its client has already closed (Netty then has no
	 * event loop for it and says so with an exception). Such an answer goes on unchanged;
	 * it has nobody left to be written to.
	 */
	private static EventLoop eventLoopOf(ServerWebExchange exchange) {
		if (!(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection)) {
			return null;
		}
		Channel channel = connection.channel();
		if (!channel.isRegistered()) {
			return null;
		}
		try {
			return channel.eventLoop();
		}
		catch (IllegalStateException deregisteredJustNow) {
			return null;
		}
	}

}
