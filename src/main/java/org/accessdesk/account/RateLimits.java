package org.accessdesk.account;

import java.time.Duration;
import java.util.Optional;

import org.accessdesk.web.DomainError;
import org.accessdesk.web.ProblemResponses;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;

/**
 * Rate limits (token buckets, in memory, per instance): submissions per account, sign-in
 * and sign-up per client address. Over the limit the answer is 429 {@code RATE_LIMITED}
 * with {@code Retry-After} in seconds, and the request goes no further, so nothing is
 * written. The client address is the connection's peer; behind a trusted proxy set
 * {@code server.forward-headers-strategy=native} so that it is the forwarded one.
 */
@Component
class RateLimits {

	private static final String SUBMISSIONS = "/api/access-requests";

	private static final String SIGN_IN = "/login";

	private static final String SIGN_UP = "/api/accounts";

	private final RateLimitProperties properties;

	private final ProblemResponses problems;

	private final TokenBuckets submissions;

	private final TokenBuckets signIns;

	private final TokenBuckets signUps;

	RateLimits(RateLimitProperties properties, ProblemResponses problems) {
		this.properties = properties;
		this.problems = problems;
		this.submissions = new TokenBuckets(properties.submissions(), properties.maxKeys(), System::nanoTime);
		this.signIns = new TokenBuckets(properties.signIn(), properties.maxKeys(), System::nanoTime);
		this.signUps = new TokenBuckets(properties.signUp(), properties.maxKeys(), System::nanoTime);
	}

	/**
	 * Sign-in and sign-up per client address: before authentication, so that every
	 * attempt counts, failed or not.
	 */
	WebFilter perAddress() {
		return (exchange, chain) -> {
			ServerHttpRequest request = exchange.getRequest();
			if (!this.properties.enabled() || request.getMethod() != HttpMethod.POST) {
				return chain.filter(exchange);
			}
			String path = request.getPath().value();
			if (SIGN_IN.equals(path)) {
				return this.signIns.take(address(request))
					.map((wait) -> refuse(exchange, wait, "sign-in attempts from this address"))
					.orElseGet(() -> chain.filter(exchange));
			}
			if (SIGN_UP.equals(path)) {
				return this.signUps.take(address(request))
					.map((wait) -> refuse(exchange, wait, "sign-ups from this address"))
					.orElseGet(() -> chain.filter(exchange));
			}
			return chain.filter(exchange);
		};
	}

	/** Submissions per account: after authorization, when the account is known. */
	WebFilter perAccount() {
		return (exchange, chain) -> {
			ServerHttpRequest request = exchange.getRequest();
			if (!this.properties.enabled() || request.getMethod() != HttpMethod.POST
					|| !SUBMISSIONS.equals(request.getPath().value())) {
				return chain.filter(exchange);
			}
			return exchange.getPrincipal()
				.map((principal) -> this.submissions.take(principal.getName()))
				.defaultIfEmpty(Optional.empty())
				.flatMap((wait) -> wait.map((due) -> refuse(exchange, due, "submissions from this account"))
					.orElseGet(() -> chain.filter(exchange)));
		};
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Duration wait, String what) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return this.problems.write(exchange,
				new DomainError.RateLimited(wait, "Too many " + what + "; try again in " + seconds + " s."));
	}

	private static String address(ServerHttpRequest request) {
		return ClientAddress.of(request);
	}

}
