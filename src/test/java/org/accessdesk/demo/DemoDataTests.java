package org.accessdesk.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestDatabase;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile reaches every row of SPEC §5 with the numbers the README lists. Each
 * case is run by a fresh look-alike of the README's person (same company, same email
 * domain), so the test can run again on a database where alice already holds her access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
// The tests' JDK HTTP client (see TestHttp): every Netty buffer in the run is the
// service's.
@Import(TestHttp.Configuration.class)
@ActiveProfiles({ "test", "demo" })
@ContextConfiguration(initializers = { TestDatabase.class, TestMail.class })
class DemoDataTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DemoData demo;

	@BeforeEach
	void demoDataIsIn() {
		this.demo.loaded().block(Duration.ofSeconds(60));
	}

	@Test
	void everyRoleHasADemoAccountWithTheDemoPassword() {
		assertRoles("alice@example.com", List.of("USER"));
		assertRoles("it-admin@example.com", List.of("CONTRACT_ADMIN", "USER"));
		assertRoles("keiko@tanaka.example", List.of("CONTRACT_ADMIN", "USER"));
		assertRoles("vendor@accessdesk.example", List.of("USER", "VENDOR_REVIEWER"));
		assertRoles("ops@accessdesk.example", List.of("OPERATOR", "USER"));
		this.client.get()
			.uri("/api/profile")
			.headers(new Person("dan@example.com", DemoData.PASSWORD).basic())
			.exchange()
			.expectBody()
			.jsonPath("$.complete")
			.isEqualTo(false);
	}

	static Stream<Arguments> readmeCases() {
		return Stream.of(
				Arguments.of("A1", "alice", "FULL_SUPPORT", "CONTRACT", "91000001", "APPROVED", "AUTO_APPROVED"),
				Arguments.of("D1", "dan", "FULL_SUPPORT", "CONTRACT", "91000001", "DENIED", "PROFILE_INCOMPLETE"),
				Arguments.of("D2 expired", "alice", "FULL_SUPPORT", "CONTRACT", "91000002", "DENIED", "NOT_FOUND"),
				Arguments.of("D2 unknown", "alice", "FULL_SUPPORT", "CONTRACT", "99999999", "DENIED", "NOT_FOUND"),
				Arguments.of("D3", "alice", "FULL_SUPPORT", "CONTRACT", "91000005", "DENIED", "TOO_NEW"),
				Arguments.of("D5", "alice", "DOWNLOAD_ONLY", "CONTRACT", "91000001", "DENIED", "ADMIN_NOT_FOUND"),
				Arguments.of("D6", "alice", "DOWNLOAD_ONLY", "CONTRACT", "91000004", "DENIED", "ADMIN_NOT_FOUND"),
				Arguments.of("D7", "alice", "FULL_SUPPORT", "CONTRACT", "91000003", "DENIED",
						"FULL_SUPPORT_NOT_INCLUDED"),
				Arguments.of("D8", "alice", "FULL_SUPPORT", "BILL_TO", "3000003", "DENIED",
						"FULL_SUPPORT_NOT_INCLUDED"),
				Arguments.of("P1 Bill-to", "alice", "FULL_SUPPORT", "BILL_TO", "3000001", "PENDING_ADMIN",
						"AWAITING_ADMIN"),
				Arguments.of("P1 serial", "alice", "DOWNLOAD_ONLY", "SERIAL", "12345-AEK67-89", "PENDING_ADMIN",
						"AWAITING_ADMIN"),
				Arguments.of("P1 other company", "alice", "FULL_SUPPORT", "CONTRACT", "91000007", "PENDING_ADMIN",
						"AWAITING_ADMIN"),
				Arguments.of("P2 company mismatch", "alice", "FULL_SUPPORT", "CONTRACT", "91000006", "PENDING_VENDOR",
						"COMPANY_MISMATCH"),
				Arguments.of("P2 email domain", "bob", "FULL_SUPPORT", "CONTRACT", "91000008", "PENDING_VENDOR",
						"COMPANY_MISMATCH"),
				Arguments.of("P2 no admin", "alice", "FULL_SUPPORT", "BILL_TO", "3000002", "PENDING_VENDOR",
						"NO_ADMIN"),
				Arguments.of("P3", "alice", "ORDERING", "BILL_TO", "3000003", "PENDING_VENDOR", "ORDERING_REVIEW"));
	}

	@ParameterizedTest(name = "{0}: {1} {2} {4} → {5} {6}")
	@MethodSource("readmeCases")
	void everyReadmeCaseHasItsOutcome(String row, String who, String kind, String type, String number, String status,
			String reason) {
		Person person = lookAlike(who);
		Map<?, ?> item = submit(person, kind, type, number);
		assertThat(item.get("status")).isEqualTo(status);
		assertThat(item.get("reason")).isEqualTo(reason);
	}

	@Test
	void d4SubmittingWhatOneHoldsAgain() {
		Person alice = lookAlike("alice");
		assertThat(submit(alice, "FULL_SUPPORT", "CONTRACT", "91000001").get("status")).isEqualTo("APPROVED");
		assertThat(submit(alice, "FULL_SUPPORT", "CONTRACT", "91000001").get("reason")).isEqualTo("ALREADY_REGISTERED");
	}

	@Test
	void pendingAdminItemsNameTheDemoAdministrators() {
		Map<?, ?> item = submit(lookAlike("alice"), "FULL_SUPPORT", "CONTRACT", "91000007");
		assertThat((List<String>) item.get("deciders")).containsExactly("田中 恵子");
	}

	private Person lookAlike(String who) {
		TestAccounts accounts = new TestAccounts(this.client);
		return switch (who) {
			case "alice" -> accounts.signUp(TestAccounts.uniqueEmail("alice").replace("@test.example", "@example.com"),
					"Alice look-alike", "ja", "Example Corp", "東京都港区赤坂9-7-1");
			case "bob" -> accounts.signUp(TestAccounts.uniqueEmail("bob").replace("@test.example", "@example.net"),
					"Bob look-alike", "en", "ＥＸＡＭＰＬＥ　Ｃｏｒｐ", "1 Market Street");
			default -> new Person("dan@example.com", DemoData.PASSWORD);
		};
	}

	private Map<?, ?> submit(Person person, String kind, String type, String number) {
		Map<?, ?> request = this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "identifierType", type, "identifiers", number))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<?, ?>) ((List<?>) request.get("items")).get(0);
	}

	private void assertRoles(String email, List<String> roles) {
		this.client.get()
			.uri("/api/profile")
			.headers(new Person(email, DemoData.PASSWORD).basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles")
			.isEqualTo(roles);
	}

}
