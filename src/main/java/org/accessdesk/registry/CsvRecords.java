package org.accessdesk.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 records from a stream: quoted cells may hold commas, quotes ({@code ""}) and
 * line breaks; CRLF or LF ends a record; blank lines are skipped; a byte-order mark at
 * the start is not data. Each record knows the line it starts on. A cell or a record may
 * not grow without bound: memory stays bounded whatever the upload holds.
 */
final class CsvRecords implements Closeable {

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

	CsvRecords(Reader in) {
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

	@Override
	public void close() throws IOException {
		this.in.close();
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
