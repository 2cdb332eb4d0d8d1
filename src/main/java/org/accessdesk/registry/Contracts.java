package org.accessdesk.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The contract table and its administrators (contract_admin, which an upload lists as the
 * contract's {@code admins}): contracts as other modules decide on them (a serial number
 * answers with its contract, so that lookup joins serial_number), as the operator reads
 * them, who administers which, and the import's merge into both tables. Reads join
 * company for the owner, and a contract's entry names its Bill-to ID's administrators too
 * (bill_to_admin, read only).
 */
@Component
class Contracts {

	private static final String ENTRY_COLUMNS = """
			c.number, c.status, c.support_model, c.issued_at, co.name AS company, co.email_domains, c.bill_to_id,
			    ARRAY(SELECT email FROM contract_admin WHERE contract_number = c.number
			        UNION SELECT email FROM bill_to_admin WHERE bill_to_id = c.bill_to_id ORDER BY 1) AS admins
			""";

	private static final String ENTRIES = "SELECT c.number AS key, " + ENTRY_COLUMNS + """
			FROM contract c JOIN company co ON co.id = c.company_id WHERE c.number = ANY(:keys)
			""";

	private static final String ENTRIES_BY_SERIAL = "SELECT s.serial AS key, " + ENTRY_COLUMNS + """
			FROM serial_number s JOIN contract c ON c.number = s.contract_number JOIN company co ON co.id = c.company_id
			WHERE s.serial = ANY(:keys)
			""";

	/** As uploaded: the contract's own administrators only. */
	private static final String VIEWS = """
			SELECT c.number, co.name AS company, c.bill_to_id, c.support_model, c.status, c.issued_at,
			    ARRAY(SELECT email FROM contract_admin WHERE contract_number = c.number ORDER BY 1) AS admins
			FROM contract c JOIN company co ON co.id = c.company_id
			""";

	private static final String VIEW = VIEWS + """
			WHERE c.number = :number
			""";

	private static final String PAGE = VIEWS + """
			ORDER BY c.number LIMIT :limit OFFSET :offset
			""";

	private static final String PAGE_OF_COMPANY = VIEWS + """
			WHERE co.name_key = :company ORDER BY c.number LIMIT :limit OFFSET :offset
			""";

	private static final String ADMINISTERED_BY = """
			SELECT contract_number FROM contract_admin WHERE email = lower(:email)
			""";

	/**
	 * Rows and their administrator lists (made exactly the uploaded list), last row per
	 * number wins; a row counts as updated when it or its administrators changed.
	 */
	private static final String MERGE_STAGED = """
			WITH src AS (SELECT DISTINCT ON (s.number) s.number, c.id AS company_id, s.bill_to, s.support_model, s.status,
			        s.issued_at, string_to_array(s.admins, ' ') AS admins
			    FROM registry_import_contract s JOIN company c ON c.name_key = s.company_key
			    WHERE s.job_id = :job ORDER BY s.number, s.row_no DESC),
			up AS (INSERT INTO contract (number, company_id, bill_to_id, support_model, status, issued_at)
			    SELECT number, company_id, bill_to, support_model, status, issued_at FROM src
			    ON CONFLICT (number) DO UPDATE SET company_id = EXCLUDED.company_id, bill_to_id = EXCLUDED.bill_to_id,
			        support_model = EXCLUDED.support_model, status = EXCLUDED.status, issued_at = EXCLUDED.issued_at
			    WHERE (contract.company_id, contract.bill_to_id, contract.support_model, contract.status, contract.issued_at)
			        IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.bill_to_id, EXCLUDED.support_model, EXCLUDED.status,
			        EXCLUDED.issued_at)
			    RETURNING number, (xmax = 0) AS inserted),
			removed AS (DELETE FROM contract_admin a USING src WHERE a.contract_number = src.number
			    AND a.email <> ALL (src.admins) RETURNING a.contract_number),
			added AS (INSERT INTO contract_admin (contract_number, email) SELECT number, unnest(admins) FROM src
			    ON CONFLICT DO NOTHING RETURNING contract_number),
			changed AS (SELECT number FROM up WHERE NOT inserted UNION SELECT contract_number FROM removed
			    UNION SELECT contract_number FROM added EXCEPT SELECT number FROM up WHERE inserted)
			SELECT (SELECT count(*) FROM up WHERE inserted) AS inserted, (SELECT count(*) FROM changed) AS updated,
			    (SELECT count(*) FROM registry_import_contract WHERE job_id = :job) AS total
			""";

	private final DatabaseClient db;

	Contracts(DatabaseClient db) {
		this.db = db;
	}

	/** The entries for the given (normalised) contract numbers; unknown ones absent. */
	Mono<Map<String, RegistryEntry>> entries(Collection<String> numbers) {
		return entries(ENTRIES, numbers);
	}

	/** The contracts of the given (normalised) serial numbers, keyed by serial. */
	Mono<Map<String, RegistryEntry>> entriesBySerial(Collection<String> serials) {
		return entries(ENTRIES_BY_SERIAL, serials);
	}

	private Mono<Map<String, RegistryEntry>> entries(String sql, Collection<String> keys) {
		return this.db.sql(sql)
			.bind("keys", keys.toArray(String[]::new))
			.map((row) -> Map.entry(row.get("key", String.class), entry(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Flux<RegistryReads.ContractView> views(@Nullable String companyKey, int page, int size) {
		var spec = this.db.sql((companyKey != null) ? PAGE_OF_COMPANY : PAGE)
			.bind("limit", size)
			.bind("offset", (long) page * size);
		if (companyKey != null) {
			spec = spec.bind("company", companyKey);
		}
		return spec.map(Contracts::viewOf).all();
	}

	Mono<RegistryReads.ContractView> view(String number) {
		return this.db.sql(VIEW).bind("number", number).map(Contracts::viewOf).one();
	}

	/** The contracts the email (any case) administers itself. */
	Mono<Set<String>> administeredBy(String email) {
		return this.db.sql(ADMINISTERED_BY)
			.bind("email", email)
			.map((row) -> row.get(0, String.class))
			.all()
			.collect(Collectors.toSet());
	}

	/**
	 * The import's staged contracts into the registry (their companies exist by now, and
	 * their Bill-to IDs were checked and merged).
	 */
	Mono<ImportSummary.ListCounts> mergeStaged(UUID job) {
		return this.db.sql(MERGE_STAGED).bind("job", job).map(MergeCounts::of).one();
	}

	private static RegistryEntry entry(Readable row) {
		return new RegistryEntry.Contract(row.get("number", String.class), status(row), supportModel(row),
				Columns.instant(row, "issued_at"), row.get("company", String.class), Columns.list(row, "email_domains"),
				row.get("bill_to_id", String.class), Columns.list(row, "admins"));
	}

	private static RegistryReads.ContractView viewOf(Readable row) {
		return new RegistryReads.ContractView(row.get("number", String.class), row.get("company", String.class),
				row.get("bill_to_id", String.class), supportModel(row), status(row),
				Columns.instant(row, "issued_at").toString(), Columns.list(row, "admins"));
	}

	private static ContractStatus status(Readable row) {
		return ContractStatus.valueOf(row.get("status", String.class));
	}

	private static SupportModel supportModel(Readable row) {
		return SupportModel.valueOf(row.get("support_model", String.class));
	}

}
