package org.accessdesk.account;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Browser sessions shared by every instance (SPEC §2a): Spring's session manager and
 * Boot's cookie settings ({@code server.reactive.session.cookie.*}), with sessions kept
 * in PostgreSQL instead of each instance's memory. The idle timeout is Boot's
 * {@code server.reactive.session.timeout} (30 minutes unless set).
 * <p>
 * Why not Spring Session: it has no R2DBC store (spring-session#1748 is still open), and
 * its WebFlux adapter would wrap our store in a second session abstraction without adding
 * anything this service uses; WebFlux's {@code WebSessionStore} is the contract its
 * session manager speaks already.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/** Replaces Boot's in-memory session manager (which backs off for this name). */
	@Bean
	WebSessionManager webSessionManager(WebSessions sessions, Clock clock, ServerProperties server,
			ObjectProvider<WebSessionIdResolver> idResolver) {
		DefaultWebSessionManager manager = new DefaultWebSessionManager();
		manager.setSessionStore(
				new SharedWebSessionStore(sessions, clock, server.getReactive().getSession().getTimeout()));
		idResolver.ifAvailable(manager::setSessionIdResolver);
		return manager;
	}

}
