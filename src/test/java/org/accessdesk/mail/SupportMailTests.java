package org.accessdesk.mail;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TestRegistry;
import org.accessdesk.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone to ask, as the mailbox shows it (SPEC §7): every mail's footer — status mail
 * and account notices, in Japanese and in English — names the support desk and says to
 * whom to forward the mail. Received by a real SMTP server.
 */
@IntegrationTest
class SupportMailTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	WebTestClient client;

	TestAccounts accounts;

	TestRegistry registry;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		Person admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "Alex Admin", "en", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
	}

	@Test
	void aJapaneseStatusMailSaysToForwardItToTheSupportDesk() throws Exception {
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("sato"), "佐藤 一郎", "ja", this.registry.company,
				"東京都千代田区１－２－３");
		TestRequests.submitOne(this.client, requester, "FULL_SUPPORT", "CONTRACT", this.registry.expiredContract);
		MimeMessage mail = TestMail.await(requester.email(), 1, WAIT).get(0);
		TestMail.keep(mail, "support-footer-ja");
		assertThat(TestMail.text(mail))
			.contains("お問い合わせの際は、このメールをサポート窓口（support@accessdesk.example）へ転送していただくと、より早く対応できます。",
					"サポート窓口：support@accessdesk.example", "https://support.accessdesk.example/",
					"受付時間：平日 9:00〜17:30（土日祝日・年末年始を除く、日本時間）")
			.doesNotContain("Weekdays");
		assertThat(TestMail.html(mail)).contains("href=\"mailto:support@accessdesk.example\"",
				"href=\"https://support.accessdesk.example/\"", "受付時間：平日 9:00〜17:30");
	}

	@Test
	void anEnglishStatusMailSaysToForwardItToTheSupportDesk() throws Exception {
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("smith"), "Pat Smith", "en",
				this.registry.company, "1 Main Street");
		TestRequests.submitOne(this.client, requester, "FULL_SUPPORT", "CONTRACT", this.registry.expiredContract);
		MimeMessage mail = TestMail.await(requester.email(), 1, WAIT).get(0);
		TestMail.keep(mail, "support-footer-en");
		assertThat(TestMail.text(mail))
			.contains("forward this mail to our support desk, support@accessdesk.example: it helps us answer faster.",
					"Support desk: support@accessdesk.example", "https://support.accessdesk.example/",
					"Hours: Weekdays 9:00–17:30 Japan time (JST), except Japanese public holidays")
			.doesNotContain("受付時間");
		assertThat(TestMail.html(mail)).contains("href=\"mailto:support@accessdesk.example\"",
				"Hours: Weekdays 9:00–17:30 Japan time (JST)");
	}

	@Test
	void aMailAboutTheAccountNamesTheSupportDeskToo() throws Exception {
		Person japanese = this.accounts.signUpUnverified(TestAccounts.uniqueEmail("kato"), "加藤 花子", "ja", "Kato Co",
				"Osaka");
		Person english = this.accounts.signUpUnverified(TestAccounts.uniqueEmail("lee"), "Kim Lee", "en", "Lee Co",
				"Seoul");
		List<MimeMessage> ja = TestMail.awaitAccountNotices(japanese.email(), 1, WAIT);
		assertThat(TestMail.text(ja.get(0))).contains("このメールをサポート窓口（support@accessdesk.example）へ転送",
				"受付時間：平日 9:00〜17:30");
		List<MimeMessage> en = TestMail.awaitAccountNotices(english.email(), 1, WAIT);
		assertThat(TestMail.text(en.get(0))).contains(
				"forward this mail to our support desk, support@accessdesk.example", "Hours: Weekdays 9:00–17:30");
	}

}
