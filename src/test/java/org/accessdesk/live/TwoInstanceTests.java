package org.accessdesk.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accessdesk.AccessDeskApplication;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestDatabase;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances, one database: a transition committed through instance A reaches a stream
 * held on instance B (NOTIFY as the doorbell, the table as the record). Also prints how
 * long that took — a figure for the notes, not an assertion.
 */
@IntegrationTest
class TwoInstanceTests {

	static ConfigurableApplicationContext instanceB;

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int portA;

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(AccessDeskApplication.class).profiles("test")
			.initializers(new TestDatabase(), new TestMail())
			.properties("server.port=0")
			.run();
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void aTransitionCommittedOnOneInstanceReachesAStreamOnTheOther() throws Exception {
		int portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
		Person customer = new TestAccounts(this.client).customer("Two Instance Corp");
		String token = new TestAccounts(this.client).token(customer);
		WebClient instanceA = TestHttp.webClient(this.portA)
			.defaultHeaders((headers) -> headers.setBearerAuth(token))
			.build();
		List<Long> millis = new ArrayList<>();
		try (SseClient onB = new SseClient(portB, "/api/me/events", Person.bearer(token))) {
			onB.headers(Duration.ofSeconds(20));
			for (int i = 0; i < 50; i++) {
				Map<?, ?> request = instanceA.post()
					.uri("/api/access-requests")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
							LiveStatusTests.unknownNumber()))
					.retrieve()
					.bodyToMono(Map.class)
					.block(Duration.ofSeconds(20));
				String item = (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("id");
				SseClient.Received received = onB.next(Duration.ofSeconds(20));
				assertThat(received).as("event %d reached instance B", i).isNotNull();
				assertThat(received.itemId()).isEqualTo(item);
				millis
					.add(Duration.between(Instant.parse((String) received.data().get("at")), received.at()).toMillis());
				Thread.sleep(20);
			}
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf(
				"Commit (transaction time) to client on the other instance, %d transitions: median %d ms, worst %d ms%n",
				sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
	}

}
