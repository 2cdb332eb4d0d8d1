package org.accessdesk.live;

import java.time.Duration;

import org.accessdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness includes PostgreSQL and this instance's doorbell listener. */
@IntegrationTest
class ReadinessTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DoorbellListener listener;

	@Test
	void readyWhenTheDatabaseAnswersAndTheDoorbellListens() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!this.listener.isListening() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.listener.isListening()).isTrue();
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
