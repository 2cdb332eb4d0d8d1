package org.accessdesk.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

import reactor.core.publisher.Mono;

/**
 * Browser sessions in PostgreSQL, the record (SPEC §2a): a session made on one instance
 * works on every other and survives restarts; idle ones expire after
 * {@code server.reactive.session.timeout}. WebFlux's own {@link WebSessionStore}
 * contract, so the session cookie, its settings and session fixation protection stay
 * Spring's.
 * <p>
 * A request costs one read; a write only when something changed — a new session, a new id
 * (at sign-in), other attributes — or when the last access recorded is older than a small
 * part of the idle timeout, so a busy browser does not write on every call.
 */
final class SharedWebSessionStore implements WebSessionStore {

	private final SecureRandom random = new SecureRandom();

	private final WebSessions sessions;

	private final Clock clock;

	private final Duration maxIdle;

	private final Duration touchEvery;

	SharedWebSessionStore(WebSessions sessions, Clock clock, Duration maxIdle) {
		this.sessions = sessions;
		this.clock = clock;
		this.maxIdle = maxIdle;
		this.touchEvery = min(Duration.ofMinutes(1), maxIdle.dividedBy(10));
	}

	@Override
	public Mono<WebSession> createWebSession() {
		Instant now = this.clock.instant();
		return Mono.just(new SharedWebSession(newId(), null, Map.of(), now, now, now, this.maxIdle));
	}

	/**
	 * The session, unless unknown or expired; retrieving it is an access (the session
	 * manager does not call {@link #updateLastAccessTime}).
	 */
	@Override
	public Mono<WebSession> retrieveSession(String sessionId) {
		Instant now = this.clock.instant();
		return this.sessions.find(sessionId, now)
			.map((row) -> new SharedWebSession(sessionId, sessionId, row.attributes(), row.createdAt(),
					row.lastAccessedAt(), now, row.maxIdle()));
	}

	@Override
	public Mono<Void> removeSession(String sessionId) {
		return this.sessions.delete(sessionId);
	}

	@Override
	public Mono<WebSession> updateLastAccessTime(WebSession session) {
		((SharedWebSession) session).lastAccessTime = this.clock.instant();
		return Mono.just(session);
	}

	private String newId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private enum State {

		NEW, STARTED, EXPIRED

	}

	/** One session as a request sees it; written back by {@link #save()}. */
	private final class SharedWebSession implements WebSession {

		private final Map<String, Object> attributes;

		private final Map<String, String> storedAttributes;

		private final Instant creationTime;

		private final Instant storedLastAccessTime;

		private volatile String id;

		/** The id the row is stored under; null until first saved. */
		private volatile @Nullable String storedId;

		private volatile Instant lastAccessTime;

		private volatile Duration maxIdleTime;

		private volatile State state;

		SharedWebSession(String id, @Nullable String storedId, Map<String, String> attributes, Instant creationTime,
				Instant storedLastAccessTime, Instant lastAccessTime, Duration maxIdleTime) {
			this.id = id;
			this.storedId = storedId;
			this.attributes = new ConcurrentHashMap<>(attributes);
			this.storedAttributes = Map.copyOf(attributes);
			this.creationTime = creationTime;
			this.lastAccessTime = lastAccessTime;
			this.storedLastAccessTime = storedLastAccessTime;
			this.maxIdleTime = maxIdleTime;
			this.state = (storedId != null) ? State.STARTED : State.NEW;
		}

		@Override
		public String getId() {
			return this.id;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public void start() {
			if (this.state == State.NEW) {
				this.state = State.STARTED;
			}
		}

		@Override
		public boolean isStarted() {
			return this.state == State.STARTED || !this.attributes.isEmpty();
		}

		/**
		 * A new id for the same session (at sign-in, against session fixation); the row
		 * moves to it when saved.
		 */
		@Override
		public Mono<Void> changeSessionId() {
			this.id = newId();
			return Mono.empty();
		}

		@Override
		public Mono<Void> invalidate() {
			this.state = State.EXPIRED;
			this.attributes.clear();
			String stored = this.storedId;
			this.storedId = null;
			return (stored != null) ? SharedWebSessionStore.this.sessions.delete(stored) : Mono.empty();
		}

		@Override
		public Mono<Void> save() {
			if (this.state == State.EXPIRED || !isStarted()) {
				return Mono.empty();
			}
			Map<String, String> attributes = strings(this.attributes);
			AccountId account = SessionSecurityContexts.accountOf(attributes);
			String stored = this.storedId;
			if (stored == null) {
				this.storedId = this.id;
				return SharedWebSessionStore.this.sessions.insert(this.id, account, attributes, this.creationTime,
						this.lastAccessTime, this.maxIdleTime);
			}
			boolean touched = Duration.between(this.storedLastAccessTime, this.lastAccessTime)
				.compareTo(SharedWebSessionStore.this.touchEvery) >= 0;
			if (stored.equals(this.id) && attributes.equals(this.storedAttributes) && !touched) {
				return Mono.empty();
			}
			this.storedId = this.id;
			return SharedWebSessionStore.this.sessions
				.update(stored, this.id, account, attributes, this.lastAccessTime, this.maxIdleTime)
				.doOnNext((present) -> {
					if (!present) {
						// Ended elsewhere while this request ran: it stays ended.
						this.state = State.EXPIRED;
						this.attributes.clear();
					}
				})
				.then();
		}

		@Override
		public boolean isExpired() {
			return this.state == State.EXPIRED || (!this.maxIdleTime.isNegative()
					&& SharedWebSessionStore.this.clock.instant().isAfter(this.lastAccessTime.plus(this.maxIdleTime)));
		}

		@Override
		public Instant getCreationTime() {
			return this.creationTime;
		}

		@Override
		public Instant getLastAccessTime() {
			return this.lastAccessTime;
		}

		@Override
		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		@Override
		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		private static Map<String, String> strings(Map<String, Object> attributes) {
			Map<String, String> strings = new HashMap<>();
			attributes.forEach((name, value) -> {
				if (!(value instanceof String text)) {
					throw new IllegalStateException("Session attribute " + name + " is a " + value.getClass().getName()
							+ "; shared sessions keep strings only");
				}
				strings.put(name, text);
			});
			return strings;
		}

	}

}
