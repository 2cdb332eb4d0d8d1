package org.accessdesk.request;

import java.time.Instant;

import org.accessdesk.web.DomainError;

/** The administrators still have time to answer: escalating is for later. */
public final class EscalationTooEarly extends DomainError {

	EscalationTooEarly(Instant allowedFrom) {
		super(Kind.CONFLICT, "ESCALATION_TOO_EARLY", "Administrators have until " + allowedFrom
				+ " to answer; after that you may pass this to the vendor's contract desk.");
	}

}
