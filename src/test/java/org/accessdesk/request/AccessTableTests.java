package org.accessdesk.request;

import java.util.List;
import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The access held now (guide §4): kinds apart, filters per column, and a CSV export. */
@IntegrationTest
class AccessTableTests {

	@Autowired
	WebTestClient client;

	@Test
	void theTableFiltersPerColumnKeepsKindsApartAndExportsCsv() {
		TestAccounts accounts = new TestAccounts(this.client);
		Person admin = accounts.signUp(TestAccounts.uniqueEmail("admin"), "佐藤 健", "ja", "Admin Co", "Tokyo");
		TestRegistry registry = TestRegistry.load(this.client, accounts.operator(), admin);
		Person customer = accounts.signUp(TestAccounts.uniqueEmail("holder"), "Holder", "en", registry.company,
				"1 Main Street");
		submit(customer, "FULL_SUPPORT", "CONTRACT", registry.directContract);
		String pending = (String) ((Map<?, ?>) ((java.util.List<?>) submit(customer, "DOWNLOAD_ONLY", "SERIAL",
				registry.serial)
			.get("items")).get(0)).get("id");
		this.client.post()
			.uri("/api/review/items/{id}/decision", pending)
			.headers(admin.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decision", "APPROVE"))
			.exchange()
			.expectStatus()
			.isOk();

		this.client.get()
			.uri("/api/access")
			.headers(customer.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.fullSupport.length()")
			.isEqualTo(1)
			.jsonPath("$.fullSupport[0].contractNumber")
			.isEqualTo(registry.directContract)
			.jsonPath("$.fullSupport[0].billToId")
			.isEqualTo(registry.billToFullNoAdmins)
			.jsonPath("$.downloadOnly.length()")
			.isEqualTo(1)
			.jsonPath("$.downloadOnly[0].contractNumber")
			.isEqualTo(registry.partnerWithAdmins)
			.jsonPath("$.downloadOnly[0].administrators[0]")
			.isEqualTo("佐藤 健");

		this.client.get()
			.uri("/api/access?contract={c}", registry.directContract)
			.headers(customer.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.fullSupport.length()")
			.isEqualTo(1)
			.jsonPath("$.downloadOnly.length()")
			.isEqualTo(0);
		this.client.get()
			.uri("/api/access?admin=佐藤")
			.headers(customer.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.fullSupport.length()")
			.isEqualTo(0)
			.jsonPath("$.downloadOnly.length()")
			.isEqualTo(1);
		this.client.get()
			.uri("/api/access?billTo=999999999999")
			.headers(customer.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.fullSupport.length()")
			.isEqualTo(0);

		String csv = this.client.get()
			.uri("/api/access")
			.headers(customer.basic())
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("\uFEFFkind,identifierType,identifier,contractNumber,billToId,administrators,since");
		assertThat(csv.lines()).hasSize(3);
		assertThat(csv)
			.contains("FULL_SUPPORT,CONTRACT," + registry.directContract + "," + registry.directContract + ","
					+ registry.billToFullNoAdmins)
			.contains("DOWNLOAD_ONLY,SERIAL," + registry.serial + "," + registry.partnerWithAdmins + ",,佐藤 健");
	}

	/**
	 * The administrators to contact: an address only where its owner proved it (SPEC §2a)
	 * — that one with the account's name; an unproved account's or a stranger's address
	 * masked, with nothing to write to. The CSV names them as the table does.
	 */
	@Test
	void onlyAProvedAdministratorsAddressIsGivenToWriteTo() {
		TestAccounts accounts = new TestAccounts(this.client);
		Person admin = accounts.signUp(TestAccounts.uniqueEmail("proved"), "山田 太郎", "ja", "Admin Co", "Tokyo");
		Person unproved = accounts.signUpUnverified(TestAccounts.uniqueEmail("unproved"), "Mallory", "en", "Other",
				"Somewhere");
		TestRegistry registry = TestRegistry.load(this.client, accounts.operator(), admin);
		String stranger = TestAccounts.uniqueEmail("stranger");
		String contract = registry.contractAdministeredBy(this.client, accounts.operator(),
				List.of(admin.email(), unproved.email(), stranger));
		Person customer = accounts.customer(registry.company);
		submit(customer, "FULL_SUPPORT", "CONTRACT", contract);

		Map<?, ?> tables = this.client.get()
			.uri("/api/access?contract={c}", contract)
			.headers(customer.basic())
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> rows = (List<?>) tables.get("fullSupport");
		assertThat(rows).hasSize(1);
		Map<?, ?> row = (Map<?, ?>) rows.get(0);
		List<Map<String, Object>> contacts = listOf(row.get("contacts"));
		// Listed in the registry's order, whichever that is.
		assertThat(contacts).extracting((c) -> c.get("name"))
			.containsExactlyInAnyOrder("山田 太郎", masked(unproved.email()), masked(stranger));
		assertThat(contacts).filteredOn((c) -> c.get("email") != null)
			.singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("name", "山田 太郎").containsEntry("email", admin.email()));
		assertThat(row.get("administrators")).isEqualTo(contacts.stream().map((c) -> c.get("name")).toList());
		String body = this.client.get()
			.uri("/api/access")
			.headers(customer.basic())
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain(unproved.email(), stranger, "Mallory");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> listOf(Object json) {
		return (List<Map<String, Object>>) json;
	}

	private static String masked(String email) {
		return Deciders.masked(email);
	}

	private Map<?, ?> submit(Person person, String kind, String type, String identifier) {
		return this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "identifierType", type, "identifiers", identifier))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
