package org.accessdesk.request;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule and every later transition has its next step in English and in Japanese. */
class NextStepsTests {

	static final NextSteps nextSteps = new NextSteps(messages());

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/next-steps");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Rule.class)
	void everyRuleHasANextStepInBothLanguages(Rule rule) {
		assertBoth("next-step." + rule);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "APPROVED.DECIDED_BY_ADMIN", "APPROVED.DECIDED_BY_VENDOR", "DENIED.DECIDED_BY_ADMIN",
			"DENIED.DECIDED_BY_VENDOR", "PENDING_VENDOR.ESCALATED", "WITHDRAWN.WITHDRAWN", "REVOKED.REMOVED",
			"REVOKED.REVOKED", "EXPIRED.EXPIRED", "DENIED.AUTO_RETRY" })
	void everyLaterTransitionHasANextStepInBothLanguages(String key) {
		assertBoth("next-step." + key);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(ItemStatus.class)
	void everyStatusHasAFallback(ItemStatus status) {
		assertBoth("next-step." + status);
	}

	@Test
	void theMostSpecificTextWins() {
		assertThat(nextSteps.of(ItemStatus.APPROVED, ReasonCode.DECIDED_BY_ADMIN, "P1", Locale.ENGLISH))
			.startsWith("Approved by your company's contract administrator");
		assertThat(nextSteps.of(ItemStatus.PENDING_ADMIN, ReasonCode.AWAITING_ADMIN, "P1", Locale.JAPANESE))
			.startsWith("貴社の契約管理者が確認しています");
		assertThat(nextSteps.of(ItemStatus.DENIED, ReasonCode.ADMIN_NOT_FOUND, "D5", Locale.ENGLISH))
			.contains("full support");
		assertThat(nextSteps.of(ItemStatus.DENIED, ReasonCode.ADMIN_NOT_FOUND, "D6", Locale.ENGLISH))
			.contains("purchased");
	}

	/**
	 * A next step is read by a person: no field name (camelCase), code (TOO_NEW, D3) or
	 * other identifier of ours may appear in it, in either language (issue 15:
	 * "retryAfter" had). Every text of both files is scanned, so a new one is checked
	 * too.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "messages/next-steps.properties", "messages/next-steps_ja.properties" })
	void noNextStepNamesAnIdentifierOfOurs(String file) throws java.io.IOException {
		java.util.Properties texts = new java.util.Properties();
		try (java.io.Reader reader = new java.io.InputStreamReader(
				NextStepsTests.class.getClassLoader().getResourceAsStream(file),
				java.nio.charset.StandardCharsets.UTF_8)) {
			texts.load(reader);
		}
		assertThat(texts).hasSizeGreaterThan(20);
		java.util.regex.Pattern identifier = java.util.regex.Pattern
			.compile("\\b[a-z]+[A-Z]\\w*\\b|\\b[A-Z]{2,}_[A-Z_]+\\b|\\b[A-Z]\\d\\b");
		texts.forEach(
				(key, text) -> assertThat(identifier.matcher((String) text).find()).as("%s in %s: %s", key, file, text)
					.isFalse());
	}

	private static void assertBoth(String key) {
		String english = messages().getMessage(key, null, null, Locale.ENGLISH);
		String japanese = messages().getMessage(key, null, null, Locale.JAPANESE);
		assertThat(english).as(key + " (en)").isNotBlank().matches("[\\p{ASCII}’…]+");
		assertThat(japanese).as(key + " (ja)").isNotBlank().matches(".*[\\p{IsHiragana}\\p{IsKatakana}].*");
	}

}
