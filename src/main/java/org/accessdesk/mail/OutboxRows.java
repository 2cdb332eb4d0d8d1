package org.accessdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.accessdesk.request.StatusListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code mail_outbox} table: every statement on it and its row mapping. A claim takes
 * due rows with {@code FOR UPDATE SKIP LOCKED} (two dispatchers never take the same row)
 * and stamps them with a claim id and a lease; every later change is guarded by that
 * claim id, so a dispatcher whose lease ran out cannot overwrite what the one that took
 * over did.
 */
@Component
class OutboxRows {

	private static final String COLUMNS = "kind, recipient, recipient_name, language, time_zone, facts";

	/**
	 * The rows of {@link #insert}; its bind names are prefixed for the door's statement.
	 */
	private static final String ROWS = """
			SELECT l.kind, COALESCE(CASE WHEN l.account <> '' THEN r.email END, NULLIF(l.address, '')),
			       r.name, COALESCE(r.language, :mail_defaultLanguage), r.time_zone, l.facts::jsonb
			FROM unnest(:mail_kinds::text[], :mail_accounts::text[], :mail_addresses::text[], :mail_facts::text[])
			     AS l(kind, account, address, facts)
			LEFT JOIN LATERAL account_mail_recipient(NULLIF(l.account, '')::uuid, NULLIF(l.address, '')) r ON true
			WHERE COALESCE(CASE WHEN l.account <> '' THEN r.email END, NULLIF(l.address, '')) IS NOT NULL
			""";

	private static final String INSERT = "INSERT INTO mail_outbox (" + COLUMNS + ") " + ROWS.replace(":mail_", ":");

	private final DatabaseClient db;

	OutboxRows(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Writes one row per element of the arrays (an empty account or address means none).
	 * The recipient's email, name, language and time zone come from the account module's
	 * {@code account_mail_recipient} function ({@code V13__time_zone.sql}), not from its
	 * table: a SQL function rather than a Java lookup because the row must be written in
	 * the caller's transaction, in one statement (the door's hot path gets no extra round
	 * trip), with the recipient as it is in that same transaction. A recipient account
	 * that does not exist writes no row.
	 */
	Mono<Long> insert(String defaultLanguage, String[] kinds, String[] accounts, String[] addresses, String[] facts) {
		return this.db.sql(INSERT)
			.bind("defaultLanguage", defaultLanguage)
			.bind("kinds", kinds)
			.bind("accounts", accounts)
			.bind("addresses", addresses)
			.bind("facts", facts)
			.fetch()
			.rowsUpdated();
	}

	/** The same rows, for the door to write in its own statement. */
	StatusListener.Companion companion(String defaultLanguage, String[] kinds, String[] accounts, String[] addresses,
			String[] facts, Runnable afterCommit) {
		return new StatusListener.Companion("mail_outbox", COLUMNS, ROWS,
				Map.of("mail_defaultLanguage", defaultLanguage, "mail_kinds", kinds, "mail_accounts", accounts,
						"mail_addresses", addresses, "mail_facts", facts),
				afterCommit);
	}

	/**
	 * Claims up to {@code batch} due rows for {@code lease}; each claim counts as an
	 * attempt.
	 */
	Flux<OutboxMail> claim(UUID claim, int batch, Duration lease) {
		return this.db.sql("""
				WITH due AS (SELECT id FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= now()
				             ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
				UPDATE mail_outbox m SET state = 'SENDING', claim = :claim, attempts = m.attempts + 1,
				       lease_until = now() + make_interval(secs => :lease)
				FROM due WHERE m.id = due.id
				RETURNING m.id, m.message_key, m.kind, m.recipient, m.recipient_name, m.language, m.time_zone,
				          m.facts::text AS facts, m.attempts
				""")
			.bind("batch", batch)
			.bind("claim", claim)
			.bind("lease", seconds(lease))
			.map(OutboxRows::toMail)
			.all();
	}

	/**
	 * Gives rows back whose lease ran out (their dispatcher died, or hung past the
	 * lease): due again at once, or FAILED when they have used up their attempts.
	 */
	Mono<Long> reclaimExpired(int maxAttempts) {
		return this.db.sql("""
				UPDATE mail_outbox SET claim = NULL, lease_until = NULL,
				       state = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'PENDING' END,
				       failed_at = CASE WHEN attempts >= :max THEN now() END,
				       last_error = COALESCE(last_error, 'The dispatcher that claimed it stopped before finishing')
				WHERE state = 'SENDING' AND lease_until < now()
				""").bind("max", maxAttempts).fetch().rowsUpdated();
	}

	/**
	 * Marks one claimed row SENT. A sent link's secret has done its job: the outbox keeps
	 * no working links ({@link AccountNotice}).
	 */
	Mono<Long> markSent(UUID claim, long id) {
		return this.db.sql("""
				UPDATE mail_outbox SET state = 'SENT', sent_at = now(), claim = NULL, lease_until = NULL,
				       last_error = NULL, facts = facts - 'token'
				WHERE claim = :claim AND id = :id
				""").bind("claim", claim).bind("id", id).fetch().rowsUpdated();
	}

	Mono<Long> retryLater(UUID claim, long id, Duration wait, String error) {
		return this.db.sql("""
				UPDATE mail_outbox SET state = 'PENDING', claim = NULL, lease_until = NULL, last_error = :error,
				       next_attempt_at = now() + make_interval(secs => :wait)
				WHERE claim = :claim AND id = :id
				""")
			.bind("claim", claim)
			.bind("id", id)
			.bind("wait", seconds(wait))
			.bind("error", error)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> fail(UUID claim, long id, String error) {
		return this.db.sql("""
				UPDATE mail_outbox SET state = 'FAILED', failed_at = now(), claim = NULL, lease_until = NULL,
				       last_error = :error
				WHERE claim = :claim AND id = :id
				""").bind("claim", claim).bind("id", id).bind("error", error).fetch().rowsUpdated();
	}

	/**
	 * Makes FAILED rows due again with fresh attempts: one ({@code id}) or all of them.
	 */
	Mono<Long> retryFailed(@Nullable Long id) {
		return this.db.sql("""
				UPDATE mail_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = now(), failed_at = NULL
				WHERE state = 'FAILED' AND (CAST(:id AS bigint) IS NULL OR id = :id)
				""").bind("id", Parameter.fromOrEmpty(id, Long.class)).fetch().rowsUpdated();
	}

	/** Deletes up to {@code batch} rows SENT longer than {@code keep} ago. */
	Mono<Long> deleteSent(Duration keep, int batch) {
		return this.db.sql("""
				DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox WHERE state = 'SENT'
				                                     AND sent_at < now() - make_interval(secs => :seconds) LIMIT :batch)
				""").bind("seconds", (double) keep.toSeconds()).bind("batch", batch).fetch().rowsUpdated();
	}

	/** How much waits to be sent: PENDING and SENDING rows. */
	Mono<Long> backlog() {
		return this.db.sql("""
				SELECT (SELECT count(*) FROM mail_outbox WHERE state = 'PENDING')
				     + (SELECT count(*) FROM mail_outbox WHERE state = 'SENDING') AS backlog
				""").map((row) -> row.get("backlog", Long.class)).one();
	}

	/** Rows by state, every state listed (in lifecycle order), zero included. */
	Flux<Map.Entry<String, Long>> countsByState() {
		return this.db.sql("""
				SELECT s.state, count(m.id) AS n
				FROM unnest(ARRAY['PENDING', 'SENDING', 'SENT', 'FAILED']) WITH ORDINALITY AS s(state, ord)
				LEFT JOIN mail_outbox m ON m.state = s.state
				GROUP BY s.state, s.ord ORDER BY s.ord
				""").map((row) -> Map.entry(row.get("state", String.class), row.get("n", Long.class))).all();
	}

	Mono<Waiting> waiting() {
		return this.db.sql("""
				SELECT min(created_at) AS created_at, min(next_attempt_at) AS next_attempt_at FROM mail_outbox
				WHERE state IN ('PENDING', 'SENDING')
				""").map((row) -> new Waiting(instant(row, "created_at"), instant(row, "next_attempt_at"))).one();
	}

	/** The latest FAILED rows, newest first. */
	Mono<List<MailOps.Failure>> recentFailures(int limit) {
		return this.db.sql("""
				SELECT id, kind, recipient, attempts, last_error, created_at, failed_at FROM mail_outbox
				WHERE state = 'FAILED' ORDER BY failed_at DESC, id DESC LIMIT :limit
				""").bind("limit", limit).map(OutboxRows::toFailure).all().collectList();
	}

	/** PENDING rows that failed before, next due first. */
	Mono<List<MailOps.Retrying>> retrying(int limit) {
		return this.db.sql("""
				SELECT id, kind, recipient, attempts, last_error, next_attempt_at FROM mail_outbox
				WHERE state = 'PENDING' AND attempts > 0 ORDER BY next_attempt_at, id LIMIT :limit
				""").bind("limit", limit).map(OutboxRows::toRetrying).all().collectList();
	}

	private static OutboxMail toMail(Readable row) {
		return new OutboxMail(row.get("id", Long.class), row.get("message_key", UUID.class),
				MailKind.valueOf(row.get("kind", String.class)), row.get("recipient", String.class),
				row.get("recipient_name", String.class), row.get("language", String.class),
				row.get("time_zone", String.class), row.get("facts", String.class), row.get("attempts", Integer.class));
	}

	private static MailOps.Failure toFailure(Readable row) {
		return new MailOps.Failure(row.get("id", Long.class), row.get("kind", String.class),
				row.get("recipient", String.class), row.get("attempts", Integer.class),
				row.get("last_error", String.class), instant(row, "created_at"), instant(row, "failed_at"));
	}

	private static MailOps.Retrying toRetrying(Readable row) {
		return new MailOps.Retrying(row.get("id", Long.class), row.get("kind", String.class),
				row.get("recipient", String.class), row.get("attempts", Integer.class),
				row.get("last_error", String.class), instant(row, "next_attempt_at"));
	}

	private static double seconds(Duration duration) {
		return (double) duration.toMillis() / 1000;
	}

	private static @Nullable Instant instant(Readable row, String column) {
		OffsetDateTime time = row.get(column, OffsetDateTime.class);
		return (time == null) ? null : time.toInstant();
	}

	/** The mail still waiting: when the oldest was written, when the next is due. */
	record Waiting(@Nullable Instant oldestCreatedAt, @Nullable Instant nextAttemptAt) {
	}

}
