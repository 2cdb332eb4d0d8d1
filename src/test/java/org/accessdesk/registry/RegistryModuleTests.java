package org.accessdesk.registry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.accessdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry on its own: Spring Modulith starts only this module (and the shared
 * {@code web} kernel it may use) against the real PostgreSQL — no accounts, requests or
 * mail — and what an import writes is what other modules' lookups find. A module that
 * started to need another one's beans would fail here before it failed anywhere else.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
// Readiness includes the live feed's doorbell, which is not started here.
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class RegistryModuleTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	RegistryImport registryImport;

	@Autowired
	RegistryLookup lookup;

	@Autowired
	ApplicationContext context;

	@Test
	void startsWithoutTheOtherModules() {
		assertThat(this.context.getBeanNamesForType(RegistryLookup.class)).hasSize(1);
		for (String other : List.of("org.accessdesk.account.Accounts", "org.accessdesk.request.StatusDoor",
				"org.accessdesk.mail.MailDispatcher", "org.accessdesk.live.EventFeed")) {
			assertThat(beansOfType(other)).as(other).isZero();
		}
	}

	@Test
	void whatAnImportWritesIsWhatLookupsFind() {
		String base = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
		String company = "Module Test Corp " + base;
		String contract = "7" + base;
		String billTo = "5" + base;
		String serial = "MOD-" + base;
		String body = """
				{"companies": [{"name": "%1$s", "emailDomains": ["module.example"]}],
				 "billTos": [{"id": "%3$s", "company": "%1$s", "fullSupport": true, "admins": ["Boss@Module.Example"]}],
				 "contracts": [{"number": "%2$s", "company": "%1$s", "billTo": "%3$s", "supportModel": "DIRECT",
				                "status": "EXPIRED", "issuedAt": "2025-01-01T00:00:00Z", "admins": []}],
				 "serials": [{"serial": "%4$s", "contract": "%2$s"}]}
				""".formatted(company, contract, billTo, serial);

		this.registryImport.importJson(body.getBytes(StandardCharsets.UTF_8)).block(WAIT);

		Map<String, RegistryEntry> contracts = this.lookup.lookup(IdentifierType.CONTRACT, List.of(contract, "1"))
			.block(WAIT);
		assertThat(contracts).containsOnlyKeys(contract);
		RegistryEntry.Contract found = (RegistryEntry.Contract) contracts.get(contract);
		assertThat(found.status()).isEqualTo(ContractStatus.EXPIRED);
		assertThat(found.supportModel()).isEqualTo(SupportModel.DIRECT);
		assertThat(found.companyName()).isEqualTo(company);
		assertThat(found.billToId()).isEqualTo(billTo);
		assertThat(found.admins()).containsExactly("boss@module.example");

		assertThat(this.lookup.lookup(IdentifierType.SERIAL, List.of(serial)).block(WAIT)).hasEntrySatisfying(serial,
				(entry) -> assertThat(((RegistryEntry.Contract) entry).number()).isEqualTo(contract));
		assertThat(this.lookup.lookup(IdentifierType.BILL_TO, List.of(billTo)).block(WAIT)).hasEntrySatisfying(billTo,
				(entry) -> assertThat(((RegistryEntry.BillTo) entry).fullSupport()).isTrue());
	}

	private int beansOfType(String className) {
		try {
			return this.context.getBeanNamesForType(Class.forName(className)).length;
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(className + " moved: update this test", ex);
		}
	}

}
