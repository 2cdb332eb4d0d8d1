package org.accessdesk.request;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The person asking, as far as the decision table cares: their email and their company on
 * the profile.
 */
record Applicant(String email, @Nullable String companyName, @Nullable String companyAddress) {

	/**
	 * Rule D1: without company name or address nothing can be approved ("Private Use" is
	 * a name).
	 */
	boolean hasCompleteProfile() {
		return hasText(this.companyName) && hasText(this.companyAddress);
	}

	String emailDomain() {
		return this.email.substring(this.email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
