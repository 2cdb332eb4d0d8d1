package org.accessdesk.mail;

import java.time.Instant;
import java.util.List;

import org.accessdesk.account.AccountId;
import org.accessdesk.account.AccountMail;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The account module's mails, written into the outbox in the caller's transaction and
 * sent like every other system mail: to the account's address, in its language.
 */
@Component
class AccountMails implements AccountMail {

	private final MailOutbox outbox;

	AccountMails(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Mono<Void> verificationLink(AccountId accountId, String token, Instant until) {
		return post(MailKind.VERIFY_EMAIL, accountId, new AccountNotice(token, until, null));
	}

	@Override
	public Mono<Void> passwordResetLink(AccountId accountId, String token, Instant until) {
		return post(MailKind.PASSWORD_RESET, accountId, new AccountNotice(token, until, null));
	}

	@Override
	public Mono<Void> passwordChanged(AccountId accountId, Instant at) {
		return post(MailKind.PASSWORD_CHANGED, accountId, new AccountNotice(null, null, at));
	}

	private Mono<Void> post(MailKind kind, AccountId accountId, AccountNotice notice) {
		return this.outbox.post(List.of(new Letter(kind, Recipient.account(accountId), notice)));
	}

}
