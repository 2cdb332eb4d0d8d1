package org.accessdesk.account;

import java.util.concurrent.ThreadLocalRandom;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Roles follow from configuration and the registry, never from a hand-set flag (SPEC §2).
 */
@IntegrationTest
class RoleTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@Test
	void operatorsAndVendorReviewersComeFromConfiguration() {
		roles(this.accounts.operator()).jsonPath("$.roles").isEqualTo(java.util.List.of("OPERATOR", "USER"));
		roles(this.accounts.vendorReviewer()).jsonPath("$.roles")
			.isEqualTo(java.util.List.of("USER", "VENDOR_REVIEWER"));
		roles(this.accounts.customer("Example Corp")).jsonPath("$.roles").isEqualTo(java.util.List.of("USER"));
	}

	@Test
	void beingNamedAsAContractAdministratorInTheRegistryMakesAContractAdmin() {
		Person admin = this.accounts.customer("Admin Corp");
		roles(admin).jsonPath("$.roles").isEqualTo(java.util.List.of("USER"));

		String contract = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		String company = "Role Test Corp " + contract;
		this.db
			.sql("WITH c AS (INSERT INTO company (name, name_key) VALUES (:name, lower(:name)) RETURNING id)"
					+ " INSERT INTO contract (number, company_id, support_model, status, issued_at)"
					+ " SELECT :number, id, 'DIRECT', 'ACTIVE', now() - interval '30 days' FROM c")
			.bind("name", company)
			.bind("number", contract)
			.then()
			.block();
		this.db.sql("INSERT INTO contract_admin (contract_number, email) VALUES (:number, lower(:email))")
			.bind("number", contract)
			.bind("email", admin.email().toUpperCase())
			.then()
			.block();

		roles(admin).jsonPath("$.roles").isEqualTo(java.util.List.of("CONTRACT_ADMIN", "USER"));
	}

	@Test
	void registryEndpointsAreForOperatorsOnly() {
		Person customer = this.accounts.customer("Example Corp");
		this.client.get()
			.uri("/api/registry/companies")
			.headers(customer.basic())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		this.client.get().uri("/api/registry/companies").exchange().expectStatus().isUnauthorized();
	}

	private WebTestClient.BodyContentSpec roles(Person person) {
		return this.client.get()
			.uri("/api/profile")
			.headers(person.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
