package org.accessdesk.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No field names, codes or other identifiers of ours in any text a person reads (SPEC
 * §10, issue 15: "retryAfter" in a next step, "identifiers: at most 50 …" on a Japanese
 * page). Scanned: every next step, every text of the UI's catalogs, every mail text and
 * the glossary, both languages; a new text is scanned as soon as it exists.
 */
class HumanTextTests {

	static final List<String> CATALOGS = List.of("messages/next-steps.properties", "messages/next-steps_ja.properties",
			"messages/mail.properties", "messages/mail_ja.properties", "messages/glossary.properties",
			"messages/glossary_ja.properties", "web-static/i18n/ja.json", "web-static/i18n/en.json");

	/** Shapes of our identifiers, each with what it catches. */
	static final Map<String, Pattern> SHAPES = Map.of(
			// retryAfter, itemId, companyName
			"camelCase", Pattern.compile("\\b[a-z]+[A-Z][A-Za-z0-9]*\\b"),
			// TOO_NEW, VALIDATION_FAILED, PENDING_ADMIN
			"SNAKE_CASE", Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b"),
			// the decision table's rows: D3, P1
			"rule", Pattern.compile("\\b[ADP]\\d\\b"),
			/*
			 * "identifiers: …" opening a text or inside Japanese, "{field}: {message}": a
			 * field's name and a colon, as a log reads. English prose has "word: " all
			 * over ("Private customers: enter …"), so not mid-sentence there.
			 */
			"field:",
			Pattern.compile("(?:^|(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}：、。（）]))\\s*[a-z][A-Za-z]*:\\s"
					+ "|\\{(?:field|key|code)\\}:"),
			// a code in capitals: APPROVED, DENIED (words in the allow-list aside)
			"CODE", Pattern.compile("\\b[A-Z]{2,}\\b"));

	/**
	 * Capitals a reader knows, so not codes: ID (the guide's "Bill to ID"), CSV, API, URL
	 * and JSON (files and tokens the pages offer), JST and UTC (zone names), TAC and RMA
	 * (the guide's case types), NOC (a customer's word in an example).
	 */
	static final Set<String> READERS_WORDS = Set.of("ID", "CSV", "API", "URL", "JSON", "JST", "UTC", "TAC", "RMA");

	/** A placeholder is filled in before anyone reads it: {count}, {0}. */
	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+\\}");

	static Stream<String> catalogs() {
		return CATALOGS.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogs")
	void noTextNamesAnIdentifierOfOurs(String catalog) {
		Map<String, String> texts = texts(catalog);
		assertThat(texts).hasSizeGreaterThan(20);
		List<String> found = new ArrayList<>();
		texts
			.forEach((key, text) -> found.addAll(identifiersIn(text).stream().map((hit) -> key + ": " + hit).toList()));
		assertThat(found).as("identifiers of ours in %s", catalog).isEmpty();
	}

	/** The scan catches what the issue saw, so a pass above means something. */
	@Test
	void theScanCatchesWhatTheIssueFound() {
		assertThat(identifiersIn("48時間後（retryAfter の時刻以降）に再度リクエストしてください")).containsExactly("camelCase retryAfter");
		assertThat(identifiersIn("入力内容を確認してください：identifiers: at most 50 identifiers")).contains("field: identifiers: ");
		assertThat(identifiersIn("{field}: {message}")).containsExactly("field: {field}:");
		assertThat(identifiersIn("itemId: 7")).contains("field: itemId: ");
		assertThat(identifiersIn("理由：TOO_NEW")).containsExactly("SNAKE_CASE TOO_NEW");
		assertThat(identifiersIn("ステータス：APPROVED")).containsExactly("CODE APPROVED");
		assertThat(identifiersIn("see row D3")).containsExactly("rule D3");
		assertThat(identifiersIn("請求先 ID を CSV でダウンロード（{count} 件、JST）")).isEmpty();
	}

	static List<String> identifiersIn(String text) {
		List<String> hits = new ArrayList<>();
		Matcher fieldColon = SHAPES.get("field:").matcher(text);
		while (fieldColon.find()) {
			hits.add("field: " + fieldColon.group());
		}
		String filled = PLACEHOLDER.matcher(text).replaceAll("x");
		for (String shape : List.of("camelCase", "SNAKE_CASE", "rule", "CODE")) {
			Matcher matcher = SHAPES.get(shape).matcher(filled);
			while (matcher.find()) {
				if (!shape.equals("CODE") || !READERS_WORDS.contains(matcher.group())) {
					hits.add(shape + " " + matcher.group());
				}
			}
		}
		return hits.stream().distinct().toList();
	}

	static Map<String, String> texts(String catalog) {
		if (catalog.endsWith(".json")) {
			return JsonMapper.builder()
				.build()
				.readValue(read(Path.of(catalog)), new TypeReference<Map<String, String>>() {
				});
		}
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(HumanTextTests.class.getClassLoader().getResourceAsStream(catalog),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> texts = new LinkedHashMap<>();
		properties.forEach((key, text) -> texts.put((String) key, (String) text));
		return texts;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
