package org.accessdesk.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestClock;
import org.accessdesk.support.TestRegistry;
import org.accessdesk.support.TestRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's home on real PostgreSQL: the count waiting for them, and what their queue
 * decided in the last 30 days — only their own queue's, with revoke for access still
 * held.
 */
@IntegrationTest
class ReviewerHomeTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestClock clock;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	Person customer;

	Person vendor;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 太郎", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
		this.customer = this.accounts.customer(this.registry.company);
		this.vendor = this.accounts.vendorReviewer();
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void theCountWaitingFollowsTheQueue() {
		assertThat(waiting(this.admin)).containsEntry("admin", 0).containsEntry("vendor", 0).containsEntry("total", 0);
		String first = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins);
		submit("DOWNLOAD_ONLY", "CONTRACT", this.registry.partnerWithAdmins);
		assertThat(waiting(this.admin)).containsEntry("admin", 2).containsEntry("total", 2);
		decide(this.admin, first, "APPROVE").expectStatus().isOk();
		assertThat(waiting(this.admin)).containsEntry("admin", 1).containsEntry("total", 1);

		Map<String, Object> desk = waiting(this.vendor);
		submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract);
		assertThat(((Number) waiting(this.vendor).get("vendor")).longValue())
			.isEqualTo(((Number) desk.get("vendor")).longValue() + 1);
		this.client.get()
			.uri("/api/review/waiting")
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void anAdministratorSeesWhatTheyDecidedAndMayRevokeWhatIsStillHeld() {
		String approved = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins);
		String denied = submit("DOWNLOAD_ONLY", "CONTRACT", this.registry.partnerWithAdmins);
		String waiting = submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysAdministeredContract);
		decide(this.admin, approved, "APPROVE").expectStatus().isOk();
		decide(this.admin, denied, "DENY").expectStatus().isOk();

		List<Map<String, Object>> decided = decided(this.admin, "admin");
		assertThat(decided).extracting(ReviewerHomeTests::id).containsExactly(denied, approved);
		Map<String, Object> entry = decided.get(1);
		assertThat(entry).containsEntry("decision", "APPROVED")
			.containsEntry("decidedBy", this.admin.email())
			.containsEntry("revocable", true);
		Map<?, ?> item = (Map<?, ?>) entry.get("entry");
		assertThat(item.get("identifier")).isEqualTo(this.registry.billToFullWithAdmins);
		assertThat(item.get("status")).isEqualTo("APPROVED");
		assertThat(((Map<?, ?>) item.get("requester")).get("email")).isEqualTo(this.customer.email());
		assertThat(decided.get(0)).containsEntry("decision", "DENIED")
			.containsEntry("comment", "Not ours")
			.containsEntry("revocable", false);
		assertThat(decided).extracting(ReviewerHomeTests::id).doesNotContain(waiting);

		revoke(this.admin, approved).expectStatus().isOk();
		Map<String, Object> after = decided(this.admin, "admin").get(1);
		assertThat(id(after)).isEqualTo(approved);
		assertThat(after).containsEntry("decision", "APPROVED").containsEntry("revocable", false);
		assertThat(((Map<?, ?>) after.get("entry")).get("status")).isEqualTo("REVOKED");

		// Thirty days on, the decisions have left the view.
		this.clock.advance(Duration.ofDays(31));
		assertThat(decided(this.admin, "admin")).isEmpty();
	}

	@Test
	void otherPeoplesDecisionsAreNotListedAndTheirItemsAreNotFound() {
		String adminItem = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins);
		String vendorItem = submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract);
		decide(this.admin, adminItem, "APPROVE").expectStatus().isOk();
		decide(this.vendor, vendorItem, "APPROVE").expectStatus().isOk();
		Person otherAdmin = this.accounts.signUp(TestAccounts.uniqueEmail("other-admin"), "Other", "en", "X", "Y");
		TestRegistry.load(this.client, this.accounts.operator(), otherAdmin);

		assertThat(decided(otherAdmin, "admin")).isEmpty();
		assertThat(decided(this.admin, "admin")).extracting(ReviewerHomeTests::id).containsExactly(adminItem);
		List<Map<String, Object>> desk = decided(this.vendor, "vendor");
		assertThat(desk).extracting(ReviewerHomeTests::id).contains(vendorItem).doesNotContain(adminItem);
		assertThat(desk.stream().filter((e) -> vendorItem.equals(id(e))).findFirst().orElseThrow())
			.containsEntry("decidedBy", this.vendor.email())
			.containsEntry("revocable", true);

		revoke(otherAdmin, adminItem).expectStatus().isNotFound();
		revoke(this.admin, vendorItem).expectStatus().isNotFound();
		this.client.get()
			.uri("/api/review/decided?queue=vendor")
			.headers(this.admin.basic())
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/review/decided")
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/review/decided?queue=everyone")
			.headers(this.admin.basic())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private String submit(String kind, String type, String identifier) {
		return TestRequests.submitOne(this.client, this.customer, kind, type, identifier);
	}

	private static String id(Map<String, Object> decided) {
		return (String) ((Map<?, ?>) decided.get("entry")).get("id");
	}

	private Map<String, Object> waiting(Person person) {
		return this.client.get()
			.uri("/api/review/waiting")
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private List<Map<String, Object>> decided(Person person, String queue) {
		return this.client.get()
			.uri("/api/review/decided?queue={queue}", queue)
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec decide(Person person, String item, String verdict) {
		Map<String, Object> body = "DENY".equals(verdict) ? Map.of("decision", verdict, "reason", "Not ours")
				: Map.of("decision", verdict);
		return this.client.post()
			.uri("/api/review/items/{id}/decision", item)
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec revoke(Person person, String item) {
		return this.client.post()
			.uri("/api/review/items/{id}/revoke", item)
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "退職されたため"))
			.exchange();
	}

}
