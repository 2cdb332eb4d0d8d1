package org.accessdesk.request;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the people who decide a PENDING_ADMIN item are shown to the requester (SPEC §6):
 * their name when they have an account, otherwise a masked email such as
 * {@code it-a…@example.com} — enough to recognise a colleague, not enough to harvest
 * addresses.
 */
final class Deciders {

	private Deciders() {
	}

	static List<String> shown(List<String> emails, Map<String, String> namesByEmail) {
		return emails.stream().map((email) -> {
			String name = namesByEmail.get(email.toLowerCase(Locale.ROOT));
			return (name != null) ? name : masked(email);
		}).toList();
	}

	/**
	 * The same people as contacts: a name comes with its address (proved by its owner, so
	 * it may be shown and written to), a masked email with none.
	 */
	static List<HeldAccess.Contact> contacts(List<String> emails, Map<String, String> namesByEmail) {
		return emails.stream().map((email) -> {
			String name = namesByEmail.get(email.toLowerCase(Locale.ROOT));
			return (name != null) ? new HeldAccess.Contact(name, email) : new HeldAccess.Contact(masked(email), null);
		}).toList();
	}

	static String masked(String email) {
		int at = email.indexOf('@');
		if (at <= 0) {
			return "…";
		}
		String local = email.substring(0, at);
		int keep = (local.length() > 4) ? 4 : 1;
		return local.substring(0, keep) + "…" + email.substring(at);
	}

}
