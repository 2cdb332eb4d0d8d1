package org.accessdesk.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as every module sees them ({@code @AuthenticationPrincipal}).
 * Loaded afresh for every request — from the token, the HTTP Basic credentials or the
 * browser session — so roles, name and language are always those of now.
 */
public final class AccountUser implements UserDetails, CredentialsContainer {

	/** The authority of an account whose owner proved its email address. */
	static final String PROVED_EMAIL = "PROVED_EMAIL";

	private final AccountId id;

	private final String email;

	private final boolean emailVerified;

	private final String name;

	private final String language;

	private final Set<Role> roles;

	private @Nullable String passwordHash;

	AccountUser(AccountId id, String email, boolean emailVerified, String name, String language, Set<Role> roles,
			@Nullable String passwordHash) {
		this.id = id;
		this.email = email;
		this.emailVerified = emailVerified;
		this.name = name;
		this.language = language;
		this.roles = Set.copyOf(roles);
		this.passwordHash = passwordHash;
	}

	public AccountId id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	/**
	 * Whether the owner proved the email address; until then the account may only look
	 * after itself (SPEC §2a).
	 */
	public boolean emailVerified() {
		return this.emailVerified;
	}

	public String name() {
		return this.name;
	}

	/** {@code ja} or {@code en}. */
	public String language() {
		return this.language;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	AccountUser withoutPassword() {
		return new AccountUser(this.id, this.email, this.emailVerified, this.name, this.language, this.roles, null);
	}

	/**
	 * The roles, and {@value #PROVED_EMAIL} once the address is proved: what every API
	 * but looking after one's own account requires (SecurityConfiguration).
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (this.emailVerified) {
			authorities.add(new SimpleGrantedAuthority(PROVED_EMAIL));
		}
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUser that && this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "AccountUser[" + this.id + "]";
	}

}
