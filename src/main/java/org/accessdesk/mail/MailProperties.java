package org.accessdesk.mail;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our own mail settings; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every mail (a display name is allowed: {@code Name <addr>})
 * @param baseUrl where the browser UI is, for the links in mails
 * @param vendorDesk where SLA alerts go; empty means the vendor reviewers
 * ({@code accessdesk.vendor-reviewers})
 * @param defaultLanguage the language of a recipient without an account (administrators
 * named in the registry who never signed up)
 * @param timeZone the zone that times in mails are shown in
 * @param poll how often a dispatcher looks for due mail without being woken
 * @param batchSize how many rows a dispatcher claims at once (sent over one SMTP
 * connection)
 * @param concurrency how many batches one instance sends at the same time
 * @param maxAttempts after this many failed attempts a row is FAILED
 * @param retryBackoff the wait after the first failure; it doubles (with jitter) up to
 * {@code maxRetryBackoff}
 * @param maxRetryBackoff the longest wait between attempts
 * @param lease how long a claim holds: a row still SENDING after it was claimed by an
 * instance that died is claimed again once the lease has run out
 * @param keepSent how long SENT rows stay in the outbox before they are deleted
 */
@ConfigurationProperties("accessdesk.mail")
record MailProperties(@DefaultValue("Access Desk <no-reply@accessdesk.example>") String from,
		@DefaultValue("http://localhost:8080") URI baseUrl, @DefaultValue List<String> vendorDesk,
		@DefaultValue("ja") String defaultLanguage, @DefaultValue("Asia/Tokyo") ZoneId timeZone,
		@DefaultValue("2s") Duration poll, @DefaultValue("50") int batchSize, @DefaultValue("2") int concurrency,
		@DefaultValue("10") int maxAttempts, @DefaultValue("5s") Duration retryBackoff,
		@DefaultValue("30m") Duration maxRetryBackoff, @DefaultValue("2m") Duration lease,
		@DefaultValue("30d") Duration keepSent) {

	MailProperties {
		if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException(
					"accessdesk.mail.batch-size, concurrency and max-attempts must be at least 1");
		}
		if (!"ja".equals(defaultLanguage) && !"en".equals(defaultLanguage)) {
			throw new IllegalArgumentException("accessdesk.mail.default-language must be ja or en");
		}
	}

}
