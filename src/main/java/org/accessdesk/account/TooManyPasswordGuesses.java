package org.accessdesk.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A password check refused before it was made: too many wrong passwords lately for the
 * account or from the client ({@link PasswordGuessing}). Answered 429 with
 * {@code Retry-After}.
 */
public final class TooManyPasswordGuesses extends AuthenticationException {

	private final Duration retryAfter;

	TooManyPasswordGuesses(Duration retryAfter) {
		super("Too many wrong passwords");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
