package org.accessdesk.web;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Someone to ask (SPEC §7, §10): the vendor's support desk that pending and denied cards,
 * every page's footer and every mail's footer name. Checked when the service starts, so a
 * typo never reaches a customer as a dead address or link.
 *
 * @param email where questions (and forwarded system mails) go; shown and linked as
 * {@code mailto:}
 * @param url the support site, http(s) only
 * @param hours when the desk answers, in each language the service speaks
 */
@ConfigurationProperties("accessdesk.support")
public record SupportContact(String email, URI url, Hours hours) {

	/**
	 * One address, nothing a {@code mailto:} link or a mail header could read as more: no
	 * spaces, quotes, angle brackets, commas or a second {@code @}.
	 */
	private static final Pattern ADDRESS = Pattern
		.compile("[^@\\s<>\"(),;:\\\\\\[\\]]+@[^@\\s<>\"(),;:\\\\\\[\\]]+\\.[^@\\s<>\"(),;:\\\\\\[\\].]+");

	public SupportContact {
		if (email == null || !ADDRESS.matcher(email).matches()) {
			throw new IllegalArgumentException("accessdesk.support.email must be one email address: " + email);
		}
		if (url == null || !url.isAbsolute() || url.getHost() == null
				|| !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
			throw new IllegalArgumentException("accessdesk.support.url must be an absolute http(s) URL: " + url);
		}
		if (hours == null) {
			throw new IllegalArgumentException("accessdesk.support.hours.ja and .en are required");
		}
	}

	/** The desk's hours in the reader's language (English for any language but ja). */
	public String hoursIn(Locale locale) {
		return "ja".equals(locale.getLanguage()) ? this.hours.ja() : this.hours.en();
	}

	/**
	 * The desk's hours, in Japanese and in English.
	 *
	 * @param ja for readers of Japanese
	 * @param en for readers of English
	 */
	public record Hours(String ja, String en) {

		public Hours {
			if (ja == null || ja.isBlank() || en == null || en.isBlank()) {
				throw new IllegalArgumentException("accessdesk.support.hours.ja and .en must not be blank");
			}
			if (ja.length() > 200 || en.length() > 200) {
				throw new IllegalArgumentException("accessdesk.support.hours.ja and .en: at most 200 characters");
			}
		}

	}

}
