package org.accessdesk.account;

import java.time.Duration;
import java.util.Map;

import org.accessdesk.support.BrowserSession;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SecondInstance;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that protect accounts hold across instances (SPEC §2a). Password guessing:
 * per account from one address, per address across accounts, per account across
 * addresses; over a limit the answer is 429 with Retry-After and the password is not even
 * checked — the same for an account that exists and one that does not. Mails a stranger
 * could make us send (links to prove an address, reset links) are limited too. Client
 * addresses come from {@code X-Forwarded-For} here
 * ({@code server.forward-headers-strategy=native}), as behind a load balancer, so the
 * test can be many clients.
 */
@IntegrationTest
@TestPropertySource(properties = { AccountLimitsTests.FORWARDED, AccountLimitsTests.PER_ACCOUNT_AND_ADDRESS,
		AccountLimitsTests.PER_ADDRESS, AccountLimitsTests.PER_ACCOUNT, AccountLimitsTests.PER,
		AccountLimitsTests.VERIFICATION_MAILS, AccountLimitsTests.RESET_MAILS })
class AccountLimitsTests {

	// The small limits both instances run with.

	static final String FORWARDED = "server.forward-headers-strategy=native";

	static final String PER_ACCOUNT_AND_ADDRESS = "accessdesk.rate-limit.password-guessing.per-account-and-address.requests=3";

	static final String PER_ADDRESS = "accessdesk.rate-limit.password-guessing.per-address.requests=5";

	static final String PER_ACCOUNT = "accessdesk.rate-limit.password-guessing.per-account.requests=8";

	static final String PER = "accessdesk.rate-limit.password-guessing.per-account-and-address.per=1h";

	static final String VERIFICATION_MAILS = "accessdesk.rate-limit.verification-mail.requests=2";

	static final String RESET_MAILS = "accessdesk.rate-limit.reset-mail.per-email.requests=2";

	static SecondInstance instanceB;

	@Autowired
	WebTestClient client;

	@BeforeAll
	static void startInstanceB() {
		instanceB = SecondInstance.start(FORWARDED, PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, PER_ACCOUNT, PER,
				VERIFICATION_MAILS, RESET_MAILS);
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void wrongBasicPasswordsOnTwoInstancesShareOneBudgetPerAccountAndAddress() {
		Person person = new TestAccounts(this.client).customer("Example Corp");
		String address = randomAddress();
		WebTestClient b = instanceB.client();
		// Three wrong guesses in all (the limit), alternating between the instances.
		basic(this.client, person.email(), "wrong 1", address).expectStatus().isUnauthorized();
		basic(b, person.email(), "wrong 2", address).expectStatus().isUnauthorized();
		basic(this.client, person.email(), "wrong 3", address).expectStatus().isUnauthorized();

		expectLimited(basic(b, person.email(), "wrong 4", address));
		expectLimited(basic(this.client, person.email(), person.password(), address));
		// The same account from another address, and another account from this one, are
		// on budgets of their own.
		basic(b, person.email(), person.password(), randomAddress()).expectStatus().isOk();
	}

	@Test
	void theAnswerOverTheLimitIsTheSameForAnAccountThatDoesNotExist() {
		Person person = new TestAccounts(this.client).customer("Example Corp");
		String nobody = TestAccounts.uniqueEmail("nobody");
		String address = randomAddress();
		String otherAddress = randomAddress();
		for (int i = 0; i < 3; i++) {
			basic(this.client, person.email(), "wrong", address).expectStatus().isUnauthorized();
			basic(this.client, nobody, "wrong", otherAddress).expectStatus().isUnauthorized();
		}
		EntityExchangeResult<String> known = basic(this.client, person.email(), "wrong", address)
			.expectBody(String.class)
			.returnResult();
		EntityExchangeResult<String> unknown = basic(this.client, nobody, "wrong", otherAddress)
			.expectBody(String.class)
			.returnResult();
		assertThat(known.getStatus().value()).isEqualTo(429);
		assertThat(unknown.getStatus().value()).isEqualTo(429);
		assertThat(unknown.getResponseBody()).isEqualTo(known.getResponseBody());
	}

	@Test
	void oneAddressGuessingAcrossAccountsIsLimitedToo() {
		TestAccounts accounts = new TestAccounts(this.client);
		String address = randomAddress();
		// Two wrong guesses each for three accounts: under their own limit, but six from
		// one address is over the address's limit of five.
		int refused = 0;
		for (int i = 0; i < 3; i++) {
			Person person = accounts.customer("Example Corp");
			for (int j = 0; j < 2; j++) {
				int status = basic(i % 2 == 0 ? this.client : instanceB.client(), person.email(), "wrong", address)
					.returnResult(Void.class)
					.getStatus()
					.value();
				refused += (status == 429) ? 1 : 0;
			}
		}
		assertThat(refused).as("guesses refused from one address").isEqualTo(1);
	}

	@Test
	void oneAccountGuessedFromManyAddressesIsLimitedAndTheFormAnswersTheSame() {
		Person person = new TestAccounts(this.client).customer("Example Corp");
		for (int i = 0; i < 8; i++) {
			basic(i % 2 == 0 ? this.client : instanceB.client(), person.email(), "wrong " + i, randomAddress())
				.expectStatus()
				.isUnauthorized();
		}
		// The ninth address: its own budget is full, the account's is spent.
		expectLimited(basic(this.client, person.email(), "wrong", randomAddress()));
		String csrf = BrowserSession.csrf(this.client);
		expectLimited(BrowserSession.signInAttempt(this.client, csrf, person.email(), person.password()));
	}

	@Test
	void aWrongCurrentPasswordInAChangeCountsAsAGuess() {
		Person person = new TestAccounts(this.client).customer("Example Corp");
		String token = new TestAccounts(this.client).token(person);
		String address = randomAddress();
		for (int i = 0; i < 3; i++) {
			change(token, "wrong current", address).expectStatus().isBadRequest();
		}
		expectLimited(change(token, person.password(), address));
	}

	@Test
	void linksToProveAnAddressAreLimitedPerAccountAcrossInstances() {
		Person person = new TestAccounts(this.client).signUpUnverified(TestAccounts.uniqueEmail("resender"), "Resender",
				"en", "Example Corp", "1 Main Street");
		resend(this.client, person).expectStatus().isAccepted();
		resend(instanceB.client(), person).expectStatus().isAccepted();
		expectLimited(resend(this.client, person));
		TestMail.pause(Duration.ofMillis(500));
		assertThat(TestMail.accountNotices(person.email())).as("the sign-up's link and two more").hasSize(3);
	}

	@Test
	void resetMailsAreLimitedPerAddressAskedForTheSameWhetherItHasAnAccountOrNot() {
		Person person = new TestAccounts(this.client).customer("Example Corp");
		String nobody = TestAccounts.uniqueEmail("nobody");
		for (String email : new String[] { person.email(), nobody }) {
			reset(this.client, email).expectStatus().isAccepted();
			reset(instanceB.client(), email).expectStatus().isAccepted();
			expectLimited(reset(this.client, email));
		}
	}

	private static WebTestClient.ResponseSpec resend(WebTestClient client, Person person) {
		return client.post().uri("/api/accounts/verification/resend").headers(person.basic()).exchange();
	}

	private static WebTestClient.ResponseSpec reset(WebTestClient client, String email) {
		return client.post()
			.uri("/api/password-reset")
			.header("X-Forwarded-For", randomAddress())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email))
			.exchange();
	}

	private WebTestClient.ResponseSpec change(String token, String current, String address) {
		return this.client.put()
			.uri("/api/profile/password")
			.headers(Person.bearer(token))
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", current, "newPassword", "a perfectly good passphrase"))
			.exchange();
	}

	private static void expectLimited(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isPositive())
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED");
	}

	private static WebTestClient.ResponseSpec basic(WebTestClient client, String email, String password,
			String address) {
		return client.get()
			.uri("/api/profile")
			.headers((headers) -> headers.setBasicAuth(email, password))
			.header("X-Forwarded-For", address)
			.exchange();
	}

	private static String randomAddress() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
