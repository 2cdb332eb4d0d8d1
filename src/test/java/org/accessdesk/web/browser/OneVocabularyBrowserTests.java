package org.accessdesk.web.browser;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One vocabulary, one clock (issue 15, point 1) in a real Chromium: a card's times name
 * their zone, the zone is a preference that changes every time on the page, and the
 * service's refusal reads in the page's language without a field name.
 */
@IntegrationTest
class OneVocabularyBrowserTests {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	TestRegistry registry;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		Person admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "管理 四郎", "ja", "Admin Co", "Tokyo");
		this.registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
	}

	@Test
	void aCardsTimeNamesTheZoneAndFollowsTheChosenOne() {
		Person customer = this.accounts.customer(this.registry.company);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			AddAccessBrowserTests.addAccess(tab.page, "FULL_SUPPORT", "契約番号", this.registry.directContract);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			Locator card = tab.card("contracts", this.registry.directContract);
			assertThat(card.locator(".badge")).hasText("Approved — 完了");
			Locator requested = card.locator(".detail", new Locator.LocatorOptions().setHasText("リクエスト日時"))
				.locator("dd");
			// A Japanese reader without a chosen zone: Japan time, named.
			assertThat(requested).hasText(Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2} JST$"));

			tab.page.locator("#tab-preferences").click();
			Locator zone = tab.page.getByLabel("タイム ゾーン（画面とメールの日時）");
			assertThat(zone).hasValue("Asia/Tokyo");
			zone.selectOption("America/New_York");
			tab.page.locator("#preferences-form button[type='submit']").click();
			assertThat(tab.page.locator("#preferences-message")).hasText("保存しました。");
			tab.screenshot("preferences-time-zone");
			tab.assertAccessible("preferences-time-zone");
			this.client.get()
				.uri("/api/profile")
				.headers(customer.basic())
				.exchange()
				.expectBody()
				.jsonPath("$.timeZone")
				.isEqualTo("America/New_York");

			tab.page.locator("#tab-access").click();
			assertThat(requested).hasText(Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2} America/New_York$"));
			tab.page.locator("[data-lang='en']").click();
			assertThat(card.locator(".badge")).hasText("Approved");
			assertThat(card.locator(".detail", new Locator.LocatorOptions().setHasText("Requested")).locator("dd"))
				.hasText(Pattern.compile("^\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} America/New_York$"));
			tab.screenshot("card-time-zone-en");
			tab.assertAccessible("card-time-zone-en");
			tab.assertNoConsoleErrors();
		}
	}

	/**
	 * The page checks the limit itself; the service's answer is forced here by adding a
	 * 51st number to the request on its way out, so the page must explain the problem
	 * code, not show the service's English.
	 */
	@Test
	void aFiftyFirstNumberRefusedByTheServiceReadsInThePagesLanguage() {
		Person customer = this.accounts.customer(this.registry.company);
		String fifty = IntStream.range(0, 50)
			.mapToObj((n) -> String.valueOf(88000000 + n))
			.collect(Collectors.joining(","));
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			tab.page.route("**/api/access-requests", OneVocabularyBrowserTests::addAFiftyFirst);
			AddAccessBrowserTests.addAccess(tab.page, "FULL_SUPPORT", "契約番号", fifty);
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信").setExact(true)).click();
			Locator error = tab.page.locator("#add-error");
			assertThat(error).hasText("番号は 1 回に 50 件までです（重複を除いて 51 件あります）。分けてリクエストしてください。");
			assertThat(error).not().hasText(Pattern.compile("[A-Za-z]"));
			tab.screenshot("add-access-51-refused-ja");
			tab.assertAccessible("add-access-51-refused-ja");

			tab.page.locator("[data-lang='en']").click();
			tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
			assertThat(error)
				.hasText("A request can carry at most 50 numbers (this one has 51, repeats removed). Please split it.");
			assertThat(error).not().hasText(Pattern.compile("identifiers|VALIDATION"));
			tab.screenshot("add-access-51-refused-en");
			tab.assertNoConsoleErrors(".*status of 400.*");
		}
	}

	private static void addAFiftyFirst(Route route) {
		if (!"POST".equals(route.request().method())) {
			route.resume();
			return;
		}
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Object> body = json.readValue(route.request().postData(), new TypeReference<Map<String, Object>>() {
		});
		body.put("identifiers", body.get("identifiers") + ",88000050");
		route.resume(new Route.ResumeOptions().setPostData(json.writeValueAsString(body)));
	}

}
