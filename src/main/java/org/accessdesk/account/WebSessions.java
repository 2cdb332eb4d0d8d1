package org.accessdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The {@code web_session} table: browser sessions shared by every instance (SPEC §2a).
 * Rows are found by a SHA-256 of the session id (the cookie's value is never stored) and,
 * to sign an account out everywhere, by account. Attributes are a JSON object of strings:
 * what this service keeps in a session is the signed-in account's id, nothing a class
 * change could make unreadable.
 */
@Component
class WebSessions {

	private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	WebSessions(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The session with this id, unless it is unknown or expired at {@code now}. */
	Mono<Row> find(String id, Instant now) {
		return this.db.sql("""
				SELECT attributes::text AS attributes, created_at, last_accessed_at, max_idle_seconds
				FROM web_session WHERE id_hash = :hash AND expires_at > :now""")
			.bind("hash", PersonalTokens.sha256(id))
			.bind("now", OneTimeLinks.utc(now))
			.map((row) -> new Row(this.json.readValue(row.get("attributes", String.class), ATTRIBUTES),
					row.get("created_at", OffsetDateTime.class).toInstant(),
					row.get("last_accessed_at", OffsetDateTime.class).toInstant(),
					Duration.ofSeconds(row.get("max_idle_seconds", Integer.class))))
			.one();
	}

	Mono<Void> insert(String id, @Nullable AccountId accountId, Map<String, String> attributes, Instant createdAt,
			Instant lastAccessedAt, Duration maxIdle) {
		return this.db.sql("""
				INSERT INTO web_session (id_hash, account_id, attributes, created_at, last_accessed_at,
				    max_idle_seconds, expires_at)
				VALUES (:hash, :account, :attributes::jsonb, :created, :accessed, :maxIdle, :expires)""")
			.bind("hash", PersonalTokens.sha256(id))
			.bind("account", Parameter.fromOrEmpty((accountId != null) ? accountId.value() : null, UUID.class))
			.bind("attributes", this.json.writeValueAsString(attributes))
			.bind("created", OneTimeLinks.utc(createdAt))
			.bind("accessed", OneTimeLinks.utc(lastAccessedAt))
			.bind("maxIdle", (int) maxIdle.toSeconds())
			.bind("expires", OneTimeLinks.utc(lastAccessedAt.plus(maxIdle)))
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Writes a session that exists: its (possibly new) id, attributes and last access.
	 * Answers false when the row is gone — the session was ended meanwhile (signed out
	 * everywhere, a password reset), and must not come back.
	 */
	Mono<Boolean> update(String storedId, String id, @Nullable AccountId accountId, Map<String, String> attributes,
			Instant lastAccessedAt, Duration maxIdle) {
		return this.db.sql("""
				UPDATE web_session SET id_hash = :newHash, account_id = :account, attributes = :attributes::jsonb,
				    last_accessed_at = :accessed, max_idle_seconds = :maxIdle, expires_at = :expires
				WHERE id_hash = :hash""")
			.bind("hash", PersonalTokens.sha256(storedId))
			.bind("newHash", PersonalTokens.sha256(id))
			.bind("account", Parameter.fromOrEmpty((accountId != null) ? accountId.value() : null, UUID.class))
			.bind("attributes", this.json.writeValueAsString(attributes))
			.bind("accessed", OneTimeLinks.utc(lastAccessedAt))
			.bind("maxIdle", (int) maxIdle.toSeconds())
			.bind("expires", OneTimeLinks.utc(lastAccessedAt.plus(maxIdle)))
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated > 0);
	}

	Mono<Void> delete(String id) {
		return this.db.sql("DELETE FROM web_session WHERE id_hash = :hash")
			.bind("hash", PersonalTokens.sha256(id))
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Ends every session of the account, but the one with {@code keepId} if given (a
	 * password change keeps the session it was made in). Answers how many ended.
	 */
	Mono<Long> deleteAccount(AccountId accountId, @Nullable String keepId) {
		return this.db.sql("DELETE FROM web_session WHERE account_id = :account AND id_hash IS DISTINCT FROM :keep")
			.bind("account", accountId.value())
			.bind("keep", Parameter.fromOrEmpty((keepId == null) ? null : PersonalTokens.sha256(keepId), byte[].class))
			.fetch()
			.rowsUpdated();
	}

	/** Deletes sessions that expired before {@code now}; answers how many. */
	Mono<Long> deleteExpired(Instant now) {
		return this.db.sql("DELETE FROM web_session WHERE expires_at <= :now")
			.bind("now", OneTimeLinks.utc(now))
			.fetch()
			.rowsUpdated();
	}

	/** A stored session. */
	record Row(Map<String, String> attributes, Instant createdAt, Instant lastAccessedAt, Duration maxIdle) {
	}

}
