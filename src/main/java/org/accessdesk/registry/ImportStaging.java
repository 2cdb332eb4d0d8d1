package org.accessdesk.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The staging tables ({@code registry_import_company}, {@code _bill_to},
 * {@code _contract}, {@code _serial}): an import's validated rows, keyed by its job,
 * written in batches of multi-row inserts, checked for the references only the database
 * can check, and deleted however the import ends. The merge statements that read them
 * live with the registry tables they write ({@link RegistryMerge}).
 */
@Component
class ImportStaging {

	private static final List<String> TABLES = List.of("registry_import_company", "registry_import_bill_to",
			"registry_import_contract", "registry_import_serial");

	private static final String STAGE_COMPANIES = """
			INSERT INTO registry_import_company (job_id, row_no, name, name_key, email_domains)
			SELECT :job, * FROM unnest(:rows::int[], :names::text[], :keys::text[], :domains::text[])
			""";

	private static final String STAGE_BILL_TOS = """
			INSERT INTO registry_import_bill_to (job_id, row_no, id, company, company_key, full_support, admins)
			SELECT :job, * FROM unnest(:rows::int[], :ids::text[], :companies::text[], :keys::text[],
			    :full::boolean[], :admins::text[])
			""";

	private static final String STAGE_CONTRACTS = """
			INSERT INTO registry_import_contract (job_id, row_no, number, company, company_key, bill_to,
			    support_model, status, issued_at, admins)
			SELECT :job, r, n, c, k, NULLIF(b, ''), m, s, i::timestamptz, a FROM unnest(:rows::int[], :numbers::text[],
			    :companies::text[], :keys::text[], :billTos::text[], :models::text[], :statuses::text[],
			    :issued::text[], :admins::text[]) AS t(r, n, c, k, b, m, s, i, a)
			""";

	private static final String STAGE_SERIALS = """
			INSERT INTO registry_import_serial (job_id, row_no, serial, contract)
			SELECT :job, * FROM unnest(:rows::int[], :serials::text[], :contracts::text[])
			""";

	/**
	 * Nothing deletes registry rows, so a Bill-to ID that exists now still exists at the
	 * merge.
	 */
	private static final String MISSING_BILL_TOS = """
			SELECT s.row_no, s.bill_to FROM registry_import_contract s WHERE s.job_id = :job
			    AND s.bill_to IS NOT NULL
			    AND NOT EXISTS (SELECT 1 FROM registry_import_bill_to b WHERE b.job_id = :job AND b.id = s.bill_to)
			    AND NOT EXISTS (SELECT 1 FROM bill_to b WHERE b.id = s.bill_to)
			ORDER BY s.row_no LIMIT :max
			""";

	private static final String MISSING_CONTRACTS = """
			SELECT s.row_no, s.contract FROM registry_import_serial s WHERE s.job_id = :job
			    AND NOT EXISTS (SELECT 1 FROM registry_import_contract c WHERE c.job_id = :job AND c.number = s.contract)
			    AND NOT EXISTS (SELECT 1 FROM contract c WHERE c.number = s.contract)
			ORDER BY s.row_no LIMIT :max
			""";

	/** One statement per staging table, named in place of {@code %s}. */
	private static final String UNSTAGE = """
			DELETE FROM %s WHERE job_id = :job
			""";

	private static final String UNSTAGE_ABANDONED = """
			DELETE FROM %s s
			WHERE NOT EXISTS (SELECT 1 FROM registry_import_job j WHERE j.id = s.job_id AND j.state = 'RUNNING')
			""";

	private final DatabaseClient db;

	ImportStaging(DatabaseClient db) {
		this.db = db;
	}

	/** One batch of rows, one statement per list that has rows in it. */
	Mono<Void> stage(UUID job, List<ImportRows.Row> batch) {
		List<ImportRows.Company> companies = only(batch, ImportRows.Company.class);
		List<ImportRows.BillTo> billTos = only(batch, ImportRows.BillTo.class);
		List<ImportRows.Contract> contracts = only(batch, ImportRows.Contract.class);
		List<ImportRows.Serial> serials = only(batch, ImportRows.Serial.class);
		List<Mono<Void>> inserts = new ArrayList<>();
		if (!companies.isEmpty()) {
			inserts.add(this.db.sql(STAGE_COMPANIES)
				.bind("job", job)
				.bind("rows", rows(companies))
				.bind("names", texts(companies, ImportRows.Company::name))
				.bind("keys", texts(companies, ImportRows.Company::key))
				.bind("domains", texts(companies, (c) -> String.join(" ", c.emailDomains())))
				.then());
		}
		if (!billTos.isEmpty()) {
			inserts.add(this.db.sql(STAGE_BILL_TOS)
				.bind("job", job)
				.bind("rows", rows(billTos))
				.bind("ids", texts(billTos, ImportRows.BillTo::id))
				.bind("companies", texts(billTos, ImportRows.BillTo::company))
				.bind("keys", texts(billTos, (b) -> CompanyNames.matchKey(b.company())))
				.bind("full", billTos.stream().map(ImportRows.BillTo::fullSupport).toArray(Boolean[]::new))
				.bind("admins", texts(billTos, (b) -> String.join(" ", b.admins())))
				.then());
		}
		if (!contracts.isEmpty()) {
			inserts.add(this.db.sql(STAGE_CONTRACTS)
				.bind("job", job)
				.bind("rows", rows(contracts))
				.bind("numbers", texts(contracts, ImportRows.Contract::number))
				.bind("companies", texts(contracts, ImportRows.Contract::company))
				.bind("keys", texts(contracts, (c) -> CompanyNames.matchKey(c.company())))
				.bind("billTos", texts(contracts, (c) -> (c.billTo() != null) ? c.billTo() : ""))
				.bind("models", texts(contracts, (c) -> c.supportModel().name()))
				.bind("statuses", texts(contracts, (c) -> c.status().name()))
				.bind("issued", texts(contracts, (c) -> c.issuedAt().toString()))
				.bind("admins", texts(contracts, (c) -> String.join(" ", c.admins())))
				.then());
		}
		if (!serials.isEmpty()) {
			inserts.add(this.db.sql(STAGE_SERIALS)
				.bind("job", job)
				.bind("rows", rows(serials))
				.bind("serials", texts(serials, ImportRows.Serial::serial))
				.bind("contracts", texts(serials, ImportRows.Serial::contract))
				.then());
		}
		return Flux.concat(inserts).then();
	}

	/**
	 * References only the database can check (a Bill-to ID or contract that exists
	 * neither in the upload nor already): each named row fails the import, up to
	 * {@code max} of them. The merge's foreign keys would refuse them otherwise.
	 */
	Mono<Void> checkReferences(UUID job, ImportRows.RowNames names, int max) {
		Flux<ImportRejected> billTos = this.db.sql(MISSING_BILL_TOS)
			.bind("job", job)
			.bind("max", max)
			.map((row) -> ImportRows.bad(names.name("contracts", row.get("row_no", Integer.class)), "billTo",
					"Bill-to ID " + row.get("bill_to", String.class)
							+ " is neither in this upload nor in the registry"))
			.all();
		Flux<ImportRejected> contracts = this.db.sql(MISSING_CONTRACTS)
			.bind("job", job)
			.bind("max", max)
			.map((row) -> ImportRows.bad(names.name("serials", row.get("row_no", Integer.class)), "contract",
					"contract " + row.get("contract", String.class) + " is neither in this upload nor in the registry"))
			.all();
		return billTos.concatWith(contracts)
			.take(max)
			.collectList()
			.flatMap((errors) -> errors.isEmpty() ? Mono.empty() : Mono.error(ImportRejected.all(errors)));
	}

	/** The import's rows, however it ended. */
	Mono<Void> unstage(UUID job) {
		return Flux.fromIterable(TABLES)
			.concatMap((table) -> this.db.sql(UNSTAGE.formatted(table)).bind("job", job).then())
			.then();
	}

	/** The rows of imports that no longer run (their instance stopped mid-import). */
	Mono<Void> unstageAbandoned() {
		return Mono
			.when(TABLES.stream().map((table) -> this.db.sql(UNSTAGE_ABANDONED.formatted(table)).then()).toList());
	}

	private static <T extends ImportRows.Row> List<T> only(List<ImportRows.Row> batch, Class<T> type) {
		return batch.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static Integer[] rows(List<? extends ImportRows.Row> rows) {
		return rows.stream().map(ImportRows.Row::row).toArray(Integer[]::new);
	}

	private static <T> String[] texts(List<T> rows, Function<T, String> column) {
		return rows.stream().map(column).toArray(String[]::new);
	}

}
