package org.accessdesk.mail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accessdesk.registry.IdentifierType;
import org.accessdesk.request.AccessKind;
import org.accessdesk.request.ItemStatus;
import org.accessdesk.request.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One vocabulary (SPEC §10, issue 15): the words for statuses, reasons, identifier types
 * and access kinds have one source, {@code messages/glossary*.properties}. The mail reads
 * it through the application's message source; the browser UI's catalogs must carry the
 * very same strings, key for key; no other catalog may define its own.
 */
class GlossaryTests {

	static final Map<String, String> SUFFIX = Map.of("ja", "_ja", "en", "");

	/** UI keys that show a glossary word under their own name, with that word. */
	static final Map<String, String> UI_ALIASES = Map.of("card.note", "label.decider-comment", "table.billTo",
			"type.BILL_TO", "table.contract", "type.CONTRACT");

	/** Labels that screen and mail both show: the card's key and the mail's. */
	static final Map<String, String> SHARED_LABELS = Map.of("card.reason", "mail.label.reason", "card.nextStep",
			"mail.label.next-step", "card.deadline", "mail.label.deadline", "card.retryAfter",
			"mail.label.retry-after");

	/**
	 * Words the glossary replaced (issue 15's "screen and mail disagree"): the guide's
	 * forms won, so none of these may come back in any text a person reads.
	 */
	static final List<String> RETIRED = List.of("プロフィール", "製品シリアル番号", "フルサポート", "サービス契約番号", "承認済み", "却下", "Bill to ID",
			"担当者からのコメント", "SMARTnet", "Service contract number", "Note from the reviewer");

	final MailProperties properties = new MailProperties("Access Desk <no-reply@desk.example>",
			URI.create("https://desk.example"), List.of(), "ja", ZoneId.of("Asia/Tokyo"), Duration.ofSeconds(2), 50, 2,
			10, Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofMinutes(2), Duration.ofDays(30));

	@ParameterizedTest
	@ValueSource(strings = { "ja", "en" })
	void theUiShowsTheGlossarysWords(String language) {
		Properties glossary = properties("messages/glossary" + SUFFIX.get(language) + ".properties");
		Map<String, String> ui = catalog(language);
		List<String> keys = familyKeys();
		assertThat(keys).hasSizeGreaterThan(30);
		for (String key : keys) {
			assertThat(glossary.getProperty(key)).as("glossary %s (%s)", key, language).isNotBlank();
			assertThat(ui.get(key)).as("%s.json %s", language, key).isEqualTo(glossary.getProperty(key));
		}
		UI_ALIASES.forEach((uiKey, glossaryKey) -> assertThat(ui.get(uiKey)).as("%s.json %s", language, uiKey)
			.isEqualTo(glossary.getProperty(glossaryKey)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ja", "en" })
	void theMailShowsTheGlossarysWords(String language) {
		Locale locale = Locale.forLanguageTag(language);
		Properties glossary = properties("messages/glossary" + SUFFIX.get(language) + ".properties");
		ResourceBundleMessageSource messages = applicationMessages();
		MailWording wording = new MailWording(messages, this.properties);
		for (IdentifierType type : IdentifierType.values()) {
			for (AccessKind kind : AccessKind.values()) {
				MailWording.Line line = wording.line(item(kind.name(), type.name(), "APPROVED", "AUTO_APPROVED"),
						locale, ZoneId.of("Asia/Tokyo"));
				assertThat(line.type()).isEqualTo(glossary.getProperty("type." + type));
				assertThat(line.kind()).isEqualTo(glossary.getProperty("kind." + kind));
			}
		}
		for (ItemStatus status : ItemStatus.values()) {
			for (ReasonCode reason : ReasonCode.values()) {
				MailWording.Line line = wording.line(item("FULL_SUPPORT", "CONTRACT", status.name(), reason.name()),
						locale, ZoneId.of("Asia/Tokyo"));
				assertThat(line.status()).isEqualTo(glossary.getProperty("status." + status));
				assertThat(line.reason()).isEqualTo(glossary.getProperty("reason." + reason));
			}
		}
		assertThat(messages.getMessage("label.decider-comment", null, locale))
			.isEqualTo(glossary.getProperty("label.decider-comment"));
		Map<String, String> ui = catalog(language);
		SHARED_LABELS.forEach((uiKey, mailKey) -> assertThat(messages.getMessage(mailKey, null, locale))
			.as("%s vs %s (%s)", mailKey, uiKey, language)
			.isEqualTo(ui.get(uiKey)));
	}

	/** The glossary is the only catalog that names these words: no second source. */
	@ParameterizedTest
	@ValueSource(strings = { "mail", "mail_ja", "next-steps", "next-steps_ja" })
	void noOtherCatalogDefinesThem(String catalog) {
		Properties texts = properties("messages/" + catalog + ".properties");
		assertThat(texts).isNotEmpty();
		for (Object key : texts.keySet()) {
			assertThat((String) key).doesNotMatch("(kind|type|status|reason|label)\\..*");
		}
	}

	@Test
	void retiredWordsAreGoneFromEveryText() {
		List<String> texts = new ArrayList<>();
		for (String language : SUFFIX.keySet()) {
			texts.addAll(catalog(language).values());
			for (String file : List.of("glossary", "mail", "next-steps")) {
				properties("messages/" + file + SUFFIX.get(language) + ".properties")
					.forEach((key, text) -> texts.add((String) text));
			}
		}
		assertThat(texts).hasSizeGreaterThan(500);
		for (String text : texts) {
			assertThat(text).doesNotContain(RETIRED);
		}
	}

	/** The basenames as the application configures them, so a glossary left out fails. */
	static ResourceBundleMessageSource applicationMessages() {
		Matcher basename = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)\\s*$")
			.matcher(read(Path.of("src/main/resources/application.yml")));
		assertThat(basename.find()).as("spring.messages.basename in application.yml").isTrue();
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(basename.group(1).split(","));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static List<String> familyKeys() {
		List<String> keys = new ArrayList<>();
		for (AccessKind kind : AccessKind.values()) {
			keys.add("kind." + kind);
		}
		for (IdentifierType type : IdentifierType.values()) {
			keys.add("type." + type);
		}
		for (ItemStatus status : ItemStatus.values()) {
			keys.add("status." + status);
		}
		for (ReasonCode reason : ReasonCode.values()) {
			keys.add("reason." + reason);
		}
		return keys;
	}

	static Map<String, String> catalog(String language) {
		return JsonMapper.builder()
			.build()
			.readValue(read(Path.of("web-static/i18n/" + language + ".json")),
					new TypeReference<Map<String, String>>() {
					});
	}

	static Properties properties(String resource) {
		Properties texts = new Properties();
		try (Reader reader = new InputStreamReader(GlossaryTests.class.getClassLoader().getResourceAsStream(resource),
				StandardCharsets.UTF_8)) {
			texts.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private static MailFacts.Item item(String kind, String type, String status, String reason) {
		return new MailFacts.Item(UUID.randomUUID(), kind, type, "91000001", "91000001", null, null, status, reason,
				List.of(), null, List.of(), null, null, null);
	}

}
