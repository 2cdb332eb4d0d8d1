package org.accessdesk.live;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Connections to the application's database outside the shared pool, for the live feed's
 * own work: the doorbell's LISTEN (a pooled connection would be handed to others) and the
 * feed's reads (which must not queue behind a burst of requests for pooled connections).
 * They are made from the very options Spring Boot makes the pool from — its R2DBC
 * connection details ({@code spring.r2dbc.url} with every query option,
 * {@code spring.r2dbc.properties.*}, the credentials, or a service connection) and any
 * option customizers — so TLS, timeouts and whatever else is configured hold for them
 * too. Only the application name differs: it tells them apart in
 * {@code pg_stat_activity}.
 */
@Component
class DedicatedConnections {

	private final ConnectionFactoryOptions options;

	DedicatedConnections(R2dbcConnectionDetails connectionDetails,
			ObjectProvider<ConnectionFactoryOptionsBuilderCustomizer> customizers) {
		ConnectionFactoryOptions.Builder builder = connectionDetails.getConnectionFactoryOptions().mutate();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		this.options = withoutPool(builder.build());
	}

	/** A factory of connections that call themselves {@code applicationName}. */
	PostgresqlConnectionFactory named(String applicationName) {
		return new PostgresqlConnectionFactory(
				PostgresqlConnectionFactoryProvider.builder(options(applicationName)).build());
	}

	/** The options such connections are made with. */
	ConnectionFactoryOptions options(String applicationName) {
		return this.options.mutate()
			.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName)
			.build();
	}

	/**
	 * {@code r2dbc:pool:postgresql://…} names the pool as the driver and PostgreSQL as
	 * its protocol. A dedicated connection is PostgreSQL's own (LISTEN needs its
	 * notifications), so it is unwrapped the way r2dbc-pool unwraps its delegate; the
	 * pool's own options mean nothing to the driver.
	 */
	private static ConnectionFactoryOptions withoutPool(ConnectionFactoryOptions options) {
		if (!"pool".equals(options.getValue(ConnectionFactoryOptions.DRIVER))) {
			return options;
		}
		String[] protocol = String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.PROTOCOL)).split(":", 2);
		return options.mutate()
			.option(ConnectionFactoryOptions.DRIVER, protocol[0])
			.option(ConnectionFactoryOptions.PROTOCOL, (protocol.length == 2) ? protocol[1] : "")
			.build();
	}

}
