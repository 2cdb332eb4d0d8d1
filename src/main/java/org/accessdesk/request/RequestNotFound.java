package org.accessdesk.request;

import org.accessdesk.web.DomainError;

/** No such request, or somebody else's: the same answer either way. */
public final class RequestNotFound extends DomainError {

	public RequestNotFound() {
		super(Kind.NOT_FOUND, "NOT_FOUND", "Request not found");
	}

}
