package org.accessdesk.live;

import org.accessdesk.request.TransitionsCommitted;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * After a transition commits: wake this instance's feed at once, and ring the other
 * instances with {@code NOTIFY} on a pooled connection, outside the business transaction
 * (a NOTIFY inside it would take a cluster-wide lock at commit). A lost ring only delays
 * delivery until the next catch-up poll.
 */
@Component
class Doorbell {

	private static final Log logger = LogFactory.getLog(Doorbell.class);

	private final DatabaseClient db;

	private final EventFeed feed;

	private final LiveProperties properties;

	Doorbell(DatabaseClient db, EventFeed feed, LiveProperties properties) {
		this.db = db;
		this.feed = feed;
		this.properties = properties;
	}

	@EventListener
	void ring(TransitionsCommitted committed) {
		this.feed.wake();
		this.db.sql("SELECT pg_notify(:channel, '')")
			.bind("channel", this.properties.channel())
			.fetch()
			.rowsUpdated()
			.subscribe(null, (failure) -> logger.debug("NOTIFY failed; the catch-up poll will deliver", failure));
	}

}
