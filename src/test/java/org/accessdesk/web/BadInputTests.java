package org.accessdesk.web;

import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input always gets a clear 4xx problem with a stable code, never a 500, and writes
 * nothing (SPEC §9).
 */
@IntegrationTest
class BadInputTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	Person person;

	@BeforeEach
	void setUp() {
		this.person = new TestAccounts(this.client).customer("Example Corp");
	}

	/**
	 * Each row names the address it tries to sign up, and no account may have it
	 * afterwards.
	 */
	static java.util.stream.Stream<Arguments> badSignUps() {
		String password = "\"password\":\"" + TestAccounts.PASSWORD + "\"";
		return java.util.stream.Stream.of(
				Arguments.of("malformed JSON", "bad-json@test.example", "{" + email("bad-json") + ",", 400,
						"MALFORMED_REQUEST"),
				Arguments.of("unknown field", "bad-field@test.example",
						"{" + email("bad-field") + "," + password + ",\"name\":\"A\",\"admin\":true}", 400,
						"UNKNOWN_FIELD"),
				Arguments.of("wrong type", "bad-type@test.example",
						"{" + email("bad-type") + "," + password + ",\"name\":{\"first\":\"A\"}}", 400,
						"MALFORMED_REQUEST"),
				Arguments.of("short password", "bad-password@test.example",
						"{" + email("bad-password") + ",\"password\":\"short\",\"name\":\"A\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("not an email", "nobody", "{\"email\":\"nobody\"," + password + ",\"name\":\"A\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("unknown language", "bad-language@test.example",
						"{" + email("bad-language") + "," + password + ",\"name\":\"A\",\"language\":\"fr\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("over-long name", "bad-name@test.example",
						"{" + email("bad-name") + "," + password + ",\"name\":\"" + "x".repeat(201) + "\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("control character", "bad-control@test.example",
						"{" + email("bad-control") + "," + password + ",\"name\":\"A\\u0000B\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("not an object", "bad-array@test.example", "[1,2,3]", 400, "MALFORMED_REQUEST"),
				Arguments.of("empty body", "bad-empty@test.example", "", 400, "MALFORMED_REQUEST"));
	}

	private static String email(String local) {
		return "\"email\":\"" + local + "@test.example\"";
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSignUps")
	void aBadSignUpIsAProblemAndCreatesNoAccount(String what, String email, String body, int status, String code) {
		this.client.post()
			.uri("/api/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.title")
			.isNotEmpty();
		Long accounts = this.db.sql("SELECT count(*) FROM account WHERE lower(email) = lower(:email)")
			.bind("email", email)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		assertThat(accounts).as(what).isZero();
	}

	@Test
	void aBodyOver64KibIsA413WhetherDeclaredOrStreamed() {
		String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
		this.client.post()
			.uri("/api/tokens")
			.headers(this.person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(big)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");

		// Without Content-Length (chunked), the codec limit catches it.
		this.client.post()
			.uri("/api/tokens")
			.headers(this.person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.body(reactor.core.publisher.Flux.just(big.substring(0, 40_000), big.substring(40_000)), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.valueEquals(HttpHeaders.CONNECTION, "close")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");
		Long tokens = this.db
			.sql("SELECT count(*) FROM api_token t JOIN account a ON a.id = t.account_id WHERE a.email = :email")
			.bind("email", this.person.email())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		assertThat(tokens).isZero();
	}

	@Test
	void unknownRoutesWrongMethodsAndMediaTypesAreProblems() {
		this.client.get()
			.uri("/api/no-such-thing")
			.headers(this.person.basic())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
		this.client.patch()
			.uri("/api/profile")
			.headers(this.person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("METHOD_NOT_ALLOWED");
		this.client.post()
			.uri("/api/tokens")
			.headers(this.person.basic())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=x")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		this.client.delete()
			.uri("/api/tokens/not-a-uuid")
			.headers(this.person.basic())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
	}

}
