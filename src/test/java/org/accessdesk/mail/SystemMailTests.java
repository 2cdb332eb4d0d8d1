package org.accessdesk.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
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
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What arrives in the mailbox (SPEC §7): each kind of mail, in the recipient's language,
 * multipart text + HTML in UTF-8, with what the screen shows and a link to it — received
 * by a real SMTP server.
 */
@IntegrationTest
class SystemMailTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "Alex Admin", "en", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
	}

	@Test
	void aJapaneseRequesterGetsOneSummaryInJapaneseAndTheAdministratorIsAskedInEnglish() throws Exception {
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("takahashi"), "髙橋 﨑子", "ja",
				this.registry.company, "東京都千代田区１－２－３");
		Map<String, Object> request = submit(requester, "FULL_SUPPORT", "CONTRACT",
				List.of(this.registry.directContract, this.registry.expiredContract, this.registry.partnerWithAdmins,
						this.registry.otherCompanysAdministeredContract),
				"保守窓口を担当しています～①");

		MimeMessage summary = single(requester.email());
		TestMail.keep(summary, "request-submitted-ja");
		assertThat(summary.getSubject())
			.isEqualTo("【Access Desk】アクセス権のリクエストを受け付けました（" + this.registry.directContract + " ほか 3 件）");
		assertThat(summary.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		assertThat(((InternetAddress) summary.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
			.isEqualTo("髙橋 﨑子");
		assertThat(summary.getHeader("Content-Language")[0]).isEqualTo("ja");
		assertThat(summary.getMessageID()).matches("<[0-9a-f-]{36}@accessdesk\\.example>");
		String text = TestMail.text(summary);
		assertThat(text).contains("髙橋 﨑子 様", "アクセス権のリクエストを受け付けました", "■ " + this.registry.directContract,
				"Approved — 完了", "登録が完了しました。", "■ " + this.registry.expiredContract, "登録不可", "番号が存在しないか、有効な契約ではありません",
				"■ " + this.registry.partnerWithAdmins, "フル サポートのアクセス権は含まれていません", "ダウンロードのみのアクセス権をリクエストしてください",
				"https://desk.test.accessdesk.example/#item-" + items(request).get(0).get("id"));
		assertThat(TestMail.html(summary)).contains("<html lang=\"ja\">", "髙橋 﨑子 様", "Approved — 完了", "登録不可",
				"href=\"https://desk.test.accessdesk.example/#item-" + items(request).get(0).get("id") + "\"");
		// The one item that waits for the administrator asks
		// them — in their language, not the requester's.
		MimeMessage ask = single(this.admin.email());
		assertThat(ask.getSubject())
			.isEqualTo("[Access Desk] 髙橋 﨑子 asks for access to " + this.registry.otherCompanysAdministeredContract);
		assertThat(ask.getHeader("Content-Language")[0]).isEqualTo("en");
		assertThat(TestMail.text(ask))
			.contains("Dear Alex Admin,", "Requested by: 髙橋 﨑子", "Justification from the requester: 保守窓口を担当しています～①")
			.doesNotContain("様");
	}

	@Test
	void anItemWaitingForAnAdministratorAsksThemInTheirLanguageAndTheirDecisionReachesTheRequester() throws Exception {
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("asker"), "Sam Asker", "en",
				this.registry.company, "1 Main Street");
		Map<String, Object> request = submit(requester, "DOWNLOAD_ONLY", "CONTRACT",
				List.of(this.registry.partnerWithAdmins), "I run the NOC");
		String itemId = (String) items(request).get(0).get("id");

		MimeMessage summary = single(requester.email());
		assertThat(summary.getSubject())
			.isEqualTo("[Access Desk] We received your access request (" + this.registry.partnerWithAdmins + ")");
		assertThat(TestMail.text(summary)).contains("Dear Sam Asker,", "Status: Pending — contract administrator",
				"Who decides: Alex Admin", "have been asked by email to confirm");

		MimeMessage ask = single(this.admin.email());
		TestMail.keep(ask, "review-wanted-en");
		assertThat(ask.getSubject())
			.isEqualTo("[Access Desk] Sam Asker asks for access to " + this.registry.partnerWithAdmins);
		assertThat(TestMail.text(ask)).contains("Dear Alex Admin,", "Requested by: Sam Asker <" + requester.email(),
				"Company: " + this.registry.company, "Justification from the requester: I run the NOC",
				"Contract number: " + this.registry.partnerWithAdmins,
				"https://desk.test.accessdesk.example/review.html#item-" + itemId);
		assertThat(TestMail.text(ask)).doesNotContain("What to do next");

		this.client.post()
			.uri("/api/review/items/{id}/decision", itemId)
			.headers(this.admin.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decision", "APPROVE", "comment", "Welcome aboard"))
			.exchange()
			.expectStatus()
			.isOk();
		List<MimeMessage> toRequester = TestMail.await(requester.email(), 2, WAIT);
		MimeMessage decided = toRequester.get(1);
		TestMail.keep(decided, "item-changed-en");
		assertThat(decided.getSubject()).isEqualTo("[Access Desk] " + this.registry.partnerWithAdmins + ": Approved");
		assertThat(TestMail.text(decided)).contains("Status: Approved", "Before: Pending — contract administrator",
				"Reason: Decided by your company's contract administrator",
				"Comment from the person who decided: Welcome aboard",
				"Approved by your company's contract administrator. Your access is active.");
		assertThat(decided.getMessageID()).isNotEqualTo(summary.getMessageID());
	}

	@Test
	void escalatingAndWithdrawingAreMailedToo() throws Exception {
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("esc"), "鈴木 一郎", "ja", this.registry.company,
				"大阪府");
		Map<String, Object> request = submit(requester, "FULL_SUPPORT", "BILL_TO",
				List.of(this.registry.billToFullWithAdmins), null);
		String itemId = (String) items(request).get(0).get("id");
		TestMail.await(requester.email(), 1, WAIT);

		// The administrators stayed silent for 73
		// hours: the requester passes it to the desk.
		this.db.sql("UPDATE access_item SET pending_since = now() - interval '73 hours' WHERE id = :id::uuid")
			.bind("id", itemId)
			.then()
			.block(WAIT);
		this.client.post()
			.uri("/api/items/{id}/escalate", itemId)
			.headers(requester.basic())
			.exchange()
			.expectStatus()
			.isOk();
		MimeMessage escalated = TestMail.await(requester.email(), 2, WAIT).get(1);
		assertThat(escalated.getSubject())
			.isEqualTo("【Access Desk】" + this.registry.billToFullWithAdmins + "：Pending — 当社による確認待ち");
		assertThat(TestMail.text(escalated)).contains("変更前：Pending — 契約管理者による確認待ち", "理由：当社の契約登録担当者に確認を依頼しました",
				"6時間以内にメールでご連絡します");

		this.client.post()
			.uri("/api/items/{id}/withdraw", itemId)
			.headers(requester.basic())
			.exchange()
			.expectStatus()
			.isOk();
		MimeMessage withdrawn = TestMail.await(requester.email(), 3, WAIT).get(2);
		TestMail.keep(withdrawn, "item-changed-ja");
		assertThat(withdrawn.getSubject()).isEqualTo("【Access Desk】" + this.registry.billToFullWithAdmins + "：取り下げ済み");
		assertThat(TestMail.text(withdrawn)).contains("ステータス：取り下げ済み", "変更前：Pending — 当社による確認待ち", "理由：リクエストを取り下げました",
				"このリクエストは取り下げられました。");
	}

	private MimeMessage single(String address) {
		List<MimeMessage> received = TestMail.await(address, 1, WAIT);
		TestMail.pause(Duration.ofMillis(500));
		assertThat(TestMail.to(address)).as("exactly one mail for %s", address).hasSize(1);
		return received.get(0);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> request) {
		return (List<Map<String, Object>>) request.get("items");
	}

	private Map<String, Object> submit(Person person, String kind, String type, List<String> identifiers,
			String justification) {
		return TestRequests.submit(this.client, person, kind, type, identifiers, justification);
	}

}
