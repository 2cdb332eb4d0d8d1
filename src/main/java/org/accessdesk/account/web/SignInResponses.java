package org.accessdesk.account.web;

import java.net.URI;
import java.util.Map;

import org.accessdesk.account.AccountUser;
import org.accessdesk.account.TooManyPasswordGuesses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The answers of the sign-in form and of signing out: a script (Accept: JSON) gets JSON
 * or a problem, a plain HTML form is sent on to the right page.
 */
@Component
public class SignInResponses {

	private final JsonMapper json;

	private final AuthenticationProblems problems;

	SignInResponses(JsonMapper json, AuthenticationProblems problems) {
		this.json = json;
		this.problems = problems;
	}

	/** 200 with who signed in, or to the start page. */
	public ServerAuthenticationSuccessHandler signedIn() {
		return (filterExchange, authentication) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			if (!wantsJson(exchange)) {
				return redirect(exchange, "/");
			}
			AccountUser user = (AccountUser) authentication.getPrincipal();
			byte[] body = this.json.writeValueAsBytes(Map.of("email", user.email(), "roles", user.roles()));
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return exchange.getResponse()
				.writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap(body)));
		};
	}

	/** 401 or 429 as a problem, or back to the sign-in page saying why. */
	public ServerAuthenticationFailureHandler signInFailed() {
		return (filterExchange, failure) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			if (failure instanceof TooManyPasswordGuesses tooMany) {
				return wantsJson(exchange) ? this.problems.tooManyGuesses(exchange, tooMany)
						: redirect(exchange, "/signin.html?throttled");
			}
			return wantsJson(exchange) ? this.problems.wrongPassword(exchange)
					: redirect(exchange, "/signin.html?error");
		};
	}

	/** 204, or the sign-in page saying so. */
	public ServerLogoutSuccessHandler signedOut() {
		return (filterExchange, authentication) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			if (!wantsJson(exchange)) {
				return redirect(exchange, "/signin.html?signedOut");
			}
			exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
			return exchange.getResponse().setComplete();
		};
	}

	private static boolean wantsJson(ServerWebExchange exchange) {
		return exchange.getRequest()
			.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType());
	}

	private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create(location));
		return exchange.getResponse().setComplete();
	}

}
