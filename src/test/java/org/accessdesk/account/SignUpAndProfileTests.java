package org.accessdesk.account;

import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignUpAndProfileTests {

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
	void signUpAnswersTheProfileWithTheUserRoleAndJapaneseByDefault() {
		String email = TestAccounts.uniqueEmail("new");
		this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", TestAccounts.PASSWORD, "name", "山田 太郎"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/profile")
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.name")
			.isEqualTo("山田 太郎")
			.jsonPath("$.language")
			.isEqualTo("ja")
			.jsonPath("$.complete")
			.isEqualTo(false)
			.jsonPath("$.roles")
			.isEqualTo(java.util.List.of("USER"))
			.jsonPath("$.password")
			.doesNotExist();
		String stored = this.db.sql("SELECT password_hash FROM account WHERE email = :email")
			.bind("email", email)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(stored).startsWith("{argon2}").doesNotContain(TestAccounts.PASSWORD);
	}

	@Test
	void anEmailIsTakenWhateverItsCase() {
		Person first = this.accounts.customer("Example Corp");
		this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", first.email().toUpperCase(), "password", TestAccounts.PASSWORD, "name", "Copy"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("EMAIL_TAKEN");
		assertThat(countAccounts(first.email())).isEqualTo(1);
	}

	@Test
	void theProfileCanBeReadAndCompleted() {
		Person person = this.accounts.incompleteCustomer();
		this.client.get()
			.uri("/api/profile")
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.complete")
			.isEqualTo(false)
			.jsonPath("$.language")
			.isEqualTo("en");

		this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Private Person", "language", "ja", "companyName", "Private Use",
					"companyAddress", "東京都千代田区1-1\n自宅"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.companyName")
			.isEqualTo("Private Use")
			.jsonPath("$.complete")
			.isEqualTo(true)
			.jsonPath("$.language")
			.isEqualTo("ja");

		this.client.get()
			.uri("/api/profile")
			.headers(person.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.companyAddress")
			.isEqualTo("東京都千代田区1-1\n自宅");
	}

	@Test
	void aProfileAsReadCanBeSentBackButItsEmailCannotBeChanged() {
		Person person = this.accounts.customer("Example Corp");
		this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", person.email(), "roles", java.util.List.of("USER"), "name", "Renamed",
					"language", "en", "companyName", "Example Corp", "companyAddress", "Somewhere 1"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed");

		this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "someone-else@test.example", "name", "Renamed", "language", "en"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
	}

	@Test
	void profileValidationNamesTheFieldAndChangesNothing() {
		Person person = this.accounts.customer("Example Corp");
		this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "x".repeat(201), "language", "fr", "companyName", "Bad\u0007Bell"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[?(@.field == 'name')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'language')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'companyName')]")
			.exists();
		String name = this.db.sql("SELECT name FROM account WHERE email = :email")
			.bind("email", person.email())
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(name).isEqualTo("Test Customer");
	}

	private long countAccounts(String email) {
		Long count = this.db.sql("SELECT count(*) FROM account WHERE lower(email) = lower(:email)")
			.bind("email", email)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		return count == null ? 0 : count;
	}

}
