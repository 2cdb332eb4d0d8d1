package org.accessdesk.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.accessdesk.AccessDeskApplication;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TlsOnlyPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The service against a PostgreSQL that accepts only TLS (issue 13): the pool, the
 * database bootstrap and Flyway, the doorbell's LISTEN and the feed's own connection all
 * carry the options of {@code spring.r2dbc.*}. Before, the two dedicated connections lost
 * {@code sslMode}: submissions went through, but readiness stayed DOWN and streams stayed
 * silent.
 */
class TlsOnlyDatabaseTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String DATABASE = "accessdesk_tls";

	static TlsOnlyPostgres postgres;

	static ConfigurableApplicationContext service;

	@BeforeAll
	static void startServiceOnTlsOnlyPostgres() {
		postgres = TlsOnlyPostgres.start();
		// Only spring.r2dbc.*, as an operator would set it: the database does not exist
		// yet (start-up creates it) and Flyway's URL is derived: both must keep TLS too.
		service = new SpringApplicationBuilder(AccessDeskApplication.class).profiles("test")
			.initializers(new TestMail())
			.run("--server.port=0", "--spring.r2dbc.url=" + postgres.r2dbcUrl(DATABASE) + "&connectTimeout=PT7S",
					"--spring.r2dbc.username=" + TlsOnlyPostgres.SUPERUSER,
					"--spring.r2dbc.properties.statementTimeout=PT42S");
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void theClusterRefusesConnectionsWithoutTls() throws SQLException {
		Throwable jdbc = catchThrowable(() -> DriverManager
			.getConnection(postgres.jdbcUrl("postgres", "disable"), TlsOnlyPostgres.SUPERUSER, "")
			.close());
		assertThat(jdbc).isInstanceOf(SQLException.class).hasMessageContaining("no encryption");
		assertThat(((SQLException) jdbc).getSQLState()).isEqualTo("28000");

		ConnectionFactoryOptions plain = ConnectionFactoryOptions.parse(postgres.r2dbcUrl(DATABASE))
			.mutate()
			.option(PostgresqlConnectionFactoryProvider.SSL_MODE, SSLMode.DISABLE)
			.option(ConnectionFactoryOptions.USER, TlsOnlyPostgres.SUPERUSER)
			.build();
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> Mono.from(ConnectionFactories.get(plain).create()).block(WAIT))
			.withMessageContaining("no encryption");

		try (Connection tls = postgres.connect("postgres")) {
			assertThat(tls.isValid(5)).isTrue();
		}
	}

	@Test
	void submissionsLiveStatusAndReadinessWorkOverTls() throws Exception {
		int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
		WebTestClient client = WebTestClient.bindToServer(TestHttp.connector())
			.baseUrl("http://localhost:" + port)
			.responseTimeout(WAIT)
			.build();
		// The database is new and its event log empty: this is also a new installation's
		// first live event (the feed once failed to start on an empty log).
		TestAccounts accounts = new TestAccounts(client);
		Person customer = accounts.customer("TLS Only Corp");
		String token = accounts.token(customer);
		try (SseClient stream = new SseClient(port, "/api/me/events", Person.bearer(token))) {
			assertThat(stream.headers(WAIT)).as("the stream opened").isNotNull();
			Map<?, ?> request = TestHttp.webClient(port)
				.build()
				.post()
				.uri("/api/access-requests")
				.headers(Person.bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
						LiveStatusTests.unknownNumber()))
				.retrieve()
				.bodyToMono(Map.class)
				.block(WAIT);
			String item = (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("id");
			SseClient.Received event = stream.next(WAIT);
			assertThat(event).as("the item's event on the live stream").isNotNull();
			assertThat(event.itemId()).isEqualTo(item);
		}
		awaitReadiness(client);
		Map<String, Boolean> tlsByApplication = tlsByApplication();
		assertThat(tlsByApplication).containsEntry("accessdesk-doorbell", true).containsEntry("accessdesk-feed", true);
	}

	@Test
	void dedicatedConnectionsCarryEveryConfiguredOption() throws SQLException {
		DedicatedConnections connections = service.getBean(DedicatedConnections.class);
		for (String name : List.of("accessdesk-doorbell", "accessdesk-feed")) {
			ConnectionFactoryOptions options = connections.options(name);
			assertThat(options.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT)).as("from the URL").isEqualTo("PT7S");
			assertThat(options.getValue(Option.valueOf("sslMode"))).as("from the URL").isEqualTo("require");
			assertThat(options.getValue(Option.valueOf("statementTimeout"))).as("from spring.r2dbc.properties")
				.isEqualTo("PT42S");
			assertThat(options.getValue(PostgresqlConnectionFactoryProvider.APPLICATION_NAME)).isEqualTo(name);
		}
		PostgresqlConnectionFactory factory = connections.named("accessdesk-options-test");
		// The driver keeps its configuration's getters to itself; its description
		// names every setting.
		assertThat(factory.toString()).contains("connectTimeout=PT7S").contains("statementTimeout=PT42S");
		// And the server sees them: a session over TLS, under the configured timeout.
		Map<String, String> session = Flux.usingWhen(factory.create(), (connection) -> connection
			.createStatement("SELECT current_setting('statement_timeout') AS timeout,"
					+ " current_setting('application_name') AS name, ssl::text AS tls"
					+ " FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
			.execute()
			.flatMap((result) -> result.map((row, metadata) -> Map.of("timeout", row.get("timeout", String.class),
					"name", row.get("name", String.class), "tls", row.get("tls", String.class)))),
				(connection) -> connection.close())
			.blockFirst(WAIT);
		assertThat(session).containsEntry("timeout", "42s")
			.containsEntry("name", "accessdesk-options-test")
			.containsEntry("tls", "true");
	}

	private static void awaitReadiness(WebTestClient client) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String status = null;
		while (System.nanoTime() < deadline) {
			Map<?, ?> body = client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			status = (body != null) ? (String) body.get("status") : null;
			if ("UP".equals(status)) {
				return;
			}
			Thread.sleep(200);
		}
		assertThat(status).as("readiness within %s", WAIT).isEqualTo("UP");
	}

	private static Map<String, Boolean> tlsByApplication() throws SQLException {
		Map<String, Boolean> tls = new HashMap<>();
		try (Connection connection = postgres.connect(DATABASE);
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT a.application_name, s.ssl FROM pg_stat_activity a"
							+ " JOIN pg_stat_ssl s USING (pid) WHERE a.datname = current_database()")) {
			while (rows.next()) {
				tls.merge(rows.getString(1), rows.getBoolean(2), Boolean::logicalAnd);
			}
		}
		return tls;
	}

}
