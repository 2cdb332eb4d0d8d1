package org.accessdesk.registry;

/** Where a contract stands (SPEC §3): only an active one grants access. */
public enum ContractStatus {

	ACTIVE, EXPIRED, TERMINATED

}
