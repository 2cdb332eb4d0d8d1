package org.accessdesk.account;

import java.time.Clock;

import org.accessdesk.web.DomainError;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Changing one's password (SPEC §2a): the current password must be right — a wrong one is
 * a failed password check like any other and counts against the guessing limits — then
 * every other browser session of the account ends and a mail tells the owner.
 */
@Component
public class PasswordChange {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final PasswordGuessing guessing;

	private final BrowserSessions sessions;

	private final AccountMail mail;

	private final TransactionalOperator transactions;

	private final Clock clock;

	PasswordChange(Accounts accounts, PasswordEncoder encoder, PasswordGuessing guessing, BrowserSessions sessions,
			AccountMail mail, TransactionalOperator transactions, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.guessing = guessing;
		this.sessions = sessions;
		this.mail = mail;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * 400 {@code BAD_CREDENTIALS} when the current password is wrong, 429 when too many
	 * were wrong lately; the caller's own session stays signed in.
	 */
	public Mono<Void> change(AccountUser user, String currentPassword, String newPassword, ServerWebExchange exchange) {
		Mono<Accounts.StoredAccount> checked = this.accounts.findById(user.id())
			.filterWhen((account) -> Passwords.matches(this.encoder, currentPassword, account.passwordHash()))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Wrong current password")));
		return this.guessing.guard(user.email(), ClientAddress.of(exchange.getRequest()), checked)
			.onErrorMap(BadCredentialsException.class, (wrong) -> new AccountErrors.WrongPassword())
			.onErrorMap(TooManyPasswordGuesses.class,
					(tooMany) -> new DomainError.RateLimited(tooMany.retryAfter(),
							"Too many wrong passwords; try again later, or reset the password by mail."))
			.then(Passwords.hash(this.encoder, newPassword))
			.flatMap((hash) -> this.accounts.setPassword(user.id(), hash, false)
				.then(this.sessions.endOthers(user.id(), exchange))
				.then(this.mail.passwordChanged(user.id(), this.clock.instant()))
				.as(this.transactions::transactional));
	}

}
