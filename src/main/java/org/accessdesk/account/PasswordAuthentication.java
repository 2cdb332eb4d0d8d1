package org.accessdesk.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Checking a password: the sign-in form and HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class PasswordAuthentication {

	/**
	 * No Spring Security observations. With an observation registry present (Actuator),
	 * Spring Security wraps each of its filters, the authentication and the authorization
	 * in an observation of its own: about a dozen per request, whose wrappers an SSE
	 * stream holds for as long as it stays open (docs/BENCHMARKS.md). Requests are still
	 * observed once each as {@code http.server.requests} (streams aside, see
	 * StreamObservations).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ReactiveUserDetailsService accountUserDetails(Accounts accounts) {
		return (email) -> accounts.findByEmail(email)
			.flatMap((account) -> accounts.rolesOf(account).map((roles) -> (UserDetails) account.toUser(roles, true)));
	}

	/**
	 * Checks a password unless too many wrong ones came lately for the account or from
	 * the client ({@link PasswordGuessing}: shared by every instance). The delegate
	 * verifies on {@code boundedElastic}, so Argon2 never runs on an event-loop thread;
	 * the hash is dropped from the principal at once. The client's address comes from the
	 * exchange Spring Security puts in the Reactor context.
	 */
	@Bean
	ReactiveAuthenticationManager guardedPasswordCheck(ReactiveUserDetailsService users, PasswordEncoder encoder,
			PasswordGuessing guessing) {
		UserDetailsRepositoryReactiveAuthenticationManager delegate = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		delegate.setPasswordEncoder(encoder);
		return (authentication) -> Mono.deferContextual((context) -> {
			String address = context.getOrEmpty(ServerWebExchange.class)
				.map((exchange) -> ClientAddress.of(((ServerWebExchange) exchange).getRequest()))
				.orElse("unknown");
			return guessing.guard(String.valueOf(authentication.getName()), address,
					delegate.authenticate(authentication));
		}).map((result) -> {
			AccountUser user = ((AccountUser) result.getPrincipal()).withoutPassword();
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		});
	}

}
