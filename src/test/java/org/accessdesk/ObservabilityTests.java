package org.accessdesk;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and clients can see of the running service: Prometheus metrics (for
 * operators only) that move with real activity, and the OpenAPI document of the JSON API
 * with its Swagger UI.
 */
@IntegrationTest
class ObservabilityTests {

	static final String STREAMS = "accessdesk_sse_streams{stream=\"me\"}";

	static final String AWAITING_ADMIN = "accessdesk_submissions_total{reason=\"AWAITING_ADMIN\",status=\"PENDING_ADMIN\"}";

	static final String WITHDRAWN = "accessdesk_transitions_total{to=\"WITHDRAWN\"}";

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void prometheusShowsSubmissionsTransitionsStreamsAndMailForOperators() throws Exception {
		TestAccounts accounts = new TestAccounts(this.client);
		TestRegistry registry = TestRegistry.load(this.client, accounts.operator(), accounts.customer("Admin Co"));
		Person customer = accounts.signUp(TestAccounts.uniqueEmail("metrics"), "Metrics", "en", registry.company,
				"1 Main Street");
		String token = accounts.token(customer);
		// A stream that has come and gone: counted while open, never timed as a request.
		String before = scrape(accounts);
		double openBefore = value(before, STREAMS);
		try (SseClient ended = new SseClient(this.port, "/api/me/events", Person.bearer(token))) {
			assertThat(ended.headers(Duration.ofSeconds(20))).isNotNull();
		}
		await("the server noticed the closed stream").atMost(Duration.ofSeconds(20))
			.until(() -> value(scrape(accounts), STREAMS) == openBefore);
		try (SseClient stream = new SseClient(this.port, "/api/me/events", Person.bearer(token))) {
			assertThat(stream.headers(Duration.ofSeconds(20))).isNotNull();
			Map<?, ?> request = this.client.post()
				.uri("/api/access-requests")
				.headers(customer.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "BILL_TO", "identifiers",
						registry.billToFullWithAdmins))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			Object item = ((Map<?, ?>) ((java.util.List<?>) request.get("items")).get(0)).get("id");
			this.client.post()
				.uri("/api/items/{id}/withdraw", item)
				.headers(customer.basic())
				.exchange()
				.expectStatus()
				.isOk();

			String metrics = scrape(accounts);
			// Exactly this test's submission, withdrawal and open stream were added.
			assertThat(value(metrics, AWAITING_ADMIN) - valueOrZero(before, AWAITING_ADMIN)).isEqualTo(1);
			assertThat(value(metrics, WITHDRAWN) - valueOrZero(before, WITHDRAWN)).isEqualTo(1);
			assertThat(value(metrics, STREAMS)).isEqualTo(openBefore + 1);
			assertThat(metrics).contains("accessdesk_mail_backlog ")
				.contains("accessdesk_mail_failed_total{cause=\"permanent\"}")
				.contains("accessdesk_mail_sent_total ");
			// Requests are timed; streams, which last as long as their clients,
			// are counted above instead.
			assertThat(metrics).contains("uri=\"/api/access-requests\"").doesNotContain("uri=\"/api/me/events\"");
		}
	}

	@Test
	void metricsAreForOperatorsOnly() {
		Person customer = new TestAccounts(this.client).customer("Curious Corp");
		this.client.get()
			.uri("/actuator/prometheus")
			.headers(customer.basic())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theOpenApiDocumentListsTheJsonApiForAnyone() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.openapi")
			.isNotEmpty()
			.jsonPath("$.info.title")
			.isEqualTo("Access Desk")
			.jsonPath("$.paths['/api/access-requests'].post")
			.exists()
			.jsonPath("$.paths['/api/me/events'].get")
			.exists()
			// The events' shape (springdoc cannot read it from the Flux).
			.jsonPath("$.paths['/api/me/events'].get.responses['200'].content['text/event-stream'].schema['$ref']")
			.isEqualTo("#/components/schemas/EventView")
			.jsonPath("$.components.schemas.EventView.properties.to.type")
			.isEqualTo("string");
	}

	@Test
	void swaggerUiIsServedUnderAContentSecurityPolicy() {
		String page = this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		// Swagger UI needs data: images and inline styles; scripts stay same-origin only.
		this.client.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
							+ " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
							+ " frame-ancestors 'none'");
	}

	private String scrape(TestAccounts accounts) {
		// The scrape outgrows the 64 KiB that the shared codec settings allow a body.
		return this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.headers(accounts.operator().basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static double valueOrZero(String metrics, String series) {
		return metrics.contains(series + " ") ? value(metrics, series) : 0;
	}

	private static double value(String metrics, String series) {
		Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
		assertThat(line.find()).as("%s in %n%s", series, metrics).isTrue();
		return Double.parseDouble(line.group(1));
	}

}
