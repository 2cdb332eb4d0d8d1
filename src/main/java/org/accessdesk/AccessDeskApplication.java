package org.accessdesk;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Access Desk: customers link service contracts, Bill-to IDs and serial numbers to their
 * account; each link is approved at once, waits for a reviewer, or is denied with a next
 * step.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AccessDeskApplication {

	/** The one clock of the service; tests and rules take it instead of calling now(). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		// Java NIO rather than Netty's epoll transport, unless the operator says
		// otherwise (-Dreactor.netty.native=true). On epoll (Netty 4.2.15) a keep-alive
		// connection now and then stopped being read: the browser's next request sat
		// unread in the socket (seen as Recv-Q on the server's side) until the client
		// gave up — the 30 s hangs of the test suite and the never-sent static answers
		// PagesWithoutZeroCopy works around.
		if (System.getProperty("reactor.netty.native") == null) {
			System.setProperty("reactor.netty.native", "false");
		}
		SpringApplication.run(AccessDeskApplication.class, args);
	}

}
