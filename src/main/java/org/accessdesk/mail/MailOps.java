package org.accessdesk.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What the operator sees of system mail (SPEC §7, {@code GET /api/ops/mail}): how many
 * rows are in each state, how old the oldest waiting one is, what is being retried and
 * why, the latest failures with their errors — and a way to send FAILED rows again once
 * the cause is fixed.
 */
@Component
public class MailOps {

	static final int RECENT_FAILURES = 20;

	private final DatabaseClient db;

	private final MailWakeUps wakeUps;

	MailOps(DatabaseClient db, MailWakeUps wakeUps) {
		this.db = db;
		this.wakeUps = wakeUps;
	}

	public Mono<MailState> state() {
		Mono<Map<String, Long>> counts = this.db
			.sql("SELECT s.state, count(m.id) AS n FROM unnest(ARRAY['PENDING', 'SENDING', 'SENT', 'FAILED'])"
					+ " WITH ORDINALITY AS s(state, ord) LEFT JOIN mail_outbox m ON m.state = s.state"
					+ " GROUP BY s.state, s.ord ORDER BY s.ord")
			.map((row) -> Map.entry(row.get("state", String.class), row.get("n", Long.class)))
			.all()
			.collectList()
			.map((entries) -> {
				Map<String, Long> byState = new LinkedHashMap<>();
				entries.forEach((entry) -> byState.put(entry.getKey(), entry.getValue()));
				return byState;
			});
		Mono<Oldest> oldest = this.db
			.sql("SELECT min(created_at) AS created_at, min(next_attempt_at) AS next_attempt_at FROM mail_outbox"
					+ " WHERE state IN ('PENDING', 'SENDING')")
			.map((row) -> new Oldest(instant(row.get("created_at", OffsetDateTime.class)),
					instant(row.get("next_attempt_at", OffsetDateTime.class))))
			.one();
		Mono<List<Failure>> failures = this.db
			.sql("SELECT id, kind, recipient, attempts, last_error, created_at, failed_at FROM mail_outbox"
					+ " WHERE state = 'FAILED' ORDER BY failed_at DESC, id DESC LIMIT :limit")
			.bind("limit", RECENT_FAILURES)
			.map((row) -> new Failure(row.get("id", Long.class), row.get("kind", String.class),
					row.get("recipient", String.class), row.get("attempts", Integer.class),
					row.get("last_error", String.class), instant(row.get("created_at", OffsetDateTime.class)),
					instant(row.get("failed_at", OffsetDateTime.class))))
			.all()
			.collectList();
		Mono<List<Retrying>> retrying = this.db
			.sql("SELECT id, kind, recipient, attempts, last_error, next_attempt_at FROM mail_outbox"
					+ " WHERE state = 'PENDING' AND attempts > 0 ORDER BY next_attempt_at, id LIMIT :limit")
			.bind("limit", RECENT_FAILURES)
			.map((row) -> new Retrying(row.get("id", Long.class), row.get("kind", String.class),
					row.get("recipient", String.class), row.get("attempts", Integer.class),
					row.get("last_error", String.class), instant(row.get("next_attempt_at", OffsetDateTime.class))))
			.all()
			.collectList();
		return Mono.zip(counts, oldest, failures, retrying)
			.map((all) -> new MailState(all.getT1(), all.getT2().createdAt(), all.getT2().nextAttemptAt(), all.getT4(),
					all.getT3()));
	}

	/**
	 * Makes FAILED rows due again with fresh attempts: one ({@code id}) or all of them.
	 * Answers how many.
	 */
	public Mono<Long> retryFailed(@Nullable Long id) {
		return this.db
			.sql("UPDATE mail_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = now(), failed_at = NULL"
					+ " WHERE state = 'FAILED' AND (CAST(:id AS bigint) IS NULL OR id = :id)")
			.bind("id", Parameter.fromOrEmpty(id, Long.class))
			.fetch()
			.rowsUpdated()
			.doOnNext((count) -> {
				if (count > 0) {
					this.wakeUps.ring();
				}
			});
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time == null) ? null : time.toInstant();
	}

	private record Oldest(@Nullable Instant createdAt, @Nullable Instant nextAttemptAt) {
	}

	/**
	 * The outbox at a glance.
	 *
	 * @param counts rows by state: PENDING, SENDING, SENT, FAILED
	 * @param oldestPending when the oldest mail still waiting was written
	 * @param nextAttempt when the next waiting mail is due
	 * @param retrying waiting mail that has failed before, with its last error, next due
	 * first (SMTP down shows here long before anything is FAILED)
	 * @param recentFailures the latest FAILED rows, newest first
	 */
	public record MailState(Map<String, Long> counts, @Nullable Instant oldestPending, @Nullable Instant nextAttempt,
			List<Retrying> retrying, List<Failure> recentFailures) {
	}

	/** A mail that failed and will be tried again. */
	public record Retrying(long id, String kind, String recipient, int attempts, @Nullable String error,
			@Nullable Instant nextAttemptAt) {
	}

	/** A mail given up on, and why. */
	public record Failure(long id, String kind, String recipient, int attempts, @Nullable String error,
			@Nullable Instant createdAt, @Nullable Instant failedAt) {
	}

}
