package org.accessdesk.web;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A failure of the HTTP exchange itself, answered as {@code application/problem+json}
 * with a stable {@code code}: for the web edge only (controllers, filters). Modules throw
 * {@link DomainError}s instead, which know no HTTP status.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<DomainError.FieldError> errors;

	private final @Nullable Duration retryAfter;

	public ProblemException(HttpStatus status, String code, String detail) {
		this(status, code, detail, List.of());
	}

	public ProblemException(HttpStatus status, String code, String detail, List<DomainError.FieldError> errors) {
		this(status, code, detail, errors, null);
	}

	private ProblemException(HttpStatus status, String code, String detail, List<DomainError.FieldError> errors,
			@Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	/**
	 * 429 {@code RATE_LIMITED}; the answer carries {@code Retry-After} in whole seconds.
	 */
	public static ProblemException rateLimited(Duration wait, String detail) {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", detail, List.of(), wait);
	}

	public static ProblemException badRequest(String code, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
	}

	public static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + ": " + message,
				List.of(new DomainError.FieldError(field, message)));
	}

	/** Unknown, or somebody else's: the answer is the same so that nothing leaks. */
	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
	}

	public static ProblemException conflict(String code, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, code, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public List<DomainError.FieldError> errors() {
		return this.errors;
	}

	/** How long the caller should wait before trying again, when that is known. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** A wait as the {@code Retry-After} header says it: whole seconds, at least one. */
	public static String retryAfterSeconds(Duration wait) {
		return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
	}

}
