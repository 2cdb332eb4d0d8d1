package org.accessdesk.live;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import org.accessdesk.request.EventLog;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The live feed's own database connection. Every stream on this instance depends on the
 * feed's reads; through the shared pool they would queue behind whatever else waits for a
 * connection — in a reconnect storm, thousands of new streams authenticating — and every
 * stream would fall minutes behind. A pool of one, so that a connection that dies is
 * replaced on the next read.
 */
@Component
class FeedConnection implements DisposableBean {

	private final ConnectionPool connection;

	private final EventLog log;

	FeedConnection(DedicatedConnections connections, EventLog log) {
		this.connection = new ConnectionPool(ConnectionPoolConfiguration.builder(connections.named("accessdesk-feed"))
			.initialSize(0)
			.maxSize(1)
			.maxAcquireTime(Duration.ofSeconds(10))
			.build());
		this.log = log.through(DatabaseClient.create(this.connection));
	}

	/** The event log, read over this connection. */
	EventLog log() {
		return this.log;
	}

	@Override
	public void destroy() {
		this.connection.dispose();
	}

}
