package org.accessdesk.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
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
 * Background work cannot be poisoned (issue 13): an item whose expiry or auto-retry fails
 * every time — here because a trigger made for the test refuses to change its row — is
 * recorded with its attempts and error, shown to the operator, counted, left out until
 * its next attempt, and does not keep the items behind it from their turn.
 */
@IntegrationTest
class BackgroundWorkTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	PendingExpiry expiry;

	@Autowired
	AutoRetries autoRetries;

	@Autowired
	MeterRegistry meters;

	TestAccounts accounts;

	TestRegistry registry;

	Person customer;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.accounts.customer("Admin Co"));
		this.customer = this.accounts.signUp(TestAccounts.uniqueEmail("background"), "Back Ground", "en",
				this.registry.company, "1 Main Street");
	}

	@AfterEach
	void noMoreFaults() {
		this.db.sql("DROP TRIGGER IF EXISTS refuse_for_test ON access_item").then().block(WAIT);
		this.db.sql("DROP FUNCTION IF EXISTS refuse_for_test()").then().block(WAIT);
	}

	@Test
	void anItemThatCannotExpireIsRecordedAndTheItemsBehindItExpire() {
		String poisoned = item("CONTRACT", this.registry.otherCompanysContract);
		String second = item("BILL_TO", this.registry.billToFullWithAdmins);
		String third = item("CONTRACT", this.registry.otherCompanysAdministeredContract);
		refuseChangesTo(poisoned);
		// The poisoned one waited longest: first in the job's order.
		setBack(poisoned, "pending_since", Duration.ofDays(31));
		setBack(second, "pending_since", Duration.ofDays(30));
		setBack(third, "pending_since", Duration.ofDays(29));
		double failuresBefore = failures("expiry");

		this.expiry.expireBatch().block(WAIT);
		assertThat(status(second)).isEqualTo("EXPIRED");
		assertThat(status(third)).isEqualTo("EXPIRED");
		assertThat(status(poisoned)).isEqualTo("PENDING_VENDOR");
		Map<String, Object> failure = failureOf(poisoned);
		assertThat(failure).containsEntry("job", "expiry").containsEntry("attempts", 1);
		assertThat((String) failure.get("lastError")).contains("refused for the test");
		assertThat(failures("expiry")).isEqualTo(failuresBefore + 1);
		assertThat(this.meters.get("accessdesk.background.failing").tag("job", "expiry").gauge().value())
			.isGreaterThanOrEqualTo(1);

		// Until its next attempt it is left out, whoever runs the job.
		this.expiry.expireBatch().block(WAIT);
		assertThat(failureOf(poisoned)).containsEntry("attempts", 1);

		// Once it works again, the next attempt expires it and the record goes.
		noMoreFaults();
		this.db.sql("UPDATE background_failure SET next_attempt_at = now() WHERE item_id = :item::uuid")
			.bind("item", poisoned)
			.then()
			.block(WAIT);
		this.expiry.expireBatch().block(WAIT);
		assertThat(status(poisoned)).isEqualTo("EXPIRED");
		assertThat(failureOfOrNull(poisoned)).isNull();
	}

	@Test
	void aDenialThatCannotBeRetriedIsRecordedAndTheOthersAreRetried() {
		// Two requesters denied as TOO_NEW, both asking for a retry; then the contract
		// comes of age.
		String poisoned = item("CONTRACT", this.registry.newContract, true);
		Person other = this.accounts.signUp(TestAccounts.uniqueEmail("background"), "Other One", "en",
				this.registry.company, "1 Main Street");
		String fine = itemOf(other, "CONTRACT", this.registry.newContract, true);
		this.registry.importWith(this.client, this.accounts.operator(),
				java.time.Instant.now().minus(Duration.ofDays(3)));
		refuseChangesTo(poisoned);
		setBack(poisoned, "retry_after", Duration.ofDays(3));
		setBack(fine, "retry_after", Duration.ofDays(2));

		this.autoRetries.retryBatch().block(WAIT);
		assertThat(retriedAs(fine)).isNotNull();
		assertThat(retriedAs(poisoned)).isNull();
		assertThat(failureOf(poisoned)).containsEntry("job", "auto-retry").containsEntry("attempts", 1);
	}

	private void refuseChangesTo(String item) {
		this.db.sql("""
				CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    RAISE EXCEPTION 'refused for the test';
				END $$""").then().block(WAIT);
		this.db
			.sql("CREATE TRIGGER refuse_for_test BEFORE UPDATE ON access_item FOR EACH ROW" + " WHEN (OLD.id = '"
					+ java.util.UUID.fromString(item) + "' AND NEW.updated_at <> OLD.updated_at)"
					+ " EXECUTE FUNCTION refuse_for_test()")
			.then()
			.block(WAIT);
	}

	private double failures(String job) {
		var counter = this.meters.find("accessdesk.background.failures").tag("job", job).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> failureOfOrNull(String item) {
		List<Map<String, Object>> failing = this.client.get()
			.uri("/api/ops/background")
			.headers(this.accounts.operator().basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		return failing.stream().filter((failure) -> item.equals(failure.get("itemId"))).findFirst().orElse(null);
	}

	private Map<String, Object> failureOf(String item) {
		Map<String, Object> failure = failureOfOrNull(item);
		assertThat(failure).as("the operator sees the failure of %s", item).isNotNull();
		return failure;
	}

	private String item(String type, String number) {
		return item(type, number, false);
	}

	private String item(String type, String number, boolean autoRetry) {
		return itemOf(this.customer, type, number, autoRetry);
	}

	private String itemOf(Person person, String type, String number, boolean autoRetry) {
		Map<?, ?> request = this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", type, "identifiers", number, "autoRetry",
					autoRetry))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("id");
	}

	private void setBack(String item, String column, Duration by) {
		this.db
			.sql("UPDATE access_item SET " + column + " = now() - make_interval(secs => :seconds)"
					+ " WHERE id = :id::uuid")
			.bind("seconds", (double) by.toSeconds())
			.bind("id", item)
			.then()
			.block(WAIT);
	}

	private String status(String item) {
		return this.db.sql("SELECT status FROM access_item WHERE id = :id::uuid")
			.bind("id", item)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(WAIT);
	}

	private Object retriedAs(String item) {
		return this.db.sql("SELECT retried_as::text AS r FROM access_item WHERE id = :id::uuid")
			.bind("id", item)
			.map((row) -> java.util.Optional.ofNullable(row.get("r", String.class)))
			.one()
			.block(WAIT)
			.orElse(null);
	}

}
