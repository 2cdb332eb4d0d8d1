package org.accessdesk.account;

import java.time.Duration;

import org.accessdesk.support.BrowserSession;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SecondInstance;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions live in PostgreSQL (SPEC §2a): made on one instance, they work on
 * another and after a restart; signing out everywhere ends them on every instance; idle
 * ones expire; the table holds no session id a reader could use.
 */
@IntegrationTest
class SharedSessionTests {

	static SecondInstance instanceB;

	@Autowired
	WebTestClient client;

	@Autowired
	TestClock clock;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	@BeforeAll
	static void startInstanceB() {
		instanceB = SecondInstance.start();
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@AfterEach
	void clockBack() {
		this.clock.reset();
	}

	@Test
	void aSessionMadeOnOneInstanceWorksOnAnotherAndAfterThatOneRestarts() {
		Person person = this.accounts.customer("Example Corp");
		BrowserSession onA = BrowserSession.signIn(this.client, person);
		BrowserSession onB = onA.on(instanceB.client());
		onB.get("/api/profile").expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(person.email());
		// A change needs the same CSRF token on either instance, and counts on both.
		onB.put("/api/profile", java.util.Map.of("name", "Changed On B", "language", "en", "companyName",
				"Example Corp", "companyAddress", "1 Main Street"))
			.expectStatus()
			.isOk();
		onA.get("/api/profile").expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Changed On B");

		instanceB.close();
		instanceB = SecondInstance.start();
		onA.on(instanceB.client()).get("/api/profile").expectStatus().isOk();

		// The table holds a hash of the session id, never the id itself.
		assertThat(this.db.sql("SELECT count(*) FROM web_session WHERE id_hash = sha256(convert_to(:id, 'UTF8'))")
			.bind("id", onA.sessionId())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(1);
	}

	@Test
	void signingOutEverywhereEndsEverySessionOnEveryInstanceButNotTheTokens() {
		Person person = this.accounts.customer("Example Corp");
		String token = this.accounts.token(person);
		BrowserSession first = BrowserSession.signIn(this.client, person);
		BrowserSession second = BrowserSession.signIn(instanceB.client(), person);
		Person other = this.accounts.customer("Example Corp");
		BrowserSession someoneElse = BrowserSession.signIn(this.client, other);

		second.delete("/api/sessions")
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.value("Set-Cookie", (cookie) -> assertThat(cookie).startsWith("SESSION=;").contains("Max-Age=0"));
		assertThat(first.profileStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(first.on(instanceB.client()).profileStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(second.profileStatus()).as("this session too").isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(someoneElse.profileStatus()).as("another account's").isEqualTo(HttpStatus.OK);
		this.client.get().uri("/api/profile").headers(Person.bearer(token)).exchange().expectStatus().isOk();
		assertThat(this.db
			.sql("SELECT count(*) FROM web_session s JOIN account a ON a.id = s.account_id" + " WHERE a.email = :email")
			.bind("email", person.email())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void anIdleSessionExpiresAndABusyOneDoesNot() {
		Person person = this.accounts.customer("Example Corp");
		BrowserSession busy = BrowserSession.signIn(this.client, person);
		BrowserSession idle = BrowserSession.signIn(this.client, person);
		for (int minutes = 0; minutes < 40; minutes += 10) {
			this.clock.advance(Duration.ofMinutes(10));
			assertThat(busy.profileStatus()).as("busy after %d min", minutes + 10).isEqualTo(HttpStatus.OK);
		}
		assertThat(idle.profileStatus()).as("idle for 40 min (timeout 30 min)").isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void signingOutEndsTheSessionOnEveryInstance() {
		Person person = this.accounts.customer("Example Corp");
		BrowserSession session = BrowserSession.signIn(this.client, person);
		session.send(org.springframework.http.HttpMethod.POST, "/logout", null).expectStatus().isNoContent();
		assertThat(session.on(instanceB.client()).profileStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
