package org.accessdesk.request;

import java.util.List;

import org.accessdesk.web.DomainError;

/**
 * A submission that cannot be decided as asked (SPEC §3, §4): a kind that does not accept
 * the identifier type, identifiers not of their type's form, too few or too many.
 */
public final class InvalidSubmission extends DomainError {

	private InvalidSubmission(String code, String detail, List<FieldError> errors) {
		super(Kind.INVALID, code, detail, errors, null);
	}

	static InvalidSubmission kindTypeMismatch(AccessKind kind, Object type) {
		return new InvalidSubmission("KIND_TYPE_MISMATCH",
				kind + " access cannot be requested by " + type + "; it accepts " + kind.acceptedTypes() + ".",
				List.of());
	}

	static InvalidSubmission invalidIdentifiers(Object type, List<String> shown) {
		return new InvalidSubmission("INVALID_IDENTIFIER", "Not a valid " + type + ": " + String.join(", ", shown),
				shown.stream()
					.map((bad) -> new FieldError("identifiers", "not a valid " + type + ": " + bad))
					.toList());
	}

	static InvalidSubmission identifiers(String message) {
		return new InvalidSubmission("VALIDATION_FAILED", "identifiers: " + message,
				List.of(new FieldError("identifiers", message)));
	}

}
