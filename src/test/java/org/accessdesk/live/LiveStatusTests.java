package org.accessdesk.live;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.accessdesk.request.EventPosition;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestDatabase;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live status over SSE on one instance (SPEC §8); the cross-instance case is in
 * {@link TwoInstanceTests}.
 */
@IntegrationTest
class LiveStatusTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory pool;

	@Autowired
	R2dbcProperties r2dbc;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	Person customer;

	String token;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.customer = this.accounts.customer("Live Corp");
		this.token = this.accounts.token(this.customer);
	}

	@Test
	void aPersonSeesTheirOwnTransitionsAsTheyHappenAndNobodyElses() throws Exception {
		Person other = this.accounts.customer("Other Live Corp");
		String otherToken = this.accounts.token(other);
		try (SseClient mine = new SseClient(this.port, "/api/me/events", Person.bearer(this.token));
				SseClient theirs = new SseClient(this.port, "/api/me/events", Person.bearer(otherToken))) {
			HttpHeaders headers = mine.headers(WAIT);
			assertThat(headers.getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue();
			assertThat(headers.getCacheControl()).contains("no-store");
			assertThat(headers.getFirst("X-Accel-Buffering")).isEqualTo("no");
			theirs.headers(WAIT);

			String item = submit(this.token, unknownNumber()).block(WAIT);
			SseClient.Received event = mine.next(WAIT);
			assertThat(event).isNotNull();
			assertThat(event.itemId()).isEqualTo(item);
			assertThat(event.data()).containsEntry("to", "DENIED")
				.containsEntry("reason", "NOT_FOUND")
				.containsEntry("actor", this.customer.email())
				.containsKeys("id", "requestId", "identifier", "kind", "from", "comment", "at");
			assertThat(event.data().get("id")).isEqualTo(event.id());

			String theirItem = submit(otherToken, unknownNumber()).block(WAIT);
			assertThat(theirs.next(WAIT).itemId()).isEqualTo(theirItem);
			assertThat(mine.drain(Duration.ofMillis(500))).isEmpty();
		}
	}

	@Test
	void resumingWithLastEventIdReplaysEveryMissedEventOnceInOrderThenContinuesLive() throws Exception {
		String lastSeen;
		try (SseClient first = new SseClient(this.port, "/api/me/events", Person.bearer(this.token))) {
			first.headers(WAIT);
			submit(this.token, unknownNumber()).block(WAIT);
			lastSeen = first.next(WAIT).id();
		}
		// While nobody listens, 100 transitions commit concurrently.
		List<String> missed = Flux.range(0, 100)
			.flatMap((i) -> submit(this.token, unknownNumber()), 25)
			.collectList()
			.block(Duration.ofSeconds(60));
		try (SseClient resumed = new SseClient(this.port, "/api/me/events",
				Person.bearer(this.token).andThen((h) -> h.set("Last-Event-ID", lastSeen)))) {
			List<SseClient.Received> replayed = resumed.take(100, WAIT);
			assertThat(replayed).extracting(SseClient.Received::itemId).containsExactlyInAnyOrderElementsOf(missed);
			assertInOrder(replayed);
			assertThat(EventPosition.parse(replayed.get(0).id())).isGreaterThan(EventPosition.parse(lastSeen));

			String afterwards = submit(this.token, unknownNumber()).block(WAIT);
			SseClient.Received live = resumed.next(WAIT);
			assertThat(live.itemId()).isEqualTo(afterwards);
			assertThat(resumed.drain(Duration.ofMillis(500))).isEmpty();
		}
		// A browser's first connection names the id as a query parameter instead.
		try (SseClient byQuery = new SseClient(this.port, "/api/me/events?lastEventId=" + lastSeen,
				Person.bearer(this.token))) {
			assertThat(byQuery.take(101, WAIT)).extracting(SseClient.Received::itemId).containsAll(missed);
		}
	}

	@Test
	void killingEveryDatabaseConnectionLosesNothing() throws Exception {
		try (SseClient stream = new SseClient(this.port, "/api/me/events", Person.bearer(this.token))) {
			stream.headers(WAIT);
			String before = submit(this.token, unknownNumber()).block(WAIT);
			assertThat(stream.next(WAIT).itemId()).isEqualTo(before);

			// From outside the service: every connection it has to this database ends,
			// the pool's and the doorbell's and the feed's own.
			List<String> killed = new java.util.ArrayList<>();
			try (java.sql.Connection jdbc = DriverManager.getConnection(TestDatabase.location().jdbcUrl(),
					TestDatabase.location().user(), TestDatabase.location().password());
					java.sql.ResultSet rows = jdbc.createStatement()
						// MATERIALIZED: the victims are chosen before any is killed, this
						// session never among them.
						.executeQuery("WITH victims AS MATERIALIZED (SELECT pid, application_name"
								+ " FROM pg_stat_activity WHERE datname = current_database()"
								+ " AND pid <> pg_backend_pid() AND backend_type = 'client backend')"
								+ " SELECT application_name FROM victims WHERE pg_terminate_backend(pid)")) {
				while (rows.next()) {
					killed.add(rows.getString(1));
				}
			}
			assertThat(killed).contains("accessdesk-doorbell", "accessdesk-feed");

			List<String> after = Flux.range(0, 20)
				.concatMap((i) -> submit(this.token, unknownNumber()).retryWhen(
						Retry.backoff(10, Duration.ofMillis(100)).filter(WebClientResponseException.class::isInstance)))
				.collectList()
				.block(Duration.ofSeconds(60));
			List<SseClient.Received> delivered = stream.take(20, WAIT);
			assertThat(delivered).extracting(SseClient.Received::itemId).containsExactlyElementsOf(after);
		}
	}

	@Test
	void streamsKeepReceivingWhileEveryPooledConnectionIsTaken() throws Exception {
		try (SseClient stream = new SseClient(this.port, "/api/me/events", Person.bearer(this.token))) {
			stream.headers(WAIT);
			String item = submit(this.token, unknownNumber()).block(WAIT);
			assertThat(stream.next(WAIT).itemId()).isEqualTo(item);

			// Requests hold every pooled connection (a burst of new streams would): the
			// feed reads over its own connection, so events still arrive.
			int poolSize = this.r2dbc.getPool().getMaxSize();
			List<Connection> taken = Flux.range(0, poolSize)
				.flatMap((i) -> Mono.<Connection>from(this.pool.create()))
				.collectList()
				.block(WAIT);
			try (java.sql.Connection jdbc = DriverManager.getConnection(TestDatabase.location().jdbcUrl(),
					TestDatabase.location().user(), TestDatabase.location().password())) {
				jdbc.createStatement()
					.execute("INSERT INTO item_event (item_id, request_id, account_id, identifier, kind,"
							+ " from_status, to_status, reason, actor) SELECT item_id, request_id, account_id,"
							+ " identifier, kind, to_status, to_status, reason, 'pool-test' FROM item_event"
							+ " WHERE item_id = '" + item + "' LIMIT 1");
				SseClient.Received event = stream.next(Duration.ofSeconds(10));
				assertThat(event).as("an event while the pool is exhausted").isNotNull();
				assertThat(event.itemId()).isEqualTo(item);
			}
			finally {
				Flux.fromIterable(taken).concatMap(Connection::close).then().block(WAIT);
			}
		}
	}

	@Test
	void aSubscriberThatCannotKeepUpIsCutOffWhileAFastOneKeepsReceiving() throws Exception {
		try (SseClient fast = new SseClient(this.port, "/api/me/events", Person.bearer(this.token));
				SlowReader slow = new SlowReader(this.port, "/api/me/events", this.token)) {
			fast.headers(WAIT);
			slow.awaitHeaders(WAIT);
			// 40 requests of 50 numbers: 2,000 events, far more than the slow reader's
			// socket and its 256-event buffer (test profile) can hold.
			Flux.range(0, 40).concatMap((i) -> submitMany(this.token, 50)).then().block(Duration.ofSeconds(120));
			assertThat(fast.take(2000, Duration.ofSeconds(60))).hasSize(2000);
			assertThat(slow.readUntilEnded(Duration.ofSeconds(30))).as("the server ended the slow stream").isTrue();
		}
	}

	@Test
	void anIdleStreamGetsHeartbeats() throws Exception {
		try (SlowReader idle = new SlowReader(this.port, "/api/me/events", this.token)) {
			idle.awaitHeaders(WAIT);
			// Beats every second in the test profile (default 10 s; SPEC: at most 15 s).
			assertThat(idle.readFor(Duration.ofSeconds(3))).contains(":heartbeat");
		}
	}

	@Test
	void reviewStreamsCarryOnlyTheCallersQueue() throws Exception {
		Person admin = this.accounts.customer("Admin Live Co");
		TestRegistry registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
		Person asker = this.accounts.signUp(TestAccounts.uniqueEmail("asker"), "Asker", "en", registry.company,
				"Street 1");
		String askerToken = this.accounts.token(asker);
		Person vendor = this.accounts.vendorReviewer();
		try (SseClient adminStream = new SseClient(this.port, "/api/review/events", admin.basic());
				SseClient vendorStream = new SseClient(this.port, "/api/review/events", vendor.basic())) {
			adminStream.headers(WAIT);
			vendorStream.headers(WAIT);
			String forAdmin = submitKind(askerToken, "FULL_SUPPORT", "BILL_TO", registry.billToFullWithAdmins)
				.block(WAIT);
			String forVendor = submitKind(askerToken, "FULL_SUPPORT", "CONTRACT", registry.otherCompanysContract)
				.block(WAIT);
			submit(askerToken, unknownNumber()).block(WAIT);

			List<String> adminSaw = adminStream.drain(Duration.ofSeconds(2))
				.stream()
				.map(SseClient.Received::itemId)
				.toList();
			assertThat(adminSaw).contains(forAdmin).doesNotContain(forVendor);
			List<String> vendorSaw = vendorStream.drain(Duration.ofMillis(200))
				.stream()
				.map(SseClient.Received::itemId)
				.toList();
			assertThat(vendorSaw).contains(forVendor).doesNotContain(forAdmin);
		}
		this.client.get()
			.uri("/api/review/events")
			.headers(this.customer.basic())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/me/events?lastEventId=garbage")
			.headers(this.customer.basic())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	static void assertInOrder(List<SseClient.Received> events) {
		for (int i = 1; i < events.size(); i++) {
			assertThat(EventPosition.parse(events.get(i).id()))
				.isGreaterThan(EventPosition.parse(events.get(i - 1).id()));
		}
		Set<String> ids = new HashSet<>();
		events.forEach((event) -> assertThat(ids.add(event.id())).as("duplicate " + event.id()).isTrue());
	}

	static String unknownNumber() {
		return "8" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
	}

	Mono<String> submit(String token, String number) {
		return submitKind(token, "FULL_SUPPORT", "CONTRACT", number);
	}

	Mono<String> submitKind(String token, String kind, String type, String identifier) {
		return web(token).post()
			.uri("/api/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "identifierType", type, "identifiers", identifier))
			.retrieve()
			.bodyToMono(Map.class)
			.map((request) -> (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("id"));
	}

	Mono<Void> submitMany(String token, int count) {
		List<String> numbers = java.util.stream.IntStream.range(0, count).mapToObj((i) -> unknownNumber()).toList();
		return web(token).post()
			.uri("/api/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers", numbers))
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	WebClient web(String token) {
		return TestHttp.webClient(this.port).defaultHeaders((headers) -> headers.setBearerAuth(token)).build();
	}

}
