package org.accessdesk.web.browser;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Status cards that tell the truth (issue 15, point 2): every request reachable ("さらに 表示"
 * past the first 20), a status filter asking the service, one card per number (repeats
 * fold in, a superseded denial no longer offers its way out), next steps that match the
 * reason (no administrator is not a company mismatch), and a TOO_NEW denial that will be
 * retried says when.
 */
@IntegrationTest
class CardsBrowserTests {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		Person admin = this.accounts.customer("Admin Holdings");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
	}

	@Test
	void showMoreReachesTheOlderCardsAndTheFilterAsksTheService() {
		Person customer = this.accounts.customer(this.registry.company);
		// The approved one first: 25 requests later it is on the second page.
		submit(customer, "CONTRACT", this.registry.directContract, false);
		for (int i = 0; i < 25; i++) {
			submit(customer, "CONTRACT", unknown(i), false);
		}
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			Locator cards = tab.page.locator("#cards-contracts .card");
			assertThat(cards).hasCount(20);
			assertThat(cards.first()).hasAttribute("data-identifier", unknown(24));
			assertThat(tab.page.locator("#cards-contracts-count")).hasText("26 件中 20 件を表示しています。");
			assertThat(tab.card("contracts", this.registry.directContract)).hasCount(0);
			tab.screenshot("cards-first-page");
			tab.assertAccessible("cards-first-page");

			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("さらに表示")).click();
			assertThat(cards).hasCount(26);
			// Kept what was shown; the first card added has focus, announced.
			assertThat(cards.first()).hasAttribute("data-identifier", unknown(24));
			assertThat(cards.nth(20)).isFocused();
			assertThat(tab.page.locator("#announcer")).hasText("6 件を追加で表示しました。");
			Locator approved = tab.card("contracts", this.registry.directContract);
			assertThat(approved.locator(".badge")).hasText("Approved — 完了");
			assertThat(tab.page.locator("#cards-contracts-more")).isHidden();
			tab.screenshot("cards-show-more");
			tab.assertAccessible("cards-show-more");

			Locator filter = tab.page.getByLabel("表示するステータス").first();
			filter.selectOption("approved");
			assertThat(cards).hasCount(1);
			assertThat(cards.first()).hasAttribute("data-identifier", this.registry.directContract);
			tab.screenshot("cards-filter-approved");
			tab.assertAccessible("cards-filter-approved");

			filter.selectOption("denied");
			assertThat(cards).hasCount(20);
			assertThat(tab.page.locator("#cards-contracts .card[data-status='APPROVED']")).hasCount(0);
			assertThat(tab.page.locator("#cards-contracts-count")).hasText("25 件中 20 件を表示しています。");

			filter.selectOption("ended");
			assertThat(tab.page.locator("#cards-contracts .empty")).hasText("この条件に当てはまるリクエストはありません。");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void repeatsFoldIntoOneCardAndEachReasonHasItsOwnNextStep() {
		Person customer = this.accounts.customer(this.registry.company);
		submit(customer, "CONTRACT", this.registry.directContract, false);
		submit(customer, "CONTRACT", this.registry.directContract, false);
		submit(customer, "BILL_TO", this.registry.billToFullNoAdmins, false);
		submit(customer, "CONTRACT", this.registry.newContract, true);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			Locator held = tab.card("contracts", this.registry.directContract);
			assertThat(held).hasCount(1);
			assertThat(held.locator(".badge")).hasText("Approved — 完了");
			assertThat(held.locator(".requested-times dd")).hasText("2 回");

			// Once more, through the form: still one card, the held one.
			AddAccessBrowserTests.addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.directContract);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			assertThat(held.locator(".requested-times dd")).hasText("3 回");
			assertThat(held).hasCount(1);
			assertThat(held.locator(".badge")).hasText("Approved — 完了");
			assertThat(tab.page.locator("#cards-contracts .card")).hasCount(3);
			assertThat(tab.page.locator("#cards-contracts .card").first()).hasAttribute("data-identifier",
					this.registry.directContract);

			Locator noAdmin = tab.card("contracts", this.registry.billToFullNoAdmins);
			assertThat(noAdmin.locator(".badge")).hasText("Pending — 当社による確認待ち");
			assertThat(noAdmin.locator(".next-step dd"))
				.hasText("この番号には契約管理者が登録されていないため、当社の契約登録担当者が確認し、6時間以内にメールでご連絡します。");

			Locator tooNew = tab.card("contracts", this.registry.newContract);
			assertThat(tooNew.locator(".retry-scheduled dt")).hasText("自動再リクエストの予定日時");
			assertThat(tooNew.locator(".retry-scheduled dd")).not().isEmpty();
			assertThat(tooNew.locator(".retry-after")).hasCount(0);
			assertThat(tooNew.locator(".next-step dd")).containsText("当社が自動で再リクエストしますので、お手続きは不要です");
			assertThat(tooNew.locator(".next-step dd")).not().containsText("再度リクエストしてください");
			tab.screenshot("cards-collapsed-no-admin-auto-retry");
			tab.assertAccessible("cards-collapsed-no-admin-auto-retry");

			// Withdrawn under the "pending" filter: the card leaves the list, focus goes
			// to the filter (not to the page).
			Locator filter = tab.page.locator("#cards-contracts-filter");
			filter.selectOption("pending");
			assertThat(tab.page.locator("#cards-contracts .card")).hasCount(1);
			noAdmin.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取り下げる")).click();
			assertThat(tab.page.locator("#cards-contracts .empty")).hasText("この条件に当てはまるリクエストはありません。");
			assertThat(filter).isFocused();
			filter.selectOption("ended");
			assertThat(noAdmin.locator(".badge")).hasText("取り下げ済み");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void aDenialForAnIncompleteProfileNoLongerSendsToTheProfileOnceItIsComplete() {
		Person customer = this.accounts.incompleteCustomer();
		submit(customer, "CONTRACT", this.registry.directContract, false);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			Locator card = tab.card("contracts", this.registry.directContract);
			Locator toProfile = card.getByRole(AriaRole.LINK,
					new Locator.GetByRoleOptions().setName("Add company name and address"));
			assertThat(toProfile).isVisible();
			toProfile.click();
			tab.page.getByLabel("Company name", new Page.GetByLabelOptions().setExact(true))
				.fill(this.registry.company);
			tab.page.getByLabel("Company address").fill("1-2-3 Marunouchi, Tokyo");
			tab.page.locator("#company-form button[type=submit]").click();
			assertThat(tab.page.locator("#company-message")).hasText("Saved.");
			tab.page.locator("#company-back").click();

			// The old denial stays what it was, but its way out is now to submit again.
			assertThat(card.locator(".badge")).hasText("Denied");
			assertThat(card.locator("a.complete-profile")).hasCount(0);
			Locator again = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit again"));
			assertThat(again).isVisible();
			tab.screenshot("card-denied-profile-now-complete");
			tab.assertAccessible("card-denied-profile-now-complete");
			again.click();
			assertThat(tab.page.locator("#add-numbers")).hasValue(this.registry.directContract);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();

			// Superseded: one card, approved, with nothing of the denial left.
			assertThat(card).hasCount(1);
			assertThat(card.locator(".badge")).hasText("Approved");
			assertThat(card.locator("button.remove")).isVisible();
			assertThat(tab.page.locator("#cards-contracts .complete-profile, #cards-contracts .submit-again"))
				.hasCount(0);

			// English texts of the other two states.
			submit(customer, "BILL_TO", this.registry.billToFullNoAdmins, false);
			submit(customer, "CONTRACT", this.registry.newContract, true);
			tab.page.reload();
			assertThat(tab.card("contracts", this.registry.billToFullNoAdmins).locator(".next-step dd"))
				.hasText("No contract administrator is registered for this number, so our contract desk will check "
						+ "this request and answer by email within 6 hours.");
			Locator tooNew = tab.card("contracts", this.registry.newContract);
			assertThat(tooNew.locator(".retry-scheduled dt")).hasText("Auto-retry scheduled for");
			assertThat(tooNew.locator(".next-step dd")).containsText("We will submit it again for you");
			assertThat(tab.card("contracts", this.registry.directContract)).hasCount(1);
			tab.screenshot("cards-en-no-admin-auto-retry");
			tab.assertAccessible("cards-en-no-admin-auto-retry");
			tab.assertNoConsoleErrors();
		}
	}

	private String unknown(int i) {
		return "88" + this.registry.directContract + String.format("%02d", i);
	}

	private void submit(Person person, String type, String identifier, boolean autoRetry) {
		this.client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", type, "identifiers", identifier, "autoRetry",
					autoRetry))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
