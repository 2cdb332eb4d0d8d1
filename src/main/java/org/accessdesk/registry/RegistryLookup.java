package org.accessdesk.registry;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Looks identifiers up in the registry, a whole request's worth in one query. A serial
 * number answers with the contract it belongs to. Unknown identifiers are simply absent.
 */
@Component
public class RegistryLookup {

	private static final String CONTRACT_COLUMNS = "c.number, c.status, c.support_model, c.issued_at, co.name AS company,"
			+ " co.email_domains, c.bill_to_id, ARRAY(SELECT email FROM contract_admin WHERE contract_number = c.number"
			+ " UNION SELECT email FROM bill_to_admin WHERE bill_to_id = c.bill_to_id ORDER BY 1) AS admins";

	private final DatabaseClient db;

	RegistryLookup(DatabaseClient db) {
		this.db = db;
	}

	/** The entries for the given (normalised) identifiers, keyed by identifier. */
	public Mono<Map<String, RegistryEntry>> lookup(IdentifierType type, Collection<String> identifiers) {
		if (identifiers.isEmpty()) {
			return Mono.just(Map.of());
		}
		String[] keys = identifiers.toArray(String[]::new);
		String sql = switch (type) {
			case CONTRACT -> "SELECT c.number AS key, " + CONTRACT_COLUMNS
					+ " FROM contract c JOIN company co ON co.id = c.company_id WHERE c.number = ANY(:keys)";
			case SERIAL -> "SELECT s.serial AS key, " + CONTRACT_COLUMNS + " FROM serial_number s"
					+ " JOIN contract c ON c.number = s.contract_number JOIN company co ON co.id = c.company_id"
					+ " WHERE s.serial = ANY(:keys)";
			case BILL_TO -> "SELECT b.id AS key, b.id, co.name AS company, co.email_domains, b.full_support,"
					+ " ARRAY(SELECT email FROM bill_to_admin WHERE bill_to_id = b.id ORDER BY 1) AS admins"
					+ " FROM bill_to b JOIN company co ON co.id = b.company_id WHERE b.id = ANY(:keys)";
		};
		return this.db.sql(sql)
			.bind("keys", keys)
			.map((row) -> Map.entry(row.get("key", String.class),
					(type == IdentifierType.BILL_TO) ? billTo(row) : contract(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static RegistryEntry contract(Readable row) {
		return new RegistryEntry.Contract(row.get("number", String.class), row.get("status", String.class),
				row.get("support_model", String.class), row.get("issued_at", OffsetDateTime.class).toInstant(),
				row.get("company", String.class), list(row.get("email_domains", String[].class)),
				row.get("bill_to_id", String.class), list(row.get("admins", String[].class)));
	}

	private static RegistryEntry billTo(Readable row) {
		return new RegistryEntry.BillTo(row.get("id", String.class), row.get("company", String.class),
				list(row.get("email_domains", String[].class)),
				Boolean.TRUE.equals(row.get("full_support", Boolean.class)), list(row.get("admins", String[].class)));
	}

	private static List<String> list(String[] values) {
		return (values == null) ? List.of() : List.of(values);
	}

}
