package org.accessdesk.account;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Who signed in with the form, kept in the browser session as the account's id only: each
 * request loads the account afresh (one query, roles included), so a proved address, a
 * new role or a changed language count at once, on every instance, and nothing in the
 * session can go stale. The session is looked for only when the request carries the
 * session cookie — asking the session manager otherwise creates a session object for
 * every token call and every open SSE stream.
 */
final class SessionSecurityContexts implements ServerSecurityContextRepository {

	/** The session attribute holding the signed-in account's id. */
	static final String ACCOUNT = "accountId";

	private final Accounts accounts;

	private final String cookieName;

	SessionSecurityContexts(Accounts accounts, String cookieName) {
		this.accounts = accounts;
		this.cookieName = cookieName;
	}

	/**
	 * Signing in keeps the account's id under a new session id (against session
	 * fixation); signing out (no context) ends the session.
	 */
	@Override
	public Mono<Void> save(ServerWebExchange exchange, @Nullable SecurityContext context) {
		return exchange.getSession().flatMap((session) -> {
			if (context == null || context.getAuthentication() == null
					|| !(context.getAuthentication().getPrincipal() instanceof AccountUser user)) {
				return session.invalidate();
			}
			session.getAttributes().put(ACCOUNT, user.id().value().toString());
			return session.changeSessionId();
		});
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		if (!exchange.getRequest().getCookies().containsKey(this.cookieName)) {
			return Mono.empty();
		}
		return exchange.getSession()
			.mapNotNull(SessionSecurityContexts::accountOf)
			.flatMap(this.accounts::user)
			.map((user) -> new SecurityContextImpl(
					UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
	}

	static @Nullable AccountId accountOf(WebSession session) {
		return (session.getAttributes().get(ACCOUNT) instanceof String id) ? parse(id) : null;
	}

	static @Nullable AccountId accountOf(Map<String, String> attributes) {
		String id = attributes.get(ACCOUNT);
		return (id != null) ? parse(id) : null;
	}

	private static @Nullable AccountId parse(String id) {
		try {
			return AccountId.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
