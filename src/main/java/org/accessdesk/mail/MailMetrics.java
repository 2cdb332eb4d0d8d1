package org.accessdesk.mail;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What the dispatcher reports to Micrometer: mails sent, given up on (refused, or out of
 * attempts), retried, and the backlog as of the last poll.
 */
@Component
class MailMetrics {

	private static final String FAILED = "System mails given up on: refused by the server, or out of attempts";

	private final Counter sent;

	private final Counter refused;

	private final Counter outOfAttempts;

	private final Counter retried;

	private final AtomicLong backlog = new AtomicLong();

	MailMetrics(MeterRegistry meters) {
		this.sent = Counter.builder("accessdesk.mail.sent")
			.description("System mails accepted by the SMTP server")
			.register(meters);
		this.refused = Counter.builder("accessdesk.mail.failed")
			.tag("cause", "permanent")
			.description(FAILED)
			.register(meters);
		this.outOfAttempts = Counter.builder("accessdesk.mail.failed")
			.tag("cause", "attempts")
			.description(FAILED)
			.register(meters);
		this.retried = Counter.builder("accessdesk.mail.retried")
			.description("Send attempts that failed and will be tried again")
			.register(meters);
		Gauge.builder("accessdesk.mail.backlog", this.backlog, AtomicLong::get)
			.description("System mails waiting to be sent (PENDING and SENDING), as of the last poll")
			.register(meters);
	}

	void sent(long count) {
		this.sent.increment(count);
	}

	void refused() {
		this.refused.increment();
	}

	void outOfAttempts() {
		this.outOfAttempts.increment();
	}

	void retried() {
		this.retried.increment();
	}

	void backlog(long waiting) {
		this.backlog.set(waiting);
	}

}
