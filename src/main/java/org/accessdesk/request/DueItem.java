package org.accessdesk.request;

import java.time.Instant;
import java.util.UUID;

/**
 * An item that is due for something a module outside this one does (a reviewer's alert or
 * reminder), and the time its turn came by (its deadline, or since when it waits). Read
 * in that order; the last one read is where the next page starts.
 */
public record DueItem(ItemId id, Instant at) {

	/** Before any item: where the first page starts. */
	static final DueItem START = new DueItem(ItemId.of(new UUID(0, 0)), Instant.EPOCH);

}
