package org.accessdesk.request;

/**
 * Who an item waits for: the customer's contract administrators, or the vendor's contract
 * desk.
 */
public enum Queue {

	ADMIN, VENDOR

}
