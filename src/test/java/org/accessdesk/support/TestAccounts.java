package org.accessdesk.support;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs people up through the real API. Emails are unique per call, because the test
 * database outlives a run; the configured staff emails are fixed and so are reused when
 * they exist.
 */
public final class TestAccounts {

	public static final String PASSWORD = "correct horse battery staple";

	public static final String OPERATOR = "ops@test.accessdesk.example";

	public static final String VENDOR_REVIEWER = "vendor@test.accessdesk.example";

	private final WebTestClient client;

	public TestAccounts(WebTestClient client) {
		this.client = client;
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@test.example";
	}

	/** A new customer with a complete profile. */
	public Person customer(String companyName) {
		return signUp(uniqueEmail("customer"), "Test Customer", "ja", companyName, "1-2-3 Marunouchi, Tokyo");
	}

	/** A new customer whose profile lacks company name and address. */
	public Person incompleteCustomer() {
		return signUp(uniqueEmail("incomplete"), "Incomplete Customer", "en", null, null);
	}

	public Person operator() {
		return existingOrNew(OPERATOR, "Test Operator");
	}

	public Person vendorReviewer() {
		return existingOrNew(VENDOR_REVIEWER, "Test Vendor Desk");
	}

	/**
	 * Signs up (or reuses) the account for an email that must be fixed, such as an
	 * administrator's.
	 */
	public Person existingOrNew(String email, String name) {
		HttpStatus status = post(email, name, "en", "Access Desk Test", "Test Street 1");
		assertThat(status).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
		Person person = new Person(email, PASSWORD);
		if (status == HttpStatus.CREATED) {
			verify(person);
		}
		else if (!isVerified(person)) {
			// Made by a run that stopped before proving it: a new link, as its owner
			// would.
			int before = TestMail.accountNotices(email).size();
			this.client.post()
				.uri("/api/accounts/verification/resend")
				.headers(person.basic())
				.exchange()
				.expectStatus()
				.isAccepted();
			TestMail.awaitAccountNotices(email, before + 1, Duration.ofSeconds(30));
			verify(person);
		}
		return person;
	}

	public Person signUp(String email, String name, String language, String companyName, String companyAddress) {
		Person person = signUpUnverified(email, name, language, companyName, companyAddress);
		verify(person);
		return person;
	}

	/**
	 * Signs up without following the link that proves the address: the account may only
	 * look after itself (SPEC §2a).
	 */
	public Person signUpUnverified(String email, String name, String language, String companyName,
			String companyAddress) {
		assertThat(post(email, name, language, companyName, companyAddress)).isEqualTo(HttpStatus.CREATED);
		return new Person(email, PASSWORD);
	}

	/**
	 * Proves the person's address as its owner would: takes the newest link mailed to it
	 * (from the real SMTP server) and posts its token.
	 */
	public void verify(Person person) {
		this.client.post()
			.uri("/api/accounts/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", TestMail.newestToken(person.email(), "verify.html", Duration.ofSeconds(30))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.emailVerified")
			.isEqualTo(true);
	}

	/** Whether the person's address is proved, as their profile says. */
	public boolean isVerified(Person person) {
		return Boolean.TRUE.equals(this.client.get()
			.uri("/api/profile")
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("emailVerified"));
	}

	private HttpStatus post(String email, String name, String language, String companyName, String companyAddress) {
		var body = new java.util.HashMap<String, Object>(
				Map.of("email", email, "password", PASSWORD, "name", name, "language", language));
		if (companyName != null) {
			body.put("companyName", companyName);
		}
		if (companyAddress != null) {
			body.put("companyAddress", companyAddress);
		}
		return HttpStatus.valueOf(this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value());
	}

	/**
	 * Creates a personal API token for the person and answers its secret. The fixed staff
	 * accounts outlive test runs on a reused database, so at the per-account limit their
	 * old tokens are revoked first.
	 */
	public String token(Person person) {
		var result = issue(person);
		if (result.getStatus().value() == 409) {
			List<Map<String, Object>> existing = this.client.get()
				.uri("/api/tokens")
				.headers(person.basic())
				.exchange()
				.expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
			existing.forEach((token) -> this.client.delete()
				.uri("/api/tokens/{id}", token.get("id"))
				.headers(person.basic())
				.exchange()
				.expectStatus()
				.isNoContent());
			result = issue(person);
		}
		assertThat(result.getStatus().value()).isEqualTo(201);
		Map<?, ?> issued = result.getResponseBody();
		assertThat(issued).isNotNull();
		return (String) issued.get("token");
	}

	private org.springframework.test.web.reactive.server.EntityExchangeResult<Map> issue(Person person) {
		return this.client.post()
			.uri("/api/tokens")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "test"))
			.exchange()
			.expectBody(Map.class)
			.returnResult();
	}

	/** Someone who can sign in. */
	public record Person(String email, String password) {

		public Consumer<HttpHeaders> basic() {
			String credentials = Base64.getEncoder()
				.encodeToString((this.email + ":" + this.password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return (headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
		}

		public static Consumer<HttpHeaders> bearer(String token) {
			return (headers) -> headers.setBearerAuth(token);
		}

	}

}
