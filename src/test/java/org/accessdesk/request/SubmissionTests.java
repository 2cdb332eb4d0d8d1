package org.accessdesk.request;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every outcome of the decision table, reached through the API against a real registry
 * (SPEC §5).
 */
@IntegrationTest
class SubmissionTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	TestRegistry registry;

	Person customer;

	Person admin;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.customer("Admin Holdings");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
		this.customer = this.accounts.signUp(TestAccounts.uniqueEmail("customer"), "鈴木 花子", "ja", this.registry.company,
				"東京都港区1-2-3");
	}

	static Stream<Arguments> outcomes() {
		return Stream.of(
				outcome("A1 own DIRECT contract", "FULL_SUPPORT", "CONTRACT", (r) -> r.directContract, "APPROVED",
						"AUTO_APPROVED"),
				outcome("D2 unknown contract", "FULL_SUPPORT", "CONTRACT", (r) -> "99" + r.directContract, "DENIED",
						"NOT_FOUND"),
				outcome("D2 expired contract", "FULL_SUPPORT", "CONTRACT", (r) -> r.expiredContract, "DENIED",
						"NOT_FOUND"),
				outcome("D3 contract issued an hour ago", "FULL_SUPPORT", "CONTRACT", (r) -> r.newContract, "DENIED",
						"TOO_NEW"),
				outcome("D5 download-only on DIRECT", "DOWNLOAD_ONLY", "CONTRACT", (r) -> r.directContract, "DENIED",
						"ADMIN_NOT_FOUND"),
				outcome("D6 download-only on PARTNER without admins", "DOWNLOAD_ONLY", "CONTRACT",
						(r) -> r.partnerWithoutAdmins, "DENIED", "ADMIN_NOT_FOUND"),
				outcome("D7 full support on PARTNER", "FULL_SUPPORT", "CONTRACT", (r) -> r.partnerWithAdmins, "DENIED",
						"FULL_SUPPORT_NOT_INCLUDED"),
				outcome("D8 full support by Bill-to without it", "FULL_SUPPORT", "BILL_TO", (r) -> r.billToWithoutFull,
						"DENIED", "FULL_SUPPORT_NOT_INCLUDED"),
				outcome("P1 Bill-to with admins", "FULL_SUPPORT", "BILL_TO", (r) -> r.billToFullWithAdmins,
						"PENDING_ADMIN", "AWAITING_ADMIN"),
				outcome("P1 other company's administered contract", "FULL_SUPPORT", "CONTRACT",
						(r) -> r.otherCompanysAdministeredContract, "PENDING_ADMIN", "AWAITING_ADMIN"),
				outcome("P1 download-only by serial on PARTNER with admins", "DOWNLOAD_ONLY", "SERIAL",
						(r) -> r.serial.toLowerCase(), "PENDING_ADMIN", "AWAITING_ADMIN"),
				outcome("P2 other company's contract", "FULL_SUPPORT", "CONTRACT", (r) -> r.otherCompanysContract,
						"PENDING_VENDOR", "COMPANY_MISMATCH"),
				outcome("P2 own Bill-to nobody administers", "FULL_SUPPORT", "BILL_TO", (r) -> r.billToFullNoAdmins,
						"PENDING_VENDOR", "NO_ADMIN"),
				outcome("P3 ordering", "ORDERING", "BILL_TO", (r) -> r.billToWithoutFull, "PENDING_VENDOR",
						"ORDERING_REVIEW"));
	}

	private static Arguments outcome(String name, String kind, String type, Function<TestRegistry, String> identifier,
			String status, String reason) {
		return Arguments.of(name, kind, type, identifier, status, reason);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("outcomes")
	void eachRowOfTheDecisionTableIsReachable(String name, String kind, String type,
			Function<TestRegistry, String> identifier, String status, String reason) {
		Map<?, ?> item = firstItem(submit(this.customer, kind, type, identifier.apply(this.registry)));
		assertThat(item.get("status")).as(name).isEqualTo(status);
		assertThat(item.get("reason")).as(name).isEqualTo(reason);
		assertThat((String) item.get("nextStep")).as("next step of " + name).isNotBlank();
		if ("PENDING_ADMIN".equals(status)) {
			assertThat((List<String>) item.get("deciders")).containsExactly("Test Customer");
		}
		if ("PENDING_VENDOR".equals(status)) {
			assertThat(item.get("deadline")).isNotNull();
		}
		if ("TOO_NEW".equals(reason)) {
			assertThat(item.get("retryAfter")).isNotNull();
		}
	}

	@Test
	void anIncompleteProfileIsDeniedWithTheWayToTheProfile() {
		Person incomplete = this.accounts.incompleteCustomer();
		Map<?, ?> item = firstItem(submit(incomplete, "FULL_SUPPORT", "CONTRACT", this.registry.directContract));
		assertThat(item.get("status")).isEqualTo("DENIED");
		assertThat(item.get("reason")).isEqualTo("PROFILE_INCOMPLETE");
		assertThat((String) item.get("nextStep")).containsIgnoringCase("profile");
	}

	@Test
	void holdingTheAccessAlreadyIsD4AndPastedNumbersAreNormalisedAndMerged() {
		Map<?, ?> first = submit(this.customer, "FULL_SUPPORT", "CONTRACT",
				toFullWidth(this.registry.directContract) + "、 " + this.registry.directContract + "\n");
		assertThat((List<?>) first.get("items")).hasSize(1);
		assertThat(firstItem(first).get("identifier")).isEqualTo(this.registry.directContract);
		assertThat(firstItem(first).get("status")).isEqualTo("APPROVED");
		assertThat(first.get("status")).isEqualTo("APPROVED");

		Map<?, ?> again = firstItem(submit(this.customer, "FULL_SUPPORT", "CONTRACT", this.registry.directContract));
		assertThat(again.get("reason")).isEqualTo("ALREADY_REGISTERED");
	}

	@Test
	void aJapaneseSpeakerGetsJapaneseNextStepsAndAnEnglishSpeakerEnglish() {
		Map<?, ?> japanese = firstItem(
				submit(this.customer, "FULL_SUPPORT", "CONTRACT", this.registry.expiredContract));
		assertThat((String) japanese.get("nextStep")).matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
		Person english = this.accounts.signUp(TestAccounts.uniqueEmail("en"), "Jane Doe", "en", this.registry.company,
				"1 Main Street");
		Map<?, ?> englishItem = firstItem(submit(english, "FULL_SUPPORT", "CONTRACT", this.registry.expiredContract));
		assertThat((String) englishItem.get("nextStep")).matches("[\\p{ASCII}’…]+");
	}

	@Test
	void theAnswerToASubmissionIsTheRequestAsReadBackLater() {
		// Built from the rows the submission wrote, not read again: it must not differ
		// from a later read in any field or in the order of the items.
		Map<?, ?> answered = submit(this.customer, "FULL_SUPPORT", "CONTRACT",
				List.of(this.registry.otherCompanysContract, this.registry.directContract,
						this.registry.otherCompanysAdministeredContract, this.registry.newContract,
						"99" + this.registry.directContract));
		Map<?, ?> readBack = this.client.get()
			.uri("/api/access-requests/{id}", answered.get("id"))
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(readBack).isEqualTo(answered);
		assertThat((List<?>) answered.get("items")).hasSize(5);
	}

	@Test
	void aRequestWithManyNumbersHasOneItemPerNumberAndASummaryStatus() {
		Map<?, ?> request = submit(this.customer, "FULL_SUPPORT", "CONTRACT", List.of(this.registry.directContract,
				this.registry.expiredContract, this.registry.otherCompanysContract));
		assertThat((List<?>) request.get("items")).hasSize(3);
		assertThat(request.get("status")).isEqualTo("PENDING");
		assertThat(request.get("kind")).isEqualTo("FULL_SUPPORT");
		assertThat(request.get("identifierType")).isEqualTo("CONTRACT");
		String id = (String) request.get("id");

		this.client.get()
			.uri("/api/access-requests/{id}", id)
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(3);
		this.client.get()
			.uri("/api/access-requests?status=PENDING_VENDOR")
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.requests[0].id")
			.isEqualTo(id);
		this.client.get()
			.uri("/api/access-requests/{id}/events", id)
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[0].from")
			.doesNotExist()
			.jsonPath("$[0].actor")
			.isEqualTo(this.customer.email());

		Person stranger = this.accounts.customer("Stranger Corp");
		this.client.get()
			.uri("/api/access-requests/{id}", id)
			.headers(stranger.basic())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/access-requests/{id}/events", id)
			.headers(stranger.basic())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/**
	 * Ids are typed inside ({@link RequestId}, {@link ItemId}) but answered as they
	 * always were: plain UUID strings, never an object around one.
	 */
	@Test
	void idsAreAnsweredAsPlainUuidStrings() {
		Map<?, ?> request = submit(this.customer, "FULL_SUPPORT", "CONTRACT", this.registry.directContract);
		String requestId = plainUuid(request.get("id"));
		Map<?, ?> item = firstItem(request);
		String itemId = plainUuid(item.get("id"));
		assertThat(item.get("requestId")).isEqualTo(requestId);

		Map<?, ?> read = this.client.get()
			.uri("/api/access-requests/{id}", requestId)
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(read).isNotNull();
		assertThat(read.get("id")).isEqualTo(requestId);
		assertThat(firstItem(read).get("id")).isEqualTo(itemId);
		assertThat(firstItem(read).get("requestId")).isEqualTo(requestId);

		List<?> events = this.client.get()
			.uri("/api/access-requests/{id}/events", requestId)
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(events).isNotEmpty();
		for (Object event : events) {
			assertThat(((Map<?, ?>) event).get("requestId")).isEqualTo(requestId);
			assertThat(((Map<?, ?>) event).get("itemId")).isEqualTo(itemId);
		}
	}

	private static String plainUuid(Object id) {
		assertThat(id).isInstanceOf(String.class);
		assertThat(UUID.fromString((String) id)).hasToString((String) id);
		return (String) id;
	}

	Map<?, ?> submit(Person person, String kind, String type, Object identifiers) {
		Map<?, ?> body = this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "identifierType", type, "identifiers", identifiers))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

	static Map<?, ?> firstItem(Map<?, ?> request) {
		List<?> items = (List<?>) request.get("items");
		assertThat(items).isNotEmpty();
		return (Map<?, ?>) items.get(0);
	}

	static String toFullWidth(String digits) {
		StringBuilder wide = new StringBuilder();
		digits.chars().forEach((c) -> wide.append((char) (c - '0' + '０')));
		return wide.toString();
	}

}
