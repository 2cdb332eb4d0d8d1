package org.accessdesk.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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

	private final OutboxRows rows;

	private final MailWakeUps wakeUps;

	MailOps(OutboxRows rows, MailWakeUps wakeUps) {
		this.rows = rows;
		this.wakeUps = wakeUps;
	}

	public Mono<MailState> state() {
		Mono<Map<String, Long>> counts = this.rows.countsByState()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
		return Mono
			.zip(counts, this.rows.waiting(), this.rows.recentFailures(RECENT_FAILURES),
					this.rows.retrying(RECENT_FAILURES))
			.map((all) -> new MailState(all.getT1(), all.getT2().oldestCreatedAt(), all.getT2().nextAttemptAt(),
					all.getT4(), all.getT3()));
	}

	/**
	 * Makes FAILED rows due again with fresh attempts: one ({@code id}) or all of them.
	 * Answers how many.
	 */
	public Mono<Long> retryFailed(@Nullable Long id) {
		return this.rows.retryFailed(id).doOnNext((count) -> {
			if (count > 0) {
				this.wakeUps.ring();
			}
		});
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
