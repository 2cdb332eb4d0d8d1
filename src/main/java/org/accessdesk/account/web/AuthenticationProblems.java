package org.accessdesk.account.web;

import org.accessdesk.account.AccountUser;
import org.accessdesk.account.TooManyPasswordGuesses;
import org.accessdesk.web.ProblemException;
import org.accessdesk.web.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * How security refusals are answered: always {@code application/problem+json} with a
 * stable code, the challenge {@code Bearer} (never Basic, so a browser never caches Basic
 * credentials of its own and needs no CSRF token for them), and the same answer for
 * accounts that exist and those that do not.
 */
@Component
public class AuthenticationProblems {

	private static final String CHALLENGE = "Bearer realm=\"accessdesk\"";

	private final ProblemResponses problems;

	AuthenticationProblems(ProblemResponses problems) {
		this.problems = problems;
	}

	/** 401 {@code UNAUTHENTICATED}: no credentials at all. */
	public ServerAuthenticationEntryPoint unauthenticated() {
		return (exchange, failure) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
			return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
					"Sign in, or send a personal API token (Authorization: Bearer …) or HTTP Basic credentials.");
		};
	}

	/** 401 {@code BAD_CREDENTIALS} for HTTP Basic, or 429 after too many wrong ones. */
	public ServerAuthenticationEntryPoint badCredentials() {
		return (exchange, failure) -> {
			if (failure instanceof TooManyPasswordGuesses tooMany) {
				return tooManyGuesses(exchange, tooMany);
			}
			return wrongPassword(exchange);
		};
	}

	Mono<Void> wrongPassword(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
				"The email or password is not right.");
	}

	/**
	 * 429 with {@code Retry-After}, the same for an account that exists and one that does
	 * not. The password was not checked.
	 */
	Mono<Void> tooManyGuesses(ServerWebExchange exchange, TooManyPasswordGuesses tooMany) {
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.RETRY_AFTER, ProblemException.retryAfterSeconds(tooMany.retryAfter()));
		return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				"Too many wrong passwords for this account or from this address; try again later,"
						+ " or reset the password by mail.");
	}

	/**
	 * 403: {@code EMAIL_UNVERIFIED} for an account whose address is not proved yet (it
	 * may only look after itself, SPEC §2a), else {@code FORBIDDEN}.
	 */
	public ServerAccessDeniedHandler forbidden() {
		return (exchange, denied) -> exchange.getPrincipal()
			.map((principal) -> (principal instanceof Authentication authentication
					&& authentication.getPrincipal() instanceof AccountUser user && !user.emailVerified()))
			.defaultIfEmpty(false)
			.flatMap((unproved) -> unproved
					? this.problems.write(exchange, HttpStatus.FORBIDDEN, "EMAIL_UNVERIFIED",
							"Confirm your email address first: follow the link we mailed you,"
									+ " or ask for a new one (POST /api/accounts/verification/resend).")
					: this.problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
							"Your account may not do this."));
	}

	/** 403 {@code CSRF_REJECTED}: a cookie-borne change without the right token. */
	public ServerAccessDeniedHandler csrfRejected() {
		return (exchange, denied) -> this.problems.write(exchange, HttpStatus.FORBIDDEN, "CSRF_REJECTED",
				"Missing or wrong CSRF token: read it from GET /api/csrf (or the XSRF-TOKEN cookie) and send it"
						+ " as X-XSRF-TOKEN.");
	}

	/** 401 {@code INVALID_TOKEN}: an API token that is unknown or revoked. */
	public ServerAuthenticationFailureHandler invalidToken() {
		return (filterExchange, failure) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
			return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
					"The API token is unknown or has been revoked.");
		};
	}

}
