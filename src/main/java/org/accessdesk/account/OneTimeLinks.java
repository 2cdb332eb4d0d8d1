package org.accessdesk.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The tokens behind the links mailed to an account's owner (SPEC §2a): 256 random bits,
 * of which only a SHA-256 is stored. A token works once, until it expires, and only while
 * it is the newest of its purpose for its account: issuing one deletes the older ones.
 * Times come from the service's {@link Clock}, so tests can move past an expiry.
 */
@Component
class OneTimeLinks {

	/** Longer than any token we issue; anything longer is not one of ours. */
	static final int MAX_TOKEN_LENGTH = 100;

	private final SecureRandom random = new SecureRandom();

	private final DatabaseClient db;

	private final Clock clock;

	OneTimeLinks(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * A new token for the account, valid for {@code validFor}; older ones of the same
	 * purpose stop working. Runs in the caller's transaction, if any.
	 */
	Mono<Issued> issue(AccountId accountId, Purpose purpose, Duration validFor) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(validFor);
		return this.db.sql("""
				WITH older AS (DELETE FROM account_token WHERE account_id = :account AND purpose = :purpose)
				INSERT INTO account_token (token_hash, account_id, purpose, created_at, expires_at)
				VALUES (:hash, :account, :purpose, :now, :expires)""")
			.bind("hash", PersonalTokens.sha256(token))
			.bind("account", accountId.value())
			.bind("purpose", purpose.name())
			.bind("now", utc(now))
			.bind("expires", utc(expiresAt))
			.fetch()
			.rowsUpdated()
			.thenReturn(new Issued(token, expiresAt));
	}

	/**
	 * Uses up a token: the account it was issued to, or empty when the token is unknown,
	 * used, replaced by a newer one, or expired.
	 */
	Mono<AccountId> consume(String token, Purpose purpose) {
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Mono.empty();
		}
		return this.db.sql("""
				DELETE FROM account_token WHERE token_hash = :hash AND purpose = :purpose
				RETURNING account_id, expires_at""")
			.bind("hash", PersonalTokens.sha256(token))
			.bind("purpose", purpose.name())
			.map((row) -> new Used(AccountId.of(row.get("account_id", UUID.class)),
					row.get("expires_at", OffsetDateTime.class).toInstant()))
			.one()
			.filter((used) -> used.expiresAt().isAfter(this.clock.instant()))
			.map(Used::accountId);
	}

	/**
	 * The account a token would be used for, without using it up; empty when it would not
	 * work.
	 */
	Mono<AccountId> check(String token, Purpose purpose) {
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Mono.empty();
		}
		return this.db.sql("""
				SELECT account_id FROM account_token
				WHERE token_hash = :hash AND purpose = :purpose AND expires_at > :now""")
			.bind("hash", PersonalTokens.sha256(token))
			.bind("purpose", purpose.name())
			.bind("now", utc(this.clock.instant()))
			.map((row) -> AccountId.of(row.get("account_id", UUID.class)))
			.one();
	}

	/** Deletes every outstanding token of the purpose (a reset made the others moot). */
	Mono<Void> revokeAll(AccountId accountId, Purpose purpose) {
		return this.db.sql("DELETE FROM account_token WHERE account_id = :account AND purpose = :purpose")
			.bind("account", accountId.value())
			.bind("purpose", purpose.name())
			.fetch()
			.rowsUpdated()
			.then();
	}

	/** Deletes expired tokens (housekeeping); answers how many. */
	Mono<Long> deleteExpired() {
		return this.db.sql("DELETE FROM account_token WHERE expires_at <= :now")
			.bind("now", utc(this.clock.instant()))
			.fetch()
			.rowsUpdated();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** What a link is for. */
	enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD

	}

	/** A token just issued: the secret for the mail, and when it stops working. */
	record Issued(String token, Instant expiresAt) {
	}

	private record Used(AccountId accountId, Instant expiresAt) {
	}

}
