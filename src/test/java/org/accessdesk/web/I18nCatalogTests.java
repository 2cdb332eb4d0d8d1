package org.accessdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accessdesk.account.Role;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.request.AccessKind;
import org.accessdesk.request.ItemStatus;
import org.accessdesk.request.ReasonCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser UI's texts, {@code web-static/i18n/ja.json} and {@code en.json}, against
 * each other and against the pages and modules that show them: the same keys in both,
 * every text filled in with the same placeholders, every key shown somewhere, and no key
 * asked for that has no text (the page would show the key itself).
 */
class I18nCatalogTests {

	static final Path WEB = Path.of("web-static");

	static final Set<String> LANGUAGES = Set.of("ja", "en");

	/**
	 * Keys the UI builds at run time from a code the service sends, as in
	 * {@code t(`status.${item.status}`)}: their prefix and the codes that need a text.
	 * Each is every constant of the enum the service answers with, so a new constant
	 * without a text fails here. Errors are the exception: {@code explain()} (shell.js)
	 * shows the problem's own detail for a code without a text, so an {@code error.CODE}
	 * key is optional, but must be a code the service sends ({@link #sentByTheService}).
	 */
	static final Map<String, Set<String>> FAMILIES = Map.of("status.", names(ItemStatus.values()), "reason.",
			names(ReasonCode.values()), "kind.", names(AccessKind.values()), "type.", names(IdentifierType.values()),
			"role.", names(Role.values()),
			// A registry import job's state and phase (registry_import_job's CHECK
			// constraints).
			"registry.state.", Set.of("RUNNING", "SUCCEEDED", "FAILED"), "registry.phase.",
			Set.of("READING", "CHECKING", "MERGING", "DONE"));

	static final String ERRORS = "error.";

	/**
	 * Dotted strings in the code that are not keys: the key-like rule below
	 * ({@link #DOTTED}) would take them for one.
	 */
	static final Set<String> NOT_KEYS = Set.of("accessdesk.language", "access.csv");

	/** A quoted dotted name, 'table.count': in this UI's code, a key. */
	static final Pattern DOTTED = Pattern.compile("(['\"`])([a-z][A-Za-z]*(?:\\.[A-Za-z][A-Za-z0-9_]*)+)\\1");

	/**
	 * Where the code names a text (single-word keys like 'save' included): t('…'),
	 * msg('…'), has('…') (not params.has), h()'s i18n: and label:, dataset.i18n = '…'.
	 */
	static final Pattern NAMED = Pattern.compile(
			"(?:(?<![.\\w$])(?:t|msg)\\(|(?<![.\\w$])has\\(|\\bi18n:\\s*|\\blabel:\\s*|dataset\\.i18n\\s*=\\s*)(['\"])([^'\"`]+)\\1");

	/** The fixed part of a key built at run time: `status.${…}`. */
	static final Pattern BUILT = Pattern.compile("`([a-z][A-Za-z]*(?:\\.[A-Za-z]+)*\\.)\\$\\{");

	static final Pattern IN_HTML = Pattern.compile("data-i18n(?:-label|-placeholder|-title)?=\"([^\"]*)\"");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	static Map<String, Map<String, String>> catalogs;

	static String scripts;

	static String pages;

	@BeforeAll
	static void read() throws IOException {
		JsonMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
		catalogs = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			catalogs.put(language, json.readValue(WEB.resolve("i18n").resolve(language + ".json").toFile(),
					new TypeReference<Map<String, String>>() {
					}));
		}
		scripts = withoutComments(readAll(".js"));
		pages = readAll(".html");
	}

	@Test
	void bothLanguagesHaveTheSameKeys() {
		assertThat(catalogs.get("en").keySet()).as("keys in en.json")
			.containsExactlyInAnyOrderElementsOf(catalogs.get("ja").keySet());
		assertThat(catalogs.get("ja")).as("a catalog with texts").hasSizeGreaterThan(100);
	}

	@Test
	void everyTextIsFilledInAndNamesTheSamePlaceholdersInBothLanguages() {
		catalogs.forEach((language, texts) -> texts
			.forEach((key, text) -> assertThat(text).as("%s in %s.json", key, language).isNotBlank()));
		// A key missing from one catalog is bothLanguagesHaveTheSameKeys's to report.
		Set<String> inBoth = new TreeSet<>(catalogs.get("ja").keySet());
		inBoth.retainAll(catalogs.get("en").keySet());
		for (String key : inBoth) {
			assertThat(placeholders(catalogs.get("en").get(key))).as("placeholders of %s", key)
				.isEqualTo(placeholders(catalogs.get("ja").get(key)));
		}
	}

	@Test
	void everyKeyIsUsedByAPageOrAModule() {
		Set<String> used = new TreeSet<>();
		used.addAll(find(DOTTED, scripts, 2));
		used.addAll(find(NAMED, scripts, 2));
		used.addAll(find(IN_HTML, pages, 1));
		Set<String> unused = new TreeSet<>(catalogs.get("ja").keySet());
		unused.removeAll(used);
		unused.removeIf((key) -> family(key) != null);
		assertThat(unused).as("keys no page or module uses").isEmpty();
	}

	@Test
	void everyKeyAPageOrModuleNamesHasAText() {
		Set<String> named = new TreeSet<>();
		named.addAll(find(DOTTED, scripts, 2));
		named.addAll(find(NAMED, scripts, 2));
		named.addAll(find(IN_HTML, pages, 1));
		named.removeAll(NOT_KEYS);
		assertThat(named).as("keys the code names").contains("table.count", "who", "skip");
		assertThat(catalogs.get("ja").keySet()).as("keys with a text").containsAll(named);
	}

	@Test
	void keysBuiltAtRunTimeAreDeclaredFamiliesWithATextForEveryCode() {
		Set<String> built = find(BUILT, scripts, 1);
		Set<String> declared = new TreeSet<>(FAMILIES.keySet());
		declared.add(ERRORS);
		assertThat(built).as("families the code builds keys of").containsExactlyInAnyOrderElementsOf(declared);
		Set<String> keys = catalogs.get("ja").keySet();
		FAMILIES.forEach((prefix, codes) -> assertThat(
				keys.stream().filter((key) -> key.startsWith(prefix)).map((key) -> key.substring(prefix.length())))
			.as("texts of the family %s", prefix)
			.containsExactlyInAnyOrderElementsOf(codes));
		Set<String> errorCodes = keys.stream()
			.filter((key) -> key.startsWith(ERRORS) && family(key) != null)
			.map((key) -> key.substring(ERRORS.length()))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(errorCodes).as("error codes with a text").isNotEmpty().allMatch(I18nCatalogTests::sentByTheService);
	}

	/** The family a key belongs to, or null for a key named as it is. */
	static String family(String key) {
		for (String prefix : FAMILIES.keySet()) {
			if (key.startsWith(prefix)) {
				return prefix;
			}
		}
		// error.generic and error.network are named as they are; error.STATUS_CHANGED is
		// a code.
		return key.startsWith(ERRORS) && key.substring(ERRORS.length()).matches("[A-Z][A-Z_]*") ? ERRORS : null;
	}

	/** A problem code the service answers with: a string literal in its main code. */
	static boolean sentByTheService(String code) {
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.anyMatch((file) -> read(file).contains("\"" + code + "\""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Set<String> names(Enum<?>[] constants) {
		return Arrays.stream(constants).map(Enum::name).collect(Collectors.toSet());
	}

	static Set<String> placeholders(String text) {
		return find(PLACEHOLDER, text, 1);
	}

	static Set<String> find(Pattern pattern, String text, int group) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(group));
		}
		return found;
	}

	static String readAll(String suffix) throws IOException {
		try (Stream<Path> files = Files.walk(WEB)) {
			return files.filter((file) -> file.toString().endsWith(suffix))
				.sorted()
				.map(I18nCatalogTests::read)
				.collect(Collectors.joining("\n"));
		}
	}

	/**
	 * Block comments and whole-line comments: a key named only in a comment is not used.
	 */
	static String withoutComments(String script) {
		return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
