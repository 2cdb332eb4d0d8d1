package org.accessdesk.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.accessdesk.web.DomainError;
import org.jspecify.annotations.Nullable;

/**
 * One list of the registry as CSV (SPEC §3), read as a stream: RFC 4180 quoting, a header
 * row of the JSON field names, lists inside a cell separated by {@code ;}, UTF-8 with or
 * without a byte-order mark. Rows are named by the line of the file on which they start,
 * counting blank lines and line breaks inside quoted cells, so that an operator finds the
 * row the error names in any editor. The records come from {@link CsvRecords}; this maps
 * them by the header onto the rows of the list.
 */
final class RegistryCsv implements ImportReader {

	private static final Map<String, List<String>> FIELDS = Map.of("companies", List.of("name", "emailDomains"),
			"billTos", List.of("id", "company", "fullSupport", "admins"), "contracts",
			List.of("number", "company", "billTo", "supportModel", "status", "issuedAt", "admins"), "serials",
			List.of("serial", "contract"));

	private final String list;

	private final CsvRecords records;

	private @Nullable List<String> header;

	private boolean ended;

	RegistryCsv(String list, Reader reader) {
		checkList(list);
		this.list = list;
		this.records = new CsvRecords(reader);
	}

	static Set<String> lists() {
		return FIELDS.keySet();
	}

	/** A CSV upload names its list: companies, billTos, contracts or serials. */
	static void checkList(@Nullable String list) {
		if (list == null || !FIELDS.containsKey(list)) {
			throw new DomainError.InvalidField("list",
					"CSV uploads name their list: one of companies, billTos, contracts, serials");
		}
	}

	@Override
	public ImportRows.@Nullable Row next() throws IOException {
		if (this.ended) {
			return null;
		}
		try {
			if (this.header == null) {
				this.header = header();
			}
			CsvRecords.Record record = this.records.next();
			if (record == null) {
				this.ended = true;
				return null;
			}
			return row(record, this.header);
		}
		catch (ImportRejected ex) {
			this.ended = this.ended || this.records.broken;
			throw ex;
		}
	}

	private List<String> header() throws IOException {
		CsvRecords.Record record = this.records.next();
		if (record == null) {
			this.ended = true;
			throw ImportRows.bad("line 1", "", "the header row is missing");
		}
		List<String> known = FIELDS.get(this.list);
		List<String> header = record.cells().stream().map(String::strip).toList();
		for (String column : header) {
			if (!known.contains(column)) {
				this.ended = true;
				throw ImportRows.bad("line " + record.line(), "",
						"unknown column '" + column + "'; " + this.list + " has " + known);
			}
		}
		return header;
	}

	private ImportRows.Row row(CsvRecords.Record record, List<String> header) {
		String where = "line " + record.line();
		List<String> cells = record.cells();
		if (cells.size() != header.size()) {
			throw ImportRows.bad(where, "", "has " + cells.size() + " cells; the header has " + header.size());
		}
		Map<String, String> r = new HashMap<>();
		for (int c = 0; c < header.size(); c++) {
			r.put(header.get(c), cells.get(c));
		}
		int line = record.line();
		return switch (this.list) {
			case "companies" ->
				ImportRows.company(new ImportRows.CompanyRow(r.get("name"), split(r.get("emailDomains"))), line, where);
			case "billTos" -> ImportRows.billTo(new ImportRows.BillToRow(r.get("id"), r.get("company"),
					bool(r.get("fullSupport"), where), split(r.get("admins"))), line, where);
			case "contracts" -> ImportRows.contract(
					new ImportRows.ContractRow(r.get("number"), r.get("company"), r.get("billTo"),
							r.get("supportModel"), r.get("status"), r.get("issuedAt"), split(r.get("admins"))),
					line, where);
			default -> ImportRows.serial(new ImportRows.SerialRow(r.get("serial"), r.get("contract")), line, where);
		};
	}

	@Override
	public void close() throws IOException {
		this.records.close();
	}

	private static List<String> split(@Nullable String cell) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return Arrays.stream(cell.split(";")).map(String::strip).filter((value) -> !value.isEmpty()).toList();
	}

	private static @Nullable Boolean bool(@Nullable String cell, String where) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		return switch (cell.strip().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "1" -> Boolean.TRUE;
			case "false", "no", "0" -> Boolean.FALSE;
			default -> throw ImportRows.bad(where, "fullSupport", "must be true or false");
		};
	}

}
