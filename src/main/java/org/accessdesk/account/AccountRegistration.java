package org.accessdesk.account;

import org.accessdesk.web.DomainError;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Signing up and keeping a profile up to date. A new account's address is unproved: the
 * account and the mail with the link that proves it are written in one transaction, so
 * the link goes out exactly when the account exists (SPEC §2a).
 */
@Component
public class AccountRegistration {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final EmailVerification verification;

	private final TransactionalOperator transactions;

	AccountRegistration(Accounts accounts, PasswordEncoder passwords, EmailVerification verification,
			TransactionalOperator transactions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.verification = verification;
		this.transactions = transactions;
	}

	/** Creates an account and mails the link that proves its address; 409 when taken. */
	public Mono<Profile> signUp(String email, String rawPassword, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress, @Nullable String timeZone) {
		return create(email, rawPassword, name, language, companyName, companyAddress, timeZone, false);
	}

	/**
	 * Creates an account whose address counts as proved, without a mail: for the demo
	 * data set, whose addresses are ours.
	 */
	public Mono<Profile> signUpProved(String email, String rawPassword, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress) {
		return create(email, rawPassword, name, language, companyName, companyAddress, null, true);
	}

	private Mono<Profile> create(String email, String rawPassword, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress, @Nullable String timeZone, boolean proved) {
		String cleanEmail = email.strip();
		return Passwords.hash(this.passwords, rawPassword)
			.flatMap((hash) -> this.accounts
				.insert(cleanEmail, hash, name.strip(), language, trimmed(companyName), trimmed(companyAddress),
						timeZone, proved)
				.flatMap((account) -> proved ? Mono.just(account)
						: this.verification.sendLink(account.id()).thenReturn(account))
				.as(this.transactions::transactional))
			.switchIfEmpty(Mono.error(AccountErrors.EmailTaken::new))
			.flatMap((account) -> this.accounts.rolesOf(account).map(account::toProfile));
	}

	/**
	 * Marks the address of an existing account as proved (demo accounts made before
	 * addresses had to be proved).
	 */
	public Mono<Void> markProved(String email) {
		return this.accounts.findByEmail(email).flatMap((account) -> this.accounts.markVerified(account.id())).then();
	}

	/** Replaces the editable fields; a null time zone keeps the one stored. */
	public Mono<Profile> updateProfile(AccountId accountId, String name, String language, @Nullable String companyName,
			@Nullable String companyAddress, @Nullable String timeZone) {
		return this.accounts
			.updateProfile(accountId, name.strip(), language, trimmed(companyName), trimmed(companyAddress), timeZone)
			.switchIfEmpty(Mono.error(AccountErrors.AccountNotFound::new))
			.flatMap((account) -> this.accounts.rolesOf(account).map(account::toProfile));
	}

	private static @Nullable String trimmed(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
