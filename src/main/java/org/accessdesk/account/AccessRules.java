package org.accessdesk.account;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who may call what (SPEC §1, §2a, §9), as one rule set for every filter chain that
 * authorizes the API: the first matching rule decides.
 */
final class AccessRules {

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private AccessRules() {
	}

	static void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
		exchanges
			// Anyone: sign up, prove an address with
			// a link, ask for and use a reset link.
			.pathMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/verification", "/api/password-reset",
					"/api/password-reset/confirm")
			.permitAll()
			.pathMatchers("/api/csrf")
			.permitAll()
			// Anyone: whom to ask (every page's footer, the sign-in page's too).
			.pathMatchers(HttpMethod.GET, "/api/support-contact")
			.permitAll()
			// Signed in, proved or not: look after one's own account (SPEC §2a).
			.pathMatchers(HttpMethod.GET, "/api/profile")
			.authenticated()
			.pathMatchers(HttpMethod.PUT, "/api/profile", "/api/profile/password")
			.authenticated()
			.pathMatchers(HttpMethod.POST, "/api/accounts/verification/resend")
			.authenticated()
			.pathMatchers(HttpMethod.DELETE, "/api/sessions")
			.authenticated()
			// Roles follow only from proved addresses (Roles).
			.pathMatchers("/api/registry/**", "/api/ops/**")
			.hasRole(Role.OPERATOR.name())
			.pathMatchers("/api/review/**")
			.hasAnyRole(Role.CONTRACT_ADMIN.name(), Role.VENDOR_REVIEWER.name())
			// Everything else of the API: a proved address.
			.pathMatchers("/api/**")
			.hasAuthority(AccountUser.PROVED_EMAIL)
			.pathMatchers("/actuator/health/**", "/actuator/info")
			.permitAll()
			.pathMatchers("/actuator/**")
			.hasRole(Role.OPERATOR.name())
			.anyExchange()
			.permitAll();
	}

	/**
	 * Cookie-borne changes need the CSRF token: any change that comes with the session
	 * cookie, and signing in and out (so nobody can sign a victim into an account of
	 * theirs). A request with neither a session cookie nor the sign-in form carries no
	 * authority a forger could borrow: it is anonymous and gets a 401. One with its own
	 * {@code Authorization} header cannot be forged by a browser.
	 */
	static Mono<ServerWebExchangeMatcher.MatchResult> csrfRequired(ServerWebExchange exchange, String sessionCookie) {
		var request = exchange.getRequest();
		if (SAFE_METHODS.contains(request.getMethod())
				|| request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return ServerWebExchangeMatcher.MatchResult.notMatch();
		}
		String path = request.getPath().value();
		boolean required = request.getCookies().containsKey(sessionCookie) || "/login".equals(path)
				|| "/logout".equals(path);
		return required ? ServerWebExchangeMatcher.MatchResult.match()
				: ServerWebExchangeMatcher.MatchResult.notMatch();
	}

}
