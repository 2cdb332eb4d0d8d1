package org.accessdesk.registry;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Who administers what in the registry: the source of the CONTRACT_ADMIN role. */
@Component
public class Administrators {

	/** Defined with the administrator tables (V11), over both of them. */
	private static final String ADMINISTERS = """
			SELECT registry_administers(:email) AS administers
			""";

	private final DatabaseClient db;

	private final Contracts contracts;

	private final BillTos billTos;

	Administrators(DatabaseClient db, Contracts contracts, BillTos billTos) {
		this.db = db;
		this.contracts = contracts;
		this.billTos = billTos;
	}

	/** The contracts and Bill-to IDs the email (any case) administers. */
	public Mono<Scope> scopeOf(String email) {
		return Mono.zip(this.contracts.administeredBy(email), this.billTos.administeredBy(email), Scope::new);
	}

	/**
	 * Whether the email (any case) is named as administrator of a contract or Bill-to ID
	 * ({@code registry_administers}, which other modules' queries call too).
	 */
	public Mono<Boolean> administers(String email) {
		return this.db.sql(ADMINISTERS)
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
