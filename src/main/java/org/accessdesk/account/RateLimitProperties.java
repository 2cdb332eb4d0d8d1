package org.accessdesk.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits. Those that protect accounts — password guessing, and mails a stranger
 * could make us send — count in PostgreSQL and hold across instances
 * ({@link SharedBuckets}); the others count per instance, in memory
 * ({@link TokenBuckets}), and protect that instance. Defaults in {@code application.yml}.
 *
 * @param enabled false switches every limit off (a load test that must not be throttled)
 * @param submissions {@code POST /api/access-requests} per account (per instance)
 * @param signIn {@code POST /login} per client address, right or wrong (per instance: it
 * keeps password hashing from eating the instance's CPU)
 * @param signUp {@code POST /api/accounts} per client address (per instance)
 * @param passwordGuessing failed password checks (shared)
 * @param verificationMail links to prove an address, per account (shared)
 * @param resetMail password reset links (shared)
 * @param maxKeys most accounts or addresses tracked at once per in-memory limit; beyond
 * that a new one goes unlimited until idle ones expire, so memory stays bounded
 */
@ConfigurationProperties("accessdesk.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit submissions, Limit signIn, Limit signUp,
		PasswordGuessing passwordGuessing, Limit verificationMail, ResetMail resetMail,
		@DefaultValue("100000") int maxKeys) {

	/**
	 * Failed password checks (form, HTTP Basic, the current password of a change), after
	 * OWASP's authentication cheat sheet: tight for one account from one address, looser
	 * for one address across accounts (credential stuffing), and a higher ceiling for one
	 * account across addresses, so that guesses spread over a botnet are still slowed.
	 */
	record PasswordGuessing(Limit perAccountAndAddress, Limit perAddress, Limit perAccount) {
	}

	/** Password reset mails per email asked for, and per client address asking. */
	record ResetMail(Limit perEmail, Limit perAddress) {
	}

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

		double perSecond() {
			return this.requests / (this.per.toNanos() / 1e9);
		}

	}

}
