package org.accessdesk.account;

import java.time.Duration;
import java.util.Locale;

import org.accessdesk.web.DomainError;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Resetting a forgotten password by mail (SPEC §2a). Asking answers the same whether or
 * not an account has the address — the same body, and no sooner than
 * {@value #ANSWER_AFTER_MILLIS} ms, so the statements that write a link and its mail
 * (about 10 ms more than finding no account) do not tell who has an account — and mails a
 * link only when one does. Following the link sets the password, proves the address (the
 * mail reached its owner), ends every browser session of the account and refills the
 * password-guessing limits of its owner.
 */
@Component
public class PasswordReset {

	/** The least time a request for a reset link takes, whoever it is for. */
	static final long ANSWER_AFTER_MILLIS = 200;

	private final Accounts accounts;

	private final OneTimeLinks links;

	private final AccountMail mail;

	private final PasswordEncoder encoder;

	private final WebSessions sessions;

	private final PasswordGuessing guessing;

	private final SharedBuckets buckets;

	private final RateLimitProperties limits;

	private final IdentityProperties properties;

	private final TransactionalOperator transactions;

	PasswordReset(Accounts accounts, OneTimeLinks links, AccountMail mail, PasswordEncoder encoder,
			WebSessions sessions, PasswordGuessing guessing, SharedBuckets buckets, RateLimitProperties limits,
			IdentityProperties properties, TransactionalOperator transactions) {
		this.accounts = accounts;
		this.links = links;
		this.mail = mail;
		this.encoder = encoder;
		this.sessions = sessions;
		this.guessing = guessing;
		this.buckets = buckets;
		this.limits = limits;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Mails a reset link if an account has this address; completes the same way if not.
	 * Limited per address asked for and per client asking (429, the same either way).
	 */
	public Mono<Void> request(String email, ServerWebExchange exchange) {
		Mono<Void> send = noSoonerThanTheFloor(this.accounts.findByEmail(email)
			.flatMap((account) -> this.links
				.issue(account.id(), OneTimeLinks.Purpose.RESET_PASSWORD, this.properties.resetLinkValidity())
				.flatMap((issued) -> this.mail.passwordResetLink(account.id(), issued.token(), issued.expiresAt())))
			.as(this.transactions::transactional));
		if (!this.limits.enabled()) {
			return send;
		}
		String address = ClientAddress.of(exchange.getRequest());
		return take(new SharedBuckets.Bucket("reset-mail.per-address", this.limits.resetMail().perAddress(), address))
			.then(take(new SharedBuckets.Bucket("reset-mail.per-email", this.limits.resetMail().perEmail(),
					email.strip().toLowerCase(Locale.ROOT))))
			.then(send);
	}

	/**
	 * Completes when {@code work} is done, but not before {@link #ANSWER_AFTER_MILLIS}.
	 */
	private static Mono<Void> noSoonerThanTheFloor(Mono<Void> work) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return work.then(Mono.defer(() -> {
				long left = ANSWER_AFTER_MILLIS - (System.nanoTime() - started) / 1_000_000;
				return (left > 0) ? Mono.delay(Duration.ofMillis(left)).then() : Mono.<Void>empty();
			}));
		});
	}

	/**
	 * Sets a new password with a reset link's token; 400 {@code INVALID_RESET_TOKEN} when
	 * it is unknown, used, replaced or expired.
	 */
	public Mono<Void> confirm(String token, String newPassword, ServerWebExchange exchange) {
		// Argon2 takes a while: only for a token that works, and outside the transaction.
		// The token is used up together with the new password, or not at all.
		return this.links.check(token, OneTimeLinks.Purpose.RESET_PASSWORD)
			.flatMap((valid) -> Passwords.hash(this.encoder, newPassword))
			.flatMap((hash) -> this.links.consume(token, OneTimeLinks.Purpose.RESET_PASSWORD)
				.flatMap((accountId) -> this.accounts.setPassword(accountId, hash, true))
				.flatMap((account) -> this.links.revokeAll(account.id(), OneTimeLinks.Purpose.RESET_PASSWORD)
					.then(this.sessions.deleteAccount(account.id(), null))
					.thenReturn(account))
				.as(this.transactions::transactional))
			.switchIfEmpty(Mono.error(AccountErrors.InvalidLink::reset))
			.flatMap((account) -> this.guessing.proved(account.email(), ClientAddress.of(exchange.getRequest())));
	}

	private Mono<Void> take(SharedBuckets.Bucket bucket) {
		return this.buckets.take(bucket)
			.flatMap((wait) -> wait.isPresent()
					? Mono.error(
							new DomainError.RateLimited(wait.get(), "Too many reset mails asked for; try again later."))
					: Mono.empty());
	}

}
