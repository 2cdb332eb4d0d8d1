package org.accessdesk.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Passwords are hashed with Argon2id; the stored form carries its algorithm
 * ({@code {argon2}…}), so a later change of algorithm does not strand existing accounts.
 * Hashing is deliberately slow, so it never runs on an event-loop thread.
 */
@Configuration(proxyBeanMethods = false)
class Passwords {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	static Mono<String> hash(PasswordEncoder encoder, String rawPassword) {
		return Mono.fromCallable(() -> encoder.encode(rawPassword)).subscribeOn(Schedulers.boundedElastic());
	}

	static Mono<Boolean> matches(PasswordEncoder encoder, String rawPassword, String hash) {
		return Mono.fromCallable(() -> encoder.matches(rawPassword, hash)).subscribeOn(Schedulers.boundedElastic());
	}

}
