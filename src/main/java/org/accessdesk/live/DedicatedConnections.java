package org.accessdesk.live;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;

/**
 * Connections to the application's database outside the shared pool, for the live feed's
 * own work: the doorbell's LISTEN (a pooled connection would be handed to others) and the
 * feed's reads (which must not queue behind a burst of requests for pooled connections).
 * Same URL and credentials as {@code spring.r2dbc.*}; the application name tells them
 * apart in {@code pg_stat_activity}.
 */
final class DedicatedConnections {

	private DedicatedConnections() {
	}

	static PostgresqlConnectionFactory to(R2dbcProperties r2dbc, String applicationName) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbc.getUrl());
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder()
			.host(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.HOST)))
			.port((port == null) ? 5432 : Integer.parseInt(String.valueOf(port)))
			.database(String.valueOf(options.getValue(ConnectionFactoryOptions.DATABASE)))
			.username((r2dbc.getUsername() != null) ? r2dbc.getUsername()
					: String.valueOf(options.getValue(ConnectionFactoryOptions.USER)))
			.applicationName(applicationName);
		String password = (r2dbc.getPassword() != null) ? r2dbc.getPassword()
				: (options.getValue(ConnectionFactoryOptions.PASSWORD) != null)
						? String.valueOf(options.getValue(ConnectionFactoryOptions.PASSWORD)) : null;
		if (password != null && !password.isEmpty()) {
			builder.password(password);
		}
		return new PostgresqlConnectionFactory(builder.build());
	}

}
