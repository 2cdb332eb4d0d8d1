package org.accessdesk.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads registry data (SPEC §3): idempotent upsert, all or nothing, at any size.
 *
 * <p>
 * An upload is read as a stream on {@code boundedElastic} (only a few batches of rows are
 * in memory, whatever its size), each row validated as it is read, and written in batches
 * of multi-row inserts into staging tables keyed by the import. Then the references only
 * the database can check (a Bill-to ID or contract that exists neither in the upload nor
 * already) are checked there, and only if every row is good does one short transaction
 * merge the staged rows into the registry with a few set-based statements. A bad row
 * fails the import naming it (up to {@code accessdesk.registry.max-import-errors} of
 * them), and nothing is written. Companies named in other lists are created when missing.
 * Repeated keys within one upload: the last row wins.
 *
 * <p>
 * Nothing here holds anyone else up: staging is the import's own, the merge takes
 * registry rows that only imports write (merges run one at a time, under an advisory
 * lock), readers of the registry see the old rows until it commits, and live status never
 * waits for other transactions (docs/ARCHITECTURE.md).
 *
 * <p>
 * This is the door in: the upload's format and reader, the job that follows it, and how
 * its end is recorded. {@link ImportRun} does the work, {@link ImportStaging} and
 * {@link RegistryMerge} hold its statements.
 */
@Component
public class RegistryImport {

	private static final Log logger = LogFactory.getLog(RegistryImport.class);

	private final JsonMapper json;

	private final ImportJobs jobs;

	private final ImportRun runs;

	private final RegistryProperties properties;

	RegistryImport(JsonMapper json, ImportJobs jobs, ImportRun runs, RegistryProperties properties) {
		this.json = json;
		this.jobs = jobs;
		this.runs = runs;
		this.properties = properties;
	}

	/** An upload in the JSON form of SPEC §3, imported while the caller waits. */
	public Mono<ImportSummary> importJson(byte[] body) {
		return importNow(ImportFormat.JSON, null, body, "system");
	}

	/**
	 * An upload imported while the caller waits: the summary, or {@link ImportRejected}
	 * naming the bad rows (nothing written). Its job row lasts only while it runs.
	 */
	public Mono<ImportSummary> importNow(ImportFormat format, @Nullable String list, byte[] body, String operator) {
		return Mono.defer(() -> {
			checkList(format, list);
			UUID id = UUID.randomUUID();
			ImportReading reading = new ImportReading(this.properties.maxImportErrors());
			return this.jobs.begin(id, operator, format, list, body.length, false)
				.then(this.runs.run(id, () -> reader(format, list, new ByteArrayInputStream(body)), names(format),
						reading))
				.onErrorResume((ex) -> this.jobs.forget(id).then(Mono.error(ex)))
				.flatMap((summary) -> this.jobs.forget(id).thenReturn(summary))
				// A caller that went away: its job row goes too.
				.doOnCancel(() -> this.jobs.forget(id).subscribe());
		});
	}

	/**
	 * An upload stored in {@code file} (which this takes over and deletes), imported in
	 * the background: answers the job at once; {@link #job(UUID)} follows it.
	 */
	public Mono<ImportJob> importInBackground(ImportFormat format, @Nullable String list, Path file, long bytes,
			String operator) {
		return Mono.defer(() -> {
			checkList(format, list);
			UUID id = UUID.randomUUID();
			ImportReading reading = new ImportReading(this.properties.maxImportErrors());
			Mono<Void> work = this.runs
				.run(id, () -> reader(format, list, Files.newInputStream(file)), names(format), reading)
				.flatMap((summary) -> this.jobs.succeeded(id, reading.read(), summary))
				.onErrorResume((ex) -> this.jobs.failed(id, reading.read(), errorsOf(id, ex)))
				.onErrorResume((ex) -> {
					logger.error("Registry import " + id + " could not be recorded as ended", ex);
					return Mono.empty();
				})
				.doFinally((signal) -> delete(file));
			return this.jobs.begin(id, operator, format, list, bytes, true)
				.doOnSuccess((started) -> work.subscribe())
				.doOnError((ex) -> delete(file))
				.then(this.jobs.find(id));
		});
	}

	/**
	 * An import answered 202, any operator's (imports are the operators' shared work).
	 */
	public Mono<ImportJob> job(UUID id) {
		return this.jobs.find(id);
	}

	/** A CSV upload names its list: refused before anything is read otherwise. */
	public static void checkList(ImportFormat format, @Nullable String list) {
		if (format == ImportFormat.CSV) {
			RegistryCsv.checkList(list);
		}
	}

	private ImportReader reader(ImportFormat format, @Nullable String list, InputStream in) {
		if (format == ImportFormat.JSON) {
			return new RegistryJson(this.json, in);
		}
		return new RegistryCsv(list, new InputStreamReader(in, StandardCharsets.UTF_8));
	}

	private static ImportRows.RowNames names(ImportFormat format) {
		return (format == ImportFormat.JSON) ? ImportRows.RowNames.JSON : ImportRows.RowNames.CSV;
	}

	private static List<ImportRejected.RowError> errorsOf(UUID id, Throwable failure) {
		if (failure instanceof ImportRejected rejected) {
			return rejected.rows();
		}
		if (failure instanceof org.accessdesk.web.DomainError error) {
			return List.of(new ImportRejected.RowError("", "", error.getMessage()));
		}
		logger.error("Registry import " + id + " failed", failure);
		return List.of(new ImportRejected.RowError("", "",
				"The import failed on our side and was rolled back; nothing was written. It has been logged."));
	}

	private static void delete(Path file) {
		Schedulers.boundedElastic().schedule(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the upload " + file, ex);
			}
		});
	}

}
