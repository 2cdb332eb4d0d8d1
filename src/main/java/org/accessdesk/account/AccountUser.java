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
 * Loaded afresh for every request from the HTTP Basic credentials or the browser session;
 * for an API token, from a cache that is a few seconds at most behind and forgets an
 * account on every instance the moment it changes ({@link TokenCache},
 * {@link AccountChanges}).
 */
public final class AccountUser implements UserDetails, CredentialsContainer {

	/** The authority of an account whose owner proved its email address. */
	static final String PROVED_EMAIL = "PROVED_EMAIL";

	private final AccountId id;

	private final String email;

	private final boolean emailVerified;

	private final String name;

	private final String language;

	private final @Nullable String companyName;

	private final @Nullable String companyAddress;

	private final Set<Role> roles;

	private @Nullable String passwordHash;

	AccountUser(AccountId id, String email, boolean emailVerified, String name, String language,
			@Nullable String companyName, @Nullable String companyAddress, Set<Role> roles,
			@Nullable String passwordHash) {
		this.id = id;
		this.email = email;
		this.emailVerified = emailVerified;
		this.name = name;
		this.language = language;
		this.companyName = companyName;
		this.companyAddress = companyAddress;
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

	/**
	 * The company named in the profile: the submission's decision compares it with the
	 * contract's, so it travels with the person instead of being read again.
	 */
	public @Nullable String companyName() {
		return this.companyName;
	}

	public @Nullable String companyAddress() {
		return this.companyAddress;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	AccountUser withoutPassword() {
		return new AccountUser(this.id, this.email, this.emailVerified, this.name, this.language, this.companyName,
				this.companyAddress, this.roles, null);
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
