package org.accessdesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.accessdesk.registry.CompanyNames;
import org.accessdesk.registry.ContractStatus;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;
import org.accessdesk.registry.SupportModel;

/**
 * The decision rules of SPEC §5, as one pure function: the profile, the registry facts,
 * what the account already holds, and the time in; an outcome and the row that produced
 * it out. No I/O, no Spring, no clock of its own. Rows are tried in the spec's order and
 * the first match wins.
 */
final class DecisionTable {

	/**
	 * A contract younger than this is not yet known everywhere (guide §3 5/6 ③:
	 * "最大48時間後").
	 */
	static final Duration NEW_CONTRACT_SETTLING = Duration.ofHours(48);

	private DecisionTable() {
	}

	static Decision decide(Applicant applicant, AccessKind kind, IdentifierType type, RegistryEntry found,
			Holdings holdings, Instant now) {
		if (!kind.accepts(type)) {
			throw new IllegalArgumentException(
					kind + " does not accept " + type + "; reject the request before deciding");
		}
		// D1
		if (!applicant.hasCompleteProfile()) {
			return new Decision.Denied(Rule.D1, ReasonCode.PROFILE_INCOMPLETE, null);
		}
		// D2
		if (found instanceof RegistryEntry.Unknown) {
			return new Decision.Denied(Rule.D2, ReasonCode.NOT_FOUND, null);
		}
		RegistryEntry.Contract contract = (found instanceof RegistryEntry.Contract c) ? c : null;
		RegistryEntry.BillTo billTo = (found instanceof RegistryEntry.BillTo b) ? b : null;
		if (contract != null && contract.status() != ContractStatus.ACTIVE) {
			return new Decision.Denied(Rule.D2, ReasonCode.NOT_FOUND, null);
		}
		// D3
		if (contract != null) {
			Instant oldEnough = contract.issuedAt().plus(NEW_CONTRACT_SETTLING);
			if (now.isBefore(oldEnough)) {
				return new Decision.Denied(Rule.D3, ReasonCode.TOO_NEW, oldEnough);
			}
		}
		// D4: a serial counts as its contract; holding the Bill-to ID that contains the
		// contract counts too.
		String entitlement = (contract != null) ? "C:" + contract.number() : "B:" + billTo.id();
		if (holdings.holdsOrWaitsFor(kind, entitlement) || (contract != null && contract.billToId() != null
				&& holdings.holds(kind, "B:" + contract.billToId()))) {
			return new Decision.Denied(Rule.D4, ReasonCode.ALREADY_REGISTERED, null);
		}
		List<String> admins = found.admins();
		if (kind == AccessKind.DOWNLOAD_ONLY) {
			// Only contracts and serials reach here (kind accepts CONTRACT, SERIAL).
			if (contract.supportModel() == SupportModel.DIRECT) {
				return new Decision.Denied(Rule.D5, ReasonCode.ADMIN_NOT_FOUND, null);
			}
			if (admins.isEmpty()) {
				return new Decision.Denied(Rule.D6, ReasonCode.ADMIN_NOT_FOUND, null);
			}
			return new Decision.Pending(Rule.P1, Queue.ADMIN, ReasonCode.AWAITING_ADMIN, admins);
		}
		if (kind == AccessKind.ORDERING) {
			return new Decision.Pending(Rule.P3, Queue.VENDOR, ReasonCode.ORDERING_REVIEW, List.of());
		}
		// FULL_SUPPORT from here on.
		if (contract != null && contract.supportModel() == SupportModel.PARTNER) {
			return new Decision.Denied(Rule.D7, ReasonCode.FULL_SUPPORT_NOT_INCLUDED, null);
		}
		if (billTo != null && !billTo.fullSupport()) {
			return new Decision.Denied(Rule.D8, ReasonCode.FULL_SUPPORT_NOT_INCLUDED, null);
		}
		boolean sameCompany = (contract != null)
				? isOwnCompany(applicant, contract.companyName(), contract.companyEmailDomains())
				: isOwnCompany(applicant, billTo.companyName(), billTo.companyEmailDomains());
		if (contract != null && sameCompany) {
			return new Decision.Approved(Rule.A1, ReasonCode.AUTO_APPROVED);
		}
		if (!admins.isEmpty()) {
			return new Decision.Pending(Rule.P1, Queue.ADMIN, ReasonCode.AWAITING_ADMIN, admins);
		}
		return new Decision.Pending(Rule.P2, Queue.VENDOR,
				sameCompany ? ReasonCode.NO_ADMIN : ReasonCode.COMPANY_MISMATCH, List.of());
	}

	/**
	 * The profile's company is the owner's (names compared width-, case- and
	 * space-insensitively) and, when the owner lists email domains, the applicant's email
	 * is in one of them.
	 */
	static boolean isOwnCompany(Applicant applicant, String ownerName, List<String> ownerDomains) {
		if (applicant.companyName() == null || !CompanyNames.sameCompany(applicant.companyName(), ownerName)) {
			return false;
		}
		return ownerDomains.isEmpty() || ownerDomains.stream()
			.anyMatch((domain) -> domain.strip().toLowerCase(Locale.ROOT).equals(applicant.emailDomain()));
	}

}
