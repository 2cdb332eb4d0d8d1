package org.accessdesk.registry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A registry upload (SPEC §3) as rows, and their validation — pure, one row at a time as
 * the upload is read, so that a bad row is named and nothing is written.
 */
final class ImportRows {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

	private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cntrl}]*");

	private ImportRows() {
	}

	/** One element of each JSON list, as uploaded (a CSV row is read into the same). */
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
	 * A validated row, ready to stage; {@code row} is its index in its JSON list or the
	 * line of the CSV file on which it starts.
	 */
	sealed interface Row {

		int row();

	}

	record Company(int row, String name, String key, List<String> emailDomains) implements Row {
	}

	record BillTo(int row, String id, String company, boolean fullSupport, List<String> admins) implements Row {
	}

	record Contract(int row, String number, String company, @Nullable String billTo, SupportModel supportModel,
			ContractStatus status, Instant issuedAt, List<String> admins) implements Row {
	}

	record Serial(int row, String serial, String contract) implements Row {
	}

	/**
	 * How rows are named in errors: {@code contracts[3]} (JSON), {@code line 4} (CSV).
	 */
	interface RowNames {

		String name(String list, int row);

		RowNames JSON = (list, row) -> list + "[" + row + "]";

		RowNames CSV = (list, row) -> "line " + row;

	}

	static Company company(CompanyRow row, int index, String where) {
		String name = companyName(row.name(), where, "name");
		return new Company(index, name, CompanyNames.matchKey(name), domains(row.emailDomains(), where));
	}

	static BillTo billTo(BillToRow row, int index, String where) {
		return new BillTo(index, number(IdentifierType.BILL_TO, row.id(), where, "id"),
				companyName(row.company(), where, "company"), required(row.fullSupport(), where, "fullSupport"),
				admins(row.admins(), where));
	}

	static Contract contract(ContractRow row, int index, String where) {
		return new Contract(index, number(IdentifierType.CONTRACT, row.number(), where, "number"),
				companyName(row.company(), where, "company"),
				(row.billTo() == null || row.billTo().isBlank()) ? null
						: number(IdentifierType.BILL_TO, row.billTo(), where, "billTo"),
				oneOf(row.supportModel(), SupportModel.class, where, "supportModel"),
				oneOf(row.status(), ContractStatus.class, where, "status"), instant(row.issuedAt(), where),
				admins(row.admins(), where));
	}

	static Serial serial(SerialRow row, int index, String where) {
		return new Serial(index, number(IdentifierType.SERIAL, row.serial(), where, "serial"),
				number(IdentifierType.CONTRACT, row.contract(), where, "contract"));
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

	/** Any case, surrounding spaces ignored. */
	private static <E extends Enum<E>> E oneOf(@Nullable String value, Class<E> type, String where, String field) {
		String upper = (value == null) ? "" : value.strip().toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(upper)) {
				return constant;
			}
		}
		throw bad(where, field, "must be one of "
				+ Arrays.stream(type.getEnumConstants()).map(Enum::name).sorted().collect(Collectors.joining(", ")));
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

	static ImportRejected bad(String where, String field, String message) {
		return ImportRejected.row(where, field, message);
	}

	private static String clip(String value) {
		return value.length() <= 60 ? value : value.substring(0, 60) + "…";
	}

}
