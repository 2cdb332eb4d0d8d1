package org.accessdesk.request;

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
