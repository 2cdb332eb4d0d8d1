package org.accessdesk.account;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.HeaderAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every answer, page or API, carries the same protective headers; HSTS only where the
 * request came over https (these tests speak plain http, as a developer does).
 */
@IntegrationTest
class SecurityHeadersTests {

	/**
	 * Written out, not read from the code under test: a change to the policy must show
	 * here.
	 */
	static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
			+ " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
			+ " frame-ancestors 'none'";

	@Autowired
	WebTestClient client;

	@Test
	void aPageCarriesTheSecurityHeaders() {
		expectSecurityHeaders(this.client.get().uri("/signin.html").exchange().expectStatus().isOk())
			.valueEquals("Content-Security-Policy", PAGES_POLICY);
	}

	@Test
	void anApiAnswerCarriesTheSecurityHeadersAndIsNotCached() {
		TestAccounts.Person person = new TestAccounts(this.client).customer("Header Corp");
		expectSecurityHeaders(
				this.client.get().uri("/api/profile").headers(person.basic()).exchange().expectStatus().isOk())
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
		expectSecurityHeaders(this.client.get().uri("/api/profile").exchange().expectStatus().isUnauthorized());
	}

	@Test
	void theStreamsHaveTheirOwnShorterChainWithTheSameRulesAndHeaders() {
		TestAccounts accounts = new TestAccounts(this.client);
		TestAccounts.Person person = accounts.customer("Stream Header Corp");
		String token = accounts.token(person);
		// Nobody: 401 problem, the Bearer challenge, the headers.
		expectSecurityHeaders(this.client.get()
			.uri("/api/me/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()).valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accessdesk\"")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		// A revoked or made-up token: 401 INVALID_TOKEN, as on every other path.
		this.client.get()
			.uri("/api/me/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer adt_made-up")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_TOKEN");
		// A customer is not a reviewer.
		this.client.get()
			.uri("/api/review/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isForbidden();
		// A token call gets no session cookie.
		this.client.get()
			.uri("/api/profile")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void theApiDocumentationHasItsOwnScopedPolicy() {
		expectSecurityHeaders(this.client.get().uri("/v3/api-docs").exchange().expectStatus().isOk())
			.valueEquals("Content-Security-Policy", API_DOCS_POLICY);
	}

	private static HeaderAssertions expectSecurityHeaders(WebTestClient.ResponseSpec response) {
		return response.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueEquals("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
			.expectHeader()
			.valueEquals("Cross-Origin-Opener-Policy", "same-origin")
			.expectHeader()
			.valueEquals("Cross-Origin-Resource-Policy", "same-origin")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security")
			.expectHeader();
	}

}
