package org.accessdesk.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.accessdesk.support.TestAccounts.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One person's browser window: its own context (cookies, storage), one page, and every
 * console error and uncaught exception that page produced.
 */
final class BrowserTab implements AutoCloseable {

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	final BrowserContext context;

	final Page page;

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private final List<String> dialogs = new CopyOnWriteArrayList<>();

	private volatile boolean acceptDialogs = true;

	private BrowserTab(BrowserContext context) {
		this.context = context;
		this.page = context.newPage();
		this.page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				this.errors.add(message.text());
			}
		});
		this.page.onPageError((error) -> this.errors.add("uncaught: " + error));
		// A confirmation (withdraw, remove) is answered as the test says, yes by default,
		// and its question kept for the test to read.
		this.page.onDialog((dialog) -> {
			this.dialogs.add(dialog.message());
			if (this.acceptDialogs) {
				dialog.accept();
			}
			else {
				dialog.dismiss();
			}
		});
	}

	/** The questions the page asked (window.confirm), oldest first. */
	List<String> dialogs() {
		return List.copyOf(this.dialogs);
	}

	/** How the next questions are answered: OK (true) or Cancel. */
	void answerDialogs(boolean accept) {
		this.acceptDialogs = accept;
	}

	/** A desktop-sized window whose browser prefers Japanese (as the service does). */
	static BrowserTab open(int port) {
		return open(port, 1280, 900);
	}

	static BrowserTab open(int port, int width, int height) {
		return open("http://localhost:" + port, width, height);
	}

	static BrowserTab open(String baseUrl, int width, int height) {
		Browser browser = Chromium.browser();
		return new BrowserTab(browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setLocale("ja-JP")
			.setTimezoneId("Asia/Tokyo")
			.setViewportSize(width, height)
			.setAcceptDownloads(true)));
	}

	/**
	 * Signs in through the sign-in page, as a person would, and waits for the page they
	 * land on (the profile, or a reviewer's queue) to show who is signed in.
	 */
	void signIn(Person person) {
		signInThrough("/signin.html", person);
	}

	/**
	 * Signs in and asks to be taken to {@code path} (the sign-in page's {@code next}), as
	 * a link to a page of ours does when the session has ended; waits for that page.
	 */
	void signInTo(Person person, String path) {
		signInThrough("/signin.html?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8),
				person);
		/*
		 * Escaped by hand: the pattern goes to the browser, whose regexes know no \Q…\E.
		 */
		assertThat(this.page)
			.hasURL(Pattern.compile(".*" + path.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "$"));
	}

	private void signInThrough(String signInPage, Person person) {
		this.page.navigate(signInPage);
		this.page.getByLabel("メールアドレス").fill(person.email());
		this.page.getByLabel("パスワード").fill(person.password());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("サインイン").setExact(true)).click();
		this.page.waitForURL((url) -> !url.contains("/signin.html"));
		assertThat(this.page.locator("#who")).not().isEmpty();
	}

	Locator card(String list, String identifier) {
		return this.page.locator("#cards-" + list + " .card[data-identifier='" + identifier + "']");
	}

	/**
	 * Checks the page as it is now with axe-core (every state a test shows is also
	 * checked for accessibility) and writes target/screenshots/NAME.png, on every run, so
	 * that each screen can be looked at.
	 */
	void screenshot(String name) {
		assertAccessible(name);
		screenshotOnly(name);
	}

	/** A screenshot of a page that is not ours to check (Swagger UI's). */
	void screenshotOnly(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.page
			.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/**
	 * No console errors and no uncaught exceptions, except the browser's own line for an
	 * answer the test provoked on purpose (a 409, say), given as patterns.
	 */
	void assertNoConsoleErrors(String... expected) {
		List<String> unexpected = this.errors.stream()
			.filter((error) -> java.util.Arrays.stream(expected).noneMatch((pattern) -> error.matches(pattern)))
			.toList();
		org.assertj.core.api.Assertions.assertThat(unexpected).as("console errors").isEmpty();
	}

	/**
	 * axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. The checker is
	 * evaluated through the DevTools protocol, so the page's Content-Security-Policy
	 * stays in force (no script tag is injected and nothing is bypassed). The state's
	 * name goes into the failure message with each rule broken and the elements that
	 * break it.
	 */
	void assertAccessible(String state) {
		this.page.evaluate(AXE_SOURCE);
		Object violations = this.page.evaluate("""
				async () => {
					const result = await axe.run(document, { runOnly: { type: 'tag',
						values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
					return result.violations.map((v) => v.id + ' (' + v.impact + '): '
						+ v.nodes.map((n) => n.target.join(' ')).join(', '));
				}""");
		org.assertj.core.api.Assertions.assertThat((List<?>) violations)
			.as("axe-core violations in " + state)
			.isEmpty();
	}

	private static final String AXE_SOURCE = axeSource();

	private static String axeSource() {
		String path = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
		try (var in = BrowserTab.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is not on the test class path: " + path);
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
