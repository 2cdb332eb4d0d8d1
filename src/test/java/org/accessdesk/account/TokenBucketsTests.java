package org.accessdesk.account;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket on a clock the test moves by hand. */
class TokenBucketsTests {

	final AtomicLong now = new AtomicLong(1_000_000_000L);

	final TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(3, Duration.ofSeconds(30)), 100,
			this.now::get);

	@Test
	void aBurstUpToTheLimitThenAWaitUntilTheNextToken() {
		assertThat(this.buckets.take("a")).isEmpty();
		assertThat(this.buckets.take("a")).isEmpty();
		assertThat(this.buckets.take("a")).isEmpty();
		assertThat(this.buckets.take("a")).contains(Duration.ofSeconds(10));
		assertThat(this.buckets.take("b")).as("another key has its own bucket").isEmpty();
		advance(Duration.ofSeconds(4));
		assertThat(this.buckets.take("a")).contains(Duration.ofSeconds(6));
		advance(Duration.ofSeconds(6));
		assertThat(this.buckets.take("a")).isEmpty();
		assertThat(this.buckets.take("a")).contains(Duration.ofSeconds(10));
	}

	@Test
	void refillsNeverBeyondTheLimit() {
		advance(Duration.ofHours(5));
		for (int i = 0; i < 3; i++) {
			assertThat(this.buckets.take("a")).isEmpty();
		}
		assertThat(this.buckets.take("a")).isPresent();
	}

	@Test
	void memoryStaysBoundedIdleKeysExpireAndBeyondTheCapNewKeysGoUnlimited() {
		for (int i = 0; i < 100; i++) {
			this.buckets.take("key-" + i);
		}
		assertThat(this.buckets.size()).isEqualTo(100);
		for (int i = 0; i < 5; i++) {
			assertThat(this.buckets.take("one-too-many")).as("not tracked, so not limited").isEmpty();
		}
		assertThat(this.buckets.size()).isEqualTo(100);

		advance(Duration.ofSeconds(30));
		assertThat(this.buckets.take("fresh")).isEmpty();
		assertThat(this.buckets.size()).as("idle buckets (full again) were dropped").isEqualTo(1);
	}

	private void advance(Duration by) {
		this.now.addAndGet(by.toNanos());
	}

}
