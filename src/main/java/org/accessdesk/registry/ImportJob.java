package org.accessdesk.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registry import as the operator follows it ({@code GET /api/registry/imports/{id}}):
 * RUNNING (phase READING, CHECKING, MERGING), then SUCCEEDED with the summary, or FAILED
 * with the rows at fault and nothing written.
 *
 * @param rowsRead rows read from the upload so far (good and bad)
 * @param rowsWritten registry rows inserted or changed (known at the end)
 */
public record ImportJob(UUID id, State state, Phase phase, ImportFormat format, @Nullable String list, long bytes,
		long rowsRead, long rowsWritten, @Nullable ImportSummary summary, List<ImportRejected.RowError> errors,
		String operator, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

	public ImportJob {
		errors = List.copyOf(errors);
	}

	public enum State {

		RUNNING, SUCCEEDED, FAILED

	}

	public enum Phase {

		READING, CHECKING, MERGING, DONE

	}

}
