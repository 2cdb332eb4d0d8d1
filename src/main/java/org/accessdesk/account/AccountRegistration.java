package org.accessdesk.account;

import java.util.UUID;

import org.accessdesk.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Signing up and keeping a profile up to date. */
@Component
public class AccountRegistration {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	AccountRegistration(Accounts accounts, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	/**
	 * Creates an account; 409 when the email is taken in any case. Public for the demo
	 * data set, which signs its people up the same way.
	 */
	public Mono<Profile> signUp(String email, String rawPassword, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress) {
		String cleanEmail = email.strip();
		return Passwords.hash(this.passwords, rawPassword)
			.flatMap((hash) -> this.accounts.insert(cleanEmail, hash, name.strip(), language, trimmed(companyName),
					trimmed(companyAddress)))
			.switchIfEmpty(Mono
				.error(() -> ProblemException.conflict("EMAIL_TAKEN", "An account with this email already exists.")))
			.flatMap((account) -> this.accounts.rolesOf(account.email()).map(account::toProfile));
	}

	public Mono<Profile> updateProfile(UUID accountId, String name, String language, @Nullable String companyName,
			@Nullable String companyAddress) {
		return this.accounts
			.updateProfile(accountId, name.strip(), language, trimmed(companyName), trimmed(companyAddress))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Account")))
			.flatMap((account) -> this.accounts.rolesOf(account.email()).map(account::toProfile));
	}

	private static @Nullable String trimmed(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
