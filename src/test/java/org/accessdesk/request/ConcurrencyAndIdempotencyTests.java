package org.accessdesk.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database, not only the code, keeps one account from holding the same access twice,
 * and an Idempotency-Key makes a repeated submission answer the first one (SPEC §5 D4,
 * §9).
 */
@IntegrationTest
class ConcurrencyAndIdempotencyTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	Person customer;

	String token;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.accounts.customer("Admin Co"));
		this.customer = this.accounts.signUp(TestAccounts.uniqueEmail("racer"), "Racer", "en", this.registry.company,
				"1 Main Street");
		this.token = this.accounts.token(this.customer);
	}

	@Test
	void fiftyConcurrentSubmissionsOfOneContractMakeExactlyOneLiveItem() {
		WebClient web = TestHttp.webClient(this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(this.token))
			.build();
		// The contract goes to the vendor queue (company mismatch), so every racer wants
		// the same pending item.
		Map<String, Object> body = Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
				this.registry.otherCompanysContract);
		List<Map> answers = Flux.range(0, 50)
			.flatMap((i) -> web.post()
				.uri("/api/access-requests")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.retrieve()
				.bodyToMono(Map.class), 50)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(answers).hasSize(50);
		List<Object> reasons = answers.stream()
			.map((answer) -> (Object) SubmissionTests.firstItem(answer).get("reason"))
			.toList();
		assertThat(reasons).filteredOn("COMPANY_MISMATCH"::equals).hasSize(1);
		assertThat(reasons).filteredOn("ALREADY_REGISTERED"::equals).hasSize(49);
		assertThat(liveItems()).isEqualTo(1);
	}

	@Test
	void aRepeatedIdempotencyKeyAnswersTheFirstRequestAndWritesNothing() {
		String key = "key-" + UUID.randomUUID();
		Map<String, Object> body = Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
				List.of(this.registry.directContract, this.registry.otherCompanysContract));
		Map<?, ?> first = submitWithKey(key, body).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "false")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> second = submitWithKey(key, body).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(second.get("id")).isEqualTo(first.get("id"));
		assertThat(second.get("items")).isEqualTo(first.get("items"));
		assertThat(count(
				"SELECT count(*) FROM access_request WHERE account_id = (SELECT id FROM account WHERE email = :email)"))
			.isEqualTo(1);

		submitWithKey(key,
				Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
						this.registry.expiredContract))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void concurrentSubmissionsWithOneKeyMakeOneRequest() {
		String key = "race-" + UUID.randomUUID();
		WebClient web = TestHttp.webClient(this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(this.token))
			.build();
		Map<String, Object> body = Map.of("kind", "FULL_SUPPORT", "identifierType", "BILL_TO", "identifiers",
				this.registry.billToFullWithAdmins);
		List<Object> ids = Flux.range(0, 20)
			.flatMap((i) -> web.post()
				.uri("/api/access-requests")
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.retrieve()
				.bodyToMono(Map.class)
				.map((answer) -> answer.get("id")), 20)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(ids).hasSize(20).containsOnly(ids.get(0));
		assertThat(count(
				"SELECT count(*) FROM access_request WHERE account_id = (SELECT id FROM account WHERE email = :email)"))
			.isEqualTo(1);
	}

	private WebTestClient.ResponseSpec submitWithKey(String key, Map<String, Object> body) {
		return this.client.post()
			.uri("/api/access-requests")
			.headers(TestAccounts.Person.bearer(this.token))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private long liveItems() {
		return count("SELECT count(*) FROM access_item WHERE account_id = (SELECT id FROM account WHERE email = :email)"
				+ " AND status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR')");
	}

	private long count(String sql) {
		Long count = this.db.sql(sql)
			.bind("email", this.customer.email())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
		return (count == null) ? 0 : count;
	}

}
