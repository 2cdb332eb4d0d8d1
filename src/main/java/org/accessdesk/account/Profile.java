package org.accessdesk.account;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A person's profile (SPEC §2). A profile without company name or address cannot get any
 * identifier approved; an account whose address is not proved cannot ask at all (§2a).
 * {@code timeZone} is the IANA id times are shown in, null until the owner has one.
 */
public record Profile(AccountId id, String email, boolean emailVerified, String name, String language,
		@Nullable String companyName, @Nullable String companyAddress, @Nullable String timeZone, Set<Role> roles) {

	public boolean isComplete() {
		return hasText(this.companyName) && hasText(this.companyAddress);
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
