package org.accessdesk.account;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Signing out everywhere (SPEC §2a): every browser session of the account ends, on every
 * instance, the one making the request included. API tokens are not sessions and stay
 * valid.
 */
@Component
public class BrowserSessions {

	private final WebSessions sessions;

	BrowserSessions(WebSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of the account; the caller's own ends with it (its cookie is
	 * cleared in the answer).
	 */
	public Mono<Void> endAll(AccountId accountId, ServerWebExchange exchange) {
		return this.sessions.deleteAccount(accountId, null).then(endThisOne(exchange));
	}

	/** Ends every session of the account but the caller's (a password change). */
	Mono<Void> endOthers(AccountId accountId, ServerWebExchange exchange) {
		return currentId(exchange).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((keep) -> this.sessions.deleteAccount(accountId, keep.orElse(null)))
			.then();
	}

	private static Mono<Void> endThisOne(ServerWebExchange exchange) {
		if (!hasSessionCookie(exchange)) {
			return Mono.empty();
		}
		return exchange.getSession().flatMap((session) -> session.invalidate());
	}

	private static Mono<String> currentId(ServerWebExchange exchange) {
		if (!hasSessionCookie(exchange)) {
			return Mono.empty();
		}
		return exchange.getSession().filter((session) -> !session.isExpired()).map((session) -> session.getId());
	}

	private static boolean hasSessionCookie(ServerWebExchange exchange) {
		return exchange.getRequest().getCookies().containsKey(SecurityConfiguration.SESSION_COOKIE);
	}

}
