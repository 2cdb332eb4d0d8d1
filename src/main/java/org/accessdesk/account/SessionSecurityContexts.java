package org.accessdesk.account;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who signed in, kept in the web session — looked for only when the request carries a
 * session cookie. Asking the session manager creates a session object (with a random id)
 * for every request without one: for each call of a script with a token, and for each
 * open SSE stream, which keeps it for as long as the stream stays open.
 */
final class SessionSecurityContexts implements ServerSecurityContextRepository {

	private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	private final String cookieName;

	SessionSecurityContexts(String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return this.sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		if (!exchange.getRequest().getCookies().containsKey(this.cookieName)) {
			return Mono.empty();
		}
		return this.sessions.load(exchange);
	}

}
