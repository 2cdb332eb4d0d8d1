package org.accessdesk.web;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as {@code application/problem+json} with a
 * stable {@code code}. Modules throw (or {@code Mono.error}) these instead of building
 * responses.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldError> errors;

	private final @Nullable Duration retryAfter;

	public ProblemException(HttpStatus status, String code, String detail) {
		this(status, code, detail, List.of());
	}

	public ProblemException(HttpStatus status, String code, String detail, List<FieldError> errors) {
		this(status, code, detail, errors, null);
	}

	private ProblemException(HttpStatus status, String code, String detail, List<FieldError> errors,
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
				List.of(new FieldError(field, message)));
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

	public List<FieldError> errors() {
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

	/** One invalid field of a request, as in the {@code errors} member of a problem. */
	public record FieldError(String field, String message) {
	}

}
