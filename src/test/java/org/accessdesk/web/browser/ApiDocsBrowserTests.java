package org.accessdesk.web.browser;

import com.microsoft.playwright.Page;
import org.accessdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Swagger UI renders the JSON API in a real Chromium under its Content-Security-Policy: a
 * violation would be a console error.
 */
@IntegrationTest
class ApiDocsBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void swaggerUiShowsTheAccessRequestOperationsWithoutAPolicyViolation() {
		try (BrowserTab tab = BrowserTab.open(this.port)) {
			Page page = tab.page;
			page.navigate("/swagger-ui.html");
			assertThat(page.locator(".opblock-summary-path[data-path='/api/access-requests']").first()).isVisible();
			tab.screenshotOnly("swagger-ui");
			tab.assertNoConsoleErrors();
		}
	}

}
