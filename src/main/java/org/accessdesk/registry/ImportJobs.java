package org.accessdesk.registry;

import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The registry_import_job table: what an import is doing, for the operator who follows
 * it, and the sweep that ends imports whose instance died (a RUNNING import nobody
 * touched for {@code accessdesk.registry.import-stale-after} becomes FAILED; its staging
 * rows go).
 */
@Component
class ImportJobs {

	private static final Log logger = LogFactory.getLog(ImportJobs.class);

	private static final String BEGIN = """
			INSERT INTO registry_import_job (id, operator, format, list, bytes, background, state, phase, started_at,
			    heartbeat_at)
			VALUES (:id, :operator, :format, :list, :bytes, :background, 'RUNNING', 'READING', now(), now())
			""";

	private static final String PROGRESS = """
			UPDATE registry_import_job SET phase = :phase, rows_read = :read, heartbeat_at = now()
			WHERE id = :id AND state = 'RUNNING'
			""";

	private static final String HEARTBEAT = """
			UPDATE registry_import_job SET heartbeat_at = now() WHERE id = :id AND state = 'RUNNING'
			""";

	private static final String SUCCEEDED = """
			UPDATE registry_import_job SET state = 'SUCCEEDED', phase = 'DONE', rows_read = :read,
			    rows_written = :written, summary = CAST(:summary AS jsonb), finished_at = now()
			WHERE id = :id
			""";

	private static final String FAILED = """
			UPDATE registry_import_job SET state = 'FAILED', phase = 'DONE', rows_read = :read, rows_written = 0,
			    errors = CAST(:errors AS jsonb), finished_at = now()
			WHERE id = :id
			""";

	private static final String FORGET = """
			DELETE FROM registry_import_job WHERE id = :id
			""";

	private static final String FIND = """
			SELECT id, operator, format, list, bytes, state, phase, rows_read, rows_written, summary::text AS summary,
			    errors::text AS errors, started_at, finished_at
			FROM registry_import_job WHERE id = :id AND background
			""";

	private static final String FAIL_STALE = """
			UPDATE registry_import_job SET state = 'FAILED', phase = 'DONE', rows_written = 0,
			    errors = CAST(:errors AS jsonb), finished_at = now()
			WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :seconds)
			""";

	private static final String FORGET_ENDED = """
			DELETE FROM registry_import_job WHERE NOT background AND state <> 'RUNNING'
			""";

	private final DatabaseClient db;

	private final JsonMapper json;

	private final ImportStaging staging;

	private final RegistryProperties properties;

	ImportJobs(DatabaseClient db, JsonMapper json, ImportStaging staging, RegistryProperties properties) {
		this.db = db;
		this.json = json;
		this.staging = staging;
		this.properties = properties;
	}

	Mono<Void> begin(UUID id, String operator, ImportFormat format, @Nullable String list, long bytes,
			boolean background) {
		return this.db.sql(BEGIN)
			.bind("id", id)
			.bind("operator", operator)
			.bind("format", format.name())
			.bind("list", Parameter.fromOrEmpty(list, String.class))
			.bind("bytes", bytes)
			.bind("background", background)
			.then();
	}

	/** Rows read so far; also shows the import is alive. */
	Mono<Void> progress(UUID id, ImportJob.Phase phase, long rowsRead) {
		return this.db.sql(PROGRESS).bind("id", id).bind("phase", phase.name()).bind("read", rowsRead).then();
	}

	Mono<Void> heartbeat(UUID id) {
		return this.db.sql(HEARTBEAT).bind("id", id).then();
	}

	Mono<Void> succeeded(UUID id, long rowsRead, ImportSummary summary) {
		return this.db.sql(SUCCEEDED)
			.bind("id", id)
			.bind("read", rowsRead)
			.bind("written", summary.written())
			.bind("summary", this.json.writeValueAsString(summary))
			.then();
	}

	Mono<Void> failed(UUID id, long rowsRead, List<ImportRejected.RowError> errors) {
		return this.db.sql(FAILED)
			.bind("id", id)
			.bind("read", rowsRead)
			.bind("errors", this.json.writeValueAsString(errors))
			.then();
	}

	/** An import answered at once leaves no row behind: its answer said everything. */
	Mono<Void> forget(UUID id) {
		return this.db.sql(FORGET).bind("id", id).then();
	}

	Mono<ImportJob> find(UUID id) {
		return this.db.sql(FIND).bind("id", id).map(this::job).one();
	}

	/**
	 * Imports whose instance stopped (killed, crashed, cut off from the database) would
	 * stay RUNNING for ever: every instance looks now and then, at start-up first. The
	 * staging rows of imports that no longer run are deleted with them.
	 */
	// The interval comes from the bound properties, so their defaults are the only ones.
	@Scheduled(
			fixedDelayString = "#{@'accessdesk.registry-org.accessdesk.registry.RegistryProperties'.importSweepInterval()}",
			initialDelayString = "0s")
	Mono<Long> sweep() {
		String stale = this.json.writeValueAsString(List.of(new ImportRejected.RowError("", "",
				"The instance running this import stopped before it ended; nothing was written. Upload it again.")));
		Mono<Long> failed = this.db.sql(FAIL_STALE)
			.bind("errors", stale)
			.bind("seconds", (double) this.properties.importStaleAfter().toMillis() / 1000)
			.fetch()
			.rowsUpdated();
		Mono<Long> forgotten = this.db.sql(FORGET_ENDED).fetch().rowsUpdated();
		return failed.flatMap((count) -> forgotten.then(this.staging.unstageAbandoned()).thenReturn(count))
			.doOnNext((count) -> {
				if (count > 0) {
					logger.warn(count + " registry import(s) marked FAILED: their instance stopped");
				}
			})
			.onErrorResume((ex) -> {
				logger.warn("Looking for registry imports whose instance stopped failed; the next run tries again", ex);
				return Mono.just(0L);
			});
	}

	private ImportJob job(Readable row) {
		String summary = row.get("summary", String.class);
		String errors = row.get("errors", String.class);
		return new ImportJob(row.get("id", UUID.class), ImportJob.State.valueOf(row.get("state", String.class)),
				ImportJob.Phase.valueOf(row.get("phase", String.class)),
				ImportFormat.valueOf(row.get("format", String.class)), row.get("list", String.class),
				row.get("bytes", Long.class), row.get("rows_read", Long.class), row.get("rows_written", Long.class),
				(summary != null) ? this.json.readValue(summary, ImportSummary.class) : null,
				(errors != null) ? List.of(this.json.readValue(errors, ImportRejected.RowError[].class)) : List.of(),
				row.get("operator", String.class), Columns.instantOrNull(row, "started_at"),
				Columns.instantOrNull(row, "finished_at"));
	}

}
