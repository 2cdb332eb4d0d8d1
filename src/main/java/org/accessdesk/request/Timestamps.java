package org.accessdesk.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.Parameter;

/**
 * Between the module's {@code timestamptz} columns and {@link Instant}s, written once.
 * The driver reads and binds {@link OffsetDateTime}; the domain speaks {@code Instant},
 * in UTC.
 */
final class Timestamps {

	private Timestamps() {
	}

	/** A column that is never null. */
	static Instant instant(Readable row, String column) {
		OffsetDateTime time = row.get(column, OffsetDateTime.class);
		if (time == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return time.toInstant();
	}

	static @Nullable Instant instantOrNull(Readable row, String column) {
		OffsetDateTime time = row.get(column, OffsetDateTime.class);
		return (time == null) ? null : time.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A value to bind, typed even when there is none. */
	static Parameter utcOrEmpty(@Nullable Instant instant) {
		return Parameter.fromOrEmpty((instant == null) ? null : utc(instant), OffsetDateTime.class);
	}

}
