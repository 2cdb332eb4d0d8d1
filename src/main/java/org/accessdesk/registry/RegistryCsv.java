package org.accessdesk.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accessdesk.web.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * One list of the registry as CSV (SPEC §3): RFC 4180 quoting, a header row of the JSON
 * field names, lists inside a cell separated by {@code ;}, UTF-8 with or without a
 * byte-order mark.
 */
final class RegistryCsv {

	private static final Map<String, List<String>> FIELDS = Map.of("companies", List.of("name", "emailDomains"),
			"billTos", List.of("id", "company", "fullSupport", "admins"), "contracts",
			List.of("number", "company", "billTo", "supportModel", "status", "issuedAt", "admins"), "serials",
			List.of("serial", "contract"));

	private RegistryCsv() {
	}

	static Set<String> lists() {
		return FIELDS.keySet();
	}

	static ImportRows.Document parse(String list, String text) {
		List<String> known = FIELDS.get(list);
		if (known == null) {
			throw ProblemException.invalid("list", "must be one of companies, billTos, contracts, serials");
		}
		List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
		if (records.isEmpty()) {
			throw ImportRows.bad("line 1", "", "the header row is missing");
		}
		List<String> header = records.get(0).stream().map(String::strip).toList();
		for (String column : header) {
			if (!known.contains(column)) {
				throw ImportRows.bad("line 1", "", "unknown column '" + column + "'; " + list + " has " + known);
			}
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			List<String> cells = records.get(i);
			if (cells.size() != header.size()) {
				throw ImportRows.bad("line " + (i + 1), "",
						"has " + cells.size() + " cells; the header has " + header.size());
			}
			Map<String, String> row = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				row.put(header.get(c), cells.get(c));
			}
			rows.add(row);
		}
		return switch (list) {
			case "companies" -> new ImportRows.Document(rows.stream()
				.map((r) -> new ImportRows.CompanyRow(r.get("name"), split(r.get("emailDomains"))))
				.toList(), null, null, null);
			case "billTos" -> {
				List<ImportRows.BillToRow> billTos = new ArrayList<>();
				for (int i = 0; i < rows.size(); i++) {
					Map<String, String> r = rows.get(i);
					billTos.add(new ImportRows.BillToRow(r.get("id"), r.get("company"), bool(r.get("fullSupport"), i),
							split(r.get("admins"))));
				}
				yield new ImportRows.Document(null, billTos, null, null);
			}
			case "contracts" -> new ImportRows.Document(null, null,
					rows.stream()
						.map((r) -> new ImportRows.ContractRow(r.get("number"), r.get("company"), r.get("billTo"),
								r.get("supportModel"), r.get("status"), r.get("issuedAt"), split(r.get("admins"))))
						.toList(),
					null);
			default -> new ImportRows.Document(null, null, null,
					rows.stream().map((r) -> new ImportRows.SerialRow(r.get("serial"), r.get("contract"))).toList());
		};
	}

	private static List<String> split(@Nullable String cell) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return Arrays.stream(cell.split(";")).map(String::strip).filter((value) -> !value.isEmpty()).toList();
	}

	private static @Nullable Boolean bool(@Nullable String cell, int index) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		return switch (cell.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "yes", "1" -> Boolean.TRUE;
			case "false", "no", "0" -> Boolean.FALSE;
			default -> throw ImportRows.bad("line " + (index + 2), "fullSupport", "must be true or false");
		};
	}

	/**
	 * RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; CRLF or LF
	 * ends a record.
	 */
	static List<List<String>> records(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					quoted = true;
					any = true;
				}
				case ',' -> {
					record.add(cell.toString());
					cell.setLength(0);
					any = true;
				}
				case '\r' -> {
				}
				case '\n' -> {
					if (any || cell.length() > 0) {
						record.add(cell.toString());
						records.add(record);
					}
					record = new ArrayList<>();
					cell.setLength(0);
					any = false;
				}
				default -> {
					cell.append(c);
					any = true;
				}
			}
		}
		if (quoted) {
			throw ImportRows.bad("line " + (records.size() + 1), "", "a quoted cell is not closed");
		}
		if (any || cell.length() > 0) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
