package org.accessdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiTokenTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@Test
	void aTokenIsShownOnceStoredAsAHashAndAuthenticatesUntilRevoked() throws Exception {
		Person person = this.accounts.customer("Example Corp");
		Map<?, ?> issued = this.client.post()
			.uri("/api/tokens")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "load test"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(issued.keySet()).map(String::valueOf).contains("id", "name", "token", "createdAt");
		String secret = (String) issued.get("token");
		assertThat(secret).startsWith("adt_").hasSizeGreaterThan(40);

		String storedHash = this.db.sql("SELECT encode(secret_hash, 'hex') FROM api_token WHERE id = :id::uuid")
			.bind("id", issued.get("id"))
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(storedHash).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));

		this.client.get()
			.uri("/api/tokens")
			.headers(TestAccounts.Person.bearer(secret))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].name")
			.isEqualTo("load test")
			.jsonPath("$[0].token")
			.doesNotExist()
			.jsonPath("$[0].lastUsedAt")
			.isNotEmpty();

		this.client.get()
			.uri("/api/profile")
			.headers(TestAccounts.Person.bearer(secret))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(person.email());

		this.client.delete()
			.uri("/api/tokens/{id}", issued.get("id"))
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isNoContent();

		this.client.get()
			.uri("/api/profile")
			.headers(TestAccounts.Person.bearer(secret))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_TOKEN");
	}

	@Test
	void someoneElsesTokenCannotBeSeenOrDeleted() {
		Person owner = this.accounts.customer("Example Corp");
		Person other = this.accounts.customer("Other Corp");
		String secret = this.accounts.token(owner);
		List<?> ownersTokens = this.client.get()
			.uri("/api/tokens")
			.headers(owner.basic())
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(ownersTokens).hasSize(1);
		Object tokenId = ((Map<?, ?>) ownersTokens.get(0)).get("id");

		this.client.get()
			.uri("/api/tokens")
			.headers(other.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[]");
		this.client.delete()
			.uri("/api/tokens/{id}", tokenId)
			.headers(other.basic())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");

		this.client.get()
			.uri("/api/profile")
			.headers(TestAccounts.Person.bearer(secret))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anUnknownTokenOrPasswordIsA401ProblemAndNoCredentialsAsks_ForBearer() {
		this.client.get()
			.uri("/api/profile")
			.headers(TestAccounts.Person.bearer("adt_not-a-real-token"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_TOKEN");

		Person person = this.accounts.customer("Example Corp");
		this.client.get()
			.uri("/api/profile")
			.headers(new Person(person.email(), "wrong password!!").basic())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("BAD_CREDENTIALS");

		this.client.get()
			.uri("/api/profile")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accessdesk\"")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHENTICATED");
	}

}
