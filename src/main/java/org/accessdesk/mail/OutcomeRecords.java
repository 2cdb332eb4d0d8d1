package org.accessdesk.mail;

import java.time.Duration;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writes what became of one claimed mail into its row, as soon as it is known: SENT;
 * FAILED when refused or out of attempts; PENDING again after a backoff when it failed
 * for now. Counts each in the metrics and logs failures with their cause.
 */
@Component
class OutcomeRecords {

	private static final Log logger = LogFactory.getLog(OutcomeRecords.class);

	/**
	 * Tries of the SENT mark after the server accepted: about 5 s in all, well within a
	 * lease. Without them a connection lost at that moment (PostgreSQL restarting, the
	 * connection killed) left the row SENDING until its lease ran out, and it was sent
	 * again: the soak (bench/soak.sh) saw 6 mails twice that way.
	 */
	private static final int MARK_RETRIES = 6;

	private final OutboxRows rows;

	private final RetryPolicy retries;

	private final MailMetrics metrics;

	OutcomeRecords(OutboxRows rows, RetryPolicy retries, MailMetrics metrics) {
		this.rows = rows;
		this.retries = retries;
		this.metrics = metrics;
	}

	/**
	 * Records the outcome of a mail claimed under {@code claim}. The row stays claimed
	 * until this is written, so a failed write is safe to repeat.
	 */
	Mono<Void> record(UUID claim, SendOutcome outcome) {
		OutboxMail mail = outcome.mail();
		if (outcome instanceof SendOutcome.Accepted) {
			return this.rows.markSent(claim, mail.id())
				.retryWhen(Retry.backoff(MARK_RETRIES, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)))
				.doOnNext(this.metrics::sent)
				.then();
		}
		if (outcome instanceof SendOutcome.Refused refused) {
			String error = SmtpFailures.describe(refused.failure());
			logger.warn("Mail " + mail.id() + " (" + mail.kind() + ") was refused and will not be retried: " + error,
					refused.failure());
			this.metrics.refused();
			return this.rows.fail(claim, mail.id(), error).then();
		}
		Exception failure = ((SendOutcome.Deferred) outcome).failure();
		String error = SmtpFailures.describe(failure);
		if (this.retries.isExhausted(mail.attempts())) {
			logger.warn("Mail " + mail.id() + " (" + mail.kind() + ") failed " + mail.attempts()
					+ " times and will not be retried: " + error, failure);
			this.metrics.outOfAttempts();
			return this.rows.fail(claim, mail.id(), error).then();
		}
		this.metrics.retried();
		Duration wait = this.retries.backoff(mail.attempts());
		logger.debug("Mail " + mail.id() + " failed; next attempt in " + wait, failure);
		return this.rows.retryLater(claim, mail.id(), wait, error).then();
	}

}
