package org.accessdesk.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * Loads registry data (SPEC §3): idempotent upsert, all or nothing, at any size.
 *
 * <p>
 * An upload is read as a stream on {@code boundedElastic} (only a few batches of rows are
 * in memory, whatever its size), each row validated as it is read, and written in batches
 * of multi-row inserts into staging tables keyed by the import. Then the references only
 * the database can check (a Bill-to ID or contract that exists neither in the upload nor
 * already) are checked there, and only if every row is good does one short transaction
 * merge the staged rows into the registry with a few set-based statements. A bad row
 * fails the import naming it (up to {@code accessdesk.registry.max-import-errors} of
 * them), and nothing is written. Companies named in other lists are created when missing.
 * Repeated keys within one upload: the last row wins.
 *
 * <p>
 * Nothing here holds anyone else up: staging is the import's own, the merge takes
 * registry rows that only imports write (merges run one at a time, under an advisory
 * lock), readers of the registry see the old rows until it commits, and live status never
 * waits for other transactions (docs/ARCHITECTURE.md).
 */
@Component
public class RegistryImport {

	private static final Log logger = LogFactory.getLog(RegistryImport.class);

	static final List<String> STAGING = List.of("registry_import_company", "registry_import_bill_to",
			"registry_import_contract", "registry_import_serial");

	/** Merges of two imports at once would wait on each other's rows, or deadlock. */
	private static final long MERGE_LOCK = 0x7265_6769_7374_7279L;

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	private final ImportJobs jobs;

	private final RegistryProperties properties;

	RegistryImport(DatabaseClient db, TransactionalOperator transactions, JsonMapper json, ImportJobs jobs,
			RegistryProperties properties) {
		this.db = db;
		this.transactions = transactions;
		this.json = json;
		this.jobs = jobs;
		this.properties = properties;
	}

	/** An upload in the JSON form of SPEC §3, imported while the caller waits. */
	public Mono<ImportSummary> importJson(byte[] body) {
		return importNow(ImportFormat.JSON, null, body, "system");
	}

	/**
	 * An upload imported while the caller waits: the summary, or {@link ImportRejected}
	 * naming the bad rows (nothing written). Its job row lasts only while it runs.
	 */
	public Mono<ImportSummary> importNow(ImportFormat format, @Nullable String list, byte[] body, String operator) {
		return Mono.defer(() -> {
			checkList(format, list);
			UUID id = UUID.randomUUID();
			Reading reading = new Reading(this.properties.maxImportErrors());
			return this.jobs.begin(id, operator, format, list, body.length, false)
				.then(run(id, () -> reader(format, list, new ByteArrayInputStream(body)), names(format), reading))
				.onErrorResume((ex) -> this.jobs.forget(id).then(Mono.error(ex)))
				.flatMap((summary) -> this.jobs.forget(id).thenReturn(summary))
				// A caller that went away (the transaction is rolled back): no row is
				// left.
				.doOnCancel(() -> this.jobs.forget(id).subscribe());
		});
	}

	/**
	 * An upload stored in {@code file} (which this takes over and deletes), imported in
	 * the background: answers the job at once; {@link #job(UUID)} follows it.
	 */
	public Mono<ImportJob> importInBackground(ImportFormat format, @Nullable String list, Path file, long bytes,
			String operator) {
		return Mono.defer(() -> {
			checkList(format, list);
			UUID id = UUID.randomUUID();
			Reading reading = new Reading(this.properties.maxImportErrors());
			Mono<Void> work = run(id, () -> reader(format, list, Files.newInputStream(file)), names(format), reading)
				.flatMap((summary) -> this.jobs.succeeded(id, reading.read(), summary))
				.onErrorResume((ex) -> this.jobs.failed(id, reading.read(), errorsOf(id, ex)))
				.onErrorResume((ex) -> {
					logger.error("Registry import " + id + " could not be recorded as ended", ex);
					return Mono.empty();
				})
				.doFinally((signal) -> delete(file));
			return this.jobs.begin(id, operator, format, list, bytes, true)
				.doOnSuccess((started) -> work.subscribe())
				.doOnError((ex) -> delete(file))
				.then(this.jobs.find(id));
		});
	}

	/**
	 * An import answered 202, any operator's (imports are the operators' shared work).
	 */
	public Mono<ImportJob> job(UUID id) {
		return this.jobs.find(id);
	}

	/** A CSV upload names its list: refused before anything is read otherwise. */
	public static void checkList(ImportFormat format, @Nullable String list) {
		if (format == ImportFormat.CSV) {
			RegistryCsv.checkList(list);
		}
	}

	private ImportReader reader(ImportFormat format, @Nullable String list, InputStream in) {
		if (format == ImportFormat.JSON) {
			return new RegistryJson(this.json, in);
		}
		return new RegistryCsv(list, new InputStreamReader(in, StandardCharsets.UTF_8));
	}

	private static ImportRows.RowNames names(ImportFormat format) {
		return (format == ImportFormat.JSON) ? ImportRows.RowNames.JSON : ImportRows.RowNames.CSV;
	}

	private static List<ImportRejected.RowError> errorsOf(UUID id, Throwable failure) {
		if (failure instanceof ImportRejected rejected) {
			return rejected.rows();
		}
		if (failure instanceof org.accessdesk.web.DomainError error) {
			return List.of(new ImportRejected.RowError("", "", error.getMessage()));
		}
		logger.error("Registry import " + id + " failed", failure);
		return List.of(new ImportRejected.RowError("", "",
				"The import failed on our side and was rolled back; nothing was written. It has been logged."));
	}

	private static void delete(Path file) {
		Schedulers.boundedElastic().schedule(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the upload " + file, ex);
			}
		});
	}

	/**
	 * Read and stage, check, merge; the staging rows are deleted however it ends, and the
	 * job's heartbeat runs meanwhile.
	 */
	private Mono<ImportSummary> run(UUID job, Callable<ImportReader> open, ImportRows.RowNames names, Reading reading) {
		Flux<ImportRows.Row> rows = Flux
			.using(open, (reader) -> Flux.<ImportRows.Row>generate((sink) -> reading.step(reader, sink)),
					RegistryImport::close)
			.subscribeOn(Schedulers.boundedElastic());
		Mono<ImportSummary> work = rows.buffer(this.properties.importBatchSize())
			.concatMap((batch) -> stage(job, batch)
				.then(Mono.defer(() -> this.jobs.progress(job, ImportJobs.Phase.READING, reading.read()))), 1)
			.then(Mono.defer(reading::rejection))
			.then(Mono.defer(() -> this.jobs.progress(job, ImportJobs.Phase.CHECKING, reading.read())))
			.then(checkReferences(job, names))
			.then(Mono.defer(() -> this.jobs.progress(job, ImportJobs.Phase.MERGING, reading.read())))
			.then(merge(job));
		return Mono.usingWhen(Mono.fromSupplier(() -> heartbeat(job)), (beat) -> work, (beat) -> end(job, beat),
				(beat, ex) -> end(job, beat), (beat) -> end(job, beat));
	}

	private Disposable heartbeat(UUID job) {
		return Flux.interval(this.properties.importHeartbeat())
			.concatMap((tick) -> this.jobs.heartbeat(job).onErrorResume((ex) -> Mono.empty()))
			.subscribe();
	}

	private Mono<Void> end(UUID job, Disposable heartbeat) {
		heartbeat.dispose();
		return Flux.fromIterable(STAGING)
			.concatMap((table) -> this.db.sql("DELETE FROM " + table + " WHERE job_id = :job").bind("job", job).then())
			.then();
	}

	private static void close(ImportReader reader) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			logger.debug("Closing an upload failed", ex);
		}
	}

	/**
	 * What the reader found: rows read, and the bad ones. After the first bad row nothing
	 * more is staged, but reading goes on to name more of them.
	 */
	static final class Reading {

		private final int maxErrors;

		private final AtomicLong read = new AtomicLong();

		private final List<ImportRejected> errors = new CopyOnWriteArrayList<>();

		Reading(int maxErrors) {
			this.maxErrors = Math.max(1, maxErrors);
		}

		void step(ImportReader reader, SynchronousSink<ImportRows.Row> sink) {
			while (true) {
				ImportRows.Row row;
				try {
					row = reader.next();
				}
				catch (ImportRejected ex) {
					this.read.incrementAndGet();
					this.errors.add(ex);
					if (this.errors.size() >= this.maxErrors) {
						sink.complete();
						return;
					}
					continue;
				}
				catch (IOException ex) {
					sink.error(new UncheckedIOException(ex));
					return;
				}
				if (row == null) {
					sink.complete();
					return;
				}
				this.read.incrementAndGet();
				if (this.errors.isEmpty()) {
					sink.next(row);
					return;
				}
			}
		}

		long read() {
			return this.read.get();
		}

		Mono<Void> rejection() {
			return this.errors.isEmpty() ? Mono.empty() : Mono.error(ImportRejected.all(this.errors));
		}

	}

	// ---------------------------------------------------------------- staging

	private Mono<Void> stage(UUID job, List<ImportRows.Row> batch) {
		List<ImportRows.Company> companies = new ArrayList<>();
		List<ImportRows.BillTo> billTos = new ArrayList<>();
		List<ImportRows.Contract> contracts = new ArrayList<>();
		List<ImportRows.Serial> serials = new ArrayList<>();
		for (ImportRows.Row row : batch) {
			if (row instanceof ImportRows.Company company) {
				companies.add(company);
			}
			else if (row instanceof ImportRows.BillTo billTo) {
				billTos.add(billTo);
			}
			else if (row instanceof ImportRows.Contract contract) {
				contracts.add(contract);
			}
			else if (row instanceof ImportRows.Serial serial) {
				serials.add(serial);
			}
		}
		List<Mono<Void>> inserts = new ArrayList<>();
		if (!companies.isEmpty()) {
			inserts.add(this.db
				.sql("INSERT INTO registry_import_company (job_id, row_no, name, name_key, email_domains)"
						+ " SELECT :job, * FROM unnest(:rows::int[], :names::text[], :keys::text[], :domains::text[])")
				.bind("job", job)
				.bind("rows", companies.stream().map(ImportRows.Row::row).toArray(Integer[]::new))
				.bind("names", companies.stream().map(ImportRows.Company::name).toArray(String[]::new))
				.bind("keys", companies.stream().map(ImportRows.Company::key).toArray(String[]::new))
				.bind("domains",
						companies.stream().map((c) -> String.join(" ", c.emailDomains())).toArray(String[]::new))
				.then());
		}
		if (!billTos.isEmpty()) {
			inserts.add(this.db
				.sql("INSERT INTO registry_import_bill_to (job_id, row_no, id, company, company_key, full_support, admins)"
						+ " SELECT :job, * FROM unnest(:rows::int[], :ids::text[], :companies::text[], :keys::text[],"
						+ " :full::boolean[], :admins::text[])")
				.bind("job", job)
				.bind("rows", billTos.stream().map(ImportRows.Row::row).toArray(Integer[]::new))
				.bind("ids", billTos.stream().map(ImportRows.BillTo::id).toArray(String[]::new))
				.bind("companies", billTos.stream().map(ImportRows.BillTo::company).toArray(String[]::new))
				.bind("keys", billTos.stream().map((b) -> CompanyNames.matchKey(b.company())).toArray(String[]::new))
				.bind("full", billTos.stream().map(ImportRows.BillTo::fullSupport).toArray(Boolean[]::new))
				.bind("admins", billTos.stream().map((b) -> String.join(" ", b.admins())).toArray(String[]::new))
				.then());
		}
		if (!contracts.isEmpty()) {
			inserts.add(this.db
				.sql("INSERT INTO registry_import_contract (job_id, row_no, number, company, company_key, bill_to,"
						+ " support_model, status, issued_at, admins) SELECT :job, r, n, c, k, NULLIF(b, ''), m, s,"
						+ " i::timestamptz, a FROM unnest(:rows::int[], :numbers::text[], :companies::text[],"
						+ " :keys::text[], :billTos::text[], :models::text[], :statuses::text[], :issued::text[],"
						+ " :admins::text[]) AS t(r, n, c, k, b, m, s, i, a)")
				.bind("job", job)
				.bind("rows", contracts.stream().map(ImportRows.Row::row).toArray(Integer[]::new))
				.bind("numbers", contracts.stream().map(ImportRows.Contract::number).toArray(String[]::new))
				.bind("companies", contracts.stream().map(ImportRows.Contract::company).toArray(String[]::new))
				.bind("keys", contracts.stream().map((c) -> CompanyNames.matchKey(c.company())).toArray(String[]::new))
				.bind("billTos",
						contracts.stream().map((c) -> (c.billTo() != null) ? c.billTo() : "").toArray(String[]::new))
				.bind("models", contracts.stream().map(ImportRows.Contract::supportModel).toArray(String[]::new))
				.bind("statuses", contracts.stream().map(ImportRows.Contract::status).toArray(String[]::new))
				.bind("issued", contracts.stream().map((c) -> c.issuedAt().toString()).toArray(String[]::new))
				.bind("admins", contracts.stream().map((c) -> String.join(" ", c.admins())).toArray(String[]::new))
				.then());
		}
		if (!serials.isEmpty()) {
			inserts.add(this.db
				.sql("INSERT INTO registry_import_serial (job_id, row_no, serial, contract)"
						+ " SELECT :job, * FROM unnest(:rows::int[], :serials::text[], :contracts::text[])")
				.bind("job", job)
				.bind("rows", serials.stream().map(ImportRows.Row::row).toArray(Integer[]::new))
				.bind("serials", serials.stream().map(ImportRows.Serial::serial).toArray(String[]::new))
				.bind("contracts", serials.stream().map(ImportRows.Serial::contract).toArray(String[]::new))
				.then());
		}
		return Flux.concat(inserts).then();
	}

	/**
	 * References only the database can check, in staging: each named row fails the
	 * import. (Nothing deletes registry rows, so what exists now still exists at the
	 * merge; the merge's foreign keys would refuse it otherwise.)
	 */
	private Mono<Void> checkReferences(UUID job, ImportRows.RowNames names) {
		int max = this.properties.maxImportErrors();
		Flux<ImportRejected> billTos = this.db
			.sql("SELECT s.row_no, s.bill_to FROM registry_import_contract s WHERE s.job_id = :job"
					+ " AND s.bill_to IS NOT NULL"
					+ " AND NOT EXISTS (SELECT 1 FROM registry_import_bill_to b WHERE b.job_id = :job AND b.id = s.bill_to)"
					+ " AND NOT EXISTS (SELECT 1 FROM bill_to b WHERE b.id = s.bill_to) ORDER BY s.row_no LIMIT :max")
			.bind("job", job)
			.bind("max", max)
			.map((row) -> ImportRows.bad(names.name("contracts", row.get("row_no", Integer.class)), "billTo",
					"Bill-to ID " + row.get("bill_to", String.class)
							+ " is neither in this upload nor in the registry"))
			.all();
		Flux<ImportRejected> contracts = this.db
			.sql("SELECT s.row_no, s.contract FROM registry_import_serial s WHERE s.job_id = :job"
					+ " AND NOT EXISTS (SELECT 1 FROM registry_import_contract c WHERE c.job_id = :job AND c.number = s.contract)"
					+ " AND NOT EXISTS (SELECT 1 FROM contract c WHERE c.number = s.contract) ORDER BY s.row_no LIMIT :max")
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

	// ---------------------------------------------------------------- the merge

	/**
	 * The staged rows into the registry, in one transaction of a few set-based
	 * statements; each answers its counts. Unchanged rows are not touched.
	 */
	private Mono<ImportSummary> merge(UUID job) {
		Mono<ImportSummary> merge = this.db.sql("SELECT pg_advisory_xact_lock(:lock)")
			.bind("lock", MERGE_LOCK)
			.then()
			.then(counts(job, COMPANIES))
			.flatMap((listed) -> count(job, IMPLICIT_COMPANIES)
				.map((implicit) -> new ListCounts(listed.inserted() + implicit.intValue(), listed.updated(),
						listed.unchanged())))
			.flatMap((companies) -> counts(job, BILL_TOS)
				.flatMap((billTos) -> counts(job, CONTRACTS).flatMap((contracts) -> counts(job, SERIALS)
					.map((serials) -> new ImportSummary(companies, billTos, contracts, serials)))));
		return merge.as(this.transactions::transactional);
	}

	private Mono<ListCounts> counts(UUID job, String sql) {
		return this.db.sql(sql).bind("job", job).map((row) -> {
			long inserted = row.get("inserted", Long.class);
			long updated = row.get("updated", Long.class);
			long total = row.get("total", Long.class);
			return new ListCounts((int) inserted, (int) updated, (int) Math.max(0, total - inserted - updated));
		}).one();
	}

	private Mono<Long> count(UUID job, String sql) {
		return this.db.sql(sql).bind("job", job).fetch().rowsUpdated();
	}

	private static final String COMPANIES = """
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
	private static final String IMPLICIT_COMPANIES = """
			WITH named AS (SELECT company, company_key, 0 AS list, row_no FROM registry_import_bill_to WHERE job_id = :job
			    UNION ALL SELECT company, company_key, 1, row_no FROM registry_import_contract WHERE job_id = :job),
			src AS (SELECT DISTINCT ON (company_key) company, company_key FROM named ORDER BY company_key, list, row_no)
			INSERT INTO company (name, name_key) SELECT company, company_key FROM src
			    WHERE NOT EXISTS (SELECT 1 FROM registry_import_company c WHERE c.job_id = :job AND c.name_key = src.company_key)
			ON CONFLICT (name_key) DO NOTHING
			""";

	/**
	 * Rows and their administrator lists (made exactly the uploaded list); a row counts
	 * as updated when it or its administrators changed.
	 */
	private static final String BILL_TOS = """
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

	private static final String CONTRACTS = """
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

	private static final String SERIALS = """
			WITH src AS (SELECT DISTINCT ON (serial) serial, contract FROM registry_import_serial
			    WHERE job_id = :job ORDER BY serial, row_no DESC),
			up AS (INSERT INTO serial_number (serial, contract_number) SELECT serial, contract FROM src
			    ON CONFLICT (serial) DO UPDATE SET contract_number = EXCLUDED.contract_number
			    WHERE serial_number.contract_number IS DISTINCT FROM EXCLUDED.contract_number
			    RETURNING (xmax = 0) AS inserted)
			SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
			    (SELECT count(*) FROM registry_import_serial WHERE job_id = :job) AS total FROM up
			""";

	/**
	 * Rows inserted, updated and left as they were, per list: the answer to an import.
	 */
	public record ImportSummary(ListCounts companies, ListCounts billTos, ListCounts contracts, ListCounts serials) {

		/** Registry rows inserted or changed. */
		long written() {
			return (long) this.companies.written() + this.billTos.written() + this.contracts.written()
					+ this.serials.written();
		}

	}

	public record ListCounts(int inserted, int updated, int unchanged) {

		int written() {
			return this.inserted + this.updated;
		}

	}

}
