package org.accessdesk.registry;

/** The kinds of number a customer can link to an account (SPEC §3). */
public enum IdentifierType {

	/** A service contract number: 1–20 digits. */
	CONTRACT,

	/** A Bill-to ID: 1–20 digits. */
	BILL_TO,

	/** A product serial number: 1–40 letters, digits and dashes (upper-cased). */
	SERIAL

}
