package org.accessdesk.request;

/**
 * Published after a transaction that wrote item events has committed. Listeners ring the
 * doorbell (NOTIFY) and wake the live feed; the events themselves are read from the
 * table, never from this.
 */
public record TransitionsCommitted() {

	static final TransitionsCommitted INSTANCE = new TransitionsCommitted();

}
