package org.accessdesk;

import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.stereotype.Component;

/**
 * Lets a query that has begun to be sent finish being sent, however early its caller
 * gives up. A request whose client goes away is cancelled, with the query it is running.
 * r2dbc-postgresql encodes a query's bind parameters into buffers when its result is
 * first read and writes them out after; a query cancelled in between drops those buffers
 * without releasing them (pgjdbc/r2dbc-postgresql#734, still so in 1.1.3) — a little
 * direct memory lost for every browser that navigates on at the wrong moment, found by
 * ClientsThatLeaveTests a few times in three thousand departures.
 *
 * <p>
 * So every result's reader here is guarded ({@link SentBeforeCancelled}): a cancel that
 * arrives before the database has answered anything waits for the first answer (the query
 * is then on the wire and its buffers given back) and takes effect there. The rest of the
 * cancelled work — the next query, the answer to the client — is still dropped at once,
 * so clients that leave still free the service. Boot applies the decorator to the
 * driver's connections, below the pool; the live feed's dedicated connections are never
 * cancelled by a client and are not wrapped.
 */
@Component
class QueriesSentWhole implements ConnectionFactoryDecorator {

	@Override
	public ConnectionFactory decorate(ConnectionFactory connectionFactory) {
		return new GuardedConnections.Factory(connectionFactory);
	}

}
