package org.accessdesk.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the links mailed for identity work (SPEC §2a), and how often expired sessions,
 * links and refilled rate buckets are deleted. The idle timeout of browser sessions is
 * Spring Boot's {@code server.reactive.session.timeout}.
 *
 * @param verificationLinkValidity how long a link that proves an address works
 * @param resetLinkValidity how long a password reset link works
 * @param housekeepingInterval how often expired rows are deleted
 * @param tokenCache how long an instance may remember who an API token stands for (roles
 * that follow from registry data are at most this far behind; changes of the account
 * itself are forgotten at once on every instance)
 */
@ConfigurationProperties("accessdesk.identity")
record IdentityProperties(@DefaultValue("24h") Duration verificationLinkValidity,
		@DefaultValue("1h") Duration resetLinkValidity, @DefaultValue("10m") Duration housekeepingInterval,
		@DefaultValue("5s") Duration tokenCache) {

}
