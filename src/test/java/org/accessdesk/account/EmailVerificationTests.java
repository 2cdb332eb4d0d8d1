package org.accessdesk.account;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestClock;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address counts only once its owner proved it (SPEC §2a): sign-up mails a one-time
 * link that expires; until it is followed the account may only look after itself, and no
 * role, decider name or administrator's mail follows from the address.
 */
@IntegrationTest
class EmailVerificationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestClock clock;

	@Autowired
	DatabaseClient db;

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
	void aNewAccountIsUnprovedUntilItsOwnerFollowsTheMailedLinkWhichWorksOnce() {
		Person person = unproved("ja");
		profile(person).jsonPath("$.emailVerified").isEqualTo(false).jsonPath("$.roles").isEqualTo(List.of("USER"));

		MimeMessage mail = TestMail.awaitAccountNotices(person.email(), 1, Duration.ofSeconds(20)).get(0);
		TestMail.keep(mail, "verify-email-ja");
		assertThat(subject(mail)).isEqualTo("【Access Desk】メールアドレスの確認をお願いします");
		assertThat(TestMail.text(mail)).contains("Verified Person 様",
				"https://desk.test.accessdesk.example/verify.html#token=", "まで、一度だけ使えます");
		String token = TestMail.newestToken(person.email(), "verify.html", Duration.ofSeconds(5));
		// Only a hash is kept: the table does not hold the token itself.
		assertThat(this.db.sql("SELECT count(*) FROM account_token WHERE token_hash = decode(:hash, 'hex')")
			.bind("hash", HexFormat.of().formatHex(PersonalTokens.sha256(token)))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(1);

		verify(token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(person.email())
			.jsonPath("$.emailVerified")
			.isEqualTo(true);
		profile(person).jsonPath("$.emailVerified").isEqualTo(true);
		// Sent mail keeps no working link.
		assertThat(this.db.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r AND facts ? 'token'")
			.bind("r", person.email())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();

		expectInvalid(verify(token));
	}

	@Test
	void aLinkStopsWorkingAfterADay() {
		Person person = unproved("en");
		String token = TestMail.newestToken(person.email(), "verify.html", Duration.ofSeconds(20));
		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		expectInvalid(verify(token));
		profile(person).jsonPath("$.emailVerified").isEqualTo(false);
	}

	@Test
	void askingAgainSendsANewLinkAndRetiresTheOlderOnes() {
		Person person = unproved("en");
		String first = TestMail.newestToken(person.email(), "verify.html", Duration.ofSeconds(20));
		resend(person).expectStatus().isAccepted();
		TestMail.awaitAccountNotices(person.email(), 2, Duration.ofSeconds(20));
		String second = TestMail.newestToken(person.email(), "verify.html", Duration.ofSeconds(5));
		assertThat(second).isNotEqualTo(first);

		expectInvalid(verify(first));
		verify(second).expectStatus().isOk();
		resend(person).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("ALREADY_VERIFIED");
	}

	@Test
	void untilProvedAnAccountMayOnlyLookAfterItselfAndEverythingElseWritesNothing() {
		Person person = unproved("en");
		// Allowed: read and edit the profile, ask for a
		// link, change the password, sign out everywhere.
		profile(person).jsonPath("$.emailVerified").isEqualTo(false);
		call(person, HttpMethod.PUT, "/api/profile", Map.of("name", "Still Unproved", "language", "en", "companyName",
				"Unproved KK", "companyAddress", "1 Street"))
			.expectStatus()
			.isOk();
		call(person, HttpMethod.POST, "/api/accounts/verification/resend", null).expectStatus().isAccepted();
		call(person, HttpMethod.DELETE, "/api/sessions", null).expectStatus().isNoContent();
		String newPassword = "a brand new password";
		call(person, HttpMethod.PUT, "/api/profile/password",
				Map.of("currentPassword", person.password(), "newPassword", newPassword))
			.expectStatus()
			.isNoContent();
		Person renewed = new Person(person.email(), newPassword);

		// Everything else: 403 EMAIL_UNVERIFIED.
		Map<String, Object> submission = Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
				"91000001");
		List<Object[]> denied = List.of(new Object[] { HttpMethod.POST, "/api/access-requests", submission },
				new Object[] { HttpMethod.GET, "/api/access-requests", null },
				new Object[] { HttpMethod.GET, "/api/access", null },
				new Object[] { HttpMethod.POST, "/api/tokens", Map.of("name", "script") },
				new Object[] { HttpMethod.GET, "/api/tokens", null },
				new Object[] { HttpMethod.GET, "/api/me/events", null },
				new Object[] { HttpMethod.GET, "/api/review/items", null },
				new Object[] { HttpMethod.GET, "/api/review/events", null },
				new Object[] { HttpMethod.GET, "/api/registry/companies", null },
				new Object[] { HttpMethod.GET, "/api/ops/mail", null });
		for (Object[] row : denied) {
			call(renewed, (HttpMethod) row[0], (String) row[1], row[2]).expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.value((String code) -> assertThat(code).as("%s %s", row[0], row[1]).isEqualTo("EMAIL_UNVERIFIED"));
		}
		assertThat(count("SELECT count(*) FROM access_request r JOIN account a ON a.id = r.account_id"
				+ " WHERE a.email = :value", person.email()))
			.isZero();
		assertThat(count(
				"SELECT count(*) FROM api_token t JOIN account a ON a.id = t.account_id" + " WHERE a.email = :value",
				person.email()))
			.isZero();
	}

	/**
	 * The stranger who signs up first with an administrator's address: no role, never
	 * named to requesters, never greeted by name in the administrator's mail, decides
	 * nothing. Once the address is proved (its owner follows the link) it all counts.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void anUnprovedAddressNamedAsAdministratorGetsNoRoleIsNotNamedAndDecidesNothing() {
		Person impostor = this.accounts.signUpUnverified(TestAccounts.uniqueEmail("admin"), "Impostor Name", "en",
				"Somewhere", "Street 1");
		TestRegistry registry = TestRegistry.load(this.client, this.accounts.operator(), impostor);
		profile(impostor).jsonPath("$.roles").isEqualTo(List.of("USER"));

		Person customer = this.accounts.signUp(TestAccounts.uniqueEmail("asker"), "Asking Customer", "en",
				registry.company, "1 Main Street");
		Map<?, ?> item = submit(customer, "BILL_TO", registry.billToFullWithAdmins);
		assertThat(item.get("status")).isEqualTo("PENDING_ADMIN");
		assertThat((List<Object>) item.get("deciders")).containsExactly(masked(impostor.email()))
			.doesNotContain("Impostor Name");

		// The mail asking the administrator goes to
		// the address, but not as the stranger's.
		MimeMessage asked = TestMail.await(impostor.email(), 1, Duration.ofSeconds(20)).get(0);
		assertThat(TestMail.text(asked)).doesNotContain("Impostor Name").contains("お客様");

		call(impostor, HttpMethod.GET, "/api/review/items?queue=admin", null).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("EMAIL_UNVERIFIED");
		call(impostor, HttpMethod.POST, "/api/review/items/" + item.get("id") + "/decision",
				Map.of("decision", "APPROVE"))
			.expectStatus()
			.isForbidden();
		assertThat(itemStatus(customer, (String) item.get("requestId"))).isEqualTo("PENDING_ADMIN");

		// The owner of the address follows the link: now the address counts.
		this.accounts.verify(impostor);
		profile(impostor).jsonPath("$.roles").isEqualTo(List.of("CONTRACT_ADMIN", "USER"));
		Map<?, ?> later = submit(customer, "CONTRACT", registry.otherCompanysAdministeredContract);
		assertThat((List<Object>) later.get("deciders")).containsExactly("Impostor Name");
	}

	@Test
	void anUnprovedAddressAtACompanysDomainGetsNoAutomaticApproval() {
		Person admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "Admin", "en", "A", "B");
		TestRegistry registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
		Person claimant = this.accounts.signUpUnverified(TestAccounts.uniqueEmail("claimant"), "Claimant", "en",
				registry.company, "1 Main Street");
		call(claimant, HttpMethod.POST, "/api/access-requests",
				Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers", registry.directContract))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("EMAIL_UNVERIFIED");
		assertThat(count(
				"SELECT count(*) FROM access_item i JOIN account a ON a.id = i.account_id" + " WHERE a.email = :value",
				claimant.email()))
			.isZero();
	}

	@Test
	void anUnprovedAddressListedAsOperatorCannotImport() {
		String squatted = "unproved-ops@test.accessdesk.example";
		// A run that stopped early may have left the account: the test needs it fresh.
		this.db.sql("DELETE FROM account WHERE lower(email) = :email").bind("email", squatted).then().block();
		Person squatter = this.accounts.signUpUnverified(squatted, "Squatter", "en", "X", "Y");
		profile(squatter).jsonPath("$.roles").isEqualTo(List.of("USER"));
		call(squatter, HttpMethod.POST, "/api/registry/import", Map.of("companies", List.of(Map.of("name", "Mine"))))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("EMAIL_UNVERIFIED");
		call(squatter, HttpMethod.GET, "/api/ops/mail", null).expectStatus().isForbidden();
		assertThat(count("SELECT count(*) FROM company WHERE name = :value", "Mine")).isZero();
		this.accounts.verify(squatter);
		profile(squatter).jsonPath("$.roles").isEqualTo(List.of("OPERATOR", "USER"));
	}

	@Test
	void badTokensAreProblemsThatChangeNothing() {
		Person person = unproved("en");
		this.client.post()
			.uri("/api/accounts/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", "x".repeat(101)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[0].field")
			.isEqualTo("token");
		this.client.post()
			.uri("/api/accounts/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", "abc", "email", person.email()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNKNOWN_FIELD");
		expectInvalid(verify("not-a-token-of-ours"));
		profile(person).jsonPath("$.emailVerified").isEqualTo(false);
	}

	private Person unproved(String language) {
		return this.accounts.signUpUnverified(TestAccounts.uniqueEmail("unproved"), "Verified Person", language,
				"Example Corp", "1-2-3 Marunouchi");
	}

	private WebTestClient.ResponseSpec verify(String token) {
		return this.client.post()
			.uri("/api/accounts/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", token))
			.exchange();
	}

	private static void expectInvalid(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_VERIFICATION");
	}

	private WebTestClient.ResponseSpec resend(Person person) {
		return call(person, HttpMethod.POST, "/api/accounts/verification/resend", null);
	}

	private WebTestClient.BodyContentSpec profile(Person person) {
		return this.client.get()
			.uri("/api/profile")
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec call(Person person, HttpMethod method, String path, Object body) {
		WebTestClient.RequestBodySpec request = this.client.method(method).uri(path).headers(person.basic());
		return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: request.exchange();
	}

	private Map<?, ?> submit(Person customer, String type, String number) {
		Map<?, ?> request = this.client.post()
			.uri("/api/access-requests")
			.headers(customer.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", type, "identifiers", number))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<?, ?>) ((List<?>) request.get("items")).get(0);
	}

	private String itemStatus(Person customer, String requestId) {
		Map<?, ?> request = this.client.get()
			.uri("/api/access-requests/{id}", requestId)
			.headers(customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("status");
	}

	private long count(String sql, String value) {
		return this.db.sql(sql).bind("value", value).map((row) -> row.get(0, Long.class)).one().block();
	}

	private static String masked(String email) {
		int at = email.indexOf('@');
		return email.substring(0, 4) + "…" + email.substring(at);
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
