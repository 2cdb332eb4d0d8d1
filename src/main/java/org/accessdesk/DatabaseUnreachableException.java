package org.accessdesk;

/** Start-up could not reach PostgreSQL at the configured place. */
class DatabaseUnreachableException extends RuntimeException {

	private final String where;

	DatabaseUnreachableException(String where, Throwable cause) {
		super("Cannot reach PostgreSQL at " + where + ": " + cause.getMessage(), cause);
		this.where = where;
	}

	String where() {
		return this.where;
	}

}
