package org.accessdesk.registry;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The company table: the operator's list, and the import's merge into it (companies
 * listed in the upload, then those only named by its Bill-to IDs and contracts). Other
 * registry reads join it for a company's name and email domains.
 */
@Component
class Companies {

	private static final String ALL = """
			SELECT name, email_domains FROM company ORDER BY name_key
			""";

	/** The listed companies, last row per key wins; unchanged rows are not touched. */
	private static final String MERGE_STAGED = """
			WITH src AS (SELECT DISTINCT ON (name_key) name, name_key, string_to_array(email_domains, ' ') AS domains
			    FROM registry_import_company WHERE job_id = :job ORDER BY name_key, row_no DESC),
			up AS (INSERT INTO company (name, name_key, email_domains) SELECT name, name_key, domains FROM src
			    ON CONFLICT (name_key) DO UPDATE SET name = EXCLUDED.name, email_domains = EXCLUDED.email_domains
			    WHERE (company.name, company.email_domains) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.email_domains)
			    RETURNING (xmax = 0) AS inserted)
			SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
			    (SELECT count(*) FROM registry_import_company WHERE job_id = :job) AS total FROM up
			""";

	/** Companies only named by Bill-to IDs and contracts: created when missing. */
	private static final String CREATE_NAMED_ONLY = """
			WITH named AS (SELECT company, company_key, 0 AS list, row_no FROM registry_import_bill_to WHERE job_id = :job
			    UNION ALL SELECT company, company_key, 1, row_no FROM registry_import_contract WHERE job_id = :job),
			src AS (SELECT DISTINCT ON (company_key) company, company_key FROM named ORDER BY company_key, list, row_no)
			INSERT INTO company (name, name_key) SELECT company, company_key FROM src
			    WHERE NOT EXISTS (SELECT 1 FROM registry_import_company c WHERE c.job_id = :job AND c.name_key = src.company_key)
			ON CONFLICT (name_key) DO NOTHING
			""";

	private final DatabaseClient db;

	Companies(DatabaseClient db) {
		this.db = db;
	}

	Flux<RegistryReads.CompanyView> all() {
		return this.db.sql(ALL)
			.map((row) -> new RegistryReads.CompanyView(row.get("name", String.class),
					Columns.list(row, "email_domains")))
			.all();
	}

	/**
	 * The import's companies into the registry: those it lists, and those only named by
	 * its other lists counted as inserted too.
	 */
	Mono<ImportSummary.ListCounts> mergeStaged(UUID job) {
		Mono<ImportSummary.ListCounts> listed = this.db.sql(MERGE_STAGED).bind("job", job).map(MergeCounts::of).one();
		return listed.flatMap((counts) -> this.db.sql(CREATE_NAMED_ONLY)
			.bind("job", job)
			.fetch()
			.rowsUpdated()
			.map((created) -> new ImportSummary.ListCounts(counts.inserted() + created.intValue(), counts.updated(),
					counts.unchanged())));
	}

}
