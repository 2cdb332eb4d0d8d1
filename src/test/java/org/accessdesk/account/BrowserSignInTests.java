package org.accessdesk.account;

import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser path: form login, a session cookie, and CSRF on every change. */
@IntegrationTest
class BrowserSignInTests {

	@Autowired
	WebTestClient client;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@Test
	void signInWithTheFormThenChangeTheProfileWithTheCsrfToken() {
		Person person = this.accounts.customer("Example Corp");
		Csrf csrf = csrf();

		EntityExchangeResult<byte[]> signIn = this.client.post()
			.uri("/login")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf.token())
			.body(BodyInserters.fromFormData("username", person.email())
				.with("password", person.password())
				.with("_csrf", csrf.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(person.email())
			.returnResult();
		ResponseCookie session = signIn.getResponseCookies().getFirst("SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");

		this.client.get()
			.uri("/api/profile")
			.cookie("SESSION", session.getValue())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(person.email());

		Map<String, String> update = Map.of("name", "Changed In Browser", "language", "en");
		this.client.put()
			.uri("/api/profile")
			.cookie("SESSION", session.getValue())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CSRF_REJECTED");

		this.client.put()
			.uri("/api/profile")
			.cookie("SESSION", session.getValue())
			.cookie("XSRF-TOKEN", csrf.token())
			.header("X-XSRF-TOKEN", csrf.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Changed In Browser");

		this.client.post()
			.uri("/logout")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("SESSION", session.getValue())
			.cookie("XSRF-TOKEN", csrf.token())
			.header("X-XSRF-TOKEN", csrf.token())
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/profile")
			.cookie("SESSION", session.getValue())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theSignInFormNeedsTheCsrfTokenAndTheRightPassword() {
		Person person = this.accounts.customer("Example Corp");
		this.client.post()
			.uri("/login")
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData("username", person.email()).with("password", person.password()))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CSRF_REJECTED");

		Csrf csrf = csrf();
		this.client.post()
			.uri("/login")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf.token())
			.body(BodyInserters.fromFormData("username", person.email())
				.with("password", "not the password")
				.with("_csrf", csrf.token()))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("BAD_CREDENTIALS");

		// A plain HTML form (no JSON wanted) is sent back to the sign-in page.
		this.client.post()
			.uri("/login")
			.accept(MediaType.TEXT_HTML)
			.cookie("XSRF-TOKEN", csrf.token())
			.body(BodyInserters.fromFormData("username", person.email())
				.with("password", "not the password")
				.with("_csrf", csrf.token()))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/signin.html?error");
	}

	/**
	 * The language switch of the browser UI changes the profile; the session's next
	 * answer already words next steps in the new language, without signing in again.
	 */
	@Test
	void aLanguageChangeIsSpokenByTheSessionsNextAnswer() {
		Person person = this.accounts.customer("Example Corp");
		Csrf csrf = csrf();
		String session = this.client.post()
			.uri("/login")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf.token())
			.body(BodyInserters.fromFormData("username", person.email())
				.with("password", person.password())
				.with("_csrf", csrf.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("SESSION")
			.getValue();
		this.client.post()
			.uri("/api/access-requests")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", csrf.token())
			.header("X-XSRF-TOKEN", csrf.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers", "99999999999999"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.items[0].nextStep")
			.value((String text) -> assertThat(text).startsWith("契約番号が存在しないか"));

		this.client.put()
			.uri("/api/profile")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", csrf.token())
			.header("X-XSRF-TOKEN", csrf.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Test Customer", "language", "en", "companyName", "Example Corp",
					"companyAddress", "1-2-3 Marunouchi, Tokyo"))
			.exchange()
			.expectStatus()
			.isOk();

		this.client.get()
			.uri("/api/access-requests?size=1")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requests[0].items[0].nextStep")
			.isEqualTo(
					"This number is unknown or its contract is not active. Check the number and submit a correct one.");
	}

	private Csrf csrf() {
		EntityExchangeResult<Map> result = this.client.get()
			.uri("/api/csrf")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult();
		ResponseCookie cookie = result.getResponseCookies().getFirst("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		assertThat(result.getResponseBody()).containsEntry("token", cookie.getValue())
			.containsEntry("headerName", "X-XSRF-TOKEN");
		return new Csrf(cookie.getValue());
	}

	record Csrf(String token) {
	}

}
