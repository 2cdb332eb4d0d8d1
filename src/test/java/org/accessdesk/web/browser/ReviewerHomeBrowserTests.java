package org.accessdesk.web.browser;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.accessdesk.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A reviewer's home in a real Chromium: contract administrators and the vendor desk land
 * on their queue, the header's link counts what waits for them (live), entries say why
 * they wait, and the decided view revokes approved access after a confirmation.
 */
@IntegrationTest
class ReviewerHomeBrowserTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	Person customer;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 四郎", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
		this.customer = this.accounts.customer(this.registry.company);
	}

	@Test
	void anAdministratorLandsOnTheQueueAndItsCountGrowsWhenACustomerSubmits() {
		try (BrowserTab reviewer = BrowserTab.open(this.port); BrowserTab asker = BrowserTab.open(this.port)) {
			reviewer.signIn(this.admin);
			Page page = reviewer.page;
			assertThat(page).hasURL(Pattern.compile(".*/review\\.html$"));
			assertThat(page.locator("h1")).hasText("確認待ちの一覧");
			Locator link = page.locator("#review-link");
			assertThat(link).hasAccessibleName("確認待ちの一覧（0 件が確認待ち）");
			assertThat(link.locator(".count-badge")).hasText("0");
			assertThat(page.locator("#entries-admin")).hasText("確認待ちのリクエストはありません。");

			// The customer submits in another browser; the count and the entry arrive
			// live.
			asker.signIn(this.customer);
			assertThat(asker.page).hasURL(Pattern.compile(".*/(#.*)?$"));
			AddAccessBrowserTests.addAccess(asker.page, "FULL_SUPPORT", "請求先 ID", this.registry.billToFullWithAdmins);
			asker.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			assertThat(asker.card("contracts", this.registry.billToFullWithAdmins).locator(".badge"))
				.hasText("Pending — 契約管理者による確認待ち");

			assertThat(link).hasAccessibleName("確認待ちの一覧（1 件が確認待ち）");
			assertThat(link.locator(".count-badge")).hasText("1");
			Locator entry = page
				.locator("#entries-admin [data-identifier='" + this.registry.billToFullWithAdmins + "']");
			assertThat(entry.locator(".why dt")).hasText("確認が必要な理由");
			assertThat(entry.locator(".why dd")).hasText("この番号を管理している契約管理者の承認が必要です。");
			reviewer.screenshot("reviewer-home-admin-ja");
			reviewer.assertAccessible("reviewer-home-admin-ja");

			// Elsewhere (the profile), the header follows the queue by itself.
			page.navigate("/");
			assertThat(link).hasAccessibleName("確認待ちの一覧（1 件が確認待ち）");
			TestRequests.submitOne(this.client, this.customer, "DOWNLOAD_ONLY", "CONTRACT",
					this.registry.partnerWithAdmins);
			assertThat(link).hasAccessibleName("確認待ちの一覧（2 件が確認待ち）");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(link).hasAccessibleName("Review queue, 2 waiting");
			reviewer.screenshot("reviewer-count-profile-en");
			reviewer.assertAccessible("reviewer-count-profile-en");
			reviewer.assertNoConsoleErrors();
			asker.assertNoConsoleErrors();
		}
		// A target given to the sign-in page (a link followed while signed out) wins.
		try (BrowserTab elsewhere = BrowserTab.open(this.port)) {
			elsewhere.signInTo(this.admin, "/");
			assertThat(elsewhere.page.locator("#profile-tabs")).isVisible();
			elsewhere.assertNoConsoleErrors();
		}
	}

	@Test
	void theVendorDeskLandsOnItsQueueAndEachEntrySaysWhyItWaits() {
		Person vendor = this.accounts.vendorReviewer();
		language(vendor, "en");
		String mismatch = submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract);
		String noAdmin = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullNoAdmins);
		String ordering = submit("ORDERING", "BILL_TO", this.registry.billToWithoutFull);
		String escalated = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins);
		this.db
			.sql("UPDATE access_item SET pending_since = pending_since - make_interval(hours => 73)"
					+ " WHERE id = :id::uuid")
			.bind("id", escalated)
			.then()
			.block(Duration.ofSeconds(10));
		this.client.post()
			.uri("/api/items/{id}/escalate", escalated)
			.headers(this.customer.basic())
			.exchange()
			.expectStatus()
			.isOk();

		try (BrowserTab desk = BrowserTab.open(this.port)) {
			desk.signIn(vendor);
			Page page = desk.page;
			assertThat(page).hasURL(Pattern.compile(".*/review\\.html$"));
			assertThat(page.locator("#review-link"))
				.hasAccessibleName(Pattern.compile("^Review queue, [1-9]\\d* waiting$"));
			Map<String, String> english = Map.of(mismatch,
					"The requester's company name does not match the contract's company.", noAdmin,
					"No contract administrator is registered for this number, so our contract desk checks it.",
					ordering, "A direct purchase request; our contract desk checks it.", escalated,
					"The contract administrator did not answer, so the requester asked our contract desk.");
			english.forEach((item, why) -> assertThat(entry(page, item).locator(".why dd")).hasText(why));
			assertThat(entry(page, mismatch).locator(".why dt")).hasText("Why it waits");
			entry(page, escalated).scrollIntoViewIfNeeded();
			desk.screenshot("reviewer-home-vendor-en");
			desk.assertAccessible("reviewer-home-vendor-en");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
			Map<String, String> japanese = Map.of(mismatch, "依頼者のアカウントの会社名が、契約上の契約先企業と一致しません。", noAdmin,
					"この番号には契約管理者が登録されていないため、当社が確認します。", ordering, "直接購入のアクセス権のリクエストです。当社が確認します。", escalated,
					"契約管理者から回答がないため、依頼者が当社に確認を依頼しました。");
			japanese.forEach((item, why) -> assertThat(entry(page, item).locator(".why dd")).hasText(why));
			assertThat(page.locator("#review-link")).hasAccessibleName(Pattern.compile("^確認待ちの一覧（[1-9]\\d* 件が確認待ち）$"));
			desk.screenshot("reviewer-home-vendor-ja");
			desk.assertAccessible("reviewer-home-vendor-ja");
			desk.assertNoConsoleErrors();
		}
		finally {
			language(vendor, "en");
		}
	}

	@Test
	void theDecidedViewRevokesApprovedAccessOnlyAfterAConfirmation() {
		String approved = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins);
		String denied = submit("DOWNLOAD_ONLY", "CONTRACT", this.registry.partnerWithAdmins);
		decide(approved, Map.of("decision", "APPROVE", "comment", "ようこそ"));
		decide(denied, Map.of("decision", "DENY", "reason", "契約に含まれていません。"));

		try (BrowserTab reviewer = BrowserTab.open(this.port)) {
			reviewer.signIn(this.admin);
			Page page = reviewer.page;
			Locator decidedTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("判断済み（30 日以内）"));
			decidedTab.click();
			assertThat(decidedTab).hasAttribute("aria-selected", "true");
			assertThat(page.locator("#panel-waiting")).isHidden();
			Locator card = page.locator("#decided-entries-admin [data-item-id='" + approved + "']");
			Locator other = page.locator("#decided-entries-admin [data-item-id='" + denied + "']");
			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			assertThat(card.locator(".decision dd")).hasText("Approved — 完了");
			assertThat(card.locator(".decider dd")).hasText(this.admin.email());
			assertThat(card.locator(".comment dd")).hasText("ようこそ");
			assertThat(other.locator(".badge")).hasText("Denied — 登録不可");
			assertThat(other.locator(".comment dd")).hasText("契約に含まれていません。");
			assertThat(other.locator(".revoke-button")).hasCount(0);
			assertThat(page.locator("#decided-entries-admin > li").first()).hasAttribute("data-item-id", denied);
			reviewer.screenshot("reviewer-decided-ja");
			reviewer.assertAccessible("reviewer-decided-ja");

			Locator revoke = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("アクセス権を取り消す"));
			revoke.click();
			assertThat(card.locator(".form-message.error")).hasText("取り消す場合は、依頼者に伝える理由を入力してください。");
			assertThat(card.locator("textarea.reason")).isFocused();
			card.getByLabel("取り消しの理由（必須。依頼者に表示されます）").fill("退職されたため、アクセス権を取り消します。");

			// Cancel keeps the access; OK revokes it.
			reviewer.answerDialogs(false);
			revoke.click();
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> reviewer.dialogs().size() == 1);
			org.assertj.core.api.Assertions.assertThat(reviewer.dialogs().get(0))
				.isEqualTo(
						this.registry.billToFullWithAdmins + " のアクセス権を取り消します。依頼者はこのアクセス権を使えなくなり、メールで通知されます。よろしいですか？");
			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			org.assertj.core.api.Assertions.assertThat(status(approved)).isEqualTo("APPROVED");

			reviewer.answerDialogs(true);
			revoke.click();
			assertThat(card.locator(".outcome .done")).hasText("アクセス権を取り消しました（状態：アクセス権終了）。");
			assertThat(card.locator(".outcome .done")).isFocused();
			assertThat(card.locator(".badge")).hasText("アクセス権終了");
			assertThat(card.locator(".revoke-button")).hasCount(0);
			org.assertj.core.api.Assertions.assertThat(status(approved)).isEqualTo("REVOKED");
			org.assertj.core.api.Assertions.assertThat(reviewer.dialogs()).hasSize(2);
			reviewer.screenshot("reviewer-revoked-ja");
			reviewer.assertAccessible("reviewer-revoked-ja");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Decided (last 30 days)")))
				.hasAttribute("aria-selected", "true");
			assertThat(card.locator(".badge")).hasText("Access ended");
			assertThat(card.locator(".decision dt")).hasText("Decision");
			assertThat(other.locator(".decision dd")).hasText("Denied");
			reviewer.screenshot("reviewer-decided-en");
			reviewer.assertAccessible("reviewer-decided-en");
			reviewer.assertNoConsoleErrors();
		}
	}

	private static Locator entry(Page page, String item) {
		return page.locator("#entries-vendor [data-item-id='" + item + "']");
	}

	private String submit(String kind, String type, String identifier) {
		return TestRequests.submitOne(this.client, this.customer, kind, type, identifier);
	}

	private void decide(String item, Map<String, Object> body) {
		this.client.post()
			.uri("/api/review/items/{id}/decision", item)
			.headers(this.admin.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String status(String item) {
		return this.db.sql("SELECT status FROM access_item WHERE id = :id::uuid")
			.bind("id", item)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	/** The desk's account outlives test runs: its language is set, and set back. */
	private void language(Person person, String language) {
		this.client.put()
			.uri("/api/profile")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Test Vendor Desk", "language", language, "companyName", "Access Desk Test",
					"companyAddress", "Test Street 1"))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
