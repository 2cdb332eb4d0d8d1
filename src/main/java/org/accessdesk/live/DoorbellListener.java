package org.accessdesk.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import org.accessdesk.account.AccountChanges;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One dedicated connection per instance (not from the pool: a pooled connection would be
 * handed to others and its LISTEN lost) that listens for the doorbell. Each notification
 * — and each (re)connection, since notifications may have been missed meanwhile — is a
 * wake-up for the feed. When PostgreSQL drops the connection it reconnects with backoff;
 * a periodic probe notices a connection that died silently. The same channel carries
 * account changes ({@link AccountAnnouncements}): those forget cached identities and wake
 * nothing.
 */
@Component
class DoorbellListener {

	private static final Log logger = LogFactory.getLog(DoorbellListener.class);

	private static final Duration PROBE = Duration.ofSeconds(5);

	private final PostgresqlConnectionFactory connections;

	private final LiveProperties properties;

	private final AtomicBoolean listening = new AtomicBoolean();

	private final AccountChanges accountChanges;

	DoorbellListener(DedicatedConnections connections, LiveProperties properties, AccountChanges accountChanges) {
		this.connections = connections.named("accessdesk-doorbell");
		this.properties = properties;
		this.accountChanges = accountChanges;
	}

	/** Whether the LISTEN connection is up now (readiness). */
	boolean isListening() {
		return this.listening.get();
	}

	/** Wake-ups, forever: one per notification and one per (re)connection. */
	Flux<Object> wakeUps() {
		return Flux
			.usingWhen(this.connections.create(), this::listen,
					(connection) -> connection.close().doFinally((signal) -> this.listening.set(false)))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry((retry) -> {
					this.listening.set(false);
					logger.warn("LISTEN connection lost; reconnecting", retry.failure());
				}));
	}

	private Flux<Object> listen(PostgresqlConnection connection) {
		Mono<Object> listening = connection.createStatement("LISTEN " + this.properties.channel())
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.then(Mono.fromSupplier(() -> {
				this.listening.set(true);
				// Account changes announced while nobody listened were missed.
				this.accountChanges.mayHaveMissedChanges();
				return (Object) "connected";
			}));
		Flux<Object> notifications = connection.getNotifications()
			.filter((notification) -> !AccountAnnouncements.received(notification.getParameter(), this.accountChanges))
			.map((notification) -> (Object) notification);
		Flux<Object> probe = Flux.interval(PROBE)
			.concatMap((tick) -> connection.createStatement("SELECT 1")
				.execute()
				.flatMap((result) -> result.getRowsUpdated()))
			.thenMany(Flux.empty());
		return listening.concatWith(Flux.merge(notifications, probe))
			.concatWith(Flux.error(() -> new IllegalStateException("LISTEN connection closed")));
	}

}
