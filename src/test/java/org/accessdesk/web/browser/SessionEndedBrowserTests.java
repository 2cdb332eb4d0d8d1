package org.accessdesk.web.browser;

import java.time.Duration;
import java.util.regex.Pattern;

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
 * A session that ends under an open page (issue 15, "nothing lost"): the page says so in
 * its language, keeps the request form's content in the tab's session storage, and after
 * signing in again comes back to the same tab with the form filled in, not sent. Another
 * account signing in never sees it, and only our own pages are returned to.
 */
@IntegrationTest
class SessionEndedBrowserTests {

	static final String DRAFT = "() => sessionStorage.getItem('accessdesk:draft')";

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		Person admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 花子", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
	}

	@Test
	void anExpiredSessionKeepsTheAddFormAndSigningInAgainBringsItBackUnsent() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			tab.page.navigate("/#access/contracts");
			AddAccessBrowserTests.addAccess(tab.page, "FULL_SUPPORT", "請求先 ID", this.registry.billToFullWithAdmins);
			tab.page.locator("#add-justification").fill("ネットワーク運用チームで使います。");
			tab.page.locator("#add-auto-retry").check();

			// The session expires (its row is gone) while the form is open.
			endSessionsOf(customer);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();

			Locator notice = tab.page.locator("#session-ended");
			assertThat(notice).containsText("セッションが終了しました");
			assertThat(notice.locator(".kept")).hasText("入力中の内容はこのタブに保存しました（まだ送信されていません）。サインインすると、この画面に戻って入力内容を復元します。");
			Locator again = notice.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("もう一度サインインする"));
			assertThat(again).isFocused();
			assertThat(tab.page).hasURL(Pattern.compile(".*/#access/contracts$"));
			assertThat(tab.page.locator("#add-numbers")).hasValue(this.registry.billToFullWithAdmins);
			assertThat(tab.page.locator("#add-numbers")).not().hasAttribute("aria-invalid", "true");
			tab.screenshot("session-ended-notice");
			tab.assertAccessible("session ended, ja");

			again.click();
			assertThat(tab.page.locator("#session-ended")).hasText("セッションが終了しました。もう一度サインインすると、元の画面に戻ります。");
			tab.screenshot("signin-session-ended");
			tab.assertAccessible("sign-in after the session ended, ja");
			signInHere(tab.page, customer);

			// Back on the same tab with the form open and filled in, nothing sent.
			assertThat(tab.page).hasURL(Pattern.compile(".*/#access/contracts$"));
			assertThat(tab.page.locator("#add-form")).isVisible();
			assertThat(tab.page.locator("#kind-full")).isChecked();
			assertThat(tab.page.locator("#type-BILL_TO")).isChecked();
			assertThat(tab.page.locator("#add-numbers")).hasValue(this.registry.billToFullWithAdmins);
			assertThat(tab.page.locator("#add-numbers")).isFocused();
			assertThat(tab.page.locator("#add-justification")).hasValue("ネットワーク運用チームで使います。");
			assertThat(tab.page.locator("#add-auto-retry")).isChecked();
			assertThat(tab.page.locator("#add-done")).hasText("セッションが終了する前の入力内容を復元しました。内容を確認して送信してください。");
			assertThat(tab.page.locator("#cards-contracts .card")).hasCount(0);
			tab.screenshot("add-access-restored");
			tab.assertAccessible("add form restored, ja");

			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			assertThat(tab.card("contracts", this.registry.billToFullWithAdmins).locator(".badge")).isVisible();
			assertThat(tab.page.locator("#add-done")).hasText("1 件をリクエストしました。ステータスは下に表示されます。");
			org.assertj.core.api.Assertions.assertThat(tab.page.evaluate(DRAFT))
				.as("the kept form after a successful submission")
				.isNull();
			tab.assertNoConsoleErrors(".*status of 401.*");
		}
	}

	/**
	 * In English, on the Direct purchase sub-tab, signed out everywhere from a second
	 * browser: the ordering form comes back on #access/ordering.
	 */
	@Test
	void signedOutEverywhereFromAnotherBrowserTheOrderingFormComesBackOnItsTab() {
		Person customer = this.accounts.signUp(TestAccounts.uniqueEmail("customer"), "Test Customer", "en",
				this.registry.company, "1-2-3 Marunouchi, Tokyo");
		try (BrowserTab tab = BrowserTab.open(this.port); BrowserTab other = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			assertThat(tab.page.locator("html")).hasAttribute("lang", "en");
			tab.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Direct purchase")).click();
			assertThat(tab.page).hasURL(Pattern.compile(".*/#access/ordering$"));
			tab.page.locator("#order-contract").check();
			tab.page.locator("#order-numbers").fill(this.registry.directContract);
			tab.page.locator("#order-justification").fill("For the purchasing team.");

			other.signIn(customer);
			other.page.locator("#tab-preferences").click();
			other.page.locator("#signout-everywhere").click();
			assertThat(other.page.locator("#signed-out-everywhere")).isVisible();

			tab.page.locator("#order-form button[type=submit]").click();
			Locator notice = tab.page.locator("#session-ended");
			assertThat(notice.locator("p").first()).hasText(
					"Your session has ended (it was idle for a while, or you signed out elsewhere). Sign in again to carry on.");
			assertThat(notice.locator(".kept")).isVisible();
			tab.screenshot("session-ended-notice-en");
			tab.assertAccessible("session ended, en");

			notice.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in again")).click();
			assertThat(tab.page.locator("#session-ended"))
				.hasText("Your session has ended. Sign in again to return to where you were.");
			tab.screenshot("signin-session-ended-en");
			tab.assertAccessible("sign-in after the session ended, en");
			signInHere(tab.page, customer);

			assertThat(tab.page).hasURL(Pattern.compile(".*/#access/ordering$"));
			assertThat(tab.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Direct purchase")))
				.hasAttribute("aria-selected", "true");
			assertThat(tab.page.locator("#order-contract")).isChecked();
			assertThat(tab.page.locator("#order-numbers")).hasValue(this.registry.directContract);
			assertThat(tab.page.locator("#order-justification")).hasValue("For the purchasing team.");
			assertThat(tab.page.locator("#order-done"))
				.hasText("What you typed before your session ended is filled in again. Check it and submit.");
			assertThat(tab.page.locator("#cards-ordering .card")).hasCount(0);
			tab.screenshot("ordering-restored-en");
			tab.assertAccessible("ordering form restored, en");

			tab.page.locator("#order-form button[type=submit]").click();
			assertThat(tab.card("ordering", this.registry.directContract)).hasCount(1);
			org.assertj.core.api.Assertions.assertThat(tab.page.evaluate(DRAFT)).isNull();
			tab.assertNoConsoleErrors(".*status of 401.*");
		}
	}

	@Test
	void anotherAccountSigningInInTheSameTabDoesNotSeeTheKeptForm() {
		Person first = this.accounts.customer(this.registry.company);
		Person second = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(first);
			AddAccessBrowserTests.addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.directContract);
			tab.page.locator("#add-justification").fill("first account's secret note");
			endSessionsOf(first);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			assertThat(tab.page.locator("#session-ended .kept")).isVisible();
			org.assertj.core.api.Assertions.assertThat((String) tab.page.evaluate(DRAFT))
				.contains("first account's secret note");

			tab.page.locator("#session-ended a").click();
			signInHere(tab.page, second);
			// Back to the page the first account was on (the profile, whose first tab
			// is Service contracts), but without its form.
			assertThat(tab.page).hasURL(Pattern.compile(".*:\\d+/$"));
			assertThat(tab.page.locator("#who")).not().isEmpty();
			assertThat(tab.page.locator("#add-form")).isHidden();
			assertThat(tab.page.locator("#add-numbers")).hasValue("");
			assertThat(tab.page.locator("#add-justification")).hasValue("");
			assertThat(tab.page.locator("#add-done")).isEmpty();
			org.assertj.core.api.Assertions.assertThat(tab.page.evaluate(DRAFT)).isNull();
			tab.assertNoConsoleErrors(".*status of 401.*");
		}
	}

	/** ?next= leads back only to a page and tab of ours: no open redirect. */
	@Test
	void signingInReturnsOnlyToOurOwnPagesAndTabs() {
		Person customer = this.accounts.customer(this.registry.company);
		String[][] cases = { { "https://evil.example/", "/" }, { "//evil.example/#access/ordering", "/" },
				{ "/\\evil.example/", "/" }, { "/review.html", "/review.html" },
				{ "/#access/ordering", "/#access/ordering" }, { "/#javascript:alert(1)", "/" },
				{ "/verify.html#token=x", "/" } };
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			for (String[] wanted : cases) {
				tab.page.navigate("/signin.html?next="
						+ java.net.URLEncoder.encode(wanted[0], java.nio.charset.StandardCharsets.UTF_8));
				signInHere(tab.page, customer);
				String expected = "http://localhost:" + this.port + wanted[1];
				tab.page.waitForURL(expected);
				assertThat(tab.page.locator("#who")).not().isEmpty();
				org.assertj.core.api.Assertions.assertThat(tab.page.url())
					.as("after next=%s", wanted[0])
					.isEqualTo(expected);
			}
			tab.assertNoConsoleErrors();
		}
	}

	/** Ends every browser session of person, as expiry or "sign out everywhere" would. */
	private void endSessionsOf(Person person) {
		this.db.sql(
				"DELETE FROM web_session WHERE account_id = (SELECT id FROM account WHERE lower(email) = lower(:email))")
			.bind("email", person.email())
			.fetch()
			.rowsUpdated()
			.block(Duration.ofSeconds(10));
	}

	/** Signs in on the sign-in page shown now, in whichever language it is. */
	static void signInHere(Page page, Person person) {
		page.locator("#username").fill(person.email());
		page.locator("#password").fill(person.password());
		page.locator("#signin-form button[type=submit]").click();
	}

}
