package org.accessdesk.mail;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Keeps the outbox from growing without end: SENT rows older than
 * {@code accessdesk.mail.keep-sent} are deleted, a batch at a time so that no run holds
 * many locks. PENDING and FAILED rows are never deleted — they are work or evidence.
 */
@Component
class OutboxRetention {

	private static final Log logger = LogFactory.getLog(OutboxRetention.class);

	static final int BATCH = 5000;

	private final OutboxRows rows;

	private final MailProperties properties;

	OutboxRetention(OutboxRows rows, MailProperties properties) {
		this.rows = rows;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${accessdesk.mail.retention-interval:1h}", initialDelayString = "1m")
	Mono<Long> deleteOldSentMail() {
		return deleteBatch().expand((deleted) -> (deleted == BATCH) ? deleteBatch() : Mono.empty())
			.reduce(0L, Long::sum)
			.doOnNext((deleted) -> {
				if (deleted > 0) {
					logger.info("Deleted " + deleted + " sent mails older than " + this.properties.keepSent());
				}
			})
			.onErrorResume((ex) -> {
				logger.warn("Deleting old sent mail failed; the next run tries again", ex);
				return Mono.just(0L);
			});
	}

	private Mono<Long> deleteBatch() {
		return this.rows.deleteSent(this.properties.keepSent(), BATCH);
	}

}
