package org.accessdesk.demo;

import java.time.Clock;
import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.accessdesk.account.AccountRegistration;
import org.accessdesk.registry.RegistryImport;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestDatabase;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Two instances starting at once with the demo profile (compose's second instance): their
 * loads take turns under an advisory lock, and both end with the demo data in place. Each
 * "instance" here is a DemoData of its own over the same beans and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
// The tests' JDK HTTP client (see TestHttp): every Netty buffer in the run is the
// service's.
@Import(TestHttp.Configuration.class)
@ActiveProfiles({ "test", "demo" })
@ContextConfiguration(initializers = { TestDatabase.class, TestMail.class })
class DemoDataConcurrencyTests {

	@Autowired
	WebTestClient client;

	@Autowired
	AccountRegistration registration;

	@Autowired
	RegistryImport registry;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	ConnectionFactory connections;

	@Test
	void aLoadWaitsWhileAnotherHoldsTheLock() {
		Connection holder = Mono.from(this.connections.create()).block(Duration.ofSeconds(20));
		try {
			DemoData.advisory(holder, "pg_advisory_lock").block(Duration.ofSeconds(20));
			StepVerifier.create(instance().loaded())
				.expectSubscription()
				.expectNoEvent(Duration.ofSeconds(1))
				.then(() -> DemoData.advisory(holder, "pg_advisory_unlock").block(Duration.ofSeconds(20)))
				.expectComplete()
				.verify(Duration.ofSeconds(60));
		}
		finally {
			Mono.from(holder.close()).block(Duration.ofSeconds(20));
		}
	}

	@Test
	void twoInstancesLoadingAtOnceBothFinishWithTheDemoDataInPlace() {
		// The context loaded the demo data at start-up: take a piece of it away first, so
		// that the loads below have something to put back.
		Person operator = new Person("ops@accessdesk.example", DemoData.PASSWORD);
		DatabaseClient.create(this.connections)
			.sql("DELETE FROM contract WHERE number = '91000005'")
			.then()
			.block(Duration.ofSeconds(20));
		this.client.get()
			.uri("/api/registry/contracts/{number}", "91000005")
			.headers(operator.basic())
			.exchange()
			.expectStatus()
			.isNotFound();

		Mono.when(instance().loaded(), instance().loaded(), instance().loaded()).block(Duration.ofSeconds(120));
		this.client.get()
			.uri("/api/registry/contracts/{number}", "91000005")
			.headers(operator.basic())
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/profile")
			.headers(new Person("alice@example.com", DemoData.PASSWORD).basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.companyName")
			.isEqualTo("Example Corp");
	}

	private DemoData instance() {
		return new DemoData(this.registration, this.registry, this.json, this.clock, this.connections);
	}

}
