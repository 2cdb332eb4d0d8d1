package org.accessdesk.web;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A failure the caller can act on, as a module says it: what kind of failure (not an HTTP
 * status), a stable code and words for a person. Modules throw (or {@code Mono.error})
 * their own subtypes — {@code ItemNotFound}, {@code StatusChanged}, … — and the web edge
 * alone turns the kind into a status and the error into {@code application/problem+json}
 * ({@link Problems}).
 */
public abstract class DomainError extends RuntimeException {

	private final Kind kind;

	private final String code;

	private final List<FieldError> errors;

	private final @Nullable Duration retryAfter;

	protected DomainError(Kind kind, String code, String detail) {
		this(kind, code, detail, List.of(), null);
	}

	protected DomainError(Kind kind, String code, String detail, List<FieldError> errors,
			@Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.kind = kind;
		this.code = code;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	/** The fields at fault, for a request that was not valid. */
	public List<FieldError> errors() {
		return this.errors;
	}

	/** How long to wait before trying again, when that is known. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** What went wrong, in the terms a caller needs to react. */
	public enum Kind {

		/** The request asks for something that is not valid (400). */
		INVALID,

		/**
		 * Unknown, or somebody else's: the answer is the same, so nothing leaks (404).
		 */
		NOT_FOUND,

		/** Not allowed for this caller (403). */
		FORBIDDEN,

		/** The thing is no longer in a state that allows this (409). */
		CONFLICT,

		/** Understood, but cannot be done as asked (422). */
		UNPROCESSABLE,

		/** Too many lately; try again later (429). */
		RATE_LIMITED

	}

	/** One invalid field of a request, as in the {@code errors} member of a problem. */
	public record FieldError(String field, String message) {
	}

	/** A field that is not valid: {@code VALIDATION_FAILED}. */
	public static final class InvalidField extends DomainError {

		public InvalidField(String field, String message) {
			super(Kind.INVALID, "VALIDATION_FAILED", field + ": " + message, List.of(new FieldError(field, message)),
					null);
		}

	}

	/** Too many lately: {@code RATE_LIMITED} with the wait. */
	public static final class RateLimited extends DomainError {

		public RateLimited(Duration wait, String detail) {
			super(Kind.RATE_LIMITED, "RATE_LIMITED", detail, List.of(), wait);
		}

	}

}
