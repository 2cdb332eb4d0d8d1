package org.accessdesk.registry;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Who administers what in the registry: the source of the CONTRACT_ADMIN role. */
@Component
public class Administrators {

	private final DatabaseClient db;

	Administrators(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Whether the email (any case) is named as administrator of a contract or Bill-to ID.
	 */
	public Mono<Boolean> administers(String email) {
		return this.db
			.sql("SELECT EXISTS (SELECT 1 FROM contract_admin WHERE email = lower(:email))"
					+ " OR EXISTS (SELECT 1 FROM bill_to_admin WHERE email = lower(:email)) AS administers")
			.bind("email", email)
			.map((row, meta) -> Boolean.TRUE.equals(row.get("administers", Boolean.class)))
			.one();
	}

}
