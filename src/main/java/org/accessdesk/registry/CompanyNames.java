package org.accessdesk.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How company names are compared (SPEC §3): full-width and half-width forms are equal
 * (NFKC), surrounding spaces and runs of inner white space do not count, and neither does
 * case. "Ｅｘａｍｐｌｅ Ｃｏｒｐ" and " example corp " have the same key.
 */
public final class CompanyNames {

	private CompanyNames() {
	}

	public static String matchKey(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
		return folded.toLowerCase(Locale.ROOT);
	}

	public static boolean sameCompany(String a, String b) {
		return matchKey(a).equals(matchKey(b));
	}

}
