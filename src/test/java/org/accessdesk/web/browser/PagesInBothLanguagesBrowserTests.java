package org.accessdesk.web.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Every page on a phone-sized screen, in Japanese and in English and back, switched in
 * place: each text the page names is filled in from the catalog of its language
 * (web-static/i18n/), none is left empty or showing its key, and nothing scrolls
 * sideways.
 */
@IntegrationTest
class PagesInBothLanguagesBrowserTests {

	/** Path, heading in Japanese, heading in English. */
	static final List<List<String>> SIGNED_OUT_PAGES = List.of(List.of("/signin.html", "サインイン", "Sign in"),
			List.of("/signup.html", "新規登録", "Sign up"), List.of("/reset.html", "パスワードの再設定", "Reset your password"),
			List.of("/verify.html", "メールアドレスの確認", "Confirm your email address"));

	/** Elements whose text, aria-label or placeholder is missing or is still its key. */
	static final String UNFILLED = """
			() => {
				const unfilled = [];
				const check = (selector, key, shown) => {
					for (const element of document.querySelectorAll(selector)) {
						const text = shown(element);
						if (!text || !text.trim() || text === element.dataset[key]) {
							unfilled.push(element.dataset[key]);
						}
					}
				};
				check('[data-i18n]', 'i18n', (element) => element.textContent);
				check('[data-i18n-label]', 'i18nLabel', (element) => element.getAttribute('aria-label'));
				check('[data-i18n-placeholder]', 'i18nPlaceholder', (element) => element.getAttribute('placeholder'));
				return unfilled;
			}
			""";

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void theSignedOutPagesInBothLanguages() {
		for (List<String> page : SIGNED_OUT_PAGES) {
			String name = page.get(0).substring(1).replace(".html", "");
			try (BrowserTab tab = BrowserTab.open(this.port, 375, 812)) {
				tab.page.navigate(page.get(0));
				shows(tab, "ja", page.get(1));
				tab.screenshot(name + "-ja-phone");
				tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
				shows(tab, "en", page.get(2));
				tab.screenshot(name + "-en-phone");
				tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
				shows(tab, "ja", page.get(1));
				tab.assertNoConsoleErrors();
			}
		}
	}

	@Test
	void theSignedInPagesInBothLanguages() {
		TestAccounts accounts = new TestAccounts(this.client);
		Person customer = accounts.signUp(TestAccounts.uniqueEmail("phone"), "電話 花子", "ja", "Phone Co", "Osaka");
		try (BrowserTab tab = BrowserTab.open(this.port, 375, 812)) {
			tab.signIn(customer);
			Page page = tab.page;
			shows(tab, "ja", "アカウント プロファイル");
			assertThat(page.locator("#full-count")).hasText("0 件");
			page.evaluate("() => { window.sameDocument = true; }");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			shows(tab, "en", "Account profile");
			assertThat(page.locator("#full-count")).hasText("0 shown");
			assertThat(page.locator("#cards-contracts")).hasText("No requests yet.");
			org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.sameDocument"))
				.as("switched without a reload")
				.isEqualTo(true);
			tab.screenshot("profile-en-phone");

			// The language is on the profile, so the next page starts in it.
			page.navigate("/review.html");
			shows(tab, "en", "Review queue");
			assertThat(page.locator("#no-role"))
				.hasText("This page is for contract administrators and our contract desk.");
			tab.screenshot("review-en-phone");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
			shows(tab, "ja", "確認待ちの一覧");
			assertThat(page.locator("#no-role")).hasText("この画面は、契約管理者と当社の契約登録担当者のための画面です。");
			tab.assertNoConsoleErrors();
		}
	}

	private static void shows(BrowserTab tab, String language, String heading) {
		assertThat(tab.page.locator("h1")).hasText(heading);
		assertThat(tab.page.locator("html")).hasAttribute("lang", language);
		org.assertj.core.api.Assertions.assertThat(tab.page.evaluate(UNFILLED))
			.as("texts not filled in on %s (%s)", tab.page.url(), language)
			.asList()
			.isEmpty();
		org.assertj.core.api.Assertions
			.assertThat(tab.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at 375 px on %s (%s)", tab.page.url(), language)
			.isEqualTo(true);
	}

}
