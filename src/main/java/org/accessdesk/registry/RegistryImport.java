package org.accessdesk.registry;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads registry data (SPEC §3): idempotent upsert, all or nothing. Every row is
 * validated before the transaction starts; references that only the database can check (a
 * Bill-to ID or contract that exists neither in the upload nor already) fail the whole
 * upload, naming the row. Companies named in other lists are created when missing.
 */
@Component
public class RegistryImport {

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	RegistryImport(DatabaseClient db, TransactionalOperator transactions, JsonMapper json) {
		this.db = db;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * An upload in the JSON form of SPEC §3; unknown fields and wrong types are a 400.
	 */
	public Mono<ImportSummary> importJson(byte[] body) {
		return Mono.fromCallable(() -> this.json.readValue(body, ImportRows.Document.class))
			.map((document) -> ImportRows.validate(document, ImportRows.RowNames.JSON))
			.flatMap(this::importRows);
	}

	/** One list as CSV ({@code list}: companies, billTos, contracts or serials). */
	public Mono<ImportSummary> importCsv(String list, byte[] body) {
		return Mono.fromCallable(() -> RegistryCsv.parse(list, new String(body, StandardCharsets.UTF_8)))
			.map((document) -> ImportRows.validate(document, ImportRows.RowNames.CSV))
			.flatMap(this::importRows);
	}

	private Mono<ImportSummary> importRows(ImportRows.Valid rows) {
		ImportResult result = new ImportResult();
		return companies(rows, result)
			.flatMap((companyIds) -> Flux.fromIterable(rows.billTos())
				.concatMap((billTo) -> billTo(billTo, companyIds, result))
				.then(Flux.fromIterable(rows.contracts())
					.concatMap((contract) -> contract(contract, companyIds, result))
					.then())
				.then(Flux.fromIterable(rows.serials()).concatMap((serial) -> serial(serial, result)).then()))
			.then(Mono.fromSupplier(result::summary))
			.as(this.transactions::transactional);
	}

	/**
	 * Upserts the listed companies, creates those only named elsewhere, and answers ids
	 * by match key.
	 */
	private Mono<Map<String, Long>> companies(ImportRows.Valid rows, ImportResult result) {
		Set<String> listed = new LinkedHashSet<>();
		rows.companies().forEach((company) -> listed.add(company.key()));
		Map<String, String> named = new LinkedHashMap<>();
		rows.billTos().forEach((row) -> named.putIfAbsent(CompanyNames.matchKey(row.company()), row.company()));
		rows.contracts().forEach((row) -> named.putIfAbsent(CompanyNames.matchKey(row.company()), row.company()));
		listed.forEach(named::remove);
		Mono<Void> upserts = Flux.fromIterable(rows.companies())
			.concatMap((company) -> this.db
				.sql("INSERT INTO company (name, name_key, email_domains) VALUES (:name, :key, :domains)"
						+ " ON CONFLICT (name_key) DO UPDATE SET name = EXCLUDED.name, email_domains = EXCLUDED.email_domains"
						+ " WHERE (company.name, company.email_domains) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.email_domains)"
						+ " RETURNING (xmax = 0) AS inserted")
				.bind("name", company.name())
				.bind("key", company.key())
				.bind("domains", company.emailDomains().toArray(String[]::new))
				.map((row) -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
				.one()
				.doOnNext((inserted) -> result.companies.count(inserted))
				.switchIfEmpty(Mono.fromRunnable(result.companies::unchanged)))
			.then();
		Mono<Void> implicit = Flux.fromIterable(named.entrySet())
			.concatMap((company) -> this.db
				.sql("INSERT INTO company (name, name_key) VALUES (:name, :key) ON CONFLICT (name_key) DO NOTHING"
						+ " RETURNING id")
				.bind("name", company.getValue())
				.bind("key", company.getKey())
				.fetch()
				.rowsUpdated()
				.doOnNext((created) -> {
					if (created > 0) {
						result.companies.count(true);
					}
				}))
			.then();
		Set<String> keys = new LinkedHashSet<>(listed);
		keys.addAll(named.keySet());
		return upserts.then(implicit)
			.then(this.db.sql("SELECT id, name_key FROM company WHERE name_key = ANY(:keys)")
				.bind("keys", keys.toArray(String[]::new))
				.map((row) -> Map.entry(row.get("name_key", String.class), row.get("id", Long.class)))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Mono<Void> billTo(ImportRows.BillTo billTo, Map<String, Long> companyIds, ImportResult result) {
		return this.db.sql("INSERT INTO bill_to (id, company_id, full_support) VALUES (:id, :company, :full)"
				+ " ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, full_support = EXCLUDED.full_support"
				+ " WHERE (bill_to.company_id, bill_to.full_support) IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.full_support)"
				+ " RETURNING (xmax = 0) AS inserted")
			.bind("id", billTo.id())
			.bind("company", companyIds.get(CompanyNames.matchKey(billTo.company())))
			.bind("full", billTo.fullSupport())
			.map((row) -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
			.one()
			.map((inserted) -> inserted ? Change.INSERTED : Change.UPDATED)
			.defaultIfEmpty(Change.UNCHANGED)
			.flatMap((change) -> replaceAdmins("bill_to_admin", "bill_to_id", billTo.id(), billTo.admins())
				.map((adminsChanged) -> change.or(adminsChanged)))
			.doOnNext(result.billTos::count)
			.then();
	}

	private Mono<Void> contract(ImportRows.Contract contract, Map<String, Long> companyIds, ImportResult result) {
		Mono<Void> billToKnown = (contract.billTo() == null) ? Mono.empty()
				: exists("SELECT count(*) FROM bill_to WHERE id = :key", contract.billTo())
					.flatMap((known) -> known ? Mono.empty() : Mono.error(ImportRows.bad(contract.where(), "billTo",
							"Bill-to ID " + contract.billTo() + " is neither in this upload nor in the registry")));
		return billToKnown.then(this.db
			.sql("INSERT INTO contract (number, company_id, bill_to_id, support_model, status, issued_at)"
					+ " VALUES (:number, :company, :billTo, :model, :status, :issuedAt)"
					+ " ON CONFLICT (number) DO UPDATE SET company_id = EXCLUDED.company_id, bill_to_id = EXCLUDED.bill_to_id,"
					+ " support_model = EXCLUDED.support_model, status = EXCLUDED.status, issued_at = EXCLUDED.issued_at"
					+ " WHERE (contract.company_id, contract.bill_to_id, contract.support_model, contract.status, contract.issued_at)"
					+ " IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.bill_to_id, EXCLUDED.support_model, EXCLUDED.status,"
					+ " EXCLUDED.issued_at) RETURNING (xmax = 0) AS inserted")
			.bind("number", contract.number())
			.bind("company", companyIds.get(CompanyNames.matchKey(contract.company())))
			.bind("billTo", org.springframework.r2dbc.core.Parameter.fromOrEmpty(contract.billTo(), String.class))
			.bind("model", contract.supportModel())
			.bind("status", contract.status())
			.bind("issuedAt", contract.issuedAt().atOffset(java.time.ZoneOffset.UTC))
			.map((row) -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
			.one()
			.map((inserted) -> inserted ? Change.INSERTED : Change.UPDATED)
			.defaultIfEmpty(Change.UNCHANGED)
			.flatMap(
					(change) -> replaceAdmins("contract_admin", "contract_number", contract.number(), contract.admins())
						.map((adminsChanged) -> change.or(adminsChanged)))
			.doOnNext(result.contracts::count)
			.then());
	}

	private Mono<Void> serial(ImportRows.Serial serial, ImportResult result) {
		return exists("SELECT count(*) FROM contract WHERE number = :key", serial.contract())
			.flatMap((known) -> known ? Mono.<Void>empty()
					: Mono.error(ImportRows.bad(serial.where(), "contract",
							"contract " + serial.contract() + " is neither in this upload nor in the registry")))
			.then(this.db
				.sql("INSERT INTO serial_number (serial, contract_number) VALUES (:serial, :contract)"
						+ " ON CONFLICT (serial) DO UPDATE SET contract_number = EXCLUDED.contract_number"
						+ " WHERE serial_number.contract_number IS DISTINCT FROM EXCLUDED.contract_number"
						+ " RETURNING (xmax = 0) AS inserted")
				.bind("serial", serial.serial())
				.bind("contract", serial.contract())
				.map((row) -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
				.one()
				.map((inserted) -> inserted ? Change.INSERTED : Change.UPDATED)
				.defaultIfEmpty(Change.UNCHANGED)
				.doOnNext(result.serials::count)
				.then());
	}

	/**
	 * Makes the administrator list exactly {@code admins}; answers whether anything
	 * changed.
	 */
	private Mono<Boolean> replaceAdmins(String table, String column, String key, List<String> admins) {
		String[] emails = admins.toArray(String[]::new);
		Mono<Long> removed = this.db
			.sql("DELETE FROM " + table + " WHERE " + column + " = :key AND email <> ALL(:emails)")
			.bind("key", key)
			.bind("emails", emails)
			.fetch()
			.rowsUpdated();
		Mono<Long> added = this.db
			.sql("INSERT INTO " + table + " (" + column + ", email) SELECT :key, unnest(:emails::text[])"
					+ " ON CONFLICT DO NOTHING")
			.bind("key", key)
			.bind("emails", emails)
			.fetch()
			.rowsUpdated();
		return removed.zipWith(added, (r, a) -> r + a > 0);
	}

	private Mono<Boolean> exists(String sql, String key) {
		return this.db.sql(sql).bind("key", key).map((row) -> row.get(0, Long.class)).one().map((count) -> count > 0);
	}

	enum Change {

		INSERTED, UPDATED, UNCHANGED;

		Change or(boolean somethingElseChanged) {
			return (this == UNCHANGED && somethingElseChanged) ? UPDATED : this;
		}

	}

	/**
	 * Rows inserted, updated and left as they were, per list: the answer to an import.
	 */
	public record ImportSummary(ListCounts companies, ListCounts billTos, ListCounts contracts, ListCounts serials) {
	}

	public record ListCounts(int inserted, int updated, int unchanged) {
	}

	/**
	 * Tallies while one upload is written. The writes run one after another in a single
	 * transaction, so plain counters are safe here.
	 */
	private static final class ImportResult {

		final Counts companies = new Counts();

		final Counts billTos = new Counts();

		final Counts contracts = new Counts();

		final Counts serials = new Counts();

		ImportSummary summary() {
			return new ImportSummary(this.companies.counts(), this.billTos.counts(), this.contracts.counts(),
					this.serials.counts());
		}

	}

	private static final class Counts {

		private int inserted;

		private int updated;

		private int unchanged;

		void count(boolean wasInserted) {
			count(wasInserted ? Change.INSERTED : Change.UPDATED);
		}

		void count(Change change) {
			switch (change) {
				case INSERTED -> this.inserted++;
				case UPDATED -> this.updated++;
				case UNCHANGED -> this.unchanged++;
			}
		}

		void unchanged() {
			this.unchanged++;
		}

		ListCounts counts() {
			return new ListCounts(this.inserted, this.updated, this.unchanged);
		}

	}

}
