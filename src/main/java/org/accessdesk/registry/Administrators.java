package org.accessdesk.registry;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

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

	/** The contracts and Bill-to IDs the email (any case) administers. */
	public Mono<Scope> scopeOf(String email) {
		Mono<Set<String>> contracts = this.db
			.sql("SELECT contract_number FROM contract_admin WHERE email = lower(:email)")
			.bind("email", email)
			.map((row) -> row.get(0, String.class))
			.all()
			.collect(Collectors.toSet());
		Mono<Set<String>> billTos = this.db.sql("SELECT bill_to_id FROM bill_to_admin WHERE email = lower(:email)")
			.bind("email", email)
			.map((row) -> row.get(0, String.class))
			.all()
			.collect(Collectors.toSet());
		return Mono.zip(contracts, billTos, Scope::new);
	}

	/**
	 * Whether the email (any case) is named as administrator of a contract or Bill-to ID
	 * ({@code registry_administers}, which other modules' queries call too).
	 */
	public Mono<Boolean> administers(String email) {
		return this.db.sql("SELECT registry_administers(:email) AS administers")
			.bind("email", email)
			.map((row, meta) -> Boolean.TRUE.equals(row.get("administers", Boolean.class)))
			.one();
	}

	/**
	 * What one administrator administers. A contract is also administered by the
	 * administrators of its Bill-to ID.
	 */
	public record Scope(Set<String> contracts, Set<String> billTos) {

		public Scope {
			contracts = Set.copyOf(contracts);
			billTos = Set.copyOf(billTos);
		}

		/** Whether an item for this contract and/or Bill-to ID is administered here. */
		public boolean administers(@Nullable String contractNumber, @Nullable String billToId) {
			return (contractNumber != null && this.contracts.contains(contractNumber))
					|| (billToId != null && this.billTos.contains(billToId));
		}

		public boolean isEmpty() {
			return this.contracts.isEmpty() && this.billTos.isEmpty();
		}

	}

}
