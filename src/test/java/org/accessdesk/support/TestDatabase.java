package org.accessdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Finds the real PostgreSQL the integration tests run against, in this order:
 * <ol>
 * <li>{@code ACCESSDESK_TEST_DB_URL} ({@code jdbc:postgresql://host:port/database}, user
 * and password from {@code ACCESSDESK_TEST_DB_USER} /
 * {@code ACCESSDESK_TEST_DB_PASSWORD}, default {@code postgres} with no password) — CI
 * sets it;</li>
 * <li>Testcontainers, where a Docker engine answers (image pinned below);</li>
 * <li>a local PostgreSQL on {@code localhost:5432} as {@code postgres}, using a database
 * {@code accessdesk_test} that the application creates when missing.</li>
 * </ol>
 * With none of these the tests fail, saying how to provide one. They never skip.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String POSTGRES_IMAGE = "postgres:17.6";

	private static volatile Location location;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Location db = location();
		TestPropertyValues
			.of("spring.r2dbc.url=r2dbc:postgresql://" + db.hostPort() + "/" + db.database(),
					"spring.r2dbc.username=" + db.user(), "spring.r2dbc.password=" + db.password(),
					"spring.flyway.url=" + db.jdbcUrl(), "spring.flyway.user=" + db.user(),
					"spring.flyway.password=" + db.password())
			.applyTo(context);
	}

	public static synchronized Location location() {
		if (location == null) {
			location = find();
		}
		return location;
	}

	private static Location find() {
		String url = System.getenv("ACCESSDESK_TEST_DB_URL");
		String user = envOr("ACCESSDESK_TEST_DB_USER", "postgres");
		String password = envOr("ACCESSDESK_TEST_DB_PASSWORD", "");
		if (url != null && !url.isBlank()) {
			Location given = Location.parse(url.trim(), user, password);
			requireReachable(given, "ACCESSDESK_TEST_DB_URL=" + url);
			return given;
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
			container.start();
			return Location.parse(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		Location local = new Location("localhost:5432", "accessdesk_test", "postgres", "");
		if (reachable(local.withDatabase("postgres"))) {
			return local;
		}
		throw new IllegalStateException(
				"""
						No PostgreSQL for the integration tests. Provide one of:
						  - ACCESSDESK_TEST_DB_URL=jdbc:postgresql://HOST:PORT/DATABASE (ACCESSDESK_TEST_DB_USER, ACCESSDESK_TEST_DB_PASSWORD; default postgres, no password),
						  - a running Docker engine (Testcontainers starts %s),
						  - a PostgreSQL on localhost:5432 accepting user postgres (the database accessdesk_test is created).
						"""
					.formatted(POSTGRES_IMAGE));
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static void requireReachable(Location db, String source) {
		// The application creates a missing database itself, so probe the server only.
		if (!reachable(db.withDatabase("postgres")) && !reachable(db)) {
			throw new IllegalStateException("The test database named by " + source
					+ " does not answer. Start PostgreSQL there or point ACCESSDESK_TEST_DB_URL elsewhere.");
		}
	}

	private static boolean reachable(Location db) {
		Properties credentials = new Properties();
		credentials.setProperty("user", db.user());
		credentials.setProperty("password", db.password());
		credentials.setProperty("connectTimeout", "3");
		try (Connection ignored = DriverManager.getConnection(db.jdbcUrl(), credentials)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	/** Where the test database is. */
	public record Location(String hostPort, String database, String user, String password) {

		static Location parse(String jdbcUrl, String user, String password) {
			var matcher = java.util.regex.Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]+).*").matcher(jdbcUrl);
			if (!matcher.matches()) {
				throw new IllegalStateException(
						"ACCESSDESK_TEST_DB_URL must look like jdbc:postgresql://HOST:PORT/DATABASE, not " + jdbcUrl);
			}
			return new Location(matcher.group(1), matcher.group(2), user, password);
		}

		public String jdbcUrl() {
			return "jdbc:postgresql://" + this.hostPort + "/" + this.database;
		}

		public Location withDatabase(String other) {
			return new Location(this.hostPort, other, this.user, this.password);
		}

	}

}
