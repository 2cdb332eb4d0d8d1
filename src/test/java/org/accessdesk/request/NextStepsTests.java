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
	 * Every outcome of the decision table (SPEC §5) gets the next step of its own reason
	 * (issue 15: Bill-to IDs without administrators, P2 with NO_ADMIN, were told about a
	 * company mismatch).
	 */
	@ParameterizedTest(name = "{0} {1} {2}")
	@org.junit.jupiter.params.provider.CsvSource({ "DENIED, PROFILE_INCOMPLETE, D1, D1", "DENIED, NOT_FOUND, D2, D2",
			"DENIED, TOO_NEW, D3, D3", "DENIED, ALREADY_REGISTERED, D4, D4", "DENIED, ADMIN_NOT_FOUND, D5, D5",
			"DENIED, ADMIN_NOT_FOUND, D6, D6", "DENIED, FULL_SUPPORT_NOT_INCLUDED, D7, D7",
			"DENIED, FULL_SUPPORT_NOT_INCLUDED, D8, D8", "APPROVED, AUTO_APPROVED, A1, A1",
			"PENDING_ADMIN, AWAITING_ADMIN, P1, P1", "PENDING_VENDOR, COMPANY_MISMATCH, P2, P2",
			"PENDING_VENDOR, NO_ADMIN, P2, PENDING_VENDOR.NO_ADMIN", "PENDING_VENDOR, ORDERING_REVIEW, P3, P3" })
	void everyReasonAtSubmissionHasItsOwnNextStep(ItemStatus status, ReasonCode reason, String rule, String key) {
		for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.JAPANESE }) {
			assertThat(nextSteps.of(status, reason, rule, locale))
				.isEqualTo(messages().getMessage("next-step." + key, null, locale));
		}
		assertBoth("next-step." + key);
	}

	@Test
	void noAdministratorIsNotACompanyMismatch() {
		for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.JAPANESE }) {
			String noAdmin = nextSteps.of(ItemStatus.PENDING_VENDOR, ReasonCode.NO_ADMIN, "P2", locale);
			assertThat(noAdmin)
				.isNotEqualTo(nextSteps.of(ItemStatus.PENDING_VENDOR, ReasonCode.COMPANY_MISMATCH, "P2", locale))
				.doesNotContain("company on your profile")
				.doesNotContain("プロフィールの会社名");
		}
	}

	/**
	 * A TOO_NEW denial the service will retry says so and does not ask for a submission
	 * by hand; once retried, or without auto-retry, the usual texts.
	 */
	@Test
	void aScheduledRetryIsNotLeftToThePerson() {
		ItemRow scheduled = tooNew(true, null);
		assertThat(nextSteps.of(scheduled, Locale.ENGLISH)).contains("We will submit it again for you")
			.doesNotContain("Submit it again after");
		assertThat(nextSteps.of(scheduled, Locale.JAPANESE)).contains("自動で再リクエストしますので").doesNotContain("再度リクエストしてください");
		assertThat(NextSteps.codes(scheduled)[0]).isEqualTo(NextSteps.RETRY_SCHEDULED);
		assertThat(nextSteps.of(tooNew(false, null), Locale.ENGLISH)).contains("Submit it again after 48 hours");
		assertThat(NextSteps.codes(tooNew(true, ItemId.of(java.util.UUID.randomUUID()))))
			.doesNotContain(NextSteps.RETRY_SCHEDULED);
		assertBoth(NextSteps.RETRY_SCHEDULED);
	}

	private static ItemRow tooNew(boolean autoRetry, ItemId retriedAs) {
		java.time.Instant now = java.time.Instant.now();
		return new ItemRow(ItemId.of(java.util.UUID.randomUUID()), RequestId.of(java.util.UUID.randomUUID()),
				org.accessdesk.account.AccountId.of(java.util.UUID.randomUUID()), AccessKind.FULL_SUPPORT,
				org.accessdesk.registry.IdentifierType.CONTRACT, "91000009", "C:91000009", "91000009", null,
				ItemStatus.DENIED, ReasonCode.TOO_NEW, "D3", now.plusSeconds(3600), autoRetry, retriedAs,
				java.util.List.of(), null, null, null, now, now);
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
