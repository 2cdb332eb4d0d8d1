package org.accessdesk.web.browser;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Adding access in a real Chromium (guide §3): the request form, a status card per item,
 * cards that change live when a reviewer decides, denials with their reason and next
 * step.
 */
@IntegrationTest
class AddAccessBrowserTests {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Autowired
	DatabaseClient db;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 花子", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
	}

	@Test
	void aFullSupportContractOfOnesOwnCompanyIsApprovedAtOnce() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.page.navigate("/signin.html");
			tab.screenshot("signin");
			tab.signIn(customer);

			// The start page is the guide's "Additional
			// Access" tab, "Service contracts" below it.
			assertThat(tab.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("その他のアクセス")))
				.hasAttribute("aria-selected", "true");
			assertThat(tab.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("サービス契約")))
				.hasAttribute("aria-selected", "true");
			addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.directContract);
			tab.screenshot("add-access-form");
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();

			Locator card = tab.card("contracts", this.registry.directContract);
			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			assertThat(card.locator(".next-step dd")).hasText("登録が完了しました。アクセス権をご利用いただけます。");
			assertThat(card.locator("button.remove")).isVisible();
			assertThat(tab.page.locator("#full-rows .contract")).hasText(this.registry.directContract);
			assertThat(tab.page.locator("#full-rows .bill-to")).hasText(this.registry.billToFullNoAdmins);
			tab.screenshot("add-access-approved");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void anAdministratorApprovesInAnotherBrowserAndTheCardTurnsApprovedWithoutReload() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab asker = BrowserTab.open(this.port); BrowserTab administrator = BrowserTab.open(this.port)) {
			asker.signIn(customer);
			addAccess(asker.page, "FULL_SUPPORT", "請求先 ID", this.registry.billToFullWithAdmins);
			asker.page.locator("#add-form").getByLabel("補足事項（任意）").fill("ネットワーク運用チームで使います。");
			asker.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			Locator card = asker.card("contracts", this.registry.billToFullWithAdmins);
			assertThat(card.locator(".badge")).hasText("Pending — 契約管理者による確認待ち");
			assertThat(card.locator(".deciders dd")).hasText("管理 花子");
			assertThat(card.locator("button.withdraw")).isVisible();
			assertThat(card.locator("button.escalate")).isVisible();
			asker.screenshot("card-pending-admin");
			asker.page.evaluate("() => { window.sameDocument = true; }");

			administrator.signIn(this.admin);
			assertThat(administrator.page.locator("#review-link")).isVisible();
			administrator.page.locator("#review-link").click();
			Locator entry = administrator.page
				.locator("#entries-admin [data-identifier='" + this.registry.billToFullWithAdmins + "']");
			assertThat(entry.locator(".justification dd")).hasText("ネットワーク運用チームで使います。");
			assertThat(entry.locator(".requester dd")).containsText(customer.email());
			administrator.screenshot("review-admin");
			entry.getByLabel("コメント（任意。依頼者に表示されます）").fill("ようこそ");
			entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("承認する")).click();
			assertThat(entry.locator(".outcome .done")).hasText("判断を登録しました（Approved — 完了）。");

			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			assertThat(card.locator(".note dd")).hasText("ようこそ");
			assertThat(card.locator(".next-step dd")).hasText("貴社の契約管理者が承認しました。アクセス権をご利用いただけます。");
			assertThat(asker.page.locator("#announcer")).hasText(this.registry.billToFullWithAdmins + "：Approved — 完了");
			org.assertj.core.api.Assertions.assertThat(asker.page.evaluate("() => window.sameDocument"))
				.as("the page was not reloaded")
				.isEqualTo(true);
			asker.screenshot("card-approved-live");
			asker.assertNoConsoleErrors();
			administrator.assertNoConsoleErrors();
		}
	}

	@Test
	void afterADroppedConnectionTheCardsCatchUpWithWhatHappenedMeanwhile() throws Exception {
		Person customer = this.accounts.customer(this.registry.company);
		try (CuttableProxy network = new CuttableProxy(this.port);
				BrowserTab tab = BrowserTab.open(network.baseUrl(), 1280, 900)) {
			tab.signIn(customer);
			addAccess(tab.page, "FULL_SUPPORT", "請求先 ID", this.registry.billToFullWithAdmins);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			Locator card = tab.card("contracts", this.registry.billToFullWithAdmins);
			assertThat(card.locator(".badge")).hasText("Pending — 契約管理者による確認待ち");
			String item = card.getAttribute("data-item-id");
			tab.page.evaluate("() => { window.sameDocument = true; }");

			network.cut();
			assertThat(tab.page.locator("#live-state")).isVisible();
			this.client.post()
				.uri("/api/review/items/{id}/decision", item)
				.headers(this.admin.basic())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("decision", "APPROVE", "comment", "おまたせしました"))
				.exchange()
				.expectStatus()
				.isOk();
			network.restore();

			assertThat(tab.page.locator("#live-state")).isHidden();
			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			assertThat(card.locator(".note dd")).hasText("おまたせしました");
			// Replayed from where the stream stopped
			// (Last-Event-ID), so it is announced too.
			assertThat(tab.page.locator("#announcer")).hasText(this.registry.billToFullWithAdmins + "：Approved — 完了");
			org.assertj.core.api.Assertions.assertThat(tab.page.evaluate("() => window.sameDocument"))
				.as("the page was not reloaded")
				.isEqualTo(true);
			tab.assertNoConsoleErrors(".*net::ERR_.*");
		}
	}

	@Test
	void aDenialShowsItsReasonAndNextStepAndAnIncompleteProfileIsOneClickAway() {
		Person customer = this.accounts.incompleteCustomer();
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			// This customer's profile says English.
			assertThat(tab.page.locator("html")).hasAttribute("lang", "en");
			assertThat(tab.page.locator("#incomplete-banner")).isVisible();
			addAccess(tab.page, "FULL_SUPPORT", "Contract number", this.registry.directContract);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();

			Locator card = tab.card("contracts", this.registry.directContract);
			assertThat(card.locator(".badge")).hasText("Denied");
			assertThat(card.locator(".detail").first().locator("dd"))
				.hasText("Your profile has no company name or company address.");
			assertThat(card.locator(".next-step dd")).containsText("Add your company name and company address");
			tab.screenshot("card-denied-profile-incomplete");

			card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add company name and address"))
				.click();
			assertThat(tab.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Company/Organization")))
				.hasAttribute("aria-selected", "true");
			Locator companyName = tab.page.getByLabel("Company name", new Page.GetByLabelOptions().setExact(true));
			assertThat(companyName).isFocused();
			companyName.fill(this.registry.company);
			tab.page.getByLabel("Company address").fill("1-2-3 Marunouchi, Tokyo");
			tab.page.locator("#company-form button[type=submit]").click();
			assertThat(tab.page.locator("#company-message")).hasText("Saved.");
			tab.screenshot("profile-company");
			tab.page.locator("#company-back").click();
			assertThat(tab.page.locator("#incomplete-banner")).isHidden();

			// Complete now: the same contract is approved, and an
			// expired one is denied with its own reason and next step.
			addAccess(tab.page, "FULL_SUPPORT", "Contract number",
					this.registry.directContract + "\n" + this.registry.expiredContract);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
			assertThat(tab.page.locator("#add-done")).hasText("Requested 2. The status of each is shown below.");
			assertThat(tab.card("contracts", this.registry.directContract).first().locator(".badge"))
				.hasText("Approved");
			Locator expired = tab.card("contracts", this.registry.expiredContract);
			assertThat(expired.locator(".badge")).hasText("Denied");
			assertThat(expired.locator(".detail").first().locator("dd"))
				.hasText("The number is unknown or its contract is not active.");
			assertThat(expired.locator(".next-step dd")).hasText(
					"This number is unknown or its contract is not active. Check the number and submit a correct one.");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void badNumbersAreNamedAndNothingIsSubmitted() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			addAccess(tab.page, "FULL_SUPPORT", "契約番号", "12AB, 91000001");
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			assertThat(tab.page.locator("#add-error")).hasText("形式が正しくない番号があります：12AB");
			assertThat(tab.page.locator("#add-numbers")).hasAttribute("aria-invalid", "true");
			assertThat(tab.page.locator("#add-numbers")).isFocused();
			assertThat(tab.page.locator("#cards-contracts .card")).hasCount(0);
			tab.assertNoConsoleErrors(".*status of 400.*");
		}
	}

	/** Opens "Add access" and fills it in, as far as the submit button. */
	@Test
	void escalatingWaitsForTheAdministratorsThenPassesToTheDeskAndWithdrawingEndsTheRequest() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			addAccess(tab.page, "FULL_SUPPORT", "請求先 ID", this.registry.billToFullWithAdmins);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			Locator card = tab.card("contracts", this.registry.billToFullWithAdmins);
			assertThat(card.locator(".badge")).hasText("Pending — 契約管理者による確認待ち");

			// Too early: the administrators still have
			// their 72 hours, and the card says so.
			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("当社に確認を依頼する")).click();
			assertThat(card.locator(".card-error")).hasText("契約管理者の回答期限がまだ過ぎていないため、当社への確認依頼はまだできません。");
			assertThat(card.locator(".badge")).hasText("Pending — 契約管理者による確認待ち");

			// Three days of silence later, the desk takes it over, with its deadline.
			this.db.sql("UPDATE access_item SET pending_since = now() - interval '73 hours' WHERE id = :id::uuid")
				.bind("id", card.getAttribute("data-item-id"))
				.fetch()
				.rowsUpdated()
				.block(Duration.ofSeconds(10));
			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("当社に確認を依頼する")).click();
			assertThat(card.locator(".badge")).hasText("Pending — 当社による確認待ち");
			assertThat(card.locator(".deadline dd")).not().isEmpty();
			assertThat(card.locator(".next-step dd")).hasText("当社の契約登録担当者に確認を依頼しました。6時間以内にメールでご連絡します。");
			tab.screenshot("card-escalated");

			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取り下げる")).click();
			assertThat(card.locator(".badge")).hasText("取り下げ済み");
			assertThat(card.locator("button")).hasCount(0);
			tab.assertNoConsoleErrors(".*409.*");
		}
	}

	/**
	 * Keyboard only (issue 15): submitting with Enter on the button leaves focus on the
	 * new card, not on the page; Esc closes the form and gives focus back to its toggle;
	 * a lost connection is said to be one and does not mark the numbers field as wrong.
	 */
	@Test
	void theKeyboardKeepsItsPlaceAndANetworkErrorIsNotTheFieldsFault() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.directContract);
			Locator send = tab.page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("送信").setExact(true));
			send.focus();
			tab.page.keyboard().press("Enter");
			Locator card = tab.card("contracts", this.registry.directContract);
			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			assertThat(card).isFocused();
			tab.screenshot("add-access-focus-on-new-card");

			// The form stays open for more numbers; Esc from inside it closes it.
			assertThat(tab.page.locator("#add-form")).isVisible();
			tab.page.locator("#add-numbers").focus();
			tab.page.keyboard().press("Escape");
			assertThat(tab.page.locator("#add-form")).isHidden();
			assertThat(tab.page.locator("#add-toggle")).isFocused();
			assertThat(tab.page.locator("#add-toggle")).hasAttribute("aria-expanded", "false");

			// The network goes away for the next submission only.
			tab.page.route("**/api/access-requests", (route) -> route.abort("internetdisconnected"));
			addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.expiredContract);
			send.click();
			assertThat(tab.page.locator("#add-error")).hasText("サーバーに接続できません。接続を確認してください。");
			assertThat(tab.page.locator("#add-numbers")).not().hasAttribute("aria-invalid", "true");
			assertThat(tab.page.locator("#add-numbers")).hasValue(this.registry.expiredContract);
			assertThat(send).isFocused();
			tab.screenshot("add-access-network-error");
		}
	}

	/**
	 * More numbers than a request may carry are refused in the page's language, with the
	 * limit and the count (issue 15: the service's English, with its field name, was
	 * shown inside the Japanese page); repeats do not count, and nothing is sent.
	 */
	@Test
	void tooManyNumbersAreRefusedInThePagesLanguage() {
		Person customer = this.accounts.customer(this.registry.company);
		StringBuilder numbers = new StringBuilder();
		for (int i = 0; i < 51; i++) {
			numbers.append("99").append(String.format("%06d", i)).append(i % 2 == 0 ? "\n" : "、");
		}
		numbers.append("99000000");
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			addAccess(tab.page, "FULL_SUPPORT", "契約番号", numbers.toString());
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			assertThat(tab.page.locator("#add-error")).hasText("番号は 1 回に 50 件までです（重複を除いて 51 件あります）。分けてリクエストしてください。");
			assertThat(tab.page.locator("#add-numbers")).hasAttribute("aria-invalid", "true");
			assertThat(tab.page.locator("#add-numbers")).isFocused();
			assertThat(tab.page.locator("#cards-contracts .card")).hasCount(0);
			tab.screenshot("add-access-too-many");
			tab.assertNoConsoleErrors();
		}
	}

	static void addAccess(Page page, String kind, String typeLabel, String numbers) {
		if ("false".equals(page.locator("#add-toggle").getAttribute("aria-expanded"))) {
			page.locator("#add-toggle").click();
		}
		page.locator(Map.of("FULL_SUPPORT", "#kind-full", "DOWNLOAD_ONLY", "#kind-download").get(kind)).check();
		page.locator("#add-types").getByLabel(typeLabel, new Locator.GetByLabelOptions().setExact(true)).check();
		page.locator("#add-numbers").fill(numbers);
	}

}
