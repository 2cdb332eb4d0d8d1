package org.accessdesk.mail;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * When a mail that failed for now is tried again, and when it is given up on
 * ({@code accessdesk.mail.retry-backoff}, {@code max-retry-backoff},
 * {@code max-attempts}).
 */
@Component
class RetryPolicy {

	private final MailProperties properties;

	RetryPolicy(MailProperties properties) {
		this.properties = properties;
	}

	/** Whether a mail that has failed this many attempts has had its last one. */
	boolean isExhausted(int attempts) {
		return attempts >= this.properties.maxAttempts();
	}

	/**
	 * {@code retryBackoff × 2^(attempts-1)}, capped, with full jitter on the upper half
	 * so that a backlog does not hit a recovering server all at once.
	 */
	Duration backoff(int attempts) {
		long base = this.properties.retryBackoff().toMillis();
		long cap = this.properties.maxRetryBackoff().toMillis();
		long exponential = (attempts >= 31) ? cap : Math.min(cap, base << Math.max(0, attempts - 1));
		long half = Math.max(1, exponential / 2);
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

}
