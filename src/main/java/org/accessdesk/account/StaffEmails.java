package org.accessdesk.account;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vendor's people, by email: {@code ACCESSDESK_VENDOR_REVIEWERS} and
 * {@code ACCESSDESK_OPERATORS}, comma separated.
 */
@ConfigurationProperties("accessdesk")
record StaffEmails(@DefaultValue List<String> vendorReviewers, @DefaultValue List<String> operators) {

	boolean isVendorReviewer(String email) {
		return contains(this.vendorReviewers, email);
	}

	boolean isOperator(String email) {
		return contains(this.operators, email);
	}

	private static boolean contains(List<String> emails, String email) {
		String wanted = email.strip().toLowerCase(Locale.ROOT);
		return emails.stream().anyMatch((listed) -> listed.strip().toLowerCase(Locale.ROOT).equals(wanted));
	}

}
