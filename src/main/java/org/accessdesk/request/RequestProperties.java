package org.accessdesk.request;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clock of the lifecycle (SPEC §5, §6), under {@code accessdesk.requests}.
 *
 * @param vendorSla how long the vendor desk has for a PENDING_VENDOR item (its deadline)
 * @param escalateAfter how long administrators may stay silent before the requester may
 * escalate
 * @param expireAfter how long an item may wait for any decision before it expires
 * @param expiryInterval how often expiry looks for items that waited too long
 * @param autoRetryInterval how often auto-retry looks for TOO_NEW denials that are due
 */
@ConfigurationProperties("accessdesk.requests")
record RequestProperties(@DefaultValue("6h") Duration vendorSla, @DefaultValue("72h") Duration escalateAfter,
		@DefaultValue("28d") Duration expireAfter, @DefaultValue("1m") Duration expiryInterval,
		@DefaultValue("1m") Duration autoRetryInterval) {
}
