package org.accessdesk.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
 * row the error names in any editor.
 */
final class RegistryCsv implements ImportReader {

	private static final Map<String, List<String>> FIELDS = Map.of("companies", List.of("name", "emailDomains"),
			"billTos", List.of("id", "company", "fullSupport", "admins"), "contracts",
			List.of("number", "company", "billTo", "supportModel", "status", "issuedAt", "admins"), "serials",
			List.of("serial", "contract"));

	private final String list;

	private final Records records;

	private @Nullable List<String> header;

	private boolean ended;

	RegistryCsv(String list, Reader reader) {
		checkList(list);
		this.list = list;
		this.records = new Records(reader);
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
			Records.Record record = this.records.next();
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
		Records.Record record = this.records.next();
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

	private ImportRows.Row row(Records.Record record, List<String> header) {
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
		this.records.in.close();
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

	/**
	 * RFC 4180 records from a stream: quoted cells may hold commas, quotes ({@code ""})
	 * and line breaks; CRLF or LF ends a record; blank lines are skipped; a byte-order
	 * mark at the start is not data. Each record knows the line it starts on. A cell or a
	 * record may not grow without bound: memory stays bounded whatever the upload holds.
	 */
	static final class Records {

		static final int MAX_CELL = 64 * 1024;

		static final int MAX_CELLS = 64;

		private final Reader in;

		private final char[] buffer = new char[64 * 1024];

		private int position;

		private int length;

		private int line = 1;

		private boolean started;

		/** A record that cannot be read: nothing after it can be either. */
		boolean broken;

		Records(Reader in) {
			this.in = in;
		}

		record Record(int line, List<String> cells) {
		}

		@Nullable Record next() throws IOException {
			if (this.broken) {
				return null;
			}
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean any = false;
			int start = this.line;
			int quoteLine = 0;
			while (true) {
				int c = read();
				if (!this.started) {
					this.started = true;
					if (c == '\uFEFF') {
						continue;
					}
				}
				if (c < 0) {
					if (quoted) {
						this.broken = true;
						throw ImportRows.bad("line " + quoteLine, "", "a quoted cell is not closed");
					}
					if (any || cell.length() > 0) {
						cells.add(cell.toString());
						return new Record(start, cells);
					}
					return null;
				}
				if (cell.length() >= MAX_CELL) {
					this.broken = true;
					throw ImportRows.bad("line " + start, "", "a cell is longer than " + MAX_CELL + " characters");
				}
				if (quoted) {
					if (c == '"') {
						if (peek() == '"') {
							read();
							cell.append('"');
						}
						else {
							quoted = false;
						}
					}
					else {
						if (c == '\n') {
							this.line++;
						}
						cell.append((char) c);
					}
					continue;
				}
				switch (c) {
					case '"' -> {
						quoted = true;
						any = true;
						quoteLine = this.line;
					}
					case ',' -> {
						cells.add(cell.toString());
						cell.setLength(0);
						any = true;
						if (cells.size() >= MAX_CELLS) {
							this.broken = true;
							throw ImportRows.bad("line " + start, "", "has more than " + MAX_CELLS + " cells");
						}
					}
					case '\r' -> {
					}
					case '\n' -> {
						this.line++;
						if (any || cell.length() > 0) {
							cells.add(cell.toString());
							return new Record(start, cells);
						}
						start = this.line;
					}
					default -> {
						cell.append((char) c);
						any = true;
					}
				}
			}
		}

		private int read() throws IOException {
			if (this.position == this.length && !fill()) {
				return -1;
			}
			return this.buffer[this.position++];
		}

		private int peek() throws IOException {
			if (this.position == this.length && !fill()) {
				return -1;
			}
			return this.buffer[this.position];
		}

		private boolean fill() throws IOException {
			int read = this.in.read(this.buffer, 0, this.buffer.length);
			if (read <= 0) {
				return false;
			}
			this.position = 0;
			this.length = read;
			return true;
		}

	}

}
