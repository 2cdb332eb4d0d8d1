package org.accessdesk.account;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who an API token stands for, remembered for a few seconds: load testers send thousands
 * of requests a second with one token each, and each would otherwise cost a query before
 * any work starts (issue 16). An entry lives at most
 * {@code accessdesk.identity.token-cache} (5 s) — roles follow from registry data that
 * can change under it (an administrator named in an import), and that is how far behind
 * they may be. Everything the account module itself changes (revocation, password,
 * profile, proof of address) is forgotten at once, here and, by {@link AccountChanges},
 * on every other instance.
 *
 * <p>
 * A load that raced with a change must not put back what the change made stale: every
 * forget moves the {@link #epoch}, and a load only caches its answer if the epoch is the
 * one it started with.
 */
@Component
class TokenCache {

	private final Cache<ByteBuffer, Entry> entries;

	private final AtomicLong epoch = new AtomicLong();

	TokenCache(IdentityProperties properties) {
		this.entries = Caffeine.newBuilder().expireAfterWrite(properties.tokenCache()).maximumSize(20_000).build();
	}

	@Nullable Entry get(byte[] secretHash) {
		return this.entries.getIfPresent(ByteBuffer.wrap(secretHash));
	}

	/** The epoch to hand back to {@link #put} after loading. */
	long epoch() {
		return this.epoch.get();
	}

	void put(byte[] secretHash, Entry entry, long loadedAt) {
		if (this.epoch.get() == loadedAt) {
			this.entries.put(ByteBuffer.wrap(secretHash), entry);
			/* A forget that ran between the check and the put moved the epoch: undo. */
			if (this.epoch.get() != loadedAt) {
				this.entries.invalidate(ByteBuffer.wrap(secretHash));
			}
		}
	}

	void forget(AccountId accountId) {
		this.epoch.incrementAndGet();
		this.entries.asMap().values().removeIf((entry) -> entry.user().id().equals(accountId));
	}

	void forgetAll() {
		this.epoch.incrementAndGet();
		this.entries.invalidateAll();
	}

	/**
	 * A token's account as loaded, and when {@code last_used_at} was last refreshed by
	 * this instance (epoch millis).
	 */
	record Entry(UUID tokenId, AccountUser user, AtomicLong touchedAt) {
	}

}
