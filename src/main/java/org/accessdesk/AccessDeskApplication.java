package org.accessdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
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

	public static void main(String[] args) {
		SpringApplication.run(AccessDeskApplication.class, args);
	}

}
