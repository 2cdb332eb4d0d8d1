package org.accessdesk.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.accessdesk.support.BrowserSession;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestClock;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changing and resetting a password (SPEC §2a): the current password guards a change, a
 * mailed one-time link guards a reset; a change ends the account's other browser sessions
 * and mails the owner, a reset ends them all and proves the address; asking for a reset
 * answers the same whether or not the account exists.
 */
@IntegrationTest
class PasswordTests {

	static final String NEW_PASSWORD = "a completely new passphrase";

	@Autowired
	WebTestClient client;

	@Autowired
	TestClock clock;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@AfterEach
	void clockBack() {
		this.clock.reset();
	}

	@Test
	void aChangeNeedsTheCurrentPasswordEndsTheOtherSessionsAndTellsTheOwner() {
		Person person = this.accounts.customer("Example Corp");
		BrowserSession here = BrowserSession.signIn(this.client, person);
		BrowserSession elsewhere = BrowserSession.signIn(this.client, person);
		String token = this.accounts.token(person);

		here.put("/api/profile/password", Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD))
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("BAD_CREDENTIALS");
		here.put("/api/profile/password", Map.of("currentPassword", person.password(), "newPassword", "too short"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("newPassword");
		// Neither wrote anything: the old password still works, both sessions too.
		assertThat(basicStatus(person)).isEqualTo(HttpStatus.OK);
		assertThat(elsewhere.profileStatus()).isEqualTo(HttpStatus.OK);

		here.put("/api/profile/password", Map.of("currentPassword", person.password(), "newPassword", NEW_PASSWORD))
			.expectStatus()
			.isNoContent();
		assertThat(here.profileStatus()).as("the session that changed it").isEqualTo(HttpStatus.OK);
		assertThat(elsewhere.profileStatus()).as("another browser").isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(basicStatus(person)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(basicStatus(new Person(person.email(), NEW_PASSWORD))).isEqualTo(HttpStatus.OK);
		this.client.get().uri("/api/profile").headers(Person.bearer(token)).exchange().expectStatus().isOk();

		MimeMessage notice = awaitSubject(person.email(), "パスワードが変更されました");
		TestMail.keep(notice, "password-changed-ja");
		assertThat(TestMail.text(notice)).contains("Test Customer 様", "パスワードが変更されました", "パスワードをお忘れの方");
	}

	@Test
	void askingForAResetAnswersTheSameForAnAccountThatExistsAndOneThatDoesNot() {
		Person person = this.accounts.signUp(TestAccounts.uniqueEmail("forgetful"), "Forgetful Person", "en",
				"Example Corp", "1 Main Street");
		String nobody = TestAccounts.uniqueEmail("nobody");

		List<Long> knownMillis = new ArrayList<>();
		List<Long> unknownMillis = new ArrayList<>();
		EntityExchangeResult<String> known = null;
		EntityExchangeResult<String> unknown = null;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			known = askForReset(person.email());
			knownMillis.add((System.nanoTime() - start) / 1_000_000);
			start = System.nanoTime();
			unknown = askForReset(nobody);
			unknownMillis.add((System.nanoTime() - start) / 1_000_000);
		}
		assertThat(known.getStatus().value()).isEqualTo(202);
		assertThat(unknown.getStatus().value()).isEqualTo(202);
		assertThat(unknown.getResponseBody()).isEqualTo(known.getResponseBody());
		assertThat(unknown.getResponseHeaders().getContentType())
			.isEqualTo(known.getResponseHeaders().getContentType());
		System.out.printf("Password reset asked, 5 times each: known account %s ms, unknown %s ms%n", knownMillis,
				unknownMillis);

		assertThat(TestMail.awaitAccountNotices(person.email(), 2, Duration.ofSeconds(20))).isNotEmpty();
		TestMail.pause(Duration.ofMillis(500));
		assertThat(TestMail.all(nobody)).isEmpty();
	}

	@Test
	void aResetLinkSetsThePasswordOnceEndsEverySessionAndProvesTheAddress() {
		Person person = this.accounts.signUpUnverified(TestAccounts.uniqueEmail("reset"), "Reset Person", "ja",
				"Example Corp", "1 Main Street");
		BrowserSession one = BrowserSession.signIn(this.client, person);
		BrowserSession two = BrowserSession.signIn(this.client, person);
		askForReset(person.email());
		String token = TestMail.newestToken(person.email(), "reset.html", Duration.ofSeconds(20));
		MimeMessage mail = awaitSubject(person.email(), "パスワードの再設定");
		TestMail.keep(mail, "password-reset-ja");
		assertThat(TestMail.text(mail)).contains("https://desk.test.accessdesk.example/reset.html#token=" + token);

		confirm(token, "too short").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password");
		assertThat(one.profileStatus()).as("a refused reset changes nothing").isEqualTo(HttpStatus.OK);

		confirm(token, NEW_PASSWORD).expectStatus().isNoContent();
		assertThat(one.profileStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(two.profileStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(basicStatus(person)).isEqualTo(HttpStatus.UNAUTHORIZED);
		Person renewed = new Person(person.email(), NEW_PASSWORD);
		this.client.get()
			.uri("/api/profile")
			.headers(renewed.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.emailVerified")
			.isEqualTo(true);

		confirm(token, "yet another passphrase").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_RESET_TOKEN");
	}

	@Test
	void aResetLinkStopsWorkingAfterAnHourAndWhenANewerOneIsAskedFor() {
		Person person = this.accounts.customer("Example Corp");
		askForReset(person.email());
		String first = TestMail.newestToken(person.email(), "reset.html", Duration.ofSeconds(20));
		int before = TestMail.accountNotices(person.email()).size();
		askForReset(person.email());
		TestMail.awaitAccountNotices(person.email(), before + 1, Duration.ofSeconds(20));
		String second = TestMail.newestToken(person.email(), "reset.html", Duration.ofSeconds(5));
		confirm(first, NEW_PASSWORD).expectStatus().isBadRequest();

		this.clock.advance(Duration.ofMinutes(61));
		confirm(second, NEW_PASSWORD).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_RESET_TOKEN");
		this.clock.reset();
		assertThat(basicStatus(person)).as("the old password still works").isEqualTo(HttpStatus.OK);
	}

	@Test
	void badInputIsAProblemThatWritesNothing() {
		this.client.post()
			.uri("/api/password-reset")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "not an address"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED");
		this.client.post()
			.uri("/api/password-reset")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "a@b.example", "admin", true))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNKNOWN_FIELD");
		confirm("y".repeat(101), NEW_PASSWORD).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("token");
		Person person = this.accounts.customer("Example Corp");
		this.client.put()
			.uri("/api/profile/password")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", person.password(), "newPassword", NEW_PASSWORD, "extra", 1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNKNOWN_FIELD");
		assertThat(basicStatus(person)).isEqualTo(HttpStatus.OK);
		this.client.put()
			.uri("/api/profile/password")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", person.password(), "newPassword", NEW_PASSWORD))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private EntityExchangeResult<String> askForReset(String email) {
		return this.client.post()
			.uri("/api/password-reset")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult();
	}

	private WebTestClient.ResponseSpec confirm(String token, String password) {
		return this.client.post()
			.uri("/api/password-reset/confirm")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", token, "password", password))
			.exchange();
	}

	private HttpStatus basicStatus(Person person) {
		return HttpStatus.valueOf(this.client.get()
			.uri("/api/profile")
			.headers(person.basic())
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value());
	}

	private static MimeMessage awaitSubject(String address, String subject) {
		return await("mail '" + subject + "' for " + address).atMost(Duration.ofSeconds(20))
			.until(() -> TestMail.accountNotices(address)
				.stream()
				.filter((mail) -> subjectOf(mail).contains(subject))
				.findFirst(), java.util.Optional::isPresent)
			.get();
	}

	private static String subjectOf(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
