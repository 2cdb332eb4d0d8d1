package org.accessdesk.registry;

import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registry as the operator reads it, in the field names of the import form. */
@Component
public class RegistryReads {

	private static final String CONTRACT = "SELECT c.number, co.name AS company, c.bill_to_id, c.support_model, c.status,"
			+ " c.issued_at, ARRAY(SELECT email FROM contract_admin WHERE contract_number = c.number ORDER BY 1) AS admins"
			+ " FROM contract c JOIN company co ON co.id = c.company_id";

	private final DatabaseClient db;

	RegistryReads(DatabaseClient db) {
		this.db = db;
	}

	public Flux<CompanyView> companies() {
		return this.db.sql("SELECT name, email_domains FROM company ORDER BY name_key")
			.map((row) -> new CompanyView(row.get("name", String.class),
					list(row.get("email_domains", String[].class))))
			.all();
	}

	public Flux<ContractView> contracts(@Nullable String company, int page, int size) {
		String filter = (company == null || company.isBlank()) ? "" : " WHERE co.name_key = :company";
		var spec = this.db.sql(CONTRACT + filter + " ORDER BY c.number LIMIT :limit OFFSET :offset")
			.bind("limit", size)
			.bind("offset", (long) page * size);
		if (!filter.isEmpty()) {
			spec = spec.bind("company", CompanyNames.matchKey(company));
		}
		return spec.map((Readable row) -> contract(row)).all();
	}

	public Mono<ContractView> contract(String number) {
		return this.db.sql(CONTRACT + " WHERE c.number = :number")
			.bind("number", Identifiers.normaliseOne(IdentifierType.CONTRACT, number))
			.map((Readable row) -> contract(row))
			.one();
	}

	public Mono<BillToView> billTo(String id) {
		return this.db
			.sql("SELECT b.id, co.name AS company, b.full_support,"
					+ " ARRAY(SELECT email FROM bill_to_admin WHERE bill_to_id = b.id ORDER BY 1) AS admins"
					+ " FROM bill_to b JOIN company co ON co.id = b.company_id WHERE b.id = :id")
			.bind("id", Identifiers.normaliseOne(IdentifierType.BILL_TO, id))
			.map((row) -> new BillToView(row.get("id", String.class), row.get("company", String.class),
					Boolean.TRUE.equals(row.get("full_support", Boolean.class)),
					list(row.get("admins", String[].class))))
			.one();
	}

	public Mono<SerialView> serial(String serial) {
		return this.db.sql("SELECT serial, contract_number FROM serial_number WHERE serial = :serial")
			.bind("serial", Identifiers.normaliseOne(IdentifierType.SERIAL, serial))
			.map((row) -> new SerialView(row.get("serial", String.class), row.get("contract_number", String.class)))
			.one();
	}

	private static ContractView contract(Readable row) {
		return new ContractView(row.get("number", String.class), row.get("company", String.class),
				row.get("bill_to_id", String.class), row.get("support_model", String.class),
				row.get("status", String.class), row.get("issued_at", OffsetDateTime.class).toInstant().toString(),
				list(row.get("admins", String[].class)));
	}

	private static List<String> list(String @Nullable [] values) {
		return (values == null) ? List.of() : List.of(values);
	}

	public record CompanyView(String name, List<String> emailDomains) {
	}

	public record BillToView(String id, String company, boolean fullSupport, List<String> admins) {
	}

	public record ContractView(String number, String company, @Nullable String billTo, String supportModel,
			String status, String issuedAt, List<String> admins) {
	}

	public record SerialView(String serial, String contract) {
	}

}
