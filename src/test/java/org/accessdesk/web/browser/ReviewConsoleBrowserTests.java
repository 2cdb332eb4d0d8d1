package org.accessdesk.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The review consoles in a real Chromium: the vendor desk's queue overdue first,
 * decisions with a reason, and what a reviewer sees when someone else got there first.
 */
@IntegrationTest
class ReviewConsoleBrowserTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	Person admin;

	Person vendor;

	Person customer;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 三郎", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), this.admin);
		this.customer = this.accounts.customer(this.registry.company);
		this.vendor = this.accounts.vendorReviewer();
		// The desk's account outlives test runs; its screens are read in English here.
		this.client.put()
			.uri("/api/profile")
			.headers(this.vendor.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Test Vendor Desk", "language", "en", "companyName", "Access Desk Test",
					"companyAddress", "Test Street 1"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void whenAnotherReviewerDecidedFirstTheConsoleSaysSoPlainly() {
		try (BrowserTab asker = BrowserTab.open(this.port);
				BrowserTab first = BrowserTab.open(this.port);
				BrowserTab second = BrowserTab.open(this.port)) {
			// Direct purchase (guide §6): a Bill-to ID
			// without full support, checked by the desk.
			asker.signIn(this.customer);
			asker.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("直接購入")).click();
			asker.page.locator("#order-form").getByLabel("請求先 ID").check();
			asker.page.locator("#order-numbers").fill(this.registry.billToWithoutFull);
			asker.page.locator("#order-form button[type=submit]").click();
			Locator card = asker.card("ordering", this.registry.billToWithoutFull);
			assertThat(card.locator(".badge")).hasText("Pending — 当社による確認待ち");
			assertThat(card.locator(".deadline dd")).not().isEmpty();
			asker.screenshot("direct-purchase-pending");

			// The second reviewer's live connection is down (a proxy in the
			// way, say), so only the answer to their own click can tell them.
			second.context.route("**/api/review/events**", (route) -> route.abort());
			first.signIn(this.vendor);
			second.signIn(this.vendor);
			first.page.navigate("/review.html");
			second.page.navigate("/review.html");
			String selector = "#entries-vendor [data-identifier='" + this.registry.billToWithoutFull + "']";
			Locator mine = first.page.locator(selector);
			Locator theirs = second.page.locator(selector);
			assertThat(theirs.locator(".kind")).hasText("Direct purchase");
			assertThat(second.page.locator("#live-state")).isVisible();

			mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
			assertThat(mine.locator(".outcome .done")).hasText("Done: Approved.");
			assertThat(card.locator(".badge")).hasText("Approved — 完了");

			theirs.getByLabel("Comment (optional; the requester sees it)").fill("OK");
			theirs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
			assertThat(theirs.locator(".outcome .conflict"))
				.hasText("Someone else decided this item first (it is now Approved).");
			assertThat(theirs.locator(".outcome")).containsText(this.vendor.email() + " changed it to Approved.");
			assertThat(theirs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))).isHidden();
			assertThat(theirs.locator(".dismiss")).isFocused();
			second.screenshot("review-conflict");

			asker.assertNoConsoleErrors();
			first.assertNoConsoleErrors();
			second.assertNoConsoleErrors(".*status of 409.*", ".*net::ERR_FAILED.*");
		}
	}

	@Test
	void theVendorQueueShowsOverdueFirstAndAChangeWhileReviewingArrivesLive() {
		String onTime = submit("FULL_SUPPORT", "CONTRACT", this.registry.otherCompanysContract);
		String late = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullNoAdmins);
		this.db.sql("UPDATE access_item SET deadline = deadline - make_interval(hours => 7) WHERE id = :id::uuid")
			.bind("id", late)
			.then()
			.block(Duration.ofSeconds(10));
		String waiting = submit("FULL_SUPPORT", "BILL_TO", this.registry.billToFullWithAdmins);
		String denied = submit("DOWNLOAD_ONLY", "SERIAL", this.registry.serial);

		try (BrowserTab desk = BrowserTab.open(this.port); BrowserTab administrator = BrowserTab.open(this.port)) {
			desk.signIn(this.vendor);
			desk.page.navigate("/review.html");
			Locator entries = desk.page.locator("#entries-vendor > li");
			Locator lateEntry = desk.page.locator("#entries-vendor [data-item-id='" + late + "']");
			assertThat(lateEntry.locator(".overdue-badge")).hasText("Overdue");
			assertThat(desk.page.locator("#entries-vendor [data-item-id='" + onTime + "'] .overdue-badge")).hasCount(0);
			assertThat(entries.first()).hasClass(java.util.regex.Pattern.compile(".*\\boverdue\\b.*"));
			List<String> order = entries
				.evaluateAll("(list) => list.map((li) => li.dataset.itemId)") instanceof List<?> ids
						? ids.stream().map(String::valueOf).toList() : List.of();
			org.assertj.core.api.Assertions.assertThat(order.indexOf(late))
				.as("overdue first")
				.isGreaterThanOrEqualTo(0)
				.isLessThan(order.indexOf(onTime));
			desk.screenshot("review-vendor");

			administrator.signIn(this.admin);
			administrator.page.navigate("/review.html");
			Locator entry = administrator.page.locator("#entries-admin [data-item-id='" + denied + "']");
			entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登録不可にする")).click();
			assertThat(entry.locator(".form-message.error")).hasText("登録不可にする場合は、依頼者が対応できる理由を入力してください。");
			assertThat(entry.locator("textarea.reason")).isFocused();
			entry.locator("textarea.reason").fill("このシリアル番号は貴社の契約に含まれていません。");
			entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登録不可にする")).click();
			assertThat(entry.locator(".outcome .done")).hasText("判断を登録しました（Denied — 登録不可）。");

			// The requester withdraws while the administrator still looks at the request.
			Locator stillWaiting = administrator.page.locator("#entries-admin [data-item-id='" + waiting + "']");
			assertThat(stillWaiting.locator(".approve")).isVisible();
			this.client.post()
				.uri("/api/items/{id}/withdraw", waiting)
				.headers(this.customer.basic())
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(stillWaiting.locator(".outcome .conflict")).hasText("この項目は、確認待ちではなくなりました（現在のステータス: 取り下げ済み）。");
			assertThat(stillWaiting.locator(".approve")).isHidden();
			assertThat(administrator.page.locator("#announcer"))
				.hasText(this.customer.email() + " さんがステータスを「取り下げ済み」に変更しました。");
			administrator.screenshot("review-admin-live");
			desk.assertNoConsoleErrors();
			administrator.assertNoConsoleErrors();
		}
	}

	private String submit(String kind, String type, String identifier) {
		return TestRequests.submitOne(this.client, this.customer, kind, type, identifier);
	}

}
