package org.accessdesk;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.accessdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each background job runs at the interval of its own property (the test profile gives
 * each a different one), read from the bound properties rather than repeated in the
 * annotation.
 */
@IntegrationTest
class ScheduledJobsTests {

	@Autowired
	ScheduledTaskHolder scheduled;

	@Test
	void eachJobRunsAtItsOwnConfiguredInterval() {
		Map<String, Duration> intervals = new TreeMap<>();
		this.scheduled.getScheduledTasks().forEach((task) -> {
			if (task.getTask() instanceof FixedDelayTask fixedDelay) {
				// A reactive job's runnable is named package.Class.method.
				String[] name = fixedDelay.getRunnable().toString().split("\\.");
				intervals.put(name[name.length - 2] + "." + name[name.length - 1], fixedDelay.getIntervalDuration());
			}
		});
		assertThat(intervals).containsEntry("PendingExpiry.expireDue", Duration.ofSeconds(60))
			.containsEntry("AutoRetries.retryDue", Duration.ofSeconds(61))
			.containsEntry("ServiceLevels.check", Duration.ofSeconds(59));
	}

}
