package org.accessdesk.live;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.accessdesk.AccessDeskApplication;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestDatabase;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutting an instance down ends its open SSE streams at once (clients resume elsewhere
 * with Last-Event-ID), instead of holding the graceful shutdown until its timeout. The
 * second instance waits up to ten minutes per shutdown phase, far beyond the test's own
 * patience, so a stream that held the shutdown would fail the test.
 */
@IntegrationTest
class GracefulShutdownTests {

	@Autowired
	WebTestClient client;

	ConfigurableApplicationContext instance;

	@AfterEach
	void closeInstance() {
		if (this.instance != null && this.instance.isActive()) {
			this.instance.close();
		}
	}

	@Test
	void closingAnInstanceEndsItsOpenStreamsPromptly() throws Exception {
		this.instance = new SpringApplicationBuilder(AccessDeskApplication.class).profiles("test")
			.initializers(new TestDatabase(), new TestMail())
			.properties("server.port=0", "spring.lifecycle.timeout-per-shutdown-phase=10m")
			.run();
		int port = Integer.parseInt(this.instance.getEnvironment().getRequiredProperty("local.server.port"));
		TestAccounts accounts = new TestAccounts(this.client);
		Person customer = accounts.customer("Shutdown Corp");
		String token = accounts.token(customer);
		try (SseClient mine = new SseClient(port, "/api/me/events", Person.bearer(token));
				SseClient review = new SseClient(port, "/api/review/events", accounts.vendorReviewer().basic())) {
			assertThat(mine.headers(Duration.ofSeconds(20))).isNotNull();
			assertThat(review.headers(Duration.ofSeconds(20))).isNotNull();
			assertThat(mine.isClosed()).isFalse();

			CompletableFuture<Void> closed = CompletableFuture.runAsync(this.instance::close);
			closed.get(60, TimeUnit.SECONDS);

			// The client sees the end a moment after the server has sent it.
			await("the requester's stream ended").atMost(Duration.ofSeconds(10)).until(mine::isClosed);
			await("the review stream ended").atMost(Duration.ofSeconds(10)).until(review::isClosed);
		}
	}

}
