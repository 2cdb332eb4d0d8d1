package org.accessdesk.account;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import reactor.core.publisher.Mono;

/**
 * {@code Authorization: Bearer adt_…}: a personal API token, checked on every request,
 * stateless — no session, no CSRF.
 */
final class BearerTokens {

	private BearerTokens() {
	}

	static AuthenticationWebFilter filter(PersonalTokens tokens, ServerAuthenticationFailureHandler invalidToken) {
		ReactiveAuthenticationManager manager = (presented) -> tokens
			.authenticate(String.valueOf(presented.getCredentials()))
			.map((user) -> (Authentication) UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.getAuthorities()))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API token")));
		AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
		filter.setServerAuthenticationConverter((exchange) -> {
			String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return Mono.empty();
			}
			return Mono
				.just(UsernamePasswordAuthenticationToken.unauthenticated("api-token", header.substring(7).strip()));
		});
		filter.setAuthenticationFailureHandler(invalidToken);
		return filter;
	}

}
