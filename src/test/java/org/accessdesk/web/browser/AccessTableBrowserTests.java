package org.accessdesk.web.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import com.microsoft.playwright.Download;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The access held now (guide §4) in a real Chromium: the "Full support access" table with
 * its per-column filters and CSV, download-only access apart, removing access, the
 * language switch, and the page on a phone-sized screen.
 */
@IntegrationTest
class AccessTableBrowserTests {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	Person customer;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 次郎", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
		this.customer = this.accounts.customer(this.registry.company);
		// Three full-support rows (one at once, one by the
		// administrator, one by the vendor desk) and one download-only
		// row, all through the API as their deciders would do it.
		submit("FULL_SUPPORT", "CONTRACT", this.registry.directContract);
		decide(this.admin, submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysAdministeredContract));
		decide(this.accounts.vendorReviewer(), submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract));
		decide(this.admin, submit("DOWNLOAD_ONLY", "SERIAL", this.registry.serial));
	}

	@Test
	void filtersNarrowTheFullSupportTableAndTheCsvFollowsThem() throws IOException {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(this.customer);
			Locator rows = tab.page.locator("#full-rows tr[data-item-id]");
			assertThat(rows).hasCount(3);
			assertThat(tab.page.locator("#full-count")).hasText("3 件");
			// Download-only access is listed apart, never in the full-support table.
			assertThat(tab.page.locator("#download-rows .identifier")).hasText(this.registry.serial);
			assertThat(tab.page.locator("#full-rows")).not().containsText(this.registry.serial);

			tab.page.getByLabel("契約番号で絞り込み").fill(this.registry.directContract);
			assertThat(rows).hasCount(1);
			assertThat(rows.locator(".contract")).hasText(this.registry.directContract);
			tab.page.getByLabel("契約番号で絞り込み").fill("");
			assertThat(rows).hasCount(3);

			tab.page.getByLabel("請求先 ID で絞り込み").fill(this.registry.billToFullNoAdmins);
			assertThat(rows).hasCount(1);
			assertThat(rows.locator(".bill-to")).hasText(this.registry.billToFullNoAdmins);
			tab.page.getByLabel("請求先 ID で絞り込み").fill("");

			tab.page.getByLabel("管理者で絞り込み").fill("次郎");
			assertThat(rows).hasCount(1);
			assertThat(rows.locator(".contract")).hasText(this.registry.otherCompanysAdministeredContract);
			assertThat(rows.locator(".admins")).hasText("管理 次郎");
			assertThat(tab.page.locator("#full-count")).hasText("1 件");
			tab.screenshot("access-table-filtered");

			Download download = tab.page.waitForDownload(
					() -> tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("CSV でダウンロード"))
						.click());
			org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("access.csv");
			String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
			org.assertj.core.api.Assertions.assertThat(csv)
				.contains("kind,identifierType,identifier,contractNumber,billToId,administrators,since")
				.contains(this.registry.otherCompanysAdministeredContract)
				.contains("管理 次郎")
				.doesNotContain(this.registry.directContract);
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void removingAccessTakesItOutOfTheTable() {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(this.customer);
			Locator rows = tab.page.locator("#full-rows tr[data-item-id]");
			assertThat(rows).hasCount(3);
			Locator remove = tab.page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName(this.registry.otherCompanysContract + " のアクセス権を削除する"));
			// Asked first; Cancel keeps everything as it was.
			tab.answerDialogs(false);
			remove.click();
			org.assertj.core.api.Assertions.assertThat(tab.dialogs())
				.containsExactly(this.registry.otherCompanysContract
						+ " のアクセス権を削除しますか？削除したアクセス権は元に戻せません。必要になったときは、もう一度リクエストしてください。");
			assertThat(rows).hasCount(3);
			assertThat(tab.card("contracts", this.registry.otherCompanysContract).locator(".badge"))
				.hasText("Approved — 完了");
			tab.answerDialogs(true);
			remove.click();
			assertThat(rows).hasCount(2);
			assertThat(tab.page.locator("#full-rows")).not().containsText(this.registry.otherCompanysContract);
			assertThat(tab.card("contracts", this.registry.otherCompanysContract).locator(".badge")).hasText("アクセス権終了");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void aRemovalRefusedBecauseItChangedElsewhereIsShownUnderTheTable() {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			// This page hears nothing live (its stream is held back and never answers),
			// as a page does whose stream has not caught up yet: it still shows the row.
			tab.page.route("**/api/me/events**", (route) -> {
			});
			tab.signIn(this.customer);
			Locator rows = tab.page.locator("#full-rows tr[data-item-id]");
			assertThat(rows).hasCount(3);
			String item = rows.filter(new Locator.FilterOptions().setHasText(this.registry.otherCompanysContract))
				.getAttribute("data-item-id");
			// Removed meanwhile from somewhere else (another browser, a script).
			this.client.post()
				.uri("/api/items/{id}/remove", item)
				.headers(this.customer.basic())
				.exchange()
				.expectStatus()
				.isOk();

			tab.page
				.getByRole(AriaRole.BUTTON,
						new Page.GetByRoleOptions().setName(this.registry.otherCompanysContract + " のアクセス権を削除する"))
				.click();
			Locator alert = tab.page.getByRole(AriaRole.ALERT)
				.filter(new Locator.FilterOptions().setHasText("ステータスがすでに変わっています"));
			assertThat(alert).hasText("ステータスがすでに変わっています。最新の状態を表示しました。");
			assertThat(alert).isVisible();
			assertThat(alert).hasId("full-error");
			// The latest is shown indeed, and the message stays: the table and
			// its count are drawn again without it, and so is the item's card.
			assertThat(rows).hasCount(2);
			assertThat(tab.page.locator("#full-count")).hasText("2 件");
			assertThat(tab.card("contracts", this.registry.otherCompanysContract).locator(".badge")).hasText("アクセス権終了");
			assertThat(alert).isVisible();
			tab.screenshot("access-removal-refused");
			tab.assertNoConsoleErrors(".*409.*");
		}
	}

	@Test
	void tablesThatCannotBeLoadedOrDownloadedSaySoAndKeepTheRowsTheyShow() throws Exception {
		try (CuttableProxy network = new CuttableProxy(this.port);
				BrowserTab tab = BrowserTab.open(network.baseUrl(), 1280, 900)) {
			tab.signIn(this.customer);
			Locator rows = tab.page.locator("#full-rows tr[data-item-id]");
			assertThat(rows).hasCount(3);

			network.cut();
			Locator csv = tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("CSV でダウンロード"));
			csv.click();
			Locator alert = tab.page.locator("#full-error");
			assertThat(alert).hasText("サーバーに接続できません。接続を確認してください。");
			tab.page.getByLabel("契約番号で絞り込み").fill(this.registry.directContract);
			assertThat(alert).hasText("アクセス権の一覧を更新できませんでした。サーバーに接続できません。接続を確認してください。" + " サーバーに接続できません。接続を確認してください。");
			assertThat(alert).hasAttribute("role", "alert");
			assertThat(alert).isVisible();
			assertThat(rows).hasCount(3);
			tab.screenshot("access-table-unreachable");

			// Back: the next load and the next download
			// succeed, and nothing is left to say.
			network.restore();
			tab.page.getByLabel("契約番号で絞り込み").fill("");
			tab.page.getByLabel("契約番号で絞り込み").fill(this.registry.directContract);
			assertThat(rows).hasCount(1);
			Download download = tab.page.waitForDownload(csv::click);
			org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("access.csv");
			assertThat(alert).isHidden();
			tab.assertNoConsoleErrors(".*net::ERR_.*");
		}
	}

	@Test
	void theLanguageSwitchChangesThePageToEnglishRemembersItAndBack() {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(this.customer);
			Page page = tab.page;
			assertThat(page.locator("h1")).hasText("アカウント プロファイル");
			Locator direct = tab.card("contracts", this.registry.directContract);
			assertThat(direct.locator(".next-step dd")).hasText("登録が完了しました。アクセス権をご利用いただけます。");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(page.locator("html")).hasAttribute("lang", "en");
			assertThat(page.locator("h1")).hasText("Account profile");
			assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Additional Access")))
				.hasAttribute("aria-selected", "true");
			assertThat(page.locator("#full-heading")).hasText("Full support access");
			assertThat(page.getByLabel("Filter by contract number")).isVisible();
			// Next steps come from the service, now in English too.
			assertThat(direct.locator(".next-step dd")).hasText("Done: your access is active.");
			assertThat(direct.locator(".badge")).hasText("Approved");
			tab.screenshot("access-en");

			// Remembered on the profile: a reload (or another device) stays in English.
			page.reload();
			assertThat(page.locator("h1")).hasText("Account profile");
			assertThat(page.locator("#personal-roles")).hasText("User");
			page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Preferences")).click();
			assertThat(page.getByLabel("English")).isChecked();
			tab.screenshot("preferences-en");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
			assertThat(page.locator("html")).hasAttribute("lang", "ja");
			assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("設定条件")))
				.hasAttribute("aria-selected", "true");
			assertThat(page.locator("h1")).hasText("アカウント プロファイル");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void theTabsWorkByKeyboardAndThePageFitsAPhone() {
		try (BrowserTab tab = BrowserTab.open(this.port, 375, 812)) {
			tab.signIn(this.customer);
			Page page = tab.page;
			assertThat(page.locator("#full-rows tr[data-item-id]")).hasCount(3);
			tab.screenshot("access-phone");
			org.assertj.core.api.Assertions
				.assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling at 375 px")
				.isEqualTo(true);

			// Arrow keys move between the profile tabs; each tab shows its panel.
			page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("その他のアクセス")).focus();
			page.keyboard().press("ArrowLeft");
			Locator company = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("会社/組織"));
			assertThat(company).isFocused();
			assertThat(company).hasAttribute("aria-selected", "true");
			assertThat(page.locator("#panel-company")).isVisible();
			page.keyboard().press("Tab");
			assertThat(page.locator("#panel-company")).isFocused();
			page.keyboard().press("Tab");
			assertThat(page.getByLabel("会社名", new Page.GetByLabelOptions().setExact(true))).isFocused();
			tab.screenshot("profile-company-phone");
			tab.assertNoConsoleErrors();
		}
	}

	private String submit(String kind, String type, String identifier) {
		return TestRequests.submitOne(this.client, this.customer, kind, type, identifier);
	}

	private void decide(Person reviewer, String item) {
		this.client.post()
			.uri("/api/review/items/{id}/decision", item)
			.headers(reviewer.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decision", "APPROVE"))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
