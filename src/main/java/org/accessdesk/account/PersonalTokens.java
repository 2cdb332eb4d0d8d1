package org.accessdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Personal API tokens for curl, scripts and load testers. A token is {@code adt_} and 256
 * random bits; only its SHA-256 is stored. Checking one is a single index probe with a
 * cheap hash — load testers send thousands of requests per second with these, so no
 * password hashing on this path.
 */
@Component
public class PersonalTokens {

	static final String PREFIX = "adt_";

	/**
	 * How stale {@code last_used_at} may get before a request refreshes it (saves a write
	 * per request).
	 */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private static final int MAX_TOKENS_PER_ACCOUNT = 50;

	private final SecureRandom random = new SecureRandom();

	private final DatabaseClient db;

	private final Roles roles;

	private final TokenCache cache;

	private final AccountChanges changes;

	PersonalTokens(DatabaseClient db, Roles roles, TokenCache cache, AccountChanges changes) {
		this.db = db;
		this.roles = roles;
		this.cache = cache;
		this.changes = changes;
	}

	/** Creates a token; the answer is the only time its secret is seen. */
	public Mono<IssuedToken> issue(AccountId accountId, String name) {
		byte[] secretBytes = new byte[32];
		this.random.nextBytes(secretBytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
		return this.db.sql("""
				INSERT INTO api_token (account_id, name, secret_hash) SELECT :account, :name, :hash
				WHERE (SELECT count(*) FROM api_token WHERE account_id = :account) < :max
				RETURNING id, name, created_at""")
			.bind("account", accountId.value())
			.bind("name", name)
			.bind("hash", sha256(secret))
			.bind("max", MAX_TOKENS_PER_ACCOUNT)
			.map((row) -> new IssuedToken(row.get("id", UUID.class), row.get("name", String.class), secret,
					row.get("created_at", OffsetDateTime.class)))
			.one()
			.switchIfEmpty(Mono.error(() -> new AccountErrors.TooManyTokens(MAX_TOKENS_PER_ACCOUNT)));
	}

	public Flux<TokenSummary> list(AccountId accountId) {
		return this.db.sql("""
				SELECT id, name, created_at, last_used_at FROM api_token WHERE account_id = :account
				ORDER BY created_at, id""")
			.bind("account", accountId.value())
			.map((row) -> new TokenSummary(row.get("id", UUID.class), row.get("name", String.class),
					row.get("created_at", OffsetDateTime.class), row.get("last_used_at", OffsetDateTime.class)))
			.all();
	}

	/** Revokes one of the caller's own tokens; anyone else's answers as unknown. */
	public Mono<Void> revoke(AccountId accountId, UUID tokenId) {
		return this.db.sql("DELETE FROM api_token WHERE id = :id AND account_id = :account")
			.bind("id", tokenId)
			.bind("account", accountId.value())
			.fetch()
			.rowsUpdated()
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(new AccountErrors.TokenNotFound())
					: this.changes.changed(accountId));
	}

	/**
	 * The account behind a presented secret, or empty when it is unknown or revoked.
	 * Served from the {@link TokenCache} when this instance saw the token in the last few
	 * seconds.
	 */
	Mono<AccountUser> authenticate(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 100) {
			return Mono.empty();
		}
		byte[] hash = sha256(secret);
		TokenCache.Entry cached = this.cache.get(hash);
		if (cached != null) {
			return touchIfStale(cached).thenReturn(cached.user());
		}
		long epoch = this.cache.epoch();
		return this.db
			// Token, account and registry standing (for the roles) in one round trip.
			.sql("""
					SELECT t.id AS token_id,
					    t.last_used_at < now() - make_interval(secs => :resolution) OR t.last_used_at IS NULL AS stale,
					    a.id, a.email, a.password_hash, a.name, a.language, a.company_name, a.company_address, a.time_zone,
					    a.email_verified_at IS NOT NULL AS email_verified, registry_administers(a.email) AS administers
					FROM api_token t JOIN account a ON a.id = t.account_id
					WHERE t.secret_hash = :hash""")
			.bind("hash", hash)
			.bind("resolution", (double) LAST_USED_RESOLUTION.toSeconds())
			.map((row) -> new Presented(row.get("token_id", UUID.class),
					Boolean.TRUE.equals(row.get("stale", Boolean.class)), Accounts.stored(row),
					Boolean.TRUE.equals(row.get("administers", Boolean.class))))
			.one()
			.flatMap((presented) -> {
				AccountUser user = presented.account()
					.toUser(this.roles.of(presented.account().email(), presented.account().emailVerified(),
							presented.administers()), false);
				TokenCache.Entry entry = new TokenCache.Entry(presented.tokenId(), user,
						new AtomicLong(presented.stale() ? 0 : System.currentTimeMillis()));
				this.cache.put(hash, entry, epoch);
				return touchIfStale(entry).thenReturn(user);
			})
			// The request runs inside this Mono's subscriber chain (the security filter's
			// flatMap): without detaching, an SSE stream would keep the query's parsed
			// SQL, row metadata and driver subscribers for as long as it stays open.
			.onTerminateDetach();
	}

	/**
	 * Refreshes {@code last_used_at} at most once per {@link #LAST_USED_RESOLUTION} per
	 * instance (an entry read as stale from the database is touched at once).
	 */
	private Mono<Void> touchIfStale(TokenCache.Entry entry) {
		long now = System.currentTimeMillis();
		long touched = entry.touchedAt().get();
		if (now - touched < LAST_USED_RESOLUTION.toMillis() || !entry.touchedAt().compareAndSet(touched, now)) {
			return Mono.empty();
		}
		return this.db.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id")
			.bind("id", entry.tokenId())
			.fetch()
			.rowsUpdated()
			.then();
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record Presented(UUID tokenId, boolean stale, Accounts.StoredAccount account, boolean administers) {
	}

	/** A newly created token, with its secret. */
	public record IssuedToken(UUID id, String name, String token, OffsetDateTime createdAt) {
	}

	/** A token as listed: never the secret. */
	public record TokenSummary(UUID id, String name, OffsetDateTime createdAt, @Nullable OffsetDateTime lastUsedAt) {
	}

}
