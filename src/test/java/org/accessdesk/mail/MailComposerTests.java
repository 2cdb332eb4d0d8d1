package org.accessdesk.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.accessdesk.web.SupportContact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mail in both languages, rendered from the real templates and catalogs:
 * nothing left untranslated (Thymeleaf shows a missing message as {@code ??key??}), the
 * other language's words nowhere, and what each kind must tell.
 */
class MailComposerTests {

	static final Instant AT = Instant.parse("2026-11-25T01:30:00Z");

	/**
	 * The mails about the account itself (SPEC §2a), rendered from their own template.
	 */
	static final String[] NOTICES = { "VERIFY_EMAIL", "PASSWORD_RESET", "PASSWORD_CHANGED" };

	final JsonMapper json = JsonMapper.builder().build();

	final MailProperties properties = new MailProperties("Access Desk <no-reply@desk.example>",
			URI.create("https://desk.example"), List.of(), "ja", ZoneId.of("Asia/Tokyo"), Duration.ofSeconds(2), 50, 2,
			10, Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofMinutes(2), Duration.ofDays(30));

	final SupportContact support = new SupportContact("help@desk.example", URI.create("https://help.desk.example/"),
			new SupportContact.Hours("平日 9:00〜17:30（日本時間）", "Weekdays 9:00–17:30 JST"));

	final MailComposer composer = new MailComposer(messages(), this.properties, this.json,
			new MailWording(messages(), this.properties), this.support);

	/**
	 * Every mail's footer names whom to ask and to whom "forward this mail" means, in the
	 * reader's language, in the text and in the HTML (with a mail link).
	 */
	@ParameterizedTest
	@EnumSource(MailKind.class)
	void everyFooterNamesTheSupportDesk(MailKind kind) {
		boolean notice = List.of(NOTICES).contains(kind.name());
		MailComposer.Rendered ja = notice ? renderNotice(kind, "ja") : render(kind, "ja");
		assertThat(ja.text())
			.contains("このメールをサポート窓口（help@desk.example）へ転送していただくと", "サポート窓口：help@desk.example",
					"https://help.desk.example/", "受付時間：平日 9:00〜17:30（日本時間）")
			.doesNotContain("Weekdays");
		assertThat(ja.html()).contains("href=\"mailto:help@desk.example\"", "href=\"https://help.desk.example/\"",
				"受付時間：平日 9:00〜17:30（日本時間）");
		MailComposer.Rendered en = notice ? renderNotice(kind, "en") : render(kind, "en");
		assertThat(en.text())
			.contains("forward this mail to our support desk, help@desk.example:", "Support desk: help@desk.example",
					"https://help.desk.example/", "Hours: Weekdays 9:00–17:30 JST")
			.doesNotContain("平日");
		assertThat(en.html()).contains("href=\"mailto:help@desk.example\"", "Hours: Weekdays 9:00–17:30 JST");
	}

	@ParameterizedTest
	@EnumSource(value = MailKind.class, mode = EnumSource.Mode.EXCLUDE,
			names = { "VERIFY_EMAIL", "PASSWORD_RESET", "PASSWORD_CHANGED" })
	void inJapanese(MailKind kind) {
		MailComposer.Rendered mail = render(kind, "ja");
		assertThat(mail.subject()).startsWith("【Access Desk】").contains("91000001");
		assertComplete(mail);
		assertThat(mail.text()).contains("鈴木 花子 様", "■ 91000001（契約番号 / フル サポート）", "ステータス：")
			.doesNotContain("Dear", "Status:", "Reason:");
		assertThat(mail.html()).contains("<html lang=\"ja\">");
		assertKindSpecifics(kind, mail, "ja");
	}

	@ParameterizedTest
	@EnumSource(value = MailKind.class, mode = EnumSource.Mode.EXCLUDE,
			names = { "VERIFY_EMAIL", "PASSWORD_RESET", "PASSWORD_CHANGED" })
	void inEnglish(MailKind kind) {
		MailComposer.Rendered mail = render(kind, "en");
		assertThat(mail.subject()).startsWith("[Access Desk]").contains("91000001");
		assertComplete(mail);
		assertThat(mail.text()).contains("Dear 鈴木 花子,", "■ 91000001 (Contract number, Full support)", "Status: ")
			.doesNotContain("様", "ステータス");
		assertThat(mail.html()).contains("<html lang=\"en\">");
		assertKindSpecifics(kind, mail, "en");
	}

	@ParameterizedTest
	@EnumSource(value = MailKind.class, names = { "VERIFY_EMAIL", "PASSWORD_RESET", "PASSWORD_CHANGED" })
	void noticesInJapanese(MailKind kind) {
		MailComposer.Rendered mail = renderNotice(kind, "ja");
		assertThat(mail.subject()).startsWith("【Access Desk】");
		assertComplete(mail);
		assertThat(mail.text()).contains("鈴木 花子 様").doesNotContain("Dear", "link", "password");
		assertThat(mail.html()).contains("<html lang=\"ja\">");
		switch (kind) {
			case VERIFY_EMAIL -> assertThat(mail.subject() + mail.text()).contains("メールアドレスの確認",
					"https://desk.example/verify.html#token=s3cr3t-t0ken", "2026/11/26 10:30 JST まで、一度だけ使えます");
			case PASSWORD_RESET -> assertThat(mail.text())
				.contains("https://desk.example/reset.html#token=s3cr3t-t0ken", "2026/11/26 10:30 JST まで");
			default -> assertThat(mail.text()).contains("2026/11/25 10:30 JST に Access Desk のアカウントのパスワードが変更されました")
				.doesNotContain("token");
		}
	}

	@ParameterizedTest
	@EnumSource(value = MailKind.class, names = { "VERIFY_EMAIL", "PASSWORD_RESET", "PASSWORD_CHANGED" })
	void noticesInEnglish(MailKind kind) {
		MailComposer.Rendered mail = renderNotice(kind, "en");
		assertThat(mail.subject()).startsWith("[Access Desk]");
		assertComplete(mail);
		assertThat(mail.text()).contains("Dear 鈴木 花子,").doesNotContain("様", "リンク");
		assertThat(mail.html()).contains("<html lang=\"en\">");
		switch (kind) {
			case VERIFY_EMAIL -> assertThat(mail.subject() + mail.text()).contains("Confirm your email address",
					"https://desk.example/verify.html#token=s3cr3t-t0ken",
					"The link works once, until 26 Nov 2026, 10:30 JST.");
			case PASSWORD_RESET ->
				assertThat(mail.text()).contains("https://desk.example/reset.html#token=s3cr3t-t0ken");
			default ->
				assertThat(mail.text()).contains("was changed at 25 Nov 2026, 10:30 JST").doesNotContain("token");
		}
	}

	private MailComposer.Rendered renderNotice(MailKind kind, String language) {
		AccountNotice notice = (kind == MailKind.PASSWORD_CHANGED) ? new AccountNotice(null, null, AT)
				: new AccountNotice("s3cr3t-t0ken", AT.plus(Duration.ofDays(1)), null);
		return this.composer.render(new OutboxMail(1, UUID.randomUUID(), kind, "hanako@example.com", "鈴木 花子", language,
				null, this.json.writeValueAsString(notice), 1));
	}

	private void assertKindSpecifics(MailKind kind, MailComposer.Rendered mail, String language) {
		boolean ja = language.equals("ja");
		switch (kind) {
			case REQUEST_SUBMITTED,
					AUTO_RETRIED ->
				assertThat(mail.text())
					.contains(ja ? "次に行っていただくこと：" : "What to do next: ",
							ja ? "確認する方：it-a…@example.com" : "Who decides: it-a…@example.com")
					.contains("https://desk.example/#item-");
			case ITEM_CHANGED -> assertThat(mail.text())
				.contains(ja ? "変更前：Pending — 当社による確認待ち" : "Before: Pending — our contract desk",
						ja ? "判断した方からのコメント：社員であることを確認できませんでした①"
								: "Comment from the person who decided: 社員であることを確認できませんでした①",
						ja ? "当社の契約登録担当者が登録を承認しませんでした。" : "Our contract desk declined this request.")
				.contains("https://desk.example/#item-");
			case REVIEW_WANTED, ADMIN_REMINDER, VENDOR_OVERDUE -> assertThat(mail.text())
				.contains(ja ? "リクエストした方：鈴木 花子 <hanako@example.com>" : "Requested by: 鈴木 花子 <hanako@example.com>",
						ja ? "会社名：髙﨑産業株式会社" : "Company: 髙﨑産業株式会社",
						ja ? "リクエストした方からのコメント：保守を担当しています～" : "Justification from the requester: 保守を担当しています～",
						"https://desk.example/review.html#item-")
				.doesNotContain(ja ? "次に行っていただくこと" : "What to do next");
		}
		if (kind == MailKind.ADMIN_REMINDER) {
			assertThat(mail.subject()).contains(ja ? "2026/11/25 10:30 JST" : "25 Nov 2026, 10:30 JST");
		}
		if (kind == MailKind.VENDOR_OVERDUE) {
			assertThat(mail.text())
				.contains(ja ? "2026/11/25 16:30 JST に対応期限を過ぎました" : "passed its deadline at 25 Nov 2026, 16:30 JST");
		}
	}

	/**
	 * One clock (issue 15): a recipient who chose a zone reads every time in it, named
	 * the way the screens name it.
	 */
	@ParameterizedTest
	@EnumSource(value = MailKind.class, names = { "ADMIN_REMINDER" })
	void timesInTheRecipientsZone(MailKind kind) {
		for (String language : List.of("ja", "en")) {
			MailComposer.Rendered mail = this.composer
				.render(new OutboxMail(1, UUID.randomUUID(), kind, "hanako@example.com", "鈴木 花子", language,
						"America/New_York", this.json.writeValueAsString(facts(kind)), 1));
			String since = language.equals("ja") ? "2026/11/24 20:30 America/New_York"
					: "24 Nov 2026, 20:30 America/New_York";
			assertThat(mail.subject()).contains(since);
			// No date and time in JST (the footer's support hours may name JST).
			assertThat(mail.text()).contains(since).doesNotContainPattern("\\d{4}[^\\n]{0,8}\\d\\d:\\d\\d JST");
			assertThat(mail.html()).contains(since);
		}
		MailComposer.Rendered notice = this.composer
			.render(new OutboxMail(1, UUID.randomUUID(), MailKind.PASSWORD_CHANGED, "hanako@example.com", "鈴木 花子", "en",
					"Europe/Berlin", this.json.writeValueAsString(new AccountNotice(null, null, AT)), 1));
		assertThat(notice.text()).contains("was changed at 25 Nov 2026, 02:30 Europe/Berlin");
	}

	private static void assertComplete(MailComposer.Rendered mail) {
		for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
			assertThat(part).doesNotContain("??", "${", "#{", "[(", "null");
		}
	}

	private MailComposer.Rendered render(MailKind kind, String language) {
		return this.composer.render(new OutboxMail(1, UUID.randomUUID(), kind, "hanako@example.com", "鈴木 花子", language,
				null, this.json.writeValueAsString(facts(kind)), 1));
	}

	private static MailFacts facts(MailKind kind) {
		MailFacts.Person requester = new MailFacts.Person("鈴木 花子", "hanako@example.com", "髙﨑産業株式会社");
		MailFacts.Item item = switch (kind) {
			case REQUEST_SUBMITTED, AUTO_RETRIED -> item(null, "PENDING_ADMIN", "AWAITING_ADMIN",
					List.of("next-step.PENDING_ADMIN.AWAITING_ADMIN", "next-step.P1", "next-step.PENDING_ADMIN"), null,
					List.of("it-a…@example.com"), null);
			case ITEM_CHANGED -> item("PENDING_VENDOR", "DENIED", "DECIDED_BY_VENDOR",
					List.of("next-step.DENIED.DECIDED_BY_VENDOR", "next-step.DENIED"), "社員であることを確認できませんでした①", List.of(),
					null);
			case REVIEW_WANTED, ADMIN_REMINDER ->
				item(null, "PENDING_ADMIN", "AWAITING_ADMIN", List.of(), null, List.of(), null);
			case VENDOR_OVERDUE -> item(null, "PENDING_VENDOR", "COMPANY_MISMATCH", List.of(), null, List.of(),
					AT.plus(Duration.ofHours(6)));
			case VERIFY_EMAIL, PASSWORD_RESET, PASSWORD_CHANGED ->
				throw new IllegalArgumentException(kind + " is a notice");
		};
		return new MailFacts(UUID.randomUUID(), requester, "保守を担当しています～", List.of(item));
	}

	private static MailFacts.Item item(String from, String status, String reason, List<String> nextStep, String comment,
			List<String> deciders, Instant deadline) {
		return new MailFacts.Item(UUID.randomUUID(), "FULL_SUPPORT", "CONTRACT", "91000001", "91000001", "3000001",
				from, status, reason, nextStep, comment, deciders, deadline, null, AT);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/glossary", "messages/next-steps", "messages/mail");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
