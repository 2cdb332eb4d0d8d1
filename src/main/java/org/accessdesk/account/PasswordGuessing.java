package org.accessdesk.account;

import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Slows password guessing — by the sign-in form, HTTP Basic, or the current password of a
 * change — with three shared buckets of failed checks (SPEC §2a): one account from one
 * address, one address across accounts, one account across addresses. A check is refused
 * without looking at the password while any of them is empty, the same for an account
 * that exists and one that does not (the buckets count the email as typed). A success
 * refills the account-and-address bucket, so a person who mistyped a few times is not
 * held back once in; proving the address with a reset link refills the account's, so the
 * owner gets in while an attack runs elsewhere.
 */
@Component
class PasswordGuessing {

	private final SharedBuckets buckets;

	private final RateLimitProperties properties;

	PasswordGuessing(SharedBuckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	/**
	 * Runs a password check unless the buckets are empty, and counts its failure
	 * ({@link BadCredentialsException}). Over a limit it fails with
	 * {@link TooManyPasswordGuesses} and does not check.
	 */
	<T> Mono<T> guard(String email, String address, Mono<T> check) {
		if (!this.properties.enabled()) {
			return check;
		}
		List<SharedBuckets.Bucket> all = all(email, address);
		return this.buckets.wait(all)
			.flatMap((wait) -> wait.isPresent() ? Mono.<T>error(new TooManyPasswordGuesses(wait.get())) : check
				.onErrorResume(BadCredentialsException.class,
						(wrong) -> this.buckets.spend(all).then(Mono.error(wrong)))
				.flatMap((ok) -> this.buckets.reset(List.of(accountAndAddress(email, address))).thenReturn(ok)));
	}

	/**
	 * The owner proved the address (a reset link): the buckets of the account, and of the
	 * account from the owner's own address, are full again.
	 */
	Mono<Void> proved(String email, String address) {
		return this.buckets.reset(List.of(account(email), accountAndAddress(email, address)));
	}

	private List<SharedBuckets.Bucket> all(String email, String address) {
		return List.of(accountAndAddress(email, address), address(address), account(email));
	}

	private SharedBuckets.Bucket accountAndAddress(String email, String address) {
		return new SharedBuckets.Bucket("password-guessing.per-account-and-address",
				this.properties.passwordGuessing().perAccountAndAddress(), normal(email) + " " + address);
	}

	private SharedBuckets.Bucket address(String address) {
		return new SharedBuckets.Bucket("password-guessing.per-address",
				this.properties.passwordGuessing().perAddress(), address);
	}

	private SharedBuckets.Bucket account(String email) {
		return new SharedBuckets.Bucket("password-guessing.per-account",
				this.properties.passwordGuessing().perAccount(), normal(email));
	}

	private static String normal(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
