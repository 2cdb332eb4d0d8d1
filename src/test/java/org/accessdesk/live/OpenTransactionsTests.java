package org.accessdesk.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live status waits for no transaction but the ones that write the events it delivers
 * (issue 13): a transaction left open in another database of the same server, one left
 * idle in this database, even one that wrote an event and never commits — while they stay
 * open, every committed transition reaches its stream, once and in order. Prints how long
 * delivery took (a figure for the notes; the test asserts delivery, not speed).
 */
@IntegrationTest
class OpenTransactionsTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void transactionsLeftOpenAnywhereHoldBackNoStream() throws Exception {
		TestAccounts accounts = new TestAccounts(this.client);
		Person customer = accounts.customer("Open Transactions Corp");
		String token = accounts.token(customer);
		TestDatabase.Location db = TestDatabase.location();
		try (Connection otherDatabase = openTransaction(db.withDatabase("postgres"));
				Connection thisDatabase = openTransaction(db);
				Connection unfinishedWriter = openTransaction(db);
				SseClient stream = new SseClient(this.port, "/api/me/events", Person.bearer(token))) {
			// Each holds a transaction id, as an idle BI tool, migration or psql does.
			execute(otherDatabase, "SELECT pg_current_xact_id()");
			execute(thisDatabase, "SELECT pg_current_xact_id()");
			// This one even wrote an event of the log and never commits.
			String stuckItem = submit(token);
			execute(unfinishedWriter,
					"INSERT INTO item_event (item_id, request_id, account_id, identifier, kind,"
							+ " to_status, reason, actor) SELECT id, request_id, account_id, identifier, kind, status,"
							+ " reason, 'stuck-writer' FROM access_item WHERE id = '" + stuckItem + "'");
			stream.headers(WAIT);
			stream.drain(Duration.ofMillis(500));

			List<Long> millis = new ArrayList<>();
			List<SseClient.Received> received = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String item = submit(token);
				SseClient.Received event = stream.next(WAIT);
				assertThat(event).as("transition %d delivered while the transactions stay open", i).isNotNull();
				assertThat(event.itemId()).isEqualTo(item);
				assertThat(event.data().get("actor")).isNotEqualTo("stuck-writer");
				received.add(event);
				millis.add(Duration.between(Instant.parse((String) event.data().get("at")), event.at()).toMillis());
			}
			LiveStatusTests.assertInOrder(received);
			assertThat(stream.drain(Duration.ofMillis(300))).as("nothing twice").isEmpty();
			List<Long> sorted = millis.stream().sorted().toList();
			System.out.printf("With transactions left open: 20 transitions delivered, median %d ms, worst %d ms%n",
					sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));

			// The writer that never committed gives up: its event never appears.
			unfinishedWriter.rollback();
			assertThat(stream.drain(Duration.ofMillis(500))).isEmpty();
		}
	}

	private String submit(String token) {
		Map<?, ?> request = this.client.post()
			.uri("/api/access-requests")
			.headers(Person.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
					LiveStatusTests.unknownNumber()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("id");
	}

	private static Connection openTransaction(TestDatabase.Location db) throws SQLException {
		Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
		connection.setAutoCommit(false);
		return connection;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
