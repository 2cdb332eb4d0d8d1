package org.accessdesk.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param heartbeat how often an idle stream gets a comment line (SPEC: at least every 15
 * s)
 * @param catchUp how often the feed looks at the table even without a doorbell (missed
 * NOTIFYs)
 * @param subscriberBuffer events one stream may fall behind before it is cut off (it
 * resumes with Last-Event-ID)
 * @param channel the NOTIFY channel shared by all instances
 * @param feedStart how long a new stream waits for a just-started feed to find the end of
 * the log before it fails (the client reconnects)
 */
@ConfigurationProperties("accessdesk.live")
record LiveProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("1s") Duration catchUp,
		@DefaultValue("1024") int subscriberBuffer, @DefaultValue("accessdesk_events") String channel,
		@DefaultValue("30s") Duration feedStart) {
}
