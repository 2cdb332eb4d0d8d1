package org.accessdesk.request;

import org.accessdesk.web.DomainError;

/**
 * No such item, or somebody else's: the same answer either way, so nothing leaks (SPEC
 * §9).
 */
public final class ItemNotFound extends DomainError {

	public ItemNotFound() {
		super(Kind.NOT_FOUND, "NOT_FOUND", "Item not found");
	}

}
