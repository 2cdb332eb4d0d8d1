package org.accessdesk.account;

import org.accessdesk.web.DomainError;

/** What can go wrong looking after an account, as the account module says it. */
public final class AccountErrors {

	private AccountErrors() {
	}

	/** Sign-up with an email some account has already, in any case (409). */
	public static final class EmailTaken extends DomainError {

		EmailTaken() {
			super(Kind.CONFLICT, "EMAIL_TAKEN", "An account with this email already exists.");
		}

	}

	/**
	 * A mailed link's token that is unknown, used, replaced by a newer one or expired
	 * (400 {@code INVALID_VERIFICATION} or {@code INVALID_RESET_TOKEN}).
	 */
	public static final class InvalidLink extends DomainError {

		private InvalidLink(String code, String detail) {
			super(Kind.INVALID, code, detail);
		}

		static InvalidLink verification() {
			return new InvalidLink("INVALID_VERIFICATION",
					"This link is unknown, was used already, was replaced by a newer one, or has expired;"
							+ " ask for a new one.");
		}

		static InvalidLink reset() {
			return new InvalidLink("INVALID_RESET_TOKEN",
					"This reset link is unknown, was used already, was replaced by a newer one, or has expired;"
							+ " ask for a new one.");
		}

	}

	/** Asking to prove an address that is proved already (409). */
	public static final class AlreadyVerified extends DomainError {

		AlreadyVerified() {
			super(Kind.CONFLICT, "ALREADY_VERIFIED", "This email address is proved already.");
		}

	}

	/** The current password given with a change is not the account's (400). */
	public static final class WrongPassword extends DomainError {

		WrongPassword() {
			super(Kind.INVALID, "BAD_CREDENTIALS", "The current password is not right.");
		}

	}

	/** No such account (any more). */
	public static final class AccountNotFound extends DomainError {

		AccountNotFound() {
			super(Kind.NOT_FOUND, "NOT_FOUND", "Account not found");
		}

	}

	/** No such token of the caller's (404). */
	public static final class TokenNotFound extends DomainError {

		TokenNotFound() {
			super(Kind.NOT_FOUND, "NOT_FOUND", "Token not found");
		}

	}

	/** The per-account limit of personal tokens is reached (409). */
	public static final class TooManyTokens extends DomainError {

		TooManyTokens(int max) {
			super(Kind.CONFLICT, "TOO_MANY_TOKENS",
					"An account may hold at most " + max + " tokens; delete one first.");
		}

	}

}
