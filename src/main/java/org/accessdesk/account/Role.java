package org.accessdesk.account;

/**
 * What a signed-in person may do (SPEC §1). Not stored per user: CONTRACT_ADMIN follows
 * from the registry, VENDOR_REVIEWER and OPERATOR from configuration.
 */
public enum Role {

	USER, CONTRACT_ADMIN, VENDOR_REVIEWER, OPERATOR;

	String authority() {
		return "ROLE_" + name();
	}

}
