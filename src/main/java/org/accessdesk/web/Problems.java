package org.accessdesk.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one mapping from a failure to an RFC 9457 problem. Bad input is always a 4xx with a
 * stable {@code code}; only a fault of ours is a 500, and its detail says nothing
 * internal.
 */
final class Problems {

	private static final Log logger = LogFactory.getLog(Problems.class);

	private static final int MAX_DETAIL = 300;

	private Problems() {
	}

	static ProblemDetail from(Throwable failure) {
		if (failure instanceof DomainError error) {
			ProblemDetail detail = problem(statusOf(error.kind()), error.code(), error.getMessage());
			if (!error.errors().isEmpty()) {
				detail.setProperty("errors", error.errors());
			}
			return detail;
		}
		if (failure instanceof ProblemException problem) {
			ProblemDetail detail = problem(problem.status(), problem.code(), problem.getMessage());
			if (!problem.errors().isEmpty()) {
				detail.setProperty("errors", problem.errors());
			}
			return detail;
		}
		if (causeOf(failure, DataBufferLimitException.class) != null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
					"The request body is larger than allowed.");
		}
		if (failure instanceof WebExchangeBindException binding) {
			List<DomainError.FieldError> errors = binding.getFieldErrors()
				.stream()
				.map((error) -> new DomainError.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
				.toList();
			ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", errors.isEmpty()
					? "The request is not valid." : errors.get(0).field() + ": " + errors.get(0).message());
			detail.setProperty("errors", errors);
			return detail;
		}
		if (failure instanceof HandlerMethodValidationException invalid) {
			List<DomainError.FieldError> errors = invalid.getParameterValidationResults()
				.stream()
				.flatMap((result) -> result.getResolvableErrors()
					.stream()
					.map((error) -> new DomainError.FieldError(parameterName(result.getMethodParameter()),
							String.valueOf(error.getDefaultMessage()))))
				.toList();
			ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", errors.isEmpty()
					? "The request is not valid." : errors.get(0).field() + ": " + errors.get(0).message());
			detail.setProperty("errors", errors);
			return detail;
		}
		UnrecognizedPropertyException unknownField = causeOf(failure, UnrecognizedPropertyException.class);
		if (unknownField != null) {
			ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
					"Unknown field '" + unknownField.getPropertyName() + "'.");
			detail.setProperty("errors", List
				.of(new DomainError.FieldError(String.valueOf(unknownField.getPropertyName()), "unknown field")));
			return detail;
		}
		DatabindException wrongShape = causeOf(failure, DatabindException.class);
		if (wrongShape != null) {
			String field = JsonPaths.of(wrongShape);
			ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", field.isEmpty()
					? "The request body has the wrong shape." : "Field '" + field + "' has the wrong type.");
			if (!field.isEmpty()) {
				detail.setProperty("errors", List.of(new DomainError.FieldError(field, "wrong type")));
			}
			return detail;
		}
		if (causeOf(failure, JacksonException.class) != null) {
			return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is not valid JSON.");
		}
		if (failure instanceof ServerWebInputException input) {
			return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", clip(input.getReason()));
		}
		if (failure instanceof ResponseStatusException status) {
			return problem(status.getStatusCode(), codeOf(status.getStatusCode()), clip(status.getReason()));
		}
		if (causeOf(failure, DataAccessResourceFailureException.class) != null
				|| causeOf(failure, R2dbcNonTransientResourceException.class) != null
				|| causeOf(failure, R2dbcTransientResourceException.class) != null) {
			// Every request says so while PostgreSQL restarts: one line each, the stack
			// only when asked for.
			logger.warn("Database unavailable: " + failure.getMessage());
			logger.debug("Database unavailable", failure);
			ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
					"The database is briefly unavailable; nothing was changed. Try again in a moment.");
			problem.setProperty("retryAfterSeconds", 1);
			return problem;
		}
		logger.error("Unexpected failure", failure);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"Something went wrong on our side; it has been logged.");
	}

	/** The one place a module's kind of failure becomes an HTTP status. */
	static HttpStatus statusOf(DomainError.Kind kind) {
		return switch (kind) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
		};
	}

	/** How long the caller should wait before trying again, if the failure says. */
	static @Nullable Duration retryAfter(Throwable failure) {
		if (failure instanceof DomainError error) {
			return error.retryAfter();
		}
		return (failure instanceof ProblemException problem) ? problem.retryAfter() : null;
	}

	static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(
				URI.create("https://accessdesk.example/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * The name the caller used: the header or query parameter, not the Java parameter.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "parameter";
	}

	private static String codeOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known != null ? known.name() : "HTTP_" + status.value();
	}

	private static String clip(String reason) {
		if (reason == null || reason.isBlank()) {
			return "The request could not be handled.";
		}
		return reason.length() <= MAX_DETAIL ? reason : reason.substring(0, MAX_DETAIL) + "…";
	}

	private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
