package org.accessdesk.request;

/**
 * Why an item has its status (SPEC §5 and §9): the decision table's codes, then those of
 * later transitions. Stable: clients and mail templates key on them.
 */
public enum ReasonCode {

	// decided at submission (SPEC §5)
	PROFILE_INCOMPLETE, NOT_FOUND, TOO_NEW, ALREADY_REGISTERED, ADMIN_NOT_FOUND, FULL_SUPPORT_NOT_INCLUDED,
	AUTO_APPROVED, AWAITING_ADMIN, COMPANY_MISMATCH, NO_ADMIN, ORDERING_REVIEW,

	// later transitions (SPEC §6)
	DECIDED_BY_ADMIN, DECIDED_BY_VENDOR, ESCALATED, WITHDRAWN, REMOVED, REVOKED, EXPIRED, AUTO_RETRY

}
