package org.accessdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.accessdesk.support.TestAccounts.Person;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A small registry of its own for each test, loaded through the operator's import API in
 * the JSON form of SPEC §3. Numbers and company names are random, because the test
 * database outlives a run. The shape mirrors the demo data set: one company with every
 * kind of contract and Bill-to ID that the decision table distinguishes.
 */
public final class TestRegistry {

	public final String company;

	public final String otherCompany;

	public final String emailDomain;

	public final String admin;

	/**
	 * DIRECT, ACTIVE, no administrators, under {@link #billToFullNoAdmins}: A1 for a
	 * matching customer.
	 */
	public final String directContract;

	/** DIRECT, EXPIRED: D2. */
	public final String expiredContract;

	/**
	 * PARTNER, ACTIVE, administered by {@link #admin}: D7 for full support, P1 for
	 * download-only.
	 */
	public final String partnerWithAdmins;

	/** PARTNER, ACTIVE, no administrators: D6. */
	public final String partnerWithoutAdmins;

	/** DIRECT, ACTIVE, issued an hour ago: D3. */
	public final String newContract;

	/**
	 * DIRECT, ACTIVE, owned by the other company, no administrators: P2 COMPANY_MISMATCH.
	 */
	public final String otherCompanysContract;

	/** DIRECT, ACTIVE, owned by the other company, administered by {@link #admin}: P1. */
	public final String otherCompanysAdministeredContract;

	/** Full support, administered by {@link #admin}: P1. */
	public final String billToFullWithAdmins;

	/** Full support, no administrators: P2 NO_ADMIN. */
	public final String billToFullNoAdmins;

	/** Without full support: D8, and P3 for ordering. */
	public final String billToWithoutFull;

	/** A serial number of {@link #partnerWithAdmins}. */
	public final String serial;

	private TestRegistry(String admin) {
		long base = ThreadLocalRandom.current().nextLong(10_000_000_000L, 90_000_000_000L);
		this.company = "Test Corp " + base;
		this.otherCompany = "Other Corp " + base;
		this.emailDomain = "test.example";
		this.admin = admin;
		this.directContract = String.valueOf(base + 1);
		this.expiredContract = String.valueOf(base + 2);
		this.partnerWithAdmins = String.valueOf(base + 3);
		this.partnerWithoutAdmins = String.valueOf(base + 4);
		this.newContract = String.valueOf(base + 5);
		this.otherCompanysContract = String.valueOf(base + 6);
		this.otherCompanysAdministeredContract = String.valueOf(base + 7);
		this.billToFullWithAdmins = String.valueOf(base + 11);
		this.billToFullNoAdmins = String.valueOf(base + 12);
		this.billToWithoutFull = String.valueOf(base + 13);
		this.serial = "SN-" + base;
	}

	/** Loads a fresh registry whose administrator is the given person. */
	public static TestRegistry load(WebTestClient client, Person operator, Person admin) {
		TestRegistry registry = new TestRegistry(admin.email());
		registry.importWith(client, operator, Instant.now().minus(Duration.ofHours(1)));
		return registry;
	}

	/** Imports the registry again, with the "new" contract issued at the given time. */
	public void importWith(WebTestClient client, Person operator, Instant newContractIssuedAt) {
		String longAgo = "2025-01-01T00:00:00Z";
		Map<String, Object> body = Map.of("companies",
				List.of(Map.of("name", this.company, "emailDomains", List.of(this.emailDomain)),
						Map.of("name", this.otherCompany)),
				"billTos",
				List.of(billTo(this.billToFullWithAdmins, this.company, true, List.of(this.admin)),
						billTo(this.billToFullNoAdmins, this.company, true,
								List.of()),
						billTo(this.billToWithoutFull, this.company, false, List.of())),
				"contracts",
				List.of(contract(this.directContract, this.company, this.billToFullNoAdmins, "DIRECT", "ACTIVE",
						longAgo, List.of()),
						contract(this.expiredContract, this.company, null, "DIRECT", "EXPIRED", longAgo, List.of()),
						contract(this.partnerWithAdmins, this.company, null, "PARTNER", "ACTIVE", longAgo,
								List.of(this.admin)),
						contract(this.partnerWithoutAdmins, this.company, null, "PARTNER", "ACTIVE", longAgo,
								List.of()),
						contract(this.newContract, this.company, null, "DIRECT", "ACTIVE",
								newContractIssuedAt.toString(), List.of()),
						contract(this.otherCompanysContract, this.otherCompany, null, "DIRECT", "ACTIVE", longAgo,
								List.of()),
						contract(this.otherCompanysAdministeredContract, this.otherCompany, null, "DIRECT", "ACTIVE",
								longAgo, List.of(this.admin))),
				"serials", List.of(Map.of("serial", this.serial, "contract", this.partnerWithAdmins)));
		client.post()
			.uri("/api/registry/import")
			.headers(operator.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * One more DIRECT, ACTIVE contract of this registry's company, issued long ago, with
	 * these administrators: a matching customer gets full support at once (A1), and the
	 * access table lists the administrators. Answers its number.
	 */
	public String contractAdministeredBy(WebTestClient client, Person operator, List<String> admins) {
		String number = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 900_000_000_000L));
		client.post()
			.uri("/api/registry/import")
			.headers(operator.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("contracts",
					List.of(contract(number, this.company, null, "DIRECT", "ACTIVE", "2025-01-01T00:00:00Z", admins))))
			.exchange()
			.expectStatus()
			.isOk();
		return number;
	}

	private static Map<String, Object> billTo(String id, String company, boolean fullSupport, List<String> admins) {
		return Map.of("id", id, "company", company, "fullSupport", fullSupport, "admins", admins);
	}

	private static Map<String, Object> contract(String number, String company, String billTo, String model,
			String status, String issuedAt, List<String> admins) {
		var contract = new java.util.HashMap<String, Object>(Map.of("number", number, "company", company,
				"supportModel", model, "status", status, "issuedAt", issuedAt, "admins", admins));
		if (billTo != null) {
			contract.put("billTo", billTo);
		}
		return contract;
	}

}
