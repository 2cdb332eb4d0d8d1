package org.accessdesk.web.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The operator's registry import page in a real Chromium: a file large enough to become a
 * job (over the test profile's 64 KB) is followed to its end, and a bad one shows the
 * line at fault. The page's words depend on the operator's language, so the checks read
 * the figures and rows.
 */
@IntegrationTest
class RegistryImportBrowserTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	Person operator;

	String base;

	@BeforeEach
	void setUp() {
		this.operator = new TestAccounts(this.client).operator();
		this.base = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));
	}

	Path contracts(String name, int rows, int bad) throws IOException {
		StringBuilder csv = new StringBuilder("number,company,supportModel,status,issuedAt\n");
		for (int i = 0; i < rows; i++) {
			csv.append(this.base)
				.append(String.format("%05d", i))
				.append(",Browser Import ")
				.append(this.base)
				.append(",DIRECT,")
				.append((i == bad) ? "RUNNING" : "ACTIVE")
				.append(",2026-01-01T00:00:00Z\n");
		}
		return Files.writeString(this.files.resolve(name), csv, StandardCharsets.UTF_8);
	}

	@Test
	void anOperatorUploadsAFileAndFollowsItsJobToTheEnd() throws IOException {
		Path good = contracts("contracts.csv", 3000, -1);
		org.assertj.core.api.Assertions.assertThat(Files.size(good)).isGreaterThan(64 * 1024);
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(this.operator);
			assertThat(tab.page.locator("#registry-link")).isVisible();
			tab.page.locator("#registry-link").click();
			tab.page.locator("#file").setInputFiles(good);
			tab.page.locator("#list").selectOption("contracts");
			tab.page.locator("#upload button[type=submit]").click();
			assertThat(tab.page.locator("#job")).isVisible();
			assertThat(tab.page.locator("#job-progress")).hasAttribute("value", "4");
			assertThat(tab.page.locator("#job-read")).hasText("3,000");
			assertThat(tab.page.locator("#job-written")).hasText("3,001");
			assertThat(tab.page.locator("#job-errors li")).hasCount(0);
			tab.screenshot("registry-import-done");

			tab.page.locator("#file").setInputFiles(contracts("bad.csv", 3000, 2500));
			tab.page.locator("#upload button[type=submit]").click();
			assertThat(tab.page.locator("#job-errors li")).hasCount(1);
			assertThat(tab.page.locator("#job-errors li")).containsText("line 2502");
			assertThat(tab.page.locator("#job-written")).hasText("0");
			tab.screenshot("registry-import-failed");
			tab.assertNoConsoleErrors();
		}
	}

	@Test
	void customersDoNotSeeThePage() {
		Person customer = new TestAccounts(this.client).customer("Browser Curious Corp");
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			tab.signIn(customer);
			assertThat(tab.page.locator("#registry-link")).isHidden();
			tab.page.navigate("/registry.html");
			assertThat(tab.page.locator("#no-role")).isVisible();
			assertThat(tab.page.locator("#upload")).isHidden();
		}
	}

}
