package org.accessdesk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Before Flyway migrates: make sure the configured database exists (a fresh machine has
 * only {@code postgres}) unless {@code accessdesk.database.create-if-missing} is off, and
 * turn "PostgreSQL is not there", "PostgreSQL says no" and "this role may not create
 * databases" into one clear start-up failure each. It connects where Flyway will — its
 * connection details, from {@code spring.flyway.*} (which {@link DatabaseDefaults}
 * derives from {@code spring.r2dbc.*}) or a service connection — with every option of
 * that JDBC URL, TLS included. Runs once, at start-up, on the main thread: plain JDBC is
 * right here.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseBootstrap {

	private static final Log logger = LogFactory.getLog(DatabaseBootstrap.class);

	private static final String INVALID_CATALOG_NAME = "3D000";

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final String MAINTENANCE_DATABASE = "postgres";

	@Bean
	FlywayMigrationStrategy createDatabaseThenMigrate(FlywayConnectionDetails connection,
			DatabaseProperties properties) {
		return (flyway) -> {
			ensureDatabaseExists(connection, properties.createIfMissing());
			flyway.migrate();
		};
	}

	static void ensureDatabaseExists(FlywayConnectionDetails connection, boolean createIfMissing) {
		String url = connection.getJdbcUrl();
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return; // Not a PostgreSQL URL: let Flyway connect as configured.
		}
		// pgjdbc's own data source reads the URL, every option included, so only the
		// database name changes for the maintenance connection below.
		PGSimpleDataSource target = dataSource(url, connection);
		String database = target.getDatabaseName();
		// Without a user pgjdbc signs in as the operating system's user.
		String user = (target.getUser() != null) ? target.getUser() : System.getProperty("user.name");
		DatabaseStartupException.Place place = new DatabaseStartupException.Place(server(target), database, user);
		try (Connection ignored = target.getConnection()) {
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				throw DatabaseStartupException.connecting(place, ex);
			}
			if (!createIfMissing) {
				throw DatabaseStartupException.missing(place, ex);
			}
		}
		PGSimpleDataSource maintenance = dataSource(url, connection);
		maintenance.setDatabaseName(MAINTENANCE_DATABASE);
		try (Connection admin = maintenance.getConnection()) {
			if (!exists(admin, database)) {
				try (var statement = admin.createStatement()) {
					statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
				}
				logger.info("Created database " + database + " on " + place.server());
			}
		}
		catch (SQLException ex) {
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) { // else another instance
																// won
				throw DatabaseStartupException.creating(place, ex);
			}
		}
	}

	private static PGSimpleDataSource dataSource(String url, FlywayConnectionDetails connection) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		// As when Flyway connects: credentials in the URL win over the separate ones.
		if (dataSource.getUser() == null) {
			dataSource.setUser(connection.getUsername());
		}
		if (dataSource.getPassword() == null) {
			dataSource.setPassword(connection.getPassword());
		}
		return dataSource;
	}

	private static String server(PGSimpleDataSource dataSource) {
		String[] hosts = dataSource.getServerNames();
		int[] ports = dataSource.getPortNumbers();
		List<String> servers = new ArrayList<>();
		for (int i = 0; i < hosts.length; i++) {
			boolean hasPort = ports != null && i < ports.length && ports[i] != 0;
			servers.add(hasPort ? hosts[i] + ":" + ports[i] : hosts[i]);
		}
		return String.join(",", servers);
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

}
