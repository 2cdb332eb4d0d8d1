package org.accessdesk.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * What the reader of one upload found: rows read, and the bad ones. After the first bad
 * row nothing more is staged, but reading goes on to name more of them (up to
 * {@code accessdesk.registry.max-import-errors}).
 */
final class ImportReading {

	private final int maxErrors;

	private final AtomicLong read = new AtomicLong();

	private final List<ImportRejected> errors = new CopyOnWriteArrayList<>();

	ImportReading(int maxErrors) {
		this.maxErrors = Math.max(1, maxErrors);
	}

	/** The next good row to stage, if any: one step of a generated stream of rows. */
	void step(ImportReader reader, SynchronousSink<ImportRows.Row> sink) {
		while (true) {
			ImportRows.Row row;
			try {
				row = reader.next();
			}
			catch (ImportRejected ex) {
				this.read.incrementAndGet();
				this.errors.add(ex);
				if (this.errors.size() >= this.maxErrors) {
					sink.complete();
					return;
				}
				continue;
			}
			catch (IOException ex) {
				sink.error(new UncheckedIOException(ex));
				return;
			}
			if (row == null) {
				sink.complete();
				return;
			}
			this.read.incrementAndGet();
			if (this.errors.isEmpty()) {
				sink.next(row);
				return;
			}
		}
	}

	long read() {
		return this.read.get();
	}

	/** The bad rows as one rejection, if there were any. */
	Mono<Void> rejection() {
		return this.errors.isEmpty() ? Mono.empty() : Mono.error(ImportRejected.all(this.errors));
	}

}
