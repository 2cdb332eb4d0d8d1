package org.accessdesk.live;

import java.util.UUID;

import org.accessdesk.account.AccountChanged;
import org.accessdesk.account.AccountChanges;
import org.accessdesk.account.AccountId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Tells the other instances that an account changed, so that none of them goes on
 * trusting a revoked token or an old role for longer than a NOTIFY takes (the cache's own
 * few seconds are the bound when a NOTIFY is lost). It rides on the doorbell's channel
 * with a payload — {@code account:<id>} — that the {@link DoorbellListener} of every
 * instance hands back to the account module.
 */
@Component
class AccountAnnouncements {

	private static final Log logger = LogFactory.getLog(AccountAnnouncements.class);

	static final String PREFIX = "account:";

	private static final String EVERYONE = "*";

	private final DatabaseClient db;

	private final LiveProperties properties;

	AccountAnnouncements(DatabaseClient db, LiveProperties properties) {
		this.db = db;
		this.properties = properties;
	}

	@EventListener
	void announce(AccountChanged changed) {
		this.db.sql("SELECT pg_notify(:channel, :payload)")
			.bind("channel", this.properties.channel())
			.bind("payload", PREFIX + ((changed.accountId() != null) ? changed.accountId().value() : EVERYONE))
			.fetch()
			.rowsUpdated()
			.doOnError((failure) -> logger.warn("Could not tell the other instances that account " + changed.accountId()
					+ " changed; their caches forget it within seconds", failure))
			.onErrorComplete()
			.subscribe();
	}

	/**
	 * Whether a notification's payload is an account change (and if so, hands it to the
	 * account module).
	 */
	static boolean received(@Nullable String payload, AccountChanges changes) {
		if (payload == null || !payload.startsWith(PREFIX)) {
			return false;
		}
		try {
			String id = payload.substring(PREFIX.length());
			changes.changedElsewhere(EVERYONE.equals(id) ? null : AccountId.of(UUID.fromString(id)));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Ignoring a malformed account announcement: " + payload);
		}
		return true;
	}

}
