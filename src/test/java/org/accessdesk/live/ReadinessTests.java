package org.accessdesk.live;

import java.time.Duration;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SecondInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness includes PostgreSQL and this instance's doorbell listener: UP when both
 * answer, DOWN while the listener cannot listen although the database answers.
 */
@IntegrationTest
class ReadinessTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DoorbellListener listener;

	@Test
	void readyWhenTheDatabaseAnswersAndTheDoorbellListens() {
		await().atMost(Duration.ofSeconds(20)).until(this.listener::isListening);
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void notReadyWhileTheDoorbellCannotListen() {
		// A channel PostgreSQL refuses to LISTEN on: the listener keeps trying, never
		// listens, while the database itself answers.
		try (SecondInstance deaf = SecondInstance.start("accessdesk.live.channel=no such channel")) {
			WebTestClient client = deaf.client();
			client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DOWN");
			client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
			// Readiness looks at both: the database part is UP on its own.
			assertThat(client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.returnResult(String.class)
				.getResponseBody()
				.blockFirst(Duration.ofSeconds(10))).doesNotContain("\"r2dbc\":{\"status\":\"DOWN\"");
		}
	}

}
