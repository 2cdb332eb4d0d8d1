package org.accessdesk.account;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The accounts table. Public so that other modules can read a profile (the request module
 * decides on the company name and address) and the display names of administrators.
 */
@Component
public class Accounts {

	/**
	 * The columns {@link #stored} reads. {@code email_verified} is derived: the address
	 * counts only once proved (SPEC §2a).
	 */
	static final String COLUMNS = "id, email, password_hash, name, language, company_name, company_address, time_zone,"
			+ " email_verified_at IS NOT NULL AS email_verified";

	private final DatabaseClient db;

	private final Roles roles;

	private final AccountChanges changes;

	Accounts(DatabaseClient db, Roles roles, AccountChanges changes) {
		this.db = db;
		this.roles = roles;
		this.changes = changes;
	}

	/** The profile with roles as of now; empty when there is no such account. */
	public Mono<Profile> profile(AccountId accountId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
			.bind("id", accountId.value())
			.map(Accounts::stored)
			.one()
			.flatMap((account) -> this.roles.of(account).map(account::toProfile));
	}

	/**
	 * The signed-in person behind a browser session, with roles as of now: one query,
	 * because it runs for every request a browser makes.
	 */
	Mono<AccountUser> user(AccountId accountId) {
		return this.db
			.sql("SELECT " + COLUMNS + ", registry_administers(email) AS administers FROM account WHERE id = :id")
			.bind("id", accountId.value())
			.map((row) -> {
				StoredAccount account = stored(row);
				return account.toUser(this.roles.of(account.email(), account.emailVerified(),
						Boolean.TRUE.equals(row.get("administers", Boolean.class))), false);
			})
			.one();
	}

	/**
	 * The profile's facts without its roles: one query, for callers that do not need
	 * roles (deciding a submission needs the email, company name and address only).
	 */
	public Mono<Profile> profileWithoutRoles(AccountId accountId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
			.bind("id", accountId.value())
			.map(Accounts::stored)
			.one()
			.map((account) -> account.toProfile(Set.of()));
	}

	/**
	 * Profiles (without roles) of the given accounts, keyed by id; unknown ids are
	 * absent.
	 */
	public Mono<Map<AccountId, Requester>> requesters(Collection<AccountId> accountIds) {
		if (accountIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.db.sql("SELECT id, email, name, company_name FROM account WHERE id = ANY(:ids)")
			.bind("ids", accountIds.stream().map(AccountId::value).toArray(UUID[]::new))
			.map((row) -> new Requester(AccountId.of(row.get("id", UUID.class)), row.get("email", String.class),
					row.get("name", String.class), row.get("company_name", String.class)))
			.all()
			.collectMap(Requester::id);
	}

	/** Who asked: what a reviewer is shown of a requester. */
	public record Requester(AccountId id, String email, String name, @Nullable String companyName) {
	}

	/**
	 * Display names of those of the given emails whose owners proved them, keyed by
	 * lower-cased email. An account whose address nobody proved is not its owner: a name
	 * chosen by whoever signed up with an administrator's address is never shown as that
	 * administrator's (SPEC §2a).
	 */
	public Mono<Map<String, String>> namesByEmail(Collection<String> emails) {
		if (emails.isEmpty()) {
			return Mono.just(Map.of());
		}
		String[] lowered = emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).toArray(String[]::new);
		return this.db.sql("""
				SELECT lower(email) AS email, name FROM account
				WHERE lower(email) = ANY(:emails) AND email_verified_at IS NOT NULL""")
			.bind("emails", lowered)
			.map((row) -> Map.entry(row.get("email", String.class), row.get("name", String.class)))
			.all()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	Mono<StoredAccount> findByEmail(String email) {
		return this.db.sql("SELECT " + COLUMNS + " FROM account WHERE lower(email) = lower(:email)")
			.bind("email", email.strip())
			.map(Accounts::stored)
			.one();
	}

	/**
	 * Inserts the account, or completes empty when the email is taken (any case).
	 * {@code verified} only for accounts whose address is known good without a mail (the
	 * demo data set).
	 */
	Mono<StoredAccount> insert(String email, String passwordHash, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress, @Nullable String timeZone,
			boolean verified) {
		return this.db.sql("""
				INSERT INTO account (email, password_hash, name, language, company_name, company_address,
				    time_zone, email_verified_at)
				VALUES (:email, :hash, :name, :language, :companyName, :companyAddress, :timeZone,
				    CASE WHEN :verified THEN now() END)
				ON CONFLICT ((lower(email))) DO NOTHING RETURNING\s""" + COLUMNS)
			.bind("verified", verified)
			.bind("email", email)
			.bind("hash", passwordHash)
			.bind("name", name)
			.bind("language", language)
			.bind("companyName", nullable(companyName))
			.bind("companyAddress", nullable(companyAddress))
			.bind("timeZone", nullable(timeZone))
			.map(Accounts::stored)
			.one();
	}

	/** Replaces the editable fields; a null time zone keeps the one stored. */
	Mono<StoredAccount> updateProfile(AccountId id, String name, String language, @Nullable String companyName,
			@Nullable String companyAddress, @Nullable String timeZone) {
		return this.db.sql("""
				UPDATE account SET name = :name, language = :language, company_name = :companyName,
				    company_address = :companyAddress, time_zone = COALESCE(:timeZone, time_zone), updated_at = now()
				WHERE id = :id RETURNING\s""" + COLUMNS)
			.bind("id", id.value())
			.bind("name", name)
			.bind("language", language)
			.bind("companyName", nullable(companyName))
			.bind("companyAddress", nullable(companyAddress))
			.bind("timeZone", nullable(timeZone))
			.map(Accounts::stored)
			.one()
			.flatMap(this::announced);
	}

	/** Records that the owner proved the address (kept at the first proof). */
	Mono<StoredAccount> markVerified(AccountId id) {
		return this.db.sql("""
				UPDATE account SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now()
				WHERE id = :id RETURNING\s""" + COLUMNS)
			.bind("id", id.value())
			.map(Accounts::stored)
			.one()
			.flatMap(this::announced);
	}

	/**
	 * Sets a new password hash; with {@code proved}, the address counts as proved too (a
	 * reset link reached its owner).
	 */
	Mono<StoredAccount> setPassword(AccountId id, String passwordHash, boolean proved) {
		return this.db
			.sql("""
					UPDATE account SET password_hash = :hash, updated_at = now(),
					    email_verified_at = CASE WHEN :proved THEN COALESCE(email_verified_at, now()) ELSE email_verified_at END
					WHERE id = :id RETURNING\s"""
					+ COLUMNS)
			.bind("id", id.value())
			.bind("hash", passwordHash)
			.bind("proved", proved)
			.map(Accounts::stored)
			.one()
			.flatMap(this::announced);
	}

	/** Cached identities of the account are forgotten, on every instance. */
	private Mono<StoredAccount> announced(StoredAccount changed) {
		return this.changes.changed(changed.id()).thenReturn(changed);
	}

	Mono<StoredAccount> findById(AccountId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
			.bind("id", id.value())
			.map(Accounts::stored)
			.one();
	}

	Mono<Set<Role>> rolesOf(StoredAccount account) {
		return this.roles.of(account);
	}

	private static org.springframework.r2dbc.core.Parameter nullable(@Nullable String value) {
		return org.springframework.r2dbc.core.Parameter.fromOrEmpty(value, String.class);
	}

	static StoredAccount stored(Readable row) {
		return new StoredAccount(AccountId.of(row.get("id", UUID.class)), row.get("email", String.class),
				row.get("password_hash", String.class), row.get("name", String.class),
				row.get("language", String.class), row.get("company_name", String.class),
				row.get("company_address", String.class), row.get("time_zone", String.class),
				Boolean.TRUE.equals(row.get("email_verified", Boolean.class)));
	}

	/** A row of the accounts table. */
	record StoredAccount(AccountId id, String email, String passwordHash, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress, @Nullable String timeZone,
			boolean emailVerified) {

		Profile toProfile(Set<Role> roles) {
			return new Profile(this.id, this.email, this.emailVerified, this.name, this.language, this.companyName,
					this.companyAddress, this.timeZone, roles);
		}

		AccountUser toUser(Set<Role> roles, boolean withPassword) {
			return new AccountUser(this.id, this.email, this.emailVerified, this.name, this.language, this.companyName,
					this.companyAddress, roles, withPassword ? this.passwordHash : null);
		}

	}

}
