package org.accessdesk.registry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.accessdesk.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A registry upload (SPEC §3) as rows, and their validation — pure, done completely
 * before anything is written, so that a bad row answers 400 naming it and nothing
 * changes.
 */
final class ImportRows {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

	private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cntrl}]*");

	private ImportRows() {
	}

	/** The JSON form: every list optional. */
	record Document(@Nullable List<CompanyRow> companies, @Nullable List<BillToRow> billTos,
			@Nullable List<ContractRow> contracts, @Nullable List<SerialRow> serials) {
	}

	record CompanyRow(@Nullable String name, @Nullable List<String> emailDomains) {
	}

	record BillToRow(@Nullable String id, @Nullable String company, @Nullable Boolean fullSupport,
			@Nullable List<String> admins) {
	}

	record ContractRow(@Nullable String number, @Nullable String company, @Nullable String billTo,
			@Nullable String supportModel, @Nullable String status, @Nullable String issuedAt,
			@Nullable List<String> admins) {
	}

	record SerialRow(@Nullable String serial, @Nullable String contract) {
	}

	/**
	 * Validated rows, ready to write; {@code where} names the row for errors found while
	 * writing.
	 */
	record Company(String where, String name, String key, List<String> emailDomains) {
	}

	record BillTo(String where, String id, String company, boolean fullSupport, List<String> admins) {
	}

	record Contract(String where, String number, String company, @Nullable String billTo, String supportModel,
			String status, Instant issuedAt, List<String> admins) {
	}

	record Serial(String where, String serial, String contract) {
	}

	record Valid(List<Company> companies, List<BillTo> billTos, List<Contract> contracts, List<Serial> serials) {

		int size() {
			return this.companies.size() + this.billTos.size() + this.contracts.size() + this.serials.size();
		}

	}

	/**
	 * Checks every row; {@code where} names a row for the caller (JSON:
	 * {@code contracts[3]}; CSV: {@code line 4}).
	 */
	static Valid validate(Document document, RowNames names) {
		List<Company> companies = new ArrayList<>();
		forEach(document.companies(), "companies", names, (row, where) -> {
			String name = companyName(row.name(), where, "name");
			companies.add(new Company(where, name, CompanyNames.matchKey(name), domains(row.emailDomains(), where)));
		});
		List<BillTo> billTos = new ArrayList<>();
		forEach(document.billTos(), "billTos", names,
				(row, where) -> billTos.add(new BillTo(where, number(IdentifierType.BILL_TO, row.id(), where, "id"),
						companyName(row.company(), where, "company"), required(row.fullSupport(), where, "fullSupport"),
						admins(row.admins(), where))));
		List<Contract> contracts = new ArrayList<>();
		forEach(document.contracts(), "contracts", names,
				(row, where) -> contracts
					.add(new Contract(where, number(IdentifierType.CONTRACT, row.number(), where, "number"),
							companyName(row.company(), where, "company"),
							(row.billTo() == null || row.billTo().isBlank()) ? null
									: number(IdentifierType.BILL_TO, row.billTo(), where, "billTo"),
							oneOf(row.supportModel(), Set.of("DIRECT", "PARTNER"), where, "supportModel"),
							oneOf(row.status(), Set.of("ACTIVE", "EXPIRED", "TERMINATED"), where, "status"),
							instant(row.issuedAt(), where), admins(row.admins(), where))));
		List<Serial> serials = new ArrayList<>();
		forEach(document.serials(), "serials", names,
				(row, where) -> serials
					.add(new Serial(where, number(IdentifierType.SERIAL, row.serial(), where, "serial"),
							number(IdentifierType.CONTRACT, row.contract(), where, "contract"))));
		return new Valid(companies, billTos, contracts, serials);
	}

	/** How rows are named in errors. */
	interface RowNames {

		String name(String list, int index);

		RowNames JSON = (list, index) -> list + "[" + index + "]";

		/** CSV: the header is line 1, so row {@code i} is line {@code i + 2}. */
		RowNames CSV = (list, index) -> "line " + (index + 2);

	}

	private interface RowCheck<T> {

		void check(T row, String where);

	}

	private static <T> void forEach(@Nullable List<T> rows, String list, RowNames names, RowCheck<T> check) {
		if (rows == null) {
			return;
		}
		for (int i = 0; i < rows.size(); i++) {
			String where = names.name(list, i);
			if (rows.get(i) == null) {
				throw bad(where, "", "the row is empty");
			}
			check.check(rows.get(i), where);
		}
	}

	private static String companyName(@Nullable String value, String where, String field) {
		if (value == null || value.isBlank()) {
			throw bad(where, field, "a company name is required");
		}
		String name = value.strip();
		if (name.length() > 200 || !NO_CONTROL.matcher(name).matches()) {
			throw bad(where, field, "a company name has at most 200 characters and no control characters");
		}
		return name;
	}

	private static String number(IdentifierType type, @Nullable String value, String where, String field) {
		if (value == null || value.isBlank()) {
			throw bad(where, field, "is required");
		}
		String normalised = Identifiers.normaliseOne(type, value);
		if (!Identifiers.hasForm(type, normalised)) {
			throw bad(where, field, (type == IdentifierType.SERIAL) ? "must be 1–40 letters, digits and dashes"
					: "must be 1–20 digits");
		}
		return normalised;
	}

	private static <T> T required(@Nullable T value, String where, String field) {
		if (value == null) {
			throw bad(where, field, "is required");
		}
		return value;
	}

	private static String oneOf(@Nullable String value, Set<String> allowed, String where, String field) {
		String upper = (value == null) ? "" : value.strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(upper)) {
			throw bad(where, field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
		}
		return upper;
	}

	private static Instant instant(@Nullable String value, String where) {
		if (value == null || value.isBlank()) {
			throw bad(where, "issuedAt", "is required (ISO-8601, e.g. 2026-01-01T00:00:00Z)");
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw bad(where, "issuedAt", "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
		}
	}

	private static List<String> admins(@Nullable List<String> values, String where) {
		Set<String> admins = new LinkedHashSet<>();
		for (String value : (values == null) ? List.<String>of() : values) {
			String email = (value == null) ? "" : value.strip().toLowerCase(Locale.ROOT);
			if (email.isEmpty()) {
				continue;
			}
			if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
				throw bad(where, "admins", "'" + clip(value) + "' is not an email address");
			}
			admins.add(email);
		}
		return List.copyOf(admins);
	}

	private static List<String> domains(@Nullable List<String> values, String where) {
		Set<String> domains = new LinkedHashSet<>();
		for (String value : (values == null) ? List.<String>of() : values) {
			String domain = (value == null) ? "" : value.strip().toLowerCase(Locale.ROOT);
			if (domain.isEmpty()) {
				continue;
			}
			if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
				throw bad(where, "emailDomains", "'" + clip(value) + "' is not a domain name");
			}
			domains.add(domain);
		}
		return List.copyOf(domains);
	}

	static ProblemException bad(String where, String field, String message) {
		String name = field.isEmpty() ? where : where + "." + field;
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_ROW",
				where + ": " + (field.isEmpty() ? "" : field + " ") + message,
				List.of(new org.accessdesk.web.DomainError.FieldError(name, message)));
	}

	private static String clip(String value) {
		return value.length() <= 60 ? value : value.substring(0, 60) + "…";
	}

}
