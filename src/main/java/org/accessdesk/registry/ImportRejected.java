package org.accessdesk.registry;

import java.util.List;

import org.accessdesk.web.DomainError;

/**
 * An upload the registry does not take, naming the rows at fault; nothing of it was
 * written. {@code INVALID_ROW} for a row that breaks a rule, {@code UNKNOWN_FIELD} and
 * {@code MALFORMED_REQUEST} for an upload that is not in the form,
 * {@code VALIDATION_FAILED} for a request parameter.
 */
public final class ImportRejected extends DomainError {

	private final List<RowError> rows;

	ImportRejected(String code, List<RowError> rows) {
		super(Kind.INVALID, code, detail(rows), rows.stream().map(RowError::fieldError).toList(), null);
		this.rows = List.copyOf(rows);
	}

	/** One row's fault: {@code contracts[3]}, {@code line 7}; field may be empty. */
	static ImportRejected row(String row, String field, String message) {
		return new ImportRejected("INVALID_ROW", List.of(new RowError(row, field, message)));
	}

	static ImportRejected of(String code, String row, String field, String message) {
		return new ImportRejected(code, List.of(new RowError(row, field, message)));
	}

	/** The errors of several rows as one rejection: the first one's code. */
	static ImportRejected all(List<ImportRejected> rejections) {
		return new ImportRejected(rejections.get(0).code(),
				rejections.stream().flatMap((rejection) -> rejection.rows.stream()).toList());
	}

	public List<RowError> rows() {
		return this.rows;
	}

	private static String detail(List<RowError> rows) {
		String first = rows.get(0).sentence();
		return (rows.size() == 1) ? first : first + " (and " + (rows.size() - 1) + " more)";
	}

	/**
	 * What is wrong with one row: {@code row} names it as the operator finds it in the
	 * upload.
	 */
	public record RowError(String row, String field, String message) {

		String sentence() {
			return this.row.isEmpty() ? this.message
					: this.row + ": " + (this.field.isEmpty() ? "" : this.field + " ") + this.message;
		}

		FieldError fieldError() {
			String name = this.field.isEmpty() ? this.row
					: (this.row.isEmpty() ? this.field : this.row + "." + this.field);
			return new FieldError(name.isEmpty() ? "body" : name, this.message);
		}

	}

}
