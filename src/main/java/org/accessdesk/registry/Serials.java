package org.accessdesk.registry;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The serial_number table: a serial as the operator reads it, and the import's merge into
 * it. (Other modules look a serial up as its contract: {@link Contracts}.)
 */
@Component
class Serials {

	private static final String VIEW = """
			SELECT serial, contract_number FROM serial_number WHERE serial = :serial
			""";

	/** Last row per serial wins; unchanged rows are not touched. */
	private static final String MERGE_STAGED = """
			WITH src AS (SELECT DISTINCT ON (serial) serial, contract FROM registry_import_serial
			    WHERE job_id = :job ORDER BY serial, row_no DESC),
			up AS (INSERT INTO serial_number (serial, contract_number) SELECT serial, contract FROM src
			    ON CONFLICT (serial) DO UPDATE SET contract_number = EXCLUDED.contract_number
			    WHERE serial_number.contract_number IS DISTINCT FROM EXCLUDED.contract_number
			    RETURNING (xmax = 0) AS inserted)
			SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
			    (SELECT count(*) FROM registry_import_serial WHERE job_id = :job) AS total FROM up
			""";

	private final DatabaseClient db;

	Serials(DatabaseClient db) {
		this.db = db;
	}

	Mono<RegistryReads.SerialView> view(String serial) {
		return this.db.sql(VIEW)
			.bind("serial", serial)
			.map((row) -> new RegistryReads.SerialView(row.get("serial", String.class),
					row.get("contract_number", String.class)))
			.one();
	}

	/** The import's staged serials into the registry (their contracts exist by now). */
	Mono<ImportSummary.ListCounts> mergeStaged(UUID job) {
		return this.db.sql(MERGE_STAGED).bind("job", job).map(MergeCounts::of).one();
	}

}
