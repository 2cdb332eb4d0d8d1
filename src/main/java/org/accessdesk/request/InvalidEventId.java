package org.accessdesk.request;

import org.accessdesk.web.DomainError;

/** A Last-Event-ID this service did not hand out. */
public final class InvalidEventId extends DomainError {

	InvalidEventId(String shown) {
		super(Kind.INVALID, "INVALID_EVENT_ID", "Not an event id of this service: " + shown);
	}

}
