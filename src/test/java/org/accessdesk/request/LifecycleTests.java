package org.accessdesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accessdesk.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestClock;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Withdraw, escalate, remove, expire and auto-retry, each through the one door with its
 * event (SPEC §6). Time passes by moving the rows' timestamps back, not by waiting.
 */
@IntegrationTest
class LifecycleTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	PendingExpiry expiry;

	@Autowired
	AutoRetries autoRetries;

	@Autowired
	TestClock clock;

	TestAccounts accounts;

	TestRegistry registry;

	Person customer;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.accounts.customer("Admin Co"));
		this.customer = this.accounts.signUp(TestAccounts.uniqueEmail("lifecycle"), "Life Cycle", "en",
				this.registry.company, "1 Main Street");
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void aWaitingItemCanBeWithdrawnOnceAndOnlyByItsOwner() {
		String item = itemId(submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins, false));
		Person stranger = this.accounts.customer("Stranger Corp");
		action(stranger, item, "withdraw").expectStatus().isNotFound();

		action(this.customer, item, "withdraw").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("WITHDRAWN")
			.jsonPath("$.reason")
			.isEqualTo("WITHDRAWN");
		action(this.customer, item, "withdraw").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("STATUS_CHANGED");
		assertThat(eventsOf(item)).containsExactly("null>PENDING_ADMIN:AWAITING_ADMIN",
				"PENDING_ADMIN>WITHDRAWN:WITHDRAWN");
	}

	@Test
	void escalationWaitsForTheAdministratorsSilence() {
		String item = itemId(submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins, false));
		action(this.customer, item, "escalate").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ESCALATION_TOO_EARLY");

		setBack(item, "pending_since", Duration.ofHours(73));
		action(this.customer, item, "escalate").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING_VENDOR")
			.jsonPath("$.reason")
			.isEqualTo("ESCALATED")
			.jsonPath("$.deadline")
			.isNotEmpty();
	}

	@Test
	void approvedAccessCanBeRemovedAndThenAppliedForAgain() {
		String item = itemId(submit("FULL_SUPPORT", "CONTRACT", this.registry.directContract, false));
		this.client.get()
			.uri("/api/access")
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fullSupport[0].contractNumber")
			.isEqualTo(this.registry.directContract)
			.jsonPath("$.fullSupport[0].billToId")
			.isEqualTo(this.registry.billToFullNoAdmins);

		action(this.customer, item, "remove").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REVOKED")
			.jsonPath("$.reason")
			.isEqualTo("REMOVED");
		this.client.get()
			.uri("/api/access")
			.headers(this.customer.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.fullSupport.length()")
			.isEqualTo(0);
		assertThat(status(itemId(submit("FULL_SUPPORT", "CONTRACT", this.registry.directContract, false))))
			.isEqualTo("APPROVED");
	}

	@Test
	void itemsLeftWaitingForTwentyEightDaysExpire() {
		String item = itemId(submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract, false));
		String fresh = itemId(submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins, false));
		setBack(item, "pending_since", Duration.ofDays(29));

		// (The scheduled run may be the one that expires it: the outcome is what counts.)
		this.expiry.expireBatch().block(Duration.ofSeconds(30));
		assertThat(status(item)).isEqualTo("EXPIRED");
		assertThat(status(fresh)).isEqualTo("PENDING_ADMIN");
		assertThat(eventsOf(item)).last().isEqualTo("PENDING_VENDOR>EXPIRED:EXPIRED");
	}

	/**
	 * Waiting and expiry are the service's clock, not the database's (issue 14, item 7).
	 * An item submitted when the service's clock said 28 days ago, less ten minutes,
	 * waits since then; it expires once that clock is eleven minutes ahead of the
	 * database's time, by which it would not have expired yet.
	 */
	@Test
	void waitingAndExpiryFollowTheServicesClock() {
		this.clock.advance(Duration.ofDays(-28).plusMinutes(10));
		Instant submittedAt = this.clock.instant();
		String item = itemId(submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract, false));
		assertThat(timestamp(item, "pending_since")).isBetween(submittedAt, this.clock.instant());
		assertThat(timestamp(item, "updated_at")).isBetween(submittedAt, this.clock.instant());

		this.clock.reset();
		this.expiry.expireBatch().block(Duration.ofSeconds(30));
		assertThat(status(item)).isEqualTo("PENDING_VENDOR");

		this.clock.advance(Duration.ofMinutes(11));
		this.expiry.expireBatch().block(Duration.ofSeconds(30));
		assertThat(status(item)).isEqualTo("EXPIRED");
		assertThat(eventsOf(item)).last().isEqualTo("PENDING_VENDOR>EXPIRED:EXPIRED");
	}

	/**
	 * An escalation starts the wait and the vendor's deadline at the service's time, not
	 * the database's: an hour behind here (behind, so that no other item falls due
	 * meanwhile).
	 */
	@Test
	void anEscalationWaitsFromTheServicesClock() {
		String item = itemId(submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins, false));
		setBack(item, "pending_since", Duration.ofHours(74));
		this.clock.advance(Duration.ofHours(-1));
		Instant escalatedAt = this.clock.instant();
		action(this.customer, item, "escalate").expectStatus().isOk();
		Instant after = this.clock.instant();
		assertThat(timestamp(item, "pending_since")).isBetween(escalatedAt, after);
		assertThat(timestamp(item, "updated_at")).isBetween(escalatedAt, after);
		assertThat(timestamp(item, "deadline")).isBetween(escalatedAt.plus(Duration.ofHours(6)),
				after.plus(Duration.ofHours(6)));
	}

	/**
	 * A TOO_NEW denial is retried when {@code retryAfter} has come by the service's
	 * clock: ten minutes ahead of the database's time, which has not reached it.
	 */
	@Test
	void anAutoRetryIsDueByTheServicesClock() {
		this.registry.importWith(this.client, this.accounts.operator(),
				Instant.now().minus(Duration.ofHours(48)).plus(Duration.ofMinutes(5)));
		Map<?, ?> request = submit("FULL_SUPPORT", "CONTRACT", this.registry.newContract, true);
		String denied = itemId(request);
		assertThat(status(denied)).isEqualTo("DENIED");

		this.autoRetries.retryBatch().block(Duration.ofSeconds(30));
		assertThat(retriedAs(denied)).isNull();

		this.clock.advance(Duration.ofMinutes(10));
		this.autoRetries.retryBatch().block(Duration.ofSeconds(30));
		assertThat(retriedAs(denied)).isNotNull();
		assertThat(status(retriedAs(denied))).isEqualTo("APPROVED");
	}

	@Test
	void aTooNewContractIsRetriedOnceWhenAskedAndTheNewOutcomeIsANewItem() throws Exception {
		Map<?, ?> request = submit("FULL_SUPPORT", "CONTRACT", this.registry.newContract, true);
		String denied = itemId(request);
		assertThat(status(denied)).isEqualTo("DENIED");

		// Two days later: the contract is old enough, and retryAfter has passed.
		this.registry.importWith(this.client, this.accounts.operator(), Instant.now().minus(Duration.ofDays(3)));
		setBack(denied, "retry_after", Duration.ofDays(2));
		// Twice, the scheduled run perhaps in between: retried once all the same (two
		// items below, not three).
		this.autoRetries.retryBatch().block(Duration.ofSeconds(30));
		this.autoRetries.retryBatch().block(Duration.ofSeconds(30));

		List<Map<String, Object>> items = (List<Map<String, Object>>) this.client.get()
			.uri("/api/access-requests/{id}", request.get("id"))
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");
		assertThat(items).hasSize(2);
		assertThat(items).extracting((item) -> item.get("status")).containsExactlyInAnyOrder("DENIED", "APPROVED");
		assertThat(eventsOf(denied)).last().isEqualTo("DENIED>DENIED:AUTO_RETRY");

		// The requester hears of it: first the TOO_NEW summary, then the retry's outcome.
		List<MimeMessage> mails = TestMail.await(this.customer.email(), 2, Duration.ofSeconds(20));
		MimeMessage retried = mails.get(1);
		TestMail.keep(retried, "auto-retried-en");
		assertThat(retried.getSubject())
			.isEqualTo("[Access Desk] " + this.registry.newContract + " was submitted again: Approved");
		assertThat(TestMail.text(retried)).contains("we submitted this number again", "Status: Approved",
				"Done: your access is active.");
	}

	@Test
	void anEventCanNeverBeChangedOrDeleted() {
		String item = itemId(submit("FULL_SUPPORT", "CONTRACT", this.registry.directContract, false));
		assertThat(failureOf("UPDATE item_event SET reason = 'X' WHERE item_id = :id", item))
			.hasMessageContaining("append-only");
		assertThat(failureOf("DELETE FROM item_event WHERE item_id = :id", item)).hasMessageContaining("append-only");
		assertThat(eventsOf(item)).containsExactly("null>APPROVED:AUTO_APPROVED");
	}

	private Throwable failureOf(String sql, String item) {
		return this.db.sql(sql)
			.bind("id", UUID.fromString(item))
			.then()
			.then(reactor.core.publisher.Mono.<Throwable>empty())
			.onErrorResume(reactor.core.publisher.Mono::just)
			.defaultIfEmpty(new AssertionError("the statement succeeded"))
			.block();
	}

	private Map<?, ?> submit(String kind, String type, String identifier, boolean autoRetry) {
		return this.client.post()
			.uri("/api/access-requests")
			.headers(this.customer.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "identifierType", type, "identifiers", identifier, "autoRetry", autoRetry))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec action(Person person, String item, String action) {
		return this.client.post().uri("/api/items/{id}/{action}", item, action).headers(person.basic()).exchange();
	}

	private static String itemId(Map<?, ?> request) {
		return (String) SubmissionTests.firstItem(request).get("id");
	}

	private String status(String item) {
		return this.db.sql("SELECT status FROM access_item WHERE id = :id")
			.bind("id", UUID.fromString(item))
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private Instant timestamp(String item, String column) {
		return this.db.sql("SELECT " + column + " FROM access_item WHERE id = :id")
			.bind("id", UUID.fromString(item))
			.map((row) -> row.get(0, java.time.OffsetDateTime.class).toInstant())
			.one()
			.block();
	}

	private String retriedAs(String item) {
		return this.db.sql("SELECT retried_as::text FROM access_item WHERE id = :id")
			.bind("id", UUID.fromString(item))
			.map((row) -> java.util.Optional.ofNullable(row.get(0, String.class)))
			.one()
			.block()
			.orElse(null);
	}

	private List<String> eventsOf(String item) {
		return this.db
			.sql("SELECT coalesce(from_status, 'null') || '>' || to_status || ':' || reason FROM item_event"
					+ " WHERE item_id = :id ORDER BY txid, id")
			.bind("id", UUID.fromString(item))
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

	private void setBack(String item, String column, Duration by) {
		this.db
			.sql("UPDATE access_item SET " + column + " = " + column + " - make_interval(secs => :seconds)"
					+ " WHERE id = :id")
			.bind("seconds", (double) by.toSeconds())
			.bind("id", UUID.fromString(item))
			.then()
			.block();
	}

}
