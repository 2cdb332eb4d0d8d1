package org.accessdesk.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminReminderAfter when administrators get one reminder about an item still
 * waiting for them
 * @param checkInterval how often overdue items and due reminders are looked for
 */
@ConfigurationProperties("accessdesk.review")
record ReviewProperties(@DefaultValue("48h") Duration adminReminderAfter, @DefaultValue("1m") Duration checkInterval) {
}
