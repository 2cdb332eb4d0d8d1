package org.accessdesk.web;

/**
 * What people may type into free-text fields, for {@code @Pattern} on request bodies: no
 * control characters that could corrupt logs, mail headers or CSV, line breaks only where
 * text is multi-line.
 */
public final class TextRules {

	/** One line: a name, a company name, a token's name. */
	public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

	/**
	 * Several lines: an address, a justification, a reason. Line breaks and tabs, nothing
	 * else.
	 */
	public static final String MULTI_LINE = "(?s)[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	public static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

	private TextRules() {
	}

}
