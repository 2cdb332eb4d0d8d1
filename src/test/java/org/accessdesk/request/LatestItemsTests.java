package org.accessdesk.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/items} (issue 15, "cards that tell the truth"): one item per
 * identifier, the one that says where it stands now; repeats and superseded items folded
 * in; every identifier reachable through the keyset pages, none twice; the status filter
 * on the current state; TOO_NEW items the service will retry say so.
 */
@IntegrationTest
class LatestItemsTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	TestRegistry registry;

	Person customer;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		Person admin = this.accounts.customer("Admin Holdings");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
		this.customer = this.accounts.customer(this.registry.company);
	}

	@Test
	void aRepeatOfAHeldNumberFoldsIntoItsApprovedItemAndMovesItToTheTop() {
		String approved = itemId(submit(this.customer, "CONTRACT", this.registry.directContract, false));
		submit(this.customer, "CONTRACT", this.registry.expiredContract, false);
		Map<?, ?> repeat = submit(this.customer, "CONTRACT", this.registry.directContract, false);
		assertThat(first(repeat).get("reason")).isEqualTo("ALREADY_REGISTERED");

		List<Map<?, ?>> items = items(get("/api/items"));
		assertThat(items.stream().map((item) -> (Object) item.get("identifier")).toList())
			.containsExactly(this.registry.directContract, this.registry.expiredContract);
		assertThat(items.get(0).get("id")).isEqualTo(approved);
		assertThat(items.get(0).get("status")).isEqualTo("APPROVED");
		assertThat(items.get(0).get("asked")).isEqualTo(2);
		assertThat(items.get(0).get("identifierType")).isEqualTo("CONTRACT");
		assertThat(get("/api/items").get("total")).isEqualTo(2);
		assertThat(get("/api/items?kind=ORDERING").get("total")).isEqualTo(0);
		assertThat(get("/api/items?kind=FULL_SUPPORT,DOWNLOAD_ONLY").get("total")).isEqualTo(2);

		// Removed: the number is no longer held, and the removal is its latest state.
		this.client.post()
			.uri("/api/items/{id}/remove", approved)
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk();
		Map<?, ?> now = items(get("/api/items")).get(0);
		assertThat(now.get("id")).isEqualTo(approved);
		assertThat(now.get("status")).isEqualTo("REVOKED");
	}

	@Test
	void anIncompleteProfilesDenialIsSupersededByTheRequestAfterCompletingIt() {
		Person incomplete = this.accounts.incompleteCustomer();
		submit(incomplete, "CONTRACT", this.registry.directContract, false);
		assertThat(items(get(incomplete, "/api/items"))).singleElement()
			.satisfies((item) -> assertThat(item.get("reason")).isEqualTo("PROFILE_INCOMPLETE"));
		this.db.sql("UPDATE account SET company_name = :name, company_address = 'Tokyo' WHERE email = :email")
			.bind("name", this.registry.company)
			.bind("email", incomplete.email())
			.fetch()
			.rowsUpdated()
			.block(Duration.ofSeconds(10));
		submit(incomplete, "CONTRACT", this.registry.directContract, false);
		assertThat(items(get(incomplete, "/api/items"))).singleElement()
			.satisfies((item) -> assertThat(item.get("status")).isEqualTo("APPROVED"));
	}

	@Test
	void everyIdentifierIsOnExactlyOnePageAndTheFilterIsOnTheCurrentState() {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			numbers.add("77" + this.registry.directContract + i);
			submit(this.customer, "CONTRACT", numbers.get(i), false);
		}
		submit(this.customer, "CONTRACT", this.registry.directContract, false);
		// Repeats of the newest ones must not come back on a later page.
		submit(this.customer, "CONTRACT", numbers.get(24), false);
		submit(this.customer, "CONTRACT", this.registry.directContract, false);

		Set<Object> seen = new HashSet<>();
		List<Object> order = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<?, ?> page = get("/api/items?size=10" + ((cursor == null) ? "" : "&cursor=" + cursor));
			assertThat(page.get("total")).isEqualTo(26);
			for (Map<?, ?> item : items(page)) {
				assertThat(seen.add(item.get("identifier"))).as("%s shown twice", item.get("identifier")).isTrue();
				order.add(item.get("identifier"));
			}
			cursor = (String) page.get("next");
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(26);
		assertThat(order.subList(0, 2)).containsExactly(this.registry.directContract, numbers.get(24));

		Map<?, ?> approved = get("/api/items?status=APPROVED");
		assertThat(approved.get("total")).isEqualTo(1);
		assertThat(items(approved)).singleElement()
			.satisfies((item) -> assertThat(item.get("identifier")).isEqualTo(this.registry.directContract));
		// Its repeats were denied, but the number is held: not "denied".
		Map<?, ?> denied = get("/api/items?status=DENIED,WITHDRAWN");
		assertThat(denied.get("total")).isEqualTo(25);
		assertThat(items(denied)).noneMatch((item) -> this.registry.directContract.equals(item.get("identifier")));
	}

	@Test
	void aTooNewDenialThatWillBeRetriedSaysSo() {
		Map<?, ?> item = first(submit(this.customer, "CONTRACT", this.registry.newContract, true));
		assertThat(item.get("retryScheduled")).isEqualTo(true);
		// The customer reads Japanese.
		assertThat((String) item.get("nextStep")).contains("当社が自動で再リクエストしますので").doesNotContain("再度リクエストしてください");
		Map<?, ?> latest = items(get("/api/items")).get(0);
		assertThat(latest.get("retryScheduled")).isEqualTo(true);
		assertThat(latest.get("retryAfter")).isNotNull();
		Map<?, ?> byHand = first(submit(this.customer, "CONTRACT", this.registry.newContract, false));
		assertThat(byHand.get("retryScheduled")).isEqualTo(false);
		assertThat(byHand.get("nextStep")).isNotEqualTo(item.get("nextStep"));
	}

	/**
	 * A mail's link names an item; {@code GET /api/items/{id}} answers it as it is now,
	 * even one folded into the card of its number, and someone else's item is 404.
	 */
	@Test
	void oneItemIsItsOwnersAlone() {
		submit(this.customer, "CONTRACT", this.registry.directContract, false);
		String repeat = itemId(submit(this.customer, "CONTRACT", this.registry.directContract, false));
		Map<?, ?> item = get("/api/items/" + repeat);
		assertThat(item.get("id")).isEqualTo(repeat);
		assertThat(item.get("identifier")).isEqualTo(this.registry.directContract);
		assertThat(item.get("kind")).isEqualTo("FULL_SUPPORT");
		assertThat(item.get("reason")).isEqualTo("ALREADY_REGISTERED");

		Person someoneElse = this.accounts.customer(this.registry.company);
		for (String id : List.of(repeat, java.util.UUID.randomUUID().toString())) {
			this.client.get()
				.uri("/api/items/" + id)
				.headers(someoneElse.basic())
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("NOT_FOUND");
		}
		this.client.get()
			.uri("/api/items/not-an-id")
			.headers(someoneElse.basic())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void badParametersAre400() {
		for (String query : List.of("status=GRANTED", "kind=EVERYTHING", "cursor=bm9wZQ", "size=0", "size=101")) {
			this.client.get()
				.uri("/api/items?" + query)
				.headers(this.customer.basic())
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
	}

	private Map<?, ?> get(String uri) {
		return get(this.customer, uri);
	}

	private Map<?, ?> get(Person person, String uri) {
		return this.client.get()
			.uri(uri)
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<?, ?>> items(Map<?, ?> page) {
		return (List<Map<?, ?>>) page.get("items");
	}

	private Map<?, ?> submit(Person person, String type, String identifier, boolean autoRetry) {
		return this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", type, "identifiers", identifier, "autoRetry",
					autoRetry))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<?, ?> first(Map<?, ?> request) {
		return (Map<?, ?>) ((List<?>) request.get("items")).get(0);
	}

	private static String itemId(Map<?, ?> request) {
		return (String) first(request).get("id");
	}

}
