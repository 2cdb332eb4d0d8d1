package org.accessdesk.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The bill_to table and its administrators (bill_to_admin, which an upload lists as the
 * Bill-to ID's {@code admins}): Bill-to IDs as other modules decide on them and as the
 * operator reads them, who administers which, and the import's merge into both tables.
 * Reads join company for the owner's name and email domains.
 */
@Component
class BillTos {

	private static final String ENTRIES = """
			SELECT b.id, co.name AS company, co.email_domains, b.full_support,
			    ARRAY(SELECT email FROM bill_to_admin WHERE bill_to_id = b.id ORDER BY 1) AS admins
			FROM bill_to b JOIN company co ON co.id = b.company_id WHERE b.id = ANY(:ids)
			""";

	private static final String ADMINISTERED_BY = """
			SELECT bill_to_id FROM bill_to_admin WHERE email = lower(:email)
			""";

	/**
	 * Rows and their administrator lists (made exactly the uploaded list), last row per
	 * ID wins; a row counts as updated when it or its administrators changed.
	 */
	private static final String MERGE_STAGED = """
			WITH src AS (SELECT DISTINCT ON (s.id) s.id, c.id AS company_id, s.full_support,
			        string_to_array(s.admins, ' ') AS admins
			    FROM registry_import_bill_to s JOIN company c ON c.name_key = s.company_key
			    WHERE s.job_id = :job ORDER BY s.id, s.row_no DESC),
			up AS (INSERT INTO bill_to (id, company_id, full_support) SELECT id, company_id, full_support FROM src
			    ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, full_support = EXCLUDED.full_support
			    WHERE (bill_to.company_id, bill_to.full_support) IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.full_support)
			    RETURNING id, (xmax = 0) AS inserted),
			removed AS (DELETE FROM bill_to_admin a USING src WHERE a.bill_to_id = src.id AND a.email <> ALL (src.admins)
			    RETURNING a.bill_to_id),
			added AS (INSERT INTO bill_to_admin (bill_to_id, email) SELECT id, unnest(admins) FROM src
			    ON CONFLICT DO NOTHING RETURNING bill_to_id),
			changed AS (SELECT id FROM up WHERE NOT inserted UNION SELECT bill_to_id FROM removed
			    UNION SELECT bill_to_id FROM added EXCEPT SELECT id FROM up WHERE inserted)
			SELECT (SELECT count(*) FROM up WHERE inserted) AS inserted, (SELECT count(*) FROM changed) AS updated,
			    (SELECT count(*) FROM registry_import_bill_to WHERE job_id = :job) AS total
			""";

	private final DatabaseClient db;

	BillTos(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The entries for the given (normalised) Bill-to IDs, keyed by ID; unknown ones
	 * absent.
	 */
	Mono<Map<String, RegistryEntry>> entries(Collection<String> ids) {
		return this.db.sql(ENTRIES)
			.bind("ids", ids.toArray(String[]::new))
			.map(BillTos::entry)
			.all()
			.collectMap(RegistryEntry.BillTo::id, (entry) -> (RegistryEntry) entry);
	}

	Mono<RegistryReads.BillToView> view(String id) {
		return this.db.sql(ENTRIES).bind("ids", new String[] { id }).map((row) -> {
			RegistryEntry.BillTo entry = entry(row);
			return new RegistryReads.BillToView(entry.id(), entry.companyName(), entry.fullSupport(), entry.admins());
		}).one();
	}

	/** The Bill-to IDs the email (any case) administers. */
	Mono<Set<String>> administeredBy(String email) {
		return this.db.sql(ADMINISTERED_BY)
			.bind("email", email)
			.map((row) -> row.get(0, String.class))
			.all()
			.collect(Collectors.toSet());
	}

	/** The import's staged Bill-to IDs into the registry (its companies exist by now). */
	Mono<ImportSummary.ListCounts> mergeStaged(UUID job) {
		return this.db.sql(MERGE_STAGED).bind("job", job).map(MergeCounts::of).one();
	}

	private static RegistryEntry.BillTo entry(Readable row) {
		return new RegistryEntry.BillTo(row.get("id", String.class), row.get("company", String.class),
				Columns.list(row, "email_domains"), Columns.isTrue(row, "full_support"), Columns.list(row, "admins"));
	}

}
