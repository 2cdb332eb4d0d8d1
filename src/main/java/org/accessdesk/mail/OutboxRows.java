package org.accessdesk.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dispatcher's side of the outbox. A claim takes due rows with
 * {@code FOR UPDATE SKIP LOCKED} (two dispatchers never take the same row) and stamps
 * them with a claim id and a lease; every later change is guarded by that claim id, so a
 * dispatcher whose lease ran out cannot overwrite what the one that took over did.
 */
@Component
class OutboxRows {

	private final DatabaseClient db;

	OutboxRows(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Claims up to {@code batch} due rows for {@code lease}; each claim counts as an
	 * attempt.
	 */
	Flux<OutboxMail> claim(UUID claim, int batch, Duration lease) {
		return this.db
			.sql("WITH due AS (SELECT id FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= now()"
					+ " ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)"
					+ " UPDATE mail_outbox m SET state = 'SENDING', claim = :claim, attempts = m.attempts + 1,"
					+ " lease_until = now() + make_interval(secs => :lease) FROM due WHERE m.id = due.id"
					+ " RETURNING m.id, m.message_key, m.kind, m.recipient, m.recipient_name, m.language,"
					+ " m.facts::text AS facts, m.attempts")
			.bind("batch", batch)
			.bind("claim", claim)
			.bind("lease", (double) lease.toMillis() / 1000)
			.map(OutboxRows::mail)
			.all();
	}

	/**
	 * Gives rows back whose lease ran out (their dispatcher died, or hung past the
	 * lease): due again at once, or FAILED when they have used up their attempts.
	 */
	Mono<Long> reclaimExpired(int maxAttempts) {
		return this.db
			.sql("UPDATE mail_outbox SET claim = NULL, lease_until = NULL,"
					+ " state = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'PENDING' END,"
					+ " failed_at = CASE WHEN attempts >= :max THEN now() END,"
					+ " last_error = COALESCE(last_error, 'The dispatcher that claimed it stopped before finishing')"
					+ " WHERE state = 'SENDING' AND lease_until < now()")
			.bind("max", maxAttempts)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> markSent(UUID claim, List<Long> ids) {
		if (ids.isEmpty()) {
			return Mono.just(0L);
		}
		return this.db
			// A sent link's secret has done its job: the
			// outbox keeps no working links (AccountNotice).
			.sql("UPDATE mail_outbox SET state = 'SENT', sent_at = now(), claim = NULL, lease_until = NULL,"
					+ " last_error = NULL, facts = facts - 'token' WHERE claim = :claim AND id = ANY(:ids)")
			.bind("claim", claim)
			.bind("ids", ids.toArray(Long[]::new))
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> retryLater(UUID claim, long id, Duration wait, String error) {
		return this.db
			.sql("UPDATE mail_outbox SET state = 'PENDING', claim = NULL, lease_until = NULL, last_error = :error,"
					+ " next_attempt_at = now() + make_interval(secs => :wait) WHERE claim = :claim AND id = :id")
			.bind("claim", claim)
			.bind("id", id)
			.bind("wait", (double) wait.toMillis() / 1000)
			.bind("error", error)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> fail(UUID claim, long id, String error) {
		return this.db
			.sql("UPDATE mail_outbox SET state = 'FAILED', failed_at = now(), claim = NULL, lease_until = NULL,"
					+ " last_error = :error WHERE claim = :claim AND id = :id")
			.bind("claim", claim)
			.bind("id", id)
			.bind("error", error)
			.fetch()
			.rowsUpdated();
	}

	/** How much waits to be sent: PENDING and SENDING rows. */
	Mono<Long> backlog() {
		return this.db
			.sql("SELECT (SELECT count(*) FROM mail_outbox WHERE state = 'PENDING')"
					+ " + (SELECT count(*) FROM mail_outbox WHERE state = 'SENDING') AS backlog")
			.map((row) -> row.get("backlog", Long.class))
			.one();
	}

	private static OutboxMail mail(Readable row) {
		return new OutboxMail(row.get("id", Long.class), row.get("message_key", UUID.class),
				MailKind.valueOf(row.get("kind", String.class)), row.get("recipient", String.class),
				row.get("recipient_name", String.class), row.get("language", String.class),
				row.get("facts", String.class), row.get("attempts", Integer.class));
	}

}
