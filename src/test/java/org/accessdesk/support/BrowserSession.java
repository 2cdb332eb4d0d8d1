package org.accessdesk.support;

import java.util.Map;

import org.accessdesk.support.TestAccounts.Person;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the service sees one: the CSRF cookie and token, and the session cookie of
 * a form sign-in, sent with every call as the UI's api.js does.
 */
public final class BrowserSession {

	private final WebTestClient client;

	private final String csrf;

	private String session;

	private BrowserSession(WebTestClient client, String csrf, String session) {
		this.client = client;
		this.csrf = csrf;
		this.session = session;
	}

	/** Signs in with the form; fails unless the service answers 200 and a session. */
	public static BrowserSession signIn(WebTestClient client, Person person) {
		String csrf = csrf(client);
		EntityExchangeResult<byte[]> signedIn = signInAttempt(client, csrf, person.email(), person.password())
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		ResponseCookie session = signedIn.getResponseCookies().getFirst("SESSION");
		assertThat(session).as("session cookie after signing in").isNotNull();
		return new BrowserSession(client, csrf, session.getValue());
	}

	/** One sign-in attempt with the form, as a script would send it (JSON wanted). */
	public static WebTestClient.ResponseSpec signInAttempt(WebTestClient client, String csrf, String email,
			String password) {
		return client.post()
			.uri("/login")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", email).with("password", password).with("_csrf", csrf))
			.exchange();
	}

	/** A fresh CSRF token (and cookie). */
	public static String csrf(WebTestClient client) {
		ResponseCookie cookie = client.get()
			.uri("/api/csrf")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		return cookie.getValue();
	}

	/** The same browser talking to another instance (behind a load balancer). */
	public BrowserSession on(WebTestClient other) {
		return new BrowserSession(other, this.csrf, this.session);
	}

	public String sessionId() {
		return this.session;
	}

	public WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).cookie("SESSION", this.session).exchange();
	}

	/** The HTTP status of {@code GET /api/profile}: 200 while signed in, else 401. */
	public HttpStatus profileStatus() {
		return HttpStatus.valueOf(get("/api/profile").returnResult(Void.class).getStatus().value());
	}

	public WebTestClient.ResponseSpec send(HttpMethod method, String path, Object body) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.accept(MediaType.APPLICATION_JSON)
			.cookie("SESSION", this.session)
			.cookie("XSRF-TOKEN", this.csrf)
			.header("X-XSRF-TOKEN", this.csrf);
		return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: request.exchange();
	}

	public WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
		return send(HttpMethod.POST, path, body);
	}

	public WebTestClient.ResponseSpec put(String path, Map<String, ?> body) {
		return send(HttpMethod.PUT, path, body);
	}

	public WebTestClient.ResponseSpec delete(String path) {
		return send(HttpMethod.DELETE, path, null);
	}

}
