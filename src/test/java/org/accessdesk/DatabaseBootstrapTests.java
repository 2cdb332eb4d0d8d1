package org.accessdesk;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.accessdesk.DatabaseStartupException.Problem;
import org.accessdesk.support.TlsOnlyPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The database bootstrap before Flyway, against a PostgreSQL that accepts only TLS: it
 * connects with every option of the URL (without them that server refuses), creates a
 * missing database when allowed to, and names each way it can fail for what it is.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseBootstrapTests {

	static TlsOnlyPostgres postgres;

	@BeforeAll
	static void startPostgres() {
		postgres = TlsOnlyPostgres.start();
	}

	@AfterAll
	static void stopPostgres() {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void createsAMissingDatabaseOverTls() throws SQLException {
		String database = unique("created");
		FlywayConnectionDetails connection = details(postgres.jdbcUrl(database), TlsOnlyPostgres.SUPERUSER);
		DatabaseBootstrap.ensureDatabaseExists(connection, true);
		assertThat(exists(database)).isTrue();
		DatabaseBootstrap.ensureDatabaseExists(connection, true);
	}

	@Test
	void aRoleThatMayNotCreateDatabasesIsToldSoAndHowToTurnCreationOff() throws SQLException {
		String role = roleWithoutCreatedb();
		String database = unique("wanted");
		DatabaseStartupException failure = failureOf(
				() -> DatabaseBootstrap.ensureDatabaseExists(details(postgres.jdbcUrl(database), role), true));
		assertThat(failure.problem()).isEqualTo(Problem.MAY_NOT_CREATE);
		FailureAnalysis analysis = new DatabaseStartupFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("the role " + role + " may not create databases")
			.contains("42501")
			.doesNotContain("could not reach")
			.doesNotContain("\n");
		assertThat(analysis.getAction()).contains("accessdesk.database.create-if-missing=false");
		assertThat(exists(database)).isFalse();
	}

	@Test
	void withCreationOffAMissingDatabaseIsReportedMissingAndNotCreated() throws SQLException {
		String database = unique("absent");
		DatabaseStartupException failure = failureOf(() -> DatabaseBootstrap
			.ensureDatabaseExists(details(postgres.jdbcUrl(database), TlsOnlyPostgres.SUPERUSER), false));
		assertThat(failure.problem()).isEqualTo(Problem.MISSING);
		assertThat(failure.description()).contains(database + " does not exist")
			.contains("accessdesk.database.create-if-missing is false");
		assertThat(exists(database)).isFalse();
	}

	@Test
	void aServerThatRefusesIsNotCalledUnreachable() {
		DatabaseStartupException failure = failureOf(() -> DatabaseBootstrap
			.ensureDatabaseExists(details(postgres.jdbcUrl("postgres", "disable"), TlsOnlyPostgres.SUPERUSER), true));
		assertThat(failure.problem()).isEqualTo(Problem.REFUSED);
		assertThat(failure.description()).contains("refused").contains("28000").doesNotContain("could not reach");
		assertThat(failure.action()).contains("sslMode=require");
	}

	@Test
	void noServerAtAllIsUnreachable() throws Exception {
		int nothingThere;
		try (ServerSocket socket = new ServerSocket(0)) {
			nothingThere = socket.getLocalPort();
		}
		DatabaseStartupException failure = failureOf(() -> DatabaseBootstrap.ensureDatabaseExists(
				details("jdbc:postgresql://127.0.0.1:" + nothingThere + "/desk", TlsOnlyPostgres.SUPERUSER), true));
		assertThat(failure.problem()).isEqualTo(Problem.UNREACHABLE);
		assertThat(failure.description()).contains("could not reach PostgreSQL at 127.0.0.1:" + nothingThere);
	}

	@Test
	void startUpStopsWithOneLineNamingThePermissionError(CapturedOutput output) throws SQLException {
		String role = roleWithoutCreatedb();
		String database = unique("service");
		// Only spring.r2dbc.*, as an operator would set it: Flyway's URL follows, TLS
		// included.
		Throwable failure = catchThrowable(
				() -> start("--spring.r2dbc.url=" + postgres.r2dbcUrl(database), "--spring.r2dbc.username=" + role));
		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database " + database + " does not exist on 127.0.0.1:" + postgres.port() + ", and the role "
					+ role + " may not create databases")
			.contains("ACCESSDESK_DATABASE_CREATE_IF_MISSING=false");
		assertThat(exists(database)).isFalse();
	}

	@Test
	void startUpWithCreationOffLeavesAMissingDatabaseAlone(CapturedOutput output) throws SQLException {
		String database = unique("service");
		Throwable failure = catchThrowable(() -> start("--spring.r2dbc.url=" + postgres.r2dbcUrl(database),
				"--spring.r2dbc.username=" + TlsOnlyPostgres.SUPERUSER,
				"--accessdesk.database.create-if-missing=false"));
		assertThat(failure).isNotNull();
		assertThat(output).contains("The database " + database + " does not exist");
		assertThat(exists(database)).as("the superuser could have, but was told not to").isFalse();
	}

	private static void start(String... arguments) {
		String[] all = new String[arguments.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		new SpringApplicationBuilder(AccessDeskApplication.class).profiles("test").run(all).close();
	}

	private static DatabaseStartupException failureOf(Runnable bootstrap) {
		try {
			bootstrap.run();
		}
		catch (DatabaseStartupException ex) {
			return ex;
		}
		throw new AssertionError("The bootstrap went through; it should have failed");
	}

	private static FlywayConnectionDetails details(String jdbcUrl, String user) {
		return new FlywayConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return jdbcUrl;
			}

			@Override
			public String getUsername() {
				return user;
			}

			@Override
			public String getPassword() {
				return null;
			}

		};
	}

	private static String roleWithoutCreatedb() throws SQLException {
		String role = unique("reader");
		try (Connection connection = postgres.connect("postgres")) {
			connection.createStatement().execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
		}
		return role;
	}

	private static boolean exists(String database) throws SQLException {
		try (Connection connection = postgres.connect("postgres");
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
