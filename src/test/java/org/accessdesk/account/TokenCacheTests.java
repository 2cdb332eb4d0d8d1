package org.accessdesk.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SecondInstance;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who an API token stands for is cached (issue 16), and the cache never outlives a
 * change: instance B remembers tokens for ten minutes here, so whatever B stops trusting
 * within seconds of a change made on this instance (A), it learned from A's announcement,
 * not from its cache running out.
 */
@IntegrationTest
class TokenCacheTests {

	static SecondInstance instanceB;

	@Autowired
	WebTestClient client;

	TestAccounts accounts;

	@BeforeAll
	static void startInstanceB() {
		instanceB = SecondInstance.start("accessdesk.identity.token-cache=10m");
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@Test
	void aTokenRevokedOnOneInstanceIsRefusedOnTheOtherAtOnce() {
		Person person = this.accounts.customer("Cache Corp");
		String token = this.accounts.token(person);
		WebTestClient onB = instanceB.client();
		assertThat(status(onB, "/api/profile", token)).isEqualTo(HttpStatus.OK);
		assertThat(status(onB, "/api/profile", token)).as("now from B's cache").isEqualTo(HttpStatus.OK);

		List<?> tokens = this.client.get()
			.uri("/api/tokens")
			.headers(person.basic())
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		Object id = ((Map<?, ?>) tokens.get(0)).get("id");
		this.client.delete()
			.uri("/api/tokens/{id}", id)
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isNoContent();

		assertThat(status(this.client, "/api/profile", token)).as("on A, at once").isEqualTo(HttpStatus.UNAUTHORIZED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(status(onB, "/api/profile", token)).isEqualTo(HttpStatus.UNAUTHORIZED));
	}

	@Test
	void aProfileChangedOnOneInstanceDecidesTheNextSubmissionOnTheOther() {
		TestRegistry registry = TestRegistry.load(this.client, this.accounts.operator(),
				this.accounts.customer("Registry Admin Corp"));
		Person person = this.accounts.customer("Someone Else Ltd");
		String token = this.accounts.token(person);
		String marker = this.accounts.token(person);
		WebTestClient onB = instanceB.client();
		assertThat(status(onB, "/api/profile", token)).isEqualTo(HttpStatus.OK);
		assertThat(status(onB, "/api/profile", marker)).isEqualTo(HttpStatus.OK);

		this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Moved Person", "language", "en", "companyName", registry.company,
					"companyAddress", "1 Registry Street"))
			.exchange()
			.expectStatus()
			.isOk();
		/*
		 * B shows no company, so a later change is the marker: once B refuses the marker
		 * token it has heard every announcement before it, the profile's included.
		 */
		revokeNewest(person);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(status(onB, "/api/profile", marker)).isEqualTo(HttpStatus.UNAUTHORIZED));

		onB.post()
			.uri("/api/access-requests")
			.headers(Person.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
					registry.directContract))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.items[0].status")
			.isEqualTo("APPROVED");
	}

	private void revokeNewest(Person person) {
		List<?> tokens = this.client.get()
			.uri("/api/tokens")
			.headers(person.basic())
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		Object id = ((Map<?, ?>) tokens.get(tokens.size() - 1)).get("id");
		this.client.delete()
			.uri("/api/tokens/{id}", id)
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@Test
	void aRoleTheRegistryGivesOnOneInstanceCountsOnTheOtherAtOnce() {
		Person operator = this.accounts.operator();
		Person admin = this.accounts.customer("Cache Corp");
		String token = this.accounts.token(admin);
		WebTestClient onB = instanceB.client();
		assertThat(status(onB, "/api/review/items?queue=admin", token)).as("not an administrator yet")
			.isEqualTo(HttpStatus.FORBIDDEN);

		TestRegistry.load(this.client, operator, admin);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(status(onB, "/api/review/items?queue=admin", token)).isEqualTo(HttpStatus.OK));
	}

	private static HttpStatus status(WebTestClient client, String path, String token) {
		return HttpStatus.valueOf(client.get()
			.uri(path)
			.headers(Person.bearer(token))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value());
	}

}
