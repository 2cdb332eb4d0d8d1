package org.accessdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Token buckets in PostgreSQL, for the limits that must hold however many instances run
 * (SPEC §2a): one row per bucket, keyed by a SHA-256 of the limit's name and what it
 * counts, so neither typed emails nor addresses are stored. Every change is one
 * {@code INSERT … ON CONFLICT … DO UPDATE} statement, atomic across instances; times come
 * from the service's {@link Clock}.
 */
@Component
class SharedBuckets {

	/** Tokens a bucket holds at {@code :now}, refilled since it was last touched. */
	private static final String REFILLED = """
			LEAST(EXCLUDED.capacity, b.tokens
			    + GREATEST(0, extract(epoch FROM EXCLUDED.updated_at - b.updated_at))::float8 * EXCLUDED.per_second)""";

	private final DatabaseClient db;

	private final Clock clock;

	SharedBuckets(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * How long until every one of the buckets has a token again; empty when all have one
	 * now. Takes nothing.
	 */
	Mono<Optional<Duration>> wait(List<Bucket> buckets) {
		Map<String, Bucket> byKey = buckets.stream().collect(Collectors.toMap(Bucket::key, Function.identity()));
		Instant now = this.clock.instant();
		return this.db.sql("SELECT key, tokens, updated_at FROM rate_bucket WHERE key = ANY(:keys)")
			.bind("keys", byKey.keySet().toArray(String[]::new))
			.map((row) -> byKey.get(row.get("key", String.class))
				.waitFor(row.get("tokens", Double.class), row.get("updated_at", OffsetDateTime.class).toInstant(), now))
			.all()
			.filter((wait) -> !wait.isZero())
			.reduce((a, b) -> (a.compareTo(b) >= 0) ? a : b)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	/**
	 * Takes a token from each bucket, whether or not it has one (a failure that already
	 * happened counts). Buckets are written in key order, so two callers never deadlock.
	 */
	Mono<Void> spend(List<Bucket> buckets) {
		List<Bucket> ordered = buckets.stream().sorted(Comparator.comparing(Bucket::key)).toList();
		return this.db
			.sql("""
					INSERT INTO rate_bucket AS b (key, tokens, capacity, per_second, updated_at)
					SELECT k, c - 1, c, r, :now FROM unnest(:keys::text[], :capacities::float8[], :rates::float8[]) AS u(k, c, r)
					ON CONFLICT (key) DO UPDATE SET tokens = %s - 1, capacity = EXCLUDED.capacity,
					    per_second = EXCLUDED.per_second, updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at)"""
				.formatted(REFILLED))
			.bind("now", OneTimeLinks.utc(this.clock.instant()))
			.bind("keys", ordered.stream().map(Bucket::key).toArray(String[]::new))
			.bind("capacities",
					ordered.stream().map((bucket) -> (double) bucket.limit().requests()).toArray(Double[]::new))
			.bind("rates", ordered.stream().map((bucket) -> bucket.limit().perSecond()).toArray(Double[]::new))
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Takes a token if the bucket has one: empty when taken, else how long until one is
	 * due (and nothing taken).
	 */
	Mono<Optional<Duration>> take(Bucket bucket) {
		return this.db.sql("""
				INSERT INTO rate_bucket AS b (key, tokens, capacity, per_second, updated_at)
				VALUES (:key, :capacity - 1, :capacity, :rate, :now)
				ON CONFLICT (key) DO UPDATE SET tokens = %1$s - 1, capacity = EXCLUDED.capacity,
				    per_second = EXCLUDED.per_second, updated_at = EXCLUDED.updated_at
				WHERE %1$s >= 1
				RETURNING tokens""".formatted(REFILLED))
			.bind("key", bucket.key())
			.bind("capacity", (double) bucket.limit().requests())
			.bind("rate", bucket.limit().perSecond())
			.bind("now", OneTimeLinks.utc(this.clock.instant()))
			.map((row) -> Optional.<Duration>empty())
			.one()
			.switchIfEmpty(Mono.defer(() -> wait(List.of(bucket))))
			.map((wait) -> wait.filter((due) -> !due.isZero()));
	}

	/** Forgets buckets: they are full again. */
	Mono<Void> reset(List<Bucket> buckets) {
		return this.db.sql("DELETE FROM rate_bucket WHERE key = ANY(:keys)")
			.bind("keys", buckets.stream().map(Bucket::key).toArray(String[]::new))
			.fetch()
			.rowsUpdated()
			.then();
	}

	/** Deletes buckets that are full again: the same as none. Answers how many. */
	Mono<Long> deleteFull() {
		return this.db.sql("""
				DELETE FROM rate_bucket
				WHERE updated_at + make_interval(secs => (capacity - tokens) / per_second) <= :now""")
			.bind("now", OneTimeLinks.utc(this.clock.instant()))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * One bucket: a limit and what it counts (an account, an address, both). The key is a
	 * hash of the two, so the table holds no emails or addresses.
	 */
	record Bucket(String limitName, RateLimitProperties.Limit limit, String subject) {

		String key() {
			return HexFormat.of().formatHex(PersonalTokens.sha256(this.limitName + "\u0000" + this.subject));
		}

		/** How long until this bucket, as stored, has a token at {@code now}. */
		Duration waitFor(double tokens, Instant updatedAt, Instant now) {
			double elapsed = Math.max(0, Duration.between(updatedAt, now).toNanos() / 1e9);
			double available = Math.min(this.limit.requests(), tokens + elapsed * this.limit.perSecond());
			if (available >= 1) {
				return Duration.ZERO;
			}
			return Duration.ofMillis((long) Math.ceil((1 - available) / this.limit.perSecond() * 1000));
		}

	}

}
