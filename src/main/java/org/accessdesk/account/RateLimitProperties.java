package org.accessdesk.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits per instance (each instance counts on its own, so N instances behind a load
 * balancer allow up to N times as much). Defaults in {@code application.yml}.
 *
 * @param enabled false switches every limit off (a load test that must not be throttled)
 * @param submissions {@code POST /api/access-requests} per account
 * @param signIn {@code POST /login} per client address
 * @param signUp {@code POST /api/accounts} per client address
 * @param maxKeys most accounts or addresses tracked at once per limit; beyond that a new
 * one goes unlimited until idle ones expire, so memory stays bounded
 */
@ConfigurationProperties("accessdesk.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit submissions, Limit signIn, Limit signUp,
		@DefaultValue("100000") int maxKeys) {

	/**
	 * A token bucket: at most {@code requests} at once, refilled evenly at
	 * {@code requests} per {@code per}.
	 */
	record Limit(int requests, Duration per) {

		Limit {
			if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException(
						"A rate limit needs requests >= 1 and a positive period, not " + requests + " per " + per);
			}
		}

	}

}
