package org.accessdesk.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.accessdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service serves the browser UI from web-static/ to anyone, signed in or not, under a
 * Content-Security-Policy that the pages obey: no inline script or style anywhere.
 */
@IntegrationTest
class StaticPagesTests {

	static final List<String> PAGES = List.of("/", "/signin.html", "/signup.html", "/review.html", "/registry.html");

	static final List<String> SCRIPTS = List.of("/app.js", "/review.js", "/signin.js", "/signup.js", "/api.js",
			"/i18n.js", "/dom.js", "/live.js", "/shell.js", "/profile/tabs.js", "/profile/cards.js",
			"/profile/access-table.js", "/registry.js");

	@Autowired
	WebTestClient client;

	@Test
	void everyPageIsServedWithAContentSecurityPolicyAndNothingInline() {
		for (String page : PAGES) {
			String html = this.client.get()
				.uri(page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.valueEquals("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
								+ " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(html).as(page).contains("<a class=\"brand\" href=\"/\">Access Desk</a>");
			assertThat(html).as(page).doesNotContain("<style", " style=", "<script>", "javascript:", " onclick=");
			assertThat(html.replaceAll("<script type=\"module\" src=\"/[a-z]+\\.js\"></script>", ""))
				.as(page + ": scripts only as module files")
				.doesNotContain("<script");
		}
	}

	/** HEAD answers as GET does, without the body: link checkers and probes use it. */
	@Test
	void everyPageAnswersHeadAsItAnswersGet() {
		for (String page : PAGES) {
			this.client.head()
				.uri(page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody()
				.isEmpty();
		}
	}

	@Test
	void theSignInFormPostsToTheLoginEndpoint() {
		this.client.get()
			.uri("/signin.html")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("action=\"/login\"", "name=\"_csrf\""));
	}

	/**
	 * One module per part of a page (the profile's tabs under profile/), each small
	 * enough to be read whole.
	 */
	@Test
	void everyModuleStaysSmall() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("web-static"))) {
			List<Path> modules = files.filter((file) -> file.toString().endsWith(".js")).toList();
			assertThat(modules).hasSizeGreaterThan(10);
			for (Path module : modules) {
				assertThat(Files.readAllLines(module)).as(module.toString()).hasSizeLessThanOrEqualTo(300);
			}
		}
	}

	@Test
	void scriptsAndStylesAreServedAsFiles() {
		for (String script : SCRIPTS) {
			this.client.get()
				.uri(script)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("text/javascript");
		}
		// The texts, which every page loads before it shows anything (i18n.js), to
		// anyone.
		for (String catalog : List.of("/i18n/ja.json", "/i18n/en.json")) {
			this.client.get()
				.uri(catalog)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$['table.count']")
				.isNotEmpty();
		}
		this.client.get()
			.uri("/style.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/css");
	}

}
