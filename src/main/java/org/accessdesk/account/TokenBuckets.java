package org.accessdesk.account;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One token bucket per key (an account, a client address), in memory. A bucket left alone
 * for a whole period is full again, so it is the same as no bucket: such buckets are
 * dropped now and then, which keeps memory to the keys active within one period (and
 * never above {@code maxKeys}).
 */
final class TokenBuckets {

	private static final Log logger = LogFactory.getLog(TokenBuckets.class);

	private static final int SWEEP_EVERY = 1024;

	private final RateLimitProperties.Limit limit;

	private final int maxKeys;

	private final LongSupplier nanoTime;

	private final double tokensPerNano;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger sinceSweep = new AtomicInteger();

	private volatile boolean warnedFull;

	TokenBuckets(RateLimitProperties.Limit limit, int maxKeys, LongSupplier nanoTime) {
		this.limit = limit;
		this.maxKeys = maxKeys;
		this.nanoTime = nanoTime;
		this.tokensPerNano = (double) limit.requests() / limit.per().toNanos();
	}

	/**
	 * Takes a token for {@code key}: empty if granted, else how long until one is due.
	 */
	Optional<Duration> take(String key) {
		long now = this.nanoTime.getAsLong();
		if (this.sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
			sweep(now);
		}
		Bucket bucket = this.buckets.get(key);
		if (bucket == null) {
			if (this.buckets.size() >= this.maxKeys) {
				sweep(now);
				if (this.buckets.size() >= this.maxKeys) {
					tooManyKeys();
					return Optional.empty();
				}
			}
			bucket = this.buckets.computeIfAbsent(key, (ignored) -> new Bucket(this.limit.requests(), now));
		}
		return bucket.take(now);
	}

	/** How many keys are tracked now. */
	int size() {
		return this.buckets.size();
	}

	private void sweep(long now) {
		this.sinceSweep.set(0);
		long idle = this.limit.per().toNanos();
		this.buckets.values().removeIf((bucket) -> bucket.idleSince(now) >= idle);
	}

	private void tooManyKeys() {
		if (!this.warnedFull) {
			this.warnedFull = true;
			logger.warn("Rate limit tracks " + this.maxKeys + " keys already (accessdesk.rate-limit.max-keys);"
					+ " new ones go unlimited until idle ones expire");
		}
	}

	private final class Bucket {

		private double tokens;

		private long last;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.last = now;
		}

		synchronized Optional<Duration> take(long now) {
			this.tokens = Math.min(TokenBuckets.this.limit.requests(),
					this.tokens + (now - this.last) * TokenBuckets.this.tokensPerNano);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Optional.empty();
			}
			return Optional.of(Duration.ofNanos((long) Math.ceil((1 - this.tokens) / TokenBuckets.this.tokensPerNano)));
		}

		synchronized long idleSince(long now) {
			return now - this.last;
		}

	}

}
