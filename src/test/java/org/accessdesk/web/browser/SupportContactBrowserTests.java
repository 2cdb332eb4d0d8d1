package org.accessdesk.web.browser;

import java.util.List;

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
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Someone to ask (SPEC §10, issue 15 point 4) in a real Chromium: the support desk in the
 * footer of the sign-in, profile and review pages and on pending and denied status cards,
 * in Japanese and in English; the 「管理者に連絡してください」 column writes to an administrator only
 * where the address was proved.
 */
@IntegrationTest
class SupportContactBrowserTests {

	static final String DESK = "support@accessdesk.example";

	static final String HOURS_JA = "受付時間：平日 9:00〜17:30（土日祝日・年末年始を除く、日本時間）";

	static final String HOURS_EN = "Hours: Weekdays 9:00–17:30 Japan time (JST), except Japanese public holidays";

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "山田 太郎", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
	}

	@Test
	void theSignInPageNamesTheSupportDeskInBothLanguages() {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.page.navigate("/signin.html");
			Locator footer = tab.page.getByRole(AriaRole.CONTENTINFO);
			assertFooter(footer, "お問い合わせ先", "サポートサイト", HOURS_JA);
			tab.screenshot("support-footer-signin-ja");
			tab.assertAccessible("sign-in page with the support footer, ja");

			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertFooter(footer, "Need help?", "Support site", HOURS_EN);
			assertThat(footer).not().containsText("受付時間");
			tab.screenshot("support-footer-signin-en");
			tab.assertAccessible("sign-in page with the support footer, en");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void pendingAndDeniedCardsNameTheSupportDeskAndApprovedOnesDoNot() {
		Person customer = this.accounts.customer(this.registry.company);
		submit(customer, this.registry.otherCompanysAdministeredContract);
		submit(customer, this.registry.expiredContract);
		submit(customer, this.registry.directContract);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			Locator pending = tab.card("contracts", this.registry.otherCompanysAdministeredContract);
			Locator denied = tab.card("contracts", this.registry.expiredContract);
			Locator approved = tab.card("contracts", this.registry.directContract);
			assertThat(pending).hasAttribute("data-status", "PENDING_ADMIN");
			assertThat(denied).hasAttribute("data-status", "DENIED");
			assertThat(approved).hasAttribute("data-status", "APPROVED");
			for (Locator card : List.of(pending, denied)) {
				Locator line = card.locator(".detail.support");
				assertThat(line.locator("dt")).hasText("お問い合わせ先");
				assertThat(line.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(DESK)))
					.hasAttribute("href", "mailto:" + DESK);
				assertThat(line.locator(".support-hours")).hasText(HOURS_JA);
			}
			assertThat(approved.locator(".detail.support")).hasCount(0);
			assertFooter(tab.page.getByRole(AriaRole.CONTENTINFO), "お問い合わせ先", "サポートサイト", HOURS_JA);
			tab.screenshot("support-cards-ja");
			tab.assertAccessible("profile with pending and denied cards naming the support desk, ja");

			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(pending.locator(".detail.support dt")).hasText("Questions? Ask the support desk");
			assertThat(pending.locator(".support-hours")).hasText(HOURS_EN);
			assertThat(denied.locator(".support-hours")).hasText(HOURS_EN);
			assertFooter(tab.page.getByRole(AriaRole.CONTENTINFO), "Need help?", "Support site", HOURS_EN);
			tab.screenshot("support-cards-en");
			tab.assertAccessible("profile with pending and denied cards naming the support desk, en");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void theAdministratorsColumnWritesOnlyToProvedAddresses() {
		Person unproved = this.accounts.signUpUnverified(TestAccounts.uniqueEmail("unproved"), "Mallory", "en", "Other",
				"Somewhere");
		String stranger = TestAccounts.uniqueEmail("stranger");
		String contract = this.registry.contractAdministeredBy(this.client, this.accounts.operator(),
				List.of(this.admin.email(), unproved.email(), stranger));
		Person customer = this.accounts.customer(this.registry.company);
		submit(customer, contract);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			Locator row = tab.page.locator("#full-rows tr[data-item-id]")
				.filter(new Locator.FilterOptions().setHasText(contract));
			Locator admins = row.locator(".admins");
			Locator link = admins.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("山田 太郎 にメールを送る"));
			assertThat(link).hasAttribute("href", "mailto:" + this.admin.email());
			assertThat(link).hasText("山田 太郎");
			assertThat(admins.getByRole(AriaRole.LINK)).hasCount(1);
			// In the registry's order, whichever that is.
			Locator masked = admins.locator(".admin-masked");
			assertThat(masked).hasCount(2);
			assertThat(masked.filter(new Locator.FilterOptions().setHasText(masked(stranger)))).hasCount(1);
			assertThat(masked.filter(new Locator.FilterOptions().setHasText(masked(unproved.email())))).hasCount(1);
			assertThat(admins).not().containsText("Mallory");
			assertThat(tab.page.locator("#panel-contracts")).containsText("※メールアドレスの確認がまだの管理者は、アドレスの一部を伏せて表示しています。");
			tab.screenshot("support-admins-column-ja");
			tab.assertAccessible("access table with administrators to write to, ja");

			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(admins.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Email 山田 太郎")))
				.hasAttribute("href", "mailto:" + this.admin.email());
			tab.screenshot("support-admins-column-en");
			tab.assertAccessible("access table with administrators to write to, en");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void theReviewPageNamesTheSupportDeskInBothLanguages() {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(this.admin);
			tab.page.navigate("/review.html");
			Locator footer = tab.page.getByRole(AriaRole.CONTENTINFO);
			assertFooter(footer, "お問い合わせ先", "サポートサイト", HOURS_JA);
			tab.screenshot("support-footer-review-ja");
			tab.assertAccessible("review page with the support footer, ja");

			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertFooter(footer, "Need help?", "Support site", HOURS_EN);
			tab.screenshot("support-footer-review-en");
			tab.assertAccessible("review page with the support footer, en");
			tab.assertNoConsoleErrors();
		}
	}

	private static void assertFooter(Locator footer, String heading, String site, String hours) {
		assertThat(footer).isVisible();
		assertThat(footer.locator(".footer-heading")).hasText(heading);
		assertThat(footer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(DESK))).hasAttribute("href",
				"mailto:" + DESK);
		assertThat(footer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(site))).hasAttribute("href",
				"https://support.accessdesk.example/");
		assertThat(footer.locator(".support-hours")).hasText(hours);
	}

	private void submit(Person customer, String contract) {
		TestRequests.submitOne(this.client, customer, "FULL_SUPPORT", "CONTRACT", contract);
	}

	/**
	 * As the service masks an address nobody proved (SPEC §6): {@code it-a…@example.com}.
	 */
	private static String masked(String email) {
		String local = email.substring(0, email.indexOf('@'));
		return local.substring(0, (local.length() > 4) ? 4 : 1) + "…" + email.substring(email.indexOf('@'));
	}

}
