package org.accessdesk.registry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/**
 * Column values as the registry's records hold them: the row mappings' shared helpers.
 */
final class Columns {

	private Columns() {
	}

	/** A text array (an absent one is empty). */
	static List<String> list(Readable row, String column) {
		String[] values = row.get(column, String[].class);
		return (values == null) ? List.of() : List.of(values);
	}

	static Instant instant(Readable row, String column) {
		return row.get(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant instantOrNull(Readable row, String column) {
		OffsetDateTime time = row.get(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	static boolean isTrue(Readable row, String column) {
		return Boolean.TRUE.equals(row.get(column, Boolean.class));
	}

}
