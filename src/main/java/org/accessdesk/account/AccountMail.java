package org.accessdesk.account;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * The mails identity needs (SPEC §2a), as the account module asks for them; the mail
 * module answers by writing outbox rows in the caller's transaction, so a link is mailed
 * exactly when its token committed, and nothing is lost while SMTP is away. The account
 * module knows nothing of templates, recipients' languages or SMTP.
 */
public interface AccountMail {

	/** The link that proves the account's address: {@code verify.html#token=…}. */
	Mono<Void> verificationLink(AccountId accountId, String token, Instant until);

	/** The link to choose a new password: {@code reset.html#token=…}. */
	Mono<Void> passwordResetLink(AccountId accountId, String token, Instant until);

	/** Tells the owner their password was changed (and what to do if it was not them). */
	Mono<Void> passwordChanged(AccountId accountId, Instant at);

}
