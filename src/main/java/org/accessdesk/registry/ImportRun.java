package org.accessdesk.registry;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One import from its upload to the registry: read and stage, check, merge. The upload is
 * read as a stream on {@code boundedElastic} (only a few batches of rows are in memory,
 * whatever its size) and staged in batches; the job's phase and rows read are recorded as
 * it goes, a heartbeat shows it is alive, and the staging rows are deleted however it
 * ends.
 */
@Component
class ImportRun {

	private static final Log logger = LogFactory.getLog(ImportRun.class);

	private final ImportStaging staging;

	private final RegistryMerge merge;

	private final ImportJobs jobs;

	private final RegistryProperties properties;

	ImportRun(ImportStaging staging, RegistryMerge merge, ImportJobs jobs, RegistryProperties properties) {
		this.staging = staging;
		this.merge = merge;
		this.jobs = jobs;
		this.properties = properties;
	}

	/**
	 * The summary, or {@link ImportRejected} naming the bad rows (nothing written).
	 * {@code reading} counts the rows as they are read.
	 */
	Mono<ImportSummary> run(UUID job, Callable<ImportReader> open, ImportRows.RowNames names, ImportReading reading) {
		Flux<ImportRows.Row> rows = Flux
			.using(open, (reader) -> Flux.<ImportRows.Row>generate((sink) -> reading.step(reader, sink)),
					ImportRun::close)
			.subscribeOn(Schedulers.boundedElastic());
		Mono<ImportSummary> work = rows.buffer(this.properties.importBatchSize())
			.concatMap((batch) -> this.staging.stage(job, batch)
				.then(Mono.defer(() -> this.jobs.progress(job, ImportJob.Phase.READING, reading.read()))), 1)
			.then(Mono.defer(reading::rejection))
			.then(Mono.defer(() -> this.jobs.progress(job, ImportJob.Phase.CHECKING, reading.read())))
			.then(this.staging.checkReferences(job, names, this.properties.maxImportErrors()))
			.then(Mono.defer(() -> this.jobs.progress(job, ImportJob.Phase.MERGING, reading.read())))
			.then(this.merge.merge(job));
		return Mono.usingWhen(Mono.fromSupplier(() -> heartbeat(job)), (beat) -> work, (beat) -> end(job, beat),
				(beat, ex) -> end(job, beat), (beat) -> end(job, beat));
	}

	private Disposable heartbeat(UUID job) {
		return Flux.interval(this.properties.importHeartbeat())
			.concatMap((tick) -> this.jobs.heartbeat(job).onErrorResume((ex) -> Mono.empty()))
			.subscribe();
	}

	private Mono<Void> end(UUID job, Disposable heartbeat) {
		heartbeat.dispose();
		return this.staging.unstage(job);
	}

	private static void close(ImportReader reader) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			logger.debug("Closing an upload failed", ex);
		}
	}

}
