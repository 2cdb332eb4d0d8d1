package org.accessdesk.registry;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How typed identifiers become registry keys (SPEC §3), as one pure function used for
 * user input and for registry imports alike: split on commas ({@code , 、 ，}), white space
 * (also the ideographic space) and line breaks; full-width → half-width (NFKC); dashes of
 * every width → {@code -}; serials upper-cased; repeats merged, first occurrence kept.
 * Then each must have its type's form: contract numbers and Bill-to IDs 1–20 digits,
 * serials 1–40 letters, digits, dashes.
 */
public final class Identifiers {

	private static final Pattern SEPARATORS = Pattern.compile("[,、，\\s\\u3000]+");

	/** Hyphen-like characters people paste into serials: ‐ ‑ ‒ – — ― − ー － ｰ. */
	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFF70]");

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

	private static final Pattern SERIAL = Pattern.compile("[A-Z0-9-]{1,40}");

	private Identifiers() {
	}

	/**
	 * Splits and normalises what was typed; answers the valid identifiers and, as typed,
	 * the invalid ones.
	 */
	public static Normalised normalise(IdentifierType type, List<String> typed) {
		Set<String> valid = new LinkedHashSet<>();
		Set<String> invalid = new LinkedHashSet<>();
		for (String text : typed) {
			for (String fragment : SEPARATORS.split(Normalizer.normalize(text, Normalizer.Form.NFKC))) {
				if (fragment.isEmpty()) {
					continue;
				}
				String candidate = normaliseOne(type, fragment);
				if (hasForm(type, candidate)) {
					valid.add(candidate);
				}
				else {
					invalid.add(fragment);
				}
			}
		}
		return new Normalised(List.copyOf(valid), List.copyOf(invalid));
	}

	/** One identifier (no separators), normalised; used for registry keys. */
	public static String normaliseOne(IdentifierType type, String identifier) {
		String folded = Normalizer.normalize(identifier, Normalizer.Form.NFKC).strip();
		if (type == IdentifierType.SERIAL) {
			return DASHES.matcher(folded).replaceAll("-").toUpperCase(Locale.ROOT);
		}
		return folded;
	}

	public static boolean hasForm(IdentifierType type, String normalised) {
		return ((type == IdentifierType.SERIAL) ? SERIAL : DIGITS).matcher(normalised).matches();
	}

	/**
	 * The outcome: valid identifiers in the order typed, without repeats; invalid ones as
	 * typed.
	 */
	public record Normalised(List<String> valid, List<String> invalid) {

		public Normalised {
			valid = List.copyOf(valid);
			invalid = List.copyOf(invalid);
		}

	}

}
