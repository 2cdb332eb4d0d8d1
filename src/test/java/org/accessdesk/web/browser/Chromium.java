package org.accessdesk.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Debian's Chromium driven by Playwright, one browser for all browser tests of a run
 * (each test gets its own contexts, so nothing is shared but the process). Without
 * /usr/bin/chromium the tests fail and say how to install it: they never skip.
 */
final class Chromium {

	static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

	private static Browser browser;

	private Chromium() {
	}

	static synchronized Browser browser() {
		if (browser == null) {
			if (!Files.isExecutable(EXECUTABLE)) {
				throw new IllegalStateException("""
						The browser tests need Debian's Chromium at %s. Install it (as .ci/run does) with:
						  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk
						""".formatted(EXECUTABLE));
			}
			// Playwright must not fetch browsers of its own: only registry packages
			// reach this machine, and Debian's Chromium is the one under test.
			Playwright playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
			// Waits are for the page to catch up (live events,
			// a shared 2-core CI machine), never sleeps.
			PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
			Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
		}
		return browser;
	}

}
