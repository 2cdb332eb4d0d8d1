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
		SpringApplication.run(AccessDeskApplication.class, args);
	}

}
