package org.accessdesk;

import java.sql.SQLException;

/**
 * Start-up could not use PostgreSQL at the configured place; {@link Problem} says why in
 * words for whoever runs the service, and what to do about it.
 */
class DatabaseStartupException extends RuntimeException {

	private final Problem problem;

	private final Place place;

	private DatabaseStartupException(Problem problem, Place place, SQLException cause) {
		super(problem.description(place, cause) + " " + problem.action(place), cause);
		this.problem = problem;
		this.place = place;
	}

	/**
	 * Connecting failed: no answer at all, or PostgreSQL answered no (credentials,
	 * {@code pg_hba.conf}, TLS required, no CONNECT privilege, …).
	 */
	static DatabaseStartupException connecting(Place place, SQLException cause) {
		boolean answered = cause.getSQLState() != null && !cause.getSQLState().startsWith("08");
		return new DatabaseStartupException(answered ? Problem.REFUSED : Problem.UNREACHABLE, place, cause);
	}

	/** The database is missing and creating it was refused (42501 and the like). */
	static DatabaseStartupException creating(Place place, SQLException cause) {
		return new DatabaseStartupException(
				"42501".equals(cause.getSQLState()) ? Problem.MAY_NOT_CREATE : Problem.REFUSED, place, cause);
	}

	/**
	 * The database is missing and {@code accessdesk.database.create-if-missing} is off.
	 */
	static DatabaseStartupException missing(Place place, SQLException cause) {
		return new DatabaseStartupException(Problem.MISSING, place, cause);
	}

	Problem problem() {
		return this.problem;
	}

	String description() {
		return this.problem.description(this.place, (SQLException) getCause());
	}

	String action() {
		return this.problem.action(this.place);
	}

	/** Where start-up looked: server(s), database and role. */
	record Place(String server, String database, String user) {

		@Override
		public String toString() {
			return this.server + ", database " + this.database + ", user " + this.user;
		}

	}

	enum Problem {

		UNREACHABLE {
			@Override
			String description(Place place, SQLException cause) {
				return "Access Desk could not reach PostgreSQL at " + place + " (" + cause.getMessage() + ").";
			}

			@Override
			String action(Place place) {
				return "Start PostgreSQL there (see README: docker compose up -d postgres), or point Access Desk elsewhere with "
						+ "SPRING_R2DBC_URL=r2dbc:postgresql://HOST:PORT/DATABASE, SPRING_R2DBC_USERNAME and SPRING_R2DBC_PASSWORD.";
			}
		},

		REFUSED {
			@Override
			String description(Place place, SQLException cause) {
				return "PostgreSQL at " + place + " refused Access Desk (SQLSTATE " + cause.getSQLState() + ": "
						+ cause.getMessage() + ").";
			}

			@Override
			String action(Place place) {
				return "Check the credentials (SPRING_R2DBC_USERNAME, SPRING_R2DBC_PASSWORD) and what the server asks for: "
						+ "one that accepts only TLS needs ?sslMode=require (or verify-full) in SPRING_R2DBC_URL.";
			}
		},

		MAY_NOT_CREATE {
			@Override
			String description(Place place, SQLException cause) {
				return "The database " + place.database() + " does not exist on " + place.server() + ", and the role "
						+ place.user() + " may not create databases (SQLSTATE 42501: " + cause.getMessage() + ").";
			}

			@Override
			String action(Place place) {
				return "Create it as a role that may (CREATE DATABASE \"" + place.database() + "\" OWNER \""
						+ place.user() + "\") or grant " + place.user()
						+ " CREATEDB; to stop Access Desk from trying, set accessdesk.database.create-if-missing=false"
						+ " (ACCESSDESK_DATABASE_CREATE_IF_MISSING=false).";
			}
		},

		MISSING {
			@Override
			String description(Place place, SQLException cause) {
				return "The database " + place.database() + " does not exist on " + place.server()
						+ ", and accessdesk.database.create-if-missing is false.";
			}

			@Override
			String action(Place place) {
				return "Create it (CREATE DATABASE \"" + place.database() + "\" OWNER \"" + place.user()
						+ "\"), or let Access Desk create it with accessdesk.database.create-if-missing=true (the default).";
			}
		};

		abstract String description(Place place, SQLException cause);

		abstract String action(Place place);

	}

}
