package org.accessdesk.web.browser;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TestRegistry;
import org.accessdesk.support.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the mailbox to the screen: the link in a system mail, opened by someone not signed
 * in, leads through the sign-in page to the very card the mail is about.
 */
@IntegrationTest
class MailLinkBrowserTests {

	static final Pattern LINK = Pattern.compile("https://desk\\.test\\.accessdesk\\.example(/\\S*)");

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void theAdministratorFollowsTheMailToTheEntryAndTheRequesterToTheCard() throws Exception {
		TestAccounts accounts = new TestAccounts(this.client);
		Person admin = accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 次郎", "ja", "Admin Co", "Tokyo");
		TestRegistry registry = TestRegistry.load(this.client, accounts.operator(), admin);
		Person customer = accounts.signUp(TestAccounts.uniqueEmail("linked"), "リンク 花子", "ja", registry.company,
				"東京都港区");
		String itemId = TestRequests.submitOne(this.client, customer, "FULL_SUPPORT", "BILL_TO",
				registry.billToFullWithAdmins);

		String reviewLink = link(TestMail.await(admin.email(), 1, Duration.ofSeconds(20)).get(0));
		assertThat(reviewLink).isEqualTo("/review.html#item-" + itemId);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			followSignedOut(tab, reviewLink, admin);
			Locator entry = tab.page.locator(".review-entry[data-item-id='" + itemId + "']");
			assertThat(entry).hasClass(Pattern.compile("\\blinked\\b"));
			assertThat(entry).isFocused();
			tab.screenshot("mail-link-review");
			tab.assertNoConsoleErrors(".*401.*");
		}

		String cardLink = link(TestMail.await(customer.email(), 1, Duration.ofSeconds(20)).get(0));
		assertThat(cardLink).isEqualTo("/#item-" + itemId);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			followSignedOut(tab, cardLink, customer);
			Locator card = tab.card("contracts", registry.billToFullWithAdmins);
			assertThat(card).hasClass(Pattern.compile("\\blinked\\b"));
			assertThat(card).isFocused();
			tab.screenshot("mail-link-card");
			tab.assertNoConsoleErrors(".*401.*");
		}
	}

	/**
	 * The mail about a repeat of a number already held links to the repeat's item, which
	 * has no card of its own (one card per number and kind): the link opens the number's
	 * card.
	 */
	@Test
	void aLinkToAnItemFoldedIntoItsNumbersCardOpensThatCard() {
		TestAccounts accounts = new TestAccounts(this.client);
		Person admin = accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 三郎", "ja", "Admin Co", "Tokyo");
		TestRegistry registry = TestRegistry.load(this.client, accounts.operator(), admin);
		Person customer = accounts.signUp(TestAccounts.uniqueEmail("folded"), "重複 一郎", "ja", registry.company, "東京都港区");
		String held = TestRequests.submitOne(this.client, customer, "FULL_SUPPORT", "CONTRACT",
				registry.directContract);
		String repeat = TestRequests.submitOne(this.client, customer, "FULL_SUPPORT", "CONTRACT",
				registry.directContract);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			followSignedOut(tab, "/#item-" + repeat, customer);
			Locator card = tab.card("contracts", registry.directContract);
			assertThat(card).hasAttribute("data-item-id", held);
			assertThat(card).hasClass(Pattern.compile("\\blinked\\b"));
			assertThat(card).isFocused();
			tab.screenshot("mail-link-folded-card");
			tab.assertNoConsoleErrors(".*401.*");
		}
	}

	/**
	 * Opens a mail's link without a session: the sign-in page first, then the link's
	 * page.
	 */
	private static void followSignedOut(BrowserTab tab, String link, Person person) {
		tab.page.navigate(link);
		assertThat(tab.page).hasURL(Pattern.compile(".*/signin\\.html\\?next=.*"));
		tab.page.getByLabel("メールアドレス").fill(person.email());
		tab.page.getByLabel("パスワード").fill(person.password());
		tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("サインイン").setExact(true)).click();
		// Playwright hands the pattern to JavaScript, which knows no \Q…\E quoting.
		assertThat(tab.page).hasURL(Pattern.compile(".*" + link.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0") + "$"));
	}

	private static String link(MimeMessage mail) {
		Matcher matcher = LINK.matcher(TestMail.text(mail));
		assertThat(matcher.find()).as("a link in the mail").isTrue();
		return matcher.group(1);
	}

}
