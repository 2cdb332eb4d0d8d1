package org.accessdesk.account;

import org.accessdesk.web.DomainError;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Proving an email address (SPEC §2a): a one-time link, mailed in the account's language
 * through the outbox, valid for a day; following it marks the address proved, and with it
 * the roles that rest on it count. Asking again sends a new link and retires the old.
 */
@Component
public class EmailVerification {

	private final Accounts accounts;

	private final OneTimeLinks links;

	private final AccountMail mail;

	private final SharedBuckets buckets;

	private final RateLimitProperties limits;

	private final IdentityProperties properties;

	private final TransactionalOperator transactions;

	EmailVerification(Accounts accounts, OneTimeLinks links, AccountMail mail, SharedBuckets buckets,
			RateLimitProperties limits, IdentityProperties properties, TransactionalOperator transactions) {
		this.accounts = accounts;
		this.links = links;
		this.mail = mail;
		this.buckets = buckets;
		this.limits = limits;
		this.properties = properties;
		this.transactions = transactions;
	}

	/** Issues a link and writes its mail, in the caller's transaction. */
	Mono<Void> sendLink(AccountId accountId) {
		return this.links
			.issue(accountId, OneTimeLinks.Purpose.VERIFY_EMAIL, this.properties.verificationLinkValidity())
			.flatMap((issued) -> this.mail.verificationLink(accountId, issued.token(), issued.expiresAt()));
	}

	/**
	 * Proves the address of the account the token was mailed to; 400
	 * {@code INVALID_VERIFICATION} when the token is unknown, used, replaced or expired.
	 */
	public Mono<Profile> verify(String token) {
		return this.links.consume(token, OneTimeLinks.Purpose.VERIFY_EMAIL)
			.flatMap(this.accounts::markVerified)
			.as(this.transactions::transactional)
			.switchIfEmpty(Mono.error(AccountErrors.InvalidLink::verification))
			.flatMap((account) -> this.accounts.rolesOf(account).map(account::toProfile));
	}

	/**
	 * A new link for a signed-in account that has not proved its address yet; older links
	 * stop working. Limited per account across instances, because each one is a mail.
	 */
	public Mono<Void> resend(AccountUser user) {
		if (user.emailVerified()) {
			return Mono.error(new AccountErrors.AlreadyVerified());
		}
		Mono<Void> send = sendLink(user.id()).as(this.transactions::transactional);
		if (!this.limits.enabled()) {
			return send;
		}
		return this.buckets
			.take(new SharedBuckets.Bucket("verification-mail", this.limits.verificationMail(),
					user.id().value().toString()))
			.flatMap((wait) -> wait.isPresent() ? Mono.error(new DomainError.RateLimited(wait.get(),
					"Too many confirmation mails for this account; try again later.")) : send);
	}

}
