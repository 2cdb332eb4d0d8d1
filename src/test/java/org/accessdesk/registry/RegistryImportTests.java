package org.accessdesk.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry import as OPERATOR (SPEC §3): JSON and CSV, idempotent upsert, all or nothing.
 */
@IntegrationTest
class RegistryImportTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	Person operator;

	String base;

	String company;

	@BeforeEach
	void setUp() {
		this.operator = new TestAccounts(this.client).operator();
		this.base = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));
		this.company = "Import Corp " + this.base;
	}

	Map<String, Object> document() {
		return Map.of("companies", List.of(Map.of("name", this.company, "emailDomains", List.of("Import.Example"))),
				"billTos",
				List.of(Map.of("id", this.base + "1", "company", this.company, "fullSupport", true, "admins",
						List.of("Admin@Import.example"))),
				"contracts",
				List.of(Map.of("number", this.base + "2", "company", this.company, "billTo", this.base + "1",
						"supportModel", "DIRECT", "status", "ACTIVE", "issuedAt", "2026-01-01T00:00:00Z", "admins",
						List.of()),
						Map.of("number", this.base + "3", "company", "Named Only " + this.base, "supportModel",
								"PARTNER", "status", "ACTIVE", "issuedAt", "2026-01-01T00:00:00Z", "admins",
								List.of("x@import.example"))),
				"serials", List.of(Map.of("serial", "sn-" + this.base, "contract", this.base + "3")));
	}

	@Test
	void aJsonImportInsertsThenReimportingChangesNothing() {
		importJson(document()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.companies.inserted")
			.isEqualTo(2)
			.jsonPath("$.billTos.inserted")
			.isEqualTo(1)
			.jsonPath("$.contracts.inserted")
			.isEqualTo(2)
			.jsonPath("$.serials.inserted")
			.isEqualTo(1);
		importJson(document()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.companies.unchanged")
			.isEqualTo(1)
			.jsonPath("$.companies.inserted")
			.isEqualTo(0)
			.jsonPath("$.billTos.unchanged")
			.isEqualTo(1)
			.jsonPath("$.contracts.unchanged")
			.isEqualTo(2)
			.jsonPath("$.serials.unchanged")
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM contract WHERE number LIKE :p", this.base + "%")).isEqualTo(2);

		this.client.get()
			.uri("/api/registry/serials/{serial}", "SN-" + this.base)
			.headers(this.operator.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contract")
			.isEqualTo(this.base + "3");
		this.client.get()
			.uri("/api/registry/bill-tos/{id}", this.base + "1")
			.headers(this.operator.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.admins[0]")
			.isEqualTo("admin@import.example");
		this.client.get()
			.uri("/api/registry/contracts?company={company}", this.company.toUpperCase())
			.headers(this.operator.basic())
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].billTo")
			.isEqualTo(this.base + "1");
	}

	@Test
	void reimportingReplacesAdministratorsAndCountsAnUpdate() {
		importJson(document()).expectStatus().isOk();
		Map<String, Object> changed = Map.of("billTos", List.of(Map.of("id", this.base + "1", "company", this.company,
				"fullSupport", true, "admins", List.of("new-admin@import.example"))));
		importJson(changed).expectStatus().isOk().expectBody().jsonPath("$.billTos.updated").isEqualTo(1);
		assertThat(this.db.sql("SELECT string_agg(email, ',') FROM bill_to_admin WHERE bill_to_id = :id")
			.bind("id", this.base + "1")
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo("new-admin@import.example");
	}

	@Test
	void aBadRowIsNamedAndNothingIsWritten() {
		Map<String, Object> bad = Map.of("companies", List.of(Map.of("name", this.company)), "contracts",
				List.of(Map.of("number", this.base + "2", "company", this.company, "supportModel", "DIRECT", "status",
						"ACTIVE", "issuedAt", "2026-01-01T00:00:00Z"),
						Map.of("number", this.base + "3", "company", this.company, "supportModel", "DIRECT", "status",
								"RUNNING", "issuedAt", "2026-01-01T00:00:00Z")));
		importJson(bad).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_ROW")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("contracts[1]: status"))
			.jsonPath("$.errors[0].field")
			.isEqualTo("contracts[1].status");
		assertNothingWritten();
	}

	@Test
	void aReferenceToNothingFailsTheWholeUploadNamingTheRow() {
		Map<String, Object> dangling = Map.of("companies", List.of(Map.of("name", this.company)), "serials",
				List.of(Map.of("serial", "SN-" + this.base, "contract", this.base + "9")));
		importJson(dangling).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("serials[0]: contract"));
		assertNothingWritten();
	}

	@Test
	void eachListCanBeUploadedAsCsv() {
		csv("companies", "name,emailDomains\n\"" + this.company + "\",import.example;other.example\n").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.companies.inserted")
			.isEqualTo(1);
		csv("billTos", "id,company,fullSupport,admins\n" + this.base + "1,\"" + this.company + "\",false,\n")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.billTos.inserted")
			.isEqualTo(1);
		csv("contracts",
				"number,company,billTo,supportModel,status,issuedAt,admins\n" + this.base + "2,\"" + this.company
						+ "\"," + this.base
						+ "1,PARTNER,ACTIVE,2026-01-01T00:00:00Z,a@import.example;b@import.example\n")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contracts.inserted")
			.isEqualTo(1);
		csv("serials", "serial,contract\r\nSN-" + this.base + "," + this.base + "2\r\n").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.serials.inserted")
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM contract_admin WHERE contract_number LIKE :p", this.base + "%"))
			.isEqualTo(2);
		csv("contracts",
				"number,company,billTo,supportModel,status,issuedAt\n" + this.base + "4,x,,DIRECT,ACTIVE,yesterday\n")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("line 2: issuedAt"));
	}

	@Test
	void wrongShapesSizesAndTypesAreProblems() {
		importJson(Map.of("contracts", List.of(Map.of("number", "1", "colour", "red")))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNKNOWN_FIELD");
		this.client.post()
			.uri("/api/registry/import")
			.headers(this.operator.basic())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		csv("nonsense", "a\n").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("list");
		this.client.post()
			.uri("/api/registry/import?list=companies")
			.headers(this.operator.basic())
			.contentType(MediaType.parseMediaType("text/csv"))
			// Over the test profile's 12 MB (declared, so refused before it is read).
			.bodyValue("name\n" + ("x".repeat(100) + "\n").repeat(130_000))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");
		this.client.get()
			.uri("/api/registry/contracts/{n}", "1" + this.base + "999")
			.headers(this.operator.basic())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
	}

	private WebTestClient.ResponseSpec importJson(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/registry/import")
			.headers(this.operator.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec csv(String list, String body) {
		return this.client.post()
			.uri("/api/registry/import?list={list}", list)
			.headers(this.operator.basic())
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(body)
			.exchange();
	}

	private void assertNothingWritten() {
		assertThat(count("SELECT count(*) FROM company WHERE name LIKE :p", "%" + this.base)).isZero();
		assertThat(count("SELECT count(*) FROM contract WHERE number LIKE :p", this.base + "%")).isZero();
	}

	private long count(String sql, String pattern) {
		Long count = this.db.sql(sql).bind("p", pattern).map((row) -> row.get(0, Long.class)).one().block();
		return (count == null) ? 0 : count;
	}

}
