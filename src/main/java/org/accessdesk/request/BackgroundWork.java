package org.accessdesk.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accessdesk.web.DomainError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs background work one item at a time, so that an item that fails cannot poison the
 * others (issue 13): each item is worked on its own; a failure is recorded in
 * {@code background_failure} (attempts, last error, next attempt after a doubling backoff
 * of {@value #FIRST_BACKOFF_SECONDS} s up to an hour) and the item is left out of its job
 * until then, while the items behind it go ahead. A later success deletes the record. A
 * conflict (someone else moved the item first) is not a failure: the work is done. The
 * backoff is the database's time, not the service's clock: it paces the retries of failed
 * work and is no date of the domain.
 * <p>
 * Meters: {@code accessdesk.background.failures{job}} counts failed attempts,
 * {@code accessdesk.background.failing{job}} the items waiting to be tried again.
 */
@Component
public class BackgroundWork {

	private static final Log logger = LogFactory.getLog(BackgroundWork.class);

	static final long FIRST_BACKOFF_SECONDS = 30;

	static final long MAX_BACKOFF_SECONDS = 3600;

	private final DatabaseClient db;

	private final MeterRegistry meters;

	private final Map<String, Counter> failures = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> failing = new ConcurrentHashMap<>();

	BackgroundWork(DatabaseClient db, MeterRegistry meters) {
		this.db = db;
		this.meters = meters;
	}

	/**
	 * Works on the due items of a job, one after the other, each on its own; answers how
	 * many were done. {@code due} receives the items to leave out (those waiting after a
	 * failure) and answers the items to work on.
	 */
	public Mono<Long> run(String job, Function<List<ItemId>, Flux<ItemId>> due, Function<ItemId, Mono<Boolean>> work) {
		return backingOff(job).flatMapMany(due)
			.concatMap((item) -> attempt(job, item, work))
			.filter(Boolean::booleanValue)
			.count()
			.flatMap((done) -> countFailing(job).thenReturn(done));
	}

	private Mono<Boolean> attempt(String job, ItemId item, Function<ItemId, Mono<Boolean>> work) {
		return Mono.defer(() -> work.apply(item))
			.defaultIfEmpty(false)
			.flatMap((done) -> forget(job, item).thenReturn(done))
			.onErrorResume((failure) -> isConflict(failure) ? forget(job, item).thenReturn(false)
					: record(job, item, failure).thenReturn(false));
	}

	private static boolean isConflict(Throwable failure) {
		return failure instanceof DomainError error && error.kind() == DomainError.Kind.CONFLICT;
	}

	/** Items of the job that failed and wait for their next attempt. */
	private Mono<List<ItemId>> backingOff(String job) {
		return this.db.sql("""
				SELECT item_id FROM background_failure WHERE job = :job AND next_attempt_at > now()""")
			.bind("job", job)
			.map((row) -> ItemId.of(row.get("item_id", UUID.class)))
			.all()
			.collectList();
	}

	private Mono<Void> forget(String job, ItemId item) {
		return this.db.sql("DELETE FROM background_failure WHERE job = :job AND item_id = :item")
			.bind("job", job)
			.bind("item", item.value())
			.fetch()
			.rowsUpdated()
			.then();
	}

	private Mono<Void> record(String job, ItemId item, Throwable failure) {
		String error = describe(failure);
		logger.warn("Background job " + job + " failed for item " + item + "; it is tried again later", failure);
		counter(job).increment();
		return this.db.sql("""
				INSERT INTO background_failure AS f (job, item_id, attempts, last_error, first_failed_at,
				    last_failed_at, next_attempt_at)
				VALUES (:job, :item, 1, :error, now(), now(), now() + make_interval(secs => :first))
				ON CONFLICT (job, item_id) DO UPDATE SET attempts = f.attempts + 1, last_error = EXCLUDED.last_error,
				    last_failed_at = now(),
				    next_attempt_at = now() + make_interval(secs => least(:max, :first * power(2, f.attempts)))""")
			.bind("job", job)
			.bind("item", item.value())
			.bind("error", error)
			.bind("first", (double) FIRST_BACKOFF_SECONDS)
			.bind("max", (double) MAX_BACKOFF_SECONDS)
			.fetch()
			.rowsUpdated()
			.then()
			.onErrorResume((unrecorded) -> {
				logger.warn("Recording the failure of " + job + " for item " + item + " failed too", unrecorded);
				return Mono.empty();
			});
	}

	private Mono<Void> countFailing(String job) {
		return this.db.sql("SELECT count(*) AS n FROM background_failure WHERE job = :job")
			.bind("job", job)
			.map((row) -> row.get("n", Long.class))
			.one()
			.doOnNext((count) -> gauge(job).set(count))
			.then();
	}

	/** What an operator sees of background work that failed (GET /api/ops/background). */
	public Flux<Failure> failures() {
		return this.db.sql("""
				SELECT job, item_id, attempts, last_error, first_failed_at, last_failed_at, next_attempt_at
				FROM background_failure ORDER BY last_failed_at DESC LIMIT 200""")
			.map((row) -> new Failure(row.get("job", String.class), ItemId.of(row.get("item_id", UUID.class)),
					row.get("attempts", Integer.class), row.get("last_error", String.class),
					Timestamps.instant(row, "first_failed_at"), Timestamps.instant(row, "last_failed_at"),
					Timestamps.instant(row, "next_attempt_at")))
			.all();
	}

	private Counter counter(String job) {
		return this.failures.computeIfAbsent(job,
				(name) -> Counter.builder("accessdesk.background.failures")
					.tag("job", name)
					.description("Attempts of background work that failed for an item (it is tried again later)")
					.register(this.meters));
	}

	private AtomicLong gauge(String job) {
		return this.failing.computeIfAbsent(job, (name) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("accessdesk.background.failing", value, AtomicLong::get)
				.tag("job", name)
				.description("Items whose background work failed and waits to be tried again")
				.register(this.meters);
			return value;
		});
	}

	/**
	 * What went wrong, for an operator: the failure's kind and its innermost message (a
	 * data access failure's own message repeats the whole statement, which would push the
	 * database's reason past the stored length; the log has the whole stack).
	 */
	private static String describe(Throwable failure) {
		String message = failure.getClass().getSimpleName() + ": "
				+ NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
		return (message.length() <= 1000) ? message : message.substring(0, 1000) + "…";
	}

	/** One item whose background work failed. */
	public record Failure(String job, ItemId itemId, int attempts, String lastError, Instant firstFailedAt,
			Instant lastFailedAt, Instant nextAttemptAt) {
	}

}
