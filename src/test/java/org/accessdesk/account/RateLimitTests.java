package org.accessdesk.account;

import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small limits in a context of their own: over the limit the answer is 429 RATE_LIMITED
 * with Retry-After, and nothing is written. Accounts are made through
 * {@link AccountRegistration}, so that only the tests' own sign-ups count against the
 * address (every request here comes from 127.0.0.1).
 */
@IntegrationTest
@TestPropertySource(
		properties = { "accessdesk.rate-limit.submissions.requests=3", "accessdesk.rate-limit.submissions.per=1h",
				"accessdesk.rate-limit.sign-in.requests=3", "accessdesk.rate-limit.sign-in.per=1h",
				"accessdesk.rate-limit.sign-up.requests=2", "accessdesk.rate-limit.sign-up.per=1h" })
class RateLimitTests {

	@Autowired
	WebTestClient client;

	@Autowired
	AccountRegistration registration;

	@Autowired
	Accounts accounts;

	Person customer;

	@BeforeEach
	void setUp() {
		this.customer = account("limited");
	}

	@Test
	void submissionsArePerAccountAndTheOneOverTheLimitWritesNothing() {
		for (int i = 0; i < 3; i++) {
			submit(this.customer).expectStatus().isCreated();
		}
		expectRateLimited(submit(this.customer));
		this.client.get()
			.uri("/api/access-requests")
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3);
		submit(account("unhindered")).expectStatus().isCreated();
	}

	@Test
	void signInAttemptsArePerAddressRightOrWrong() {
		// Three accounts, one attempt each, from the same address: the address's budget.
		for (int i = 0; i < 3; i++) {
			signIn(account("elsewhere").email(), "wrong password").expectStatus().isUnauthorized();
		}
		expectRateLimited(signIn(this.customer.email(), TestAccounts.PASSWORD));
	}

	@Test
	void signUpsArePerAddressAndTheOneOverTheLimitCreatesNoAccount() {
		String third = TestAccounts.uniqueEmail("third");
		signUp(TestAccounts.uniqueEmail("first")).expectStatus().isCreated();
		signUp(TestAccounts.uniqueEmail("second")).expectStatus().isCreated();
		expectRateLimited(signUp(third));
		assertThat(this.accounts.findByEmail(third).blockOptional()).isEmpty();
	}

	/**
	 * An account whose address counts as proved, made through the service as the demo
	 * data is: not through the API, whose sign-ups this test limits.
	 */
	private Person account(String who) {
		String email = TestAccounts.uniqueEmail(who);
		this.registration
			.signUpProved(email, TestAccounts.PASSWORD, "Rate Limited", "en", "Limit Corp", "1 Main Street")
			.block();
		return new Person(email, TestAccounts.PASSWORD);
	}

	private WebTestClient.ResponseSpec submit(Person person) {
		return this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers", "99999999"))
			.exchange();
	}

	private WebTestClient.ResponseSpec signIn(String email, String password) {
		ResponseCookie csrf = this.client.get()
			.uri("/api/csrf")
			.exchange()
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		return this.client.post()
			.uri("/login")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf.getValue())
			.body(BodyInserters.fromFormData("username", email)
				.with("password", password)
				.with("_csrf", csrf.getValue()))
			.exchange();
	}

	private WebTestClient.ResponseSpec signUp(String email) {
		return this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", TestAccounts.PASSWORD, "name", "Sign Up", "language", "en"))
			.exchange();
	}

	private static void expectRateLimited(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isPositive())
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED")
			.jsonPath("$.status")
			.isEqualTo(429);
	}

}
