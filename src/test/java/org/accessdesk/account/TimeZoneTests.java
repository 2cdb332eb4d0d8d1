package org.accessdesk.account;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TestRegistry;
import org.accessdesk.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One clock (SPEC §7, §10; issue 15): the profile's time zone, an IANA id the service
 * knows; the mail shows times in it, named.
 */
@IntegrationTest
class TimeZoneTests {

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
	void aProfileKeepsTheZoneItWasGivenAndAnUpdateWithoutOneKeepsIt() {
		Person person = this.accounts.customer("Zone Co");
		profile(person).jsonPath("$.timeZone").isEmpty();
		put(person, "Europe/Berlin").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.timeZone")
			.isEqualTo("Europe/Berlin");
		put(person, null).expectStatus().isOk().expectBody().jsonPath("$.timeZone").isEqualTo("Europe/Berlin");
		profile(person).jsonPath("$.timeZone").isEqualTo("Europe/Berlin");
	}

	@Test
	void anUnknownZoneIsA400AndWritesNothing() {
		Person person = this.accounts.customer("Zone Co");
		put(person, "Asia/Tokyo").expectStatus().isOk();
		for (String wrong : List.of("Mars/Olympus_Mons", "+09:00", "JST", "", "asia/tokyo")) {
			put(person, wrong, "en", "Other Co").expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.errors[0].field")
				.isEqualTo("timeZone");
		}
		profile(person).jsonPath("$.timeZone")
			.isEqualTo("Asia/Tokyo")
			.jsonPath("$.language")
			.isEqualTo("ja")
			.jsonPath("$.companyName")
			.isEqualTo("Zone Co");
	}

	@Test
	void signUpTakesAZoneAndRefusesAnUnknownOneWithoutCreatingTheAccount() {
		String email = TestAccounts.uniqueEmail("zoned");
		Map<String, Object> body = new HashMap<>(
				Map.of("email", email, "password", TestAccounts.PASSWORD, "name", "Zoned", "timeZone", "Nowhere/City"));
		this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.db.sql("SELECT count(*) FROM account WHERE lower(email) = lower(:email)")
			.bind("email", email)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
		body.put("timeZone", "America/Sao_Paulo");
		this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.timeZone")
			.isEqualTo("America/Sao_Paulo");
	}

	/**
	 * The deadline of an item waiting for our desk, in the requester's zone: named by its
	 * id, never in JST.
	 */
	@Test
	void mailShowsTimesInTheRecipientsZone() throws Exception {
		Person admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "Zone Admin", "en", "Admin Co", "Tokyo");
		TestRegistry registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("ny"), "New Yorker", "en", registry.company,
				"1 Main Street");
		put(requester, "America/New_York", "en", registry.company).expectStatus().isOk();
		TestRequests.submit(this.client, requester, "FULL_SUPPORT", "CONTRACT", List.of(registry.otherCompanysContract),
				null);
		MimeMessage summary = TestMail.await(requester.email(), 1, Duration.ofSeconds(20)).get(0);
		assertThat(TestMail.text(summary))
			.containsPattern("Answer expected by: \\d+ \\w{3} \\d{4}, \\d\\d:\\d\\d America/New_York")
			// No date and time in JST (the footer's support hours may name JST).
			.doesNotContainPattern("\\d{4}[^\\n]{0,8}\\d\\d:\\d\\d JST");
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

	private WebTestClient.ResponseSpec put(Person person, String timeZone) {
		return put(person, timeZone, "ja", "Zone Co");
	}

	private WebTestClient.ResponseSpec put(Person person, String timeZone, String language, String company) {
		Map<String, Object> body = new HashMap<>(Map.of("name", "Zoned Person", "language", language, "companyName",
				company, "companyAddress", "1 Main Street"));
		if (timeZone != null) {
			body.put("timeZone", timeZone);
		}
		return this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
