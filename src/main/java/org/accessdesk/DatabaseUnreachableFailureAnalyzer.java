package org.accessdesk;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unreachable database into one line on where we looked and how to look
 * elsewhere.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		Throwable root = cause.getCause() != null ? cause.getCause() : cause;
		return new FailureAnalysis(
				"Access Desk could not reach PostgreSQL at " + cause.where() + " (" + root.getMessage() + ").",
				"Start PostgreSQL there (see README: docker compose up -d postgres), or point Access Desk elsewhere with "
						+ "SPRING_R2DBC_URL=r2dbc:postgresql://HOST:PORT/DATABASE, SPRING_R2DBC_USERNAME and SPRING_R2DBC_PASSWORD.",
				cause);
	}

}
