package org.accessdesk.web.browser;

import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Every message a page shows is worded again when the language is switched (issue 15:
 * after switching to English, 「1 件をリクエストしました…」 stayed Japanese): the profile's submission
 * and error lines, and the messages of the sign-in, sign-up, reset, verify and review
 * pages. Expected texts come from the catalogs, so that a rewording does not break the
 * test while a message left in the old language still does.
 */
@IntegrationTest
class MessagesFollowTheLanguageBrowserTests {

	static Map<String, Map<String, String>> catalogs;

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	@BeforeAll
	static void readCatalogs() {
		JsonMapper json = JsonMapper.builder().build();
		catalogs = Map.of("ja", read(json, "ja"), "en", read(json, "en"));
	}

	private static Map<String, String> read(JsonMapper json, String language) {
		return json.readValue(Path.of("web-static", "i18n", language + ".json").toFile(),
				new TypeReference<Map<String, String>>() {
				});
	}

	/** The catalog's text of key in language, filled in as i18n.js t() does. */
	static String text(String language, String key, Map<String, Object> params) {
		String text = catalogs.get(language).get(key);
		org.assertj.core.api.Assertions.assertThat(text).as("%s in %s.json", key, language).isNotNull();
		for (Map.Entry<String, Object> param : params.entrySet()) {
			text = text.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
		}
		return text;
	}

	static String text(String language, String key) {
		return text(language, key, Map.of());
	}

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 花子", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
	}

	@Test
	void theProfilesSubmittedAndErrorLinesSwitchLanguage() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			Locator done = tab.page.locator("#add-done");
			Locator error = tab.page.locator("#add-error");
			Locator send = tab.page.locator("#add-form button[type=submit]");

			AddAccessBrowserTests.addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.directContract);
			send.click();
			assertThat(done).hasText("1 件をリクエストしました。ステータスは下に表示されます。");
			english(tab.page);
			assertThat(done).hasText("Requested 1. The status of each is shown below.");
			tab.screenshot("add-access-submitted-en");
			tab.assertAccessible("submitted, switched to English");
			japanese(tab.page);
			assertThat(done).hasText("1 件をリクエストしました。ステータスは下に表示されます。");

			// A check of the page's own (no number) and a problem explained (no
			// connection).
			send.click();
			assertThat(error).hasText(text("ja", "add.numbersMissing"));
			english(tab.page);
			assertThat(error).hasText(text("en", "add.numbersMissing"));
			tab.page.route("**/api/access-requests", (route) -> route.abort("internetdisconnected"));
			tab.page.locator("#add-numbers").fill(this.registry.expiredContract);
			send.click();
			assertThat(error).hasText(text("en", "error.network"));
			// The connection is back before the switch reloads the page's data.
			tab.page.unroute("**/api/access-requests");
			japanese(tab.page);
			assertThat(error).hasText(text("ja", "error.network"));
			tab.assertNoConsoleErrors(".*ERR_INTERNET_DISCONNECTED.*");
		}
	}

	@Test
	void theSignInSignUpResetAndVerifyPagesMessagesSwitchLanguage() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			Page page = tab.page;
			page.navigate("/signin.html");
			page.locator("#username").fill(customer.email());
			page.locator("#password").fill("not the password at all");
			page.locator("#signin-form button[type=submit]").click();
			assertThat(page.locator("#signin-error")).hasText(text("ja", "signin.failed"));
			english(page);
			assertThat(page.locator("#signin-error")).hasText(text("en", "signin.failed"));
			tab.screenshot("signin-failed-en");
			tab.assertAccessible("sign-in failed, switched to English");

			page.navigate("/signup.html");
			japanese(page);
			page.locator("#signup-name").fill("二重 登録");
			page.locator("#signup-email").fill(customer.email());
			page.locator("#signup-password").fill(TestAccounts.PASSWORD);
			page.locator("#signup-form button[type=submit]").click();
			assertThat(page.locator("#signup-error")).hasText(text("ja", "signup.taken"));
			english(page);
			assertThat(page.locator("#signup-error")).hasText(text("en", "signup.taken"));

			page.navigate("/reset.html#token=not-a-token");
			japanese(page);
			page.locator("#confirm-password").fill("a new passphrase for me");
			page.locator("#confirm-again").fill("a new passphrase for me");
			page.locator("#confirm-form button[type=submit]").click();
			assertThat(page.locator("#confirm-error")).hasText(text("ja", "reset.invalid"));
			english(page);
			assertThat(page.locator("#confirm-error")).hasText(text("en", "reset.invalid"));

			page.navigate("/verify.html#token=not-a-token");
			assertThat(page.locator("#verify-failed-text")).hasText(text("en", "verify.invalid"));
			japanese(page);
			assertThat(page.locator("#verify-failed-text")).hasText(text("ja", "verify.invalid"));
			tab.assertNoConsoleErrors(".*status of 40[01].*", ".*status of 409.*");
		}
	}

	@Test
	void theReviewPagesMessageSwitchesLanguage() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab asker = BrowserTab.open(this.port); BrowserTab reviewer = BrowserTab.open(this.port)) {
			asker.signIn(customer);
			AddAccessBrowserTests.addAccess(asker.page, "FULL_SUPPORT", "請求先 ID", this.registry.billToFullWithAdmins);
			asker.page.locator("#add-form button[type=submit]").click();
			assertThat(asker.card("contracts", this.registry.billToFullWithAdmins)).hasCount(1);

			reviewer.signIn(this.admin);
			reviewer.page.navigate("/review.html");
			Locator entry = reviewer.page
				.locator("#entries-admin [data-identifier='" + this.registry.billToFullWithAdmins + "']");
			entry.locator("button.deny").click();
			Locator error = entry.locator(".form-message.error");
			assertThat(error).hasText(text("ja", "review.reasonRequired"));
			english(reviewer.page);
			assertThat(error).hasText(text("en", "review.reasonRequired"));
			reviewer.screenshot("review-reason-required-en");
			reviewer.assertAccessible("review, reason required, switched to English");
		}
	}

	static void english(Page page) {
		page.locator("[data-lang=en]").click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
	}

	static void japanese(Page page) {
		page.locator("[data-lang=ja]").click();
		assertThat(page.locator("html")).hasAttribute("lang", "ja");
	}

}
