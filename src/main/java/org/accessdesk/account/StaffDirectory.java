package org.accessdesk.account;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The vendor's people as other modules may know them: where mail for the vendor desk
 * goes. The addresses are the operator's configuration
 * ({@code accessdesk.vendor-reviewers}), not anyone's sign-up, so they need no proof.
 */
@Component
public class StaffDirectory {

	private final List<String> vendorDesk;

	StaffDirectory(StaffEmails staff) {
		this.vendorDesk = staff.vendorReviewers()
			.stream()
			.map(String::strip)
			.filter((address) -> !address.isEmpty())
			.toList();
	}

	/** The vendor reviewers' addresses, as configured; empty when none are. */
	public List<String> vendorDesk() {
		return this.vendorDesk;
	}

}
