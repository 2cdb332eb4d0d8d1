package org.accessdesk.account;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as every module sees them ({@code @AuthenticationPrincipal}).
 * Roles are those worked out at sign-in (or per request, for tokens and HTTP Basic).
 */
public final class AccountUser implements UserDetails, CredentialsContainer {

	private final UUID id;

	private final String email;

	private final String name;

	private final String language;

	private final Set<Role> roles;

	private @Nullable String passwordHash;

	AccountUser(UUID id, String email, String name, String language, Set<Role> roles, @Nullable String passwordHash) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.language = language;
		this.roles = Set.copyOf(roles);
		this.passwordHash = passwordHash;
	}

	public UUID id() {
		return this.id;
	}

	public String email() {
		return this.email;
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

	/**
	 * The same person after they changed their profile. A browser session keeps the
	 * principal it signed in with, and the name and language must follow the profile
	 * (next steps are worded in that language); roles stay as worked out at sign-in.
	 */
	public AccountUser withProfile(Profile profile) {
		if (!this.id.equals(profile.id())) {
			throw new IllegalArgumentException("Not this account's profile");
		}
		return new AccountUser(this.id, this.email, profile.name(), profile.language(), this.roles, null);
	}

	AccountUser withoutPassword() {
		return new AccountUser(this.id, this.email, this.name, this.language, this.roles, null);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
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
