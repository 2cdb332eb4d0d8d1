package org.accessdesk.review;

import org.accessdesk.account.Role;
import org.accessdesk.web.DomainError;

/** A queue asked for by someone without its role. */
public final class NotYourQueue extends DomainError {

	NotYourQueue(Role needed) {
		super(Kind.FORBIDDEN, "FORBIDDEN", "This queue is for " + needed + " only.");
	}

}
