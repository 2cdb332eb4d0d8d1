package org.accessdesk.web.browser;

import java.time.Duration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Identity in Chromium (SPEC §2a): proving the address with the mailed link, resetting a
 * forgotten password, and under Preferences changing it and signing out everywhere.
 */
@IntegrationTest
class IdentityBrowserTests {

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Test
	void aNewAccountProvesItsAddressWithTheMailedLinkAndTheBannerGoes() {
		String email = TestAccounts.uniqueEmail("newcomer");
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			Page page = tab.page;
			page.navigate("/signup.html");
			assertThat(page.locator("h1")).hasText("新規登録");
			page.getByLabel("氏名", EXACT).fill("新井 一郎");
			page.getByLabel("メールアドレス", EXACT).fill(email);
			page.getByLabel("パスワード", EXACT).fill(TestAccounts.PASSWORD);
			page.getByLabel("会社名（任意）").fill("Example Corp");
			page.getByLabel("会社住所（任意）").fill("東京都港区赤坂9-7-1");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();

			// Signed in, but until the address is proved the profile is all there is.
			assertThat(page.locator("#who")).hasText("新井 一郎 さん");
			assertThat(page.locator("#unverified-banner")).isVisible();
			assertThat(page.locator("#unverified-banner")).containsText("メールアドレスの確認が済んでいません");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("確認メールを再送する")).click();
			assertThat(page.locator("#resend-message")).hasText(email + " に確認メールを送りました。以前のリンクは使えなくなります。");
			tab.screenshot("profile-unverified");

			TestMail.awaitAccountNotices(email, 2, Duration.ofSeconds(20));
			String token = TestMail.newestToken(email, "verify.html", Duration.ofSeconds(5));
			page.navigate("/verify.html#token=" + token);
			assertThat(page.locator("#verify-done")).containsText("メールアドレスを確認しました");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/verify\\.html$"));
			tab.screenshot("verify-done");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("アカウント プロファイルへ")).click();
			assertThat(page.locator("#who")).hasText("新井 一郎 さん");
			assertThat(page.locator("#unverified-banner")).isHidden();
			assertThat(page.locator("#cards-contracts")).isVisible();

			// The same link again: used up.
			page.navigate("/verify.html#token=" + token);
			assertThat(page.locator("#verify-failed")).containsText("このリンクは使えません");
			tab.screenshot("verify-invalid");
			tab.assertNoConsoleErrors(".*status of 400.*");
		}
	}

	@Test
	void aForgottenPasswordIsResetWithTheMailedLinkAndTheNewOneSignsIn() {
		Person person = new TestAccounts(this.client).signUp(TestAccounts.uniqueEmail("forgetful"), "Forgetful Person",
				"en", "Example Corp", "1 Main Street");
		String newPassword = "my brand new passphrase";
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			Page page = tab.page;
			page.navigate("/signin.html");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("パスワードをお忘れの方")).click();
			assertThat(page.locator("h1")).hasText("パスワードの再設定");
			page.getByLabel("メールアドレス").fill(person.email());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("リンクを送る")).click();
			assertThat(page.locator("#request-sent")).containsText("パスワード再設定のリンクをお送りしました");
			tab.screenshot("reset-requested");

			String token = TestMail.newestToken(person.email(), "reset.html", Duration.ofSeconds(20));
			page.navigate("/reset.html#token=" + token);
			page.getByLabel("新しいパスワード", EXACT).fill(newPassword);
			page.getByLabel("新しいパスワード（確認）").fill("not the same at all");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("パスワードを設定する")).click();
			assertThat(page.locator("#confirm-error")).hasText("確認のパスワードが一致しません。");
			assertThat(page.getByLabel("新しいパスワード（確認）")).isFocused();
			page.getByLabel("新しいパスワード（確認）").fill(newPassword);
			tab.screenshot("reset-new-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("パスワードを設定する")).click();

			assertThat(page.locator("#password-reset")).hasText("パスワードを再設定しました。新しいパスワードでサインインしてください。");
			tab.signIn(new Person(person.email(), newPassword));
			assertThat(page.locator("#who")).hasText("Forgetful Person");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void preferencesChangeThePasswordAndSignOutOfEveryBrowser() {
		Person person = new TestAccounts(this.client).customer("Example Corp");
		String newPassword = "another fine passphrase";
		try (BrowserTab tab = BrowserTab.open(this.port); BrowserTab other = BrowserTab.open(this.port)) {
			tab.signIn(person);
			other.signIn(person);
			Page page = tab.page;
			page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("設定条件")).click();
			page.getByLabel("現在のパスワード").fill("not my password");
			page.getByLabel("新しいパスワード", EXACT).fill(newPassword);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("パスワードを変更する")).click();
			assertThat(page.locator("#password-message")).hasText("現在のパスワードが正しくありません。");
			assertThat(page.getByLabel("現在のパスワード")).isFocused();

			page.getByLabel("現在のパスワード").fill(person.password());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("パスワードを変更する")).click();
			assertThat(page.locator("#password-message")).hasText("パスワードを変更しました。ほかのブラウザーのセッションはサインアウトしました。");
			tab.screenshot("preferences-password");

			// The other browser was signed out; this one was not.
			other.page.reload();
			assertThat(other.page.locator("h1")).hasText("サインイン");
			page.reload();
			assertThat(page.locator("#who")).isVisible();

			page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("設定条件")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("すべてのブラウザーからサインアウトする")).click();
			assertThat(page.locator("#signed-out-everywhere")).hasText("すべてのブラウザーからサインアウトしました。");
			page.navigate("/");
			assertThat(page.locator("h1")).hasText("サインイン");
			tab.signIn(new Person(person.email(), newPassword));
			tab.assertNoConsoleErrors(".*status of 40[01].*");
		}
	}

}
