package org.accessdesk.live;

import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>
 * Rings coalesce: a NOTIFY tells the other instances to read the log, and one read finds
 * every commit before it. While one is on its way, commits only ask for one more, sent
 * when it is done — so every commit is followed by a NOTIFY that starts after it, and a
 * hundred commits a second cost a few NOTIFYs (and reads on every instance), not a
 * hundred.
 */
@Component
class Doorbell {

	private static final Log logger = LogFactory.getLog(Doorbell.class);

	private static final int IDLE = 0;

	private static final int RINGING = 1;

	private static final int RING_AGAIN = 2;

	private final DatabaseClient db;

	private final EventFeed feed;

	private final LiveProperties properties;

	private final AtomicInteger state = new AtomicInteger(IDLE);

	Doorbell(DatabaseClient db, EventFeed feed, LiveProperties properties) {
		this.db = db;
		this.feed = feed;
		this.properties = properties;
	}

	@EventListener
	void ring(TransitionsCommitted committed) {
		this.feed.wake();
		if (this.state.getAndUpdate((now) -> (now == IDLE) ? RINGING : RING_AGAIN) == IDLE) {
			notifyOthers();
		}
	}

	private void notifyOthers() {
		this.db.sql("SELECT pg_notify(:channel, '')")
			.bind("channel", this.properties.channel())
			.fetch()
			.rowsUpdated()
			.doOnError((failure) -> logger.debug("NOTIFY failed; the catch-up poll will deliver", failure))
			.onErrorComplete()
			.doFinally((signal) -> {
				// Commits arrived meanwhile: one more NOTIFY, started after all of them.
				if (this.state.getAndUpdate((now) -> (now == RING_AGAIN) ? RINGING : IDLE) == RING_AGAIN) {
					notifyOthers();
				}
			})
			.subscribe();
	}

}
