package org.accessdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Before Flyway migrates: make sure the configured database exists (a fresh machine has
 * only {@code postgres}), and turn "PostgreSQL is not there" into one clear start-up
 * failure. Runs once, at start-up, on the main thread: plain JDBC is right here.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseBootstrap {

	private static final Log logger = LogFactory.getLog(DatabaseBootstrap.class);

	private static final Pattern JDBC_URL = Pattern
		.compile("jdbc:postgresql://(?<hostport>[^/?]+)/(?<database>[^?]+)(?<query>\\?.*)?");

	private static final String INVALID_CATALOG_NAME = "3D000";

	@Bean
	FlywayMigrationStrategy createDatabaseThenMigrate(FlywayProperties properties) {
		return (flyway) -> {
			ensureDatabaseExists(properties.getUrl(), properties.getUser(), properties.getPassword());
			flyway.migrate();
		};
	}

	static void ensureDatabaseExists(String url, String user, String password) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			return; // An unusual URL: let Flyway connect as configured.
		}
		String database = matcher.group("database");
		String where = matcher.group("hostport") + ", database " + database + ", user " + user;
		try (Connection ignored = DriverManager.getConnection(url, credentials(user, password))) {
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				throw new DatabaseUnreachableException(where, ex);
			}
		}
		String query = matcher.group("query") != null ? matcher.group("query") : "";
		String maintenanceUrl = "jdbc:postgresql://" + matcher.group("hostport") + "/postgres" + query;
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials(user, password))) {
			if (!exists(connection, database)) {
				try (var statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
				}
				logger.info("Created database " + database + " on " + matcher.group("hostport"));
			}
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) { // duplicate_database: another
														// instance won the race
				throw new DatabaseUnreachableException(where, ex);
			}
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static Properties credentials(String user, String password) {
		Properties credentials = new Properties();
		if (user != null) {
			credentials.setProperty("user", user);
		}
		if (password != null) {
			credentials.setProperty("password", password);
		}
		credentials.setProperty("connectTimeout", "5");
		return credentials;
	}

}
