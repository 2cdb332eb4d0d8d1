package org.accessdesk.web.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signing up, landing in the profile, and signing out, in a real Chromium. */
@IntegrationTest
class SignUpBrowserTests {

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@LocalServerPort
	int port;

	@Test
	void aNewAccountWithoutACompanyLandsOnTheCompanyFormAndCanSignOut() {
		String email = TestAccounts.uniqueEmail("newcomer");
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			Page page = tab.page;
			page.navigate("/signin.html");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新規登録してください")).click();
			// The page's module has run (texts filled, switch
			// listening) before the switch is pressed; on a busy
			// machine a click could otherwise come first and be lost.
			assertThat(page.locator("h1")).hasText("新規登録");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(page.locator("h1")).hasText("Sign up");
			assertThat(page.getByLabel("English")).isChecked();

			// Too short a password is caught before anything is sent.
			page.getByLabel("Name", EXACT).fill("New Comer");
			page.getByLabel("Email", EXACT).fill(email);
			page.getByLabel("Password", EXACT).fill("short");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
			assertThat(page.locator("#signup-error")).hasText("At least 12 characters.");
			assertThat(page.getByLabel("Password", EXACT)).isFocused();
			page.getByLabel("Password", EXACT).fill(TestAccounts.PASSWORD);
			tab.screenshot("signup");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

			// Signed in at once, in English, on the company
			// form: nothing can be approved without it.
			assertThat(page.locator("#who")).hasText("New Comer");
			assertThat(page.locator("html")).hasAttribute("lang", "en");
			assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Company/Organization")))
				.hasAttribute("aria-selected", "true");
			assertThat(page.locator("#incomplete-banner")).containsText("no access can be approved");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
			assertThat(page.locator("#signed-out")).hasText("You have signed out.");
			page.navigate("/");
			assertThat(page.locator("h1")).hasText("Sign in");
			tab.assertNoConsoleErrors(".*status of 401.*");
		}
	}

}
