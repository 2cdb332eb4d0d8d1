package org.accessdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in the integration tests: the real time, moved forward by what a
 * test asks for — to see a link expire or a session go idle without waiting a day. Tests
 * that move it put it back when they are done ({@link #reset()}).
 */
public final class TestClock extends Clock {

	private final Clock real = Clock.systemUTC();

	private volatile Duration ahead = Duration.ZERO;

	/** Moves the service's time forward (on top of any earlier move). */
	public void advance(Duration by) {
		this.ahead = this.ahead.plus(by);
	}

	/** Back to the real time. */
	public void reset() {
		this.ahead = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The service's clock is UTC");
	}

	@Override
	public Instant instant() {
		return this.real.instant().plus(this.ahead);
	}

	/** Puts the test clock in place of the service's one. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
