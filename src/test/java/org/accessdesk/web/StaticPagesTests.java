package org.accessdesk.web;

import org.accessdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service serves the browser UI from web-static/ to anyone, signed in or not. */
@IntegrationTest
class StaticPagesTests {

	@Autowired
	WebTestClient client;

	@Test
	void theStartAndSignInPagesAreServed() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> org.assertj.core.api.Assertions.assertThat(html).contains("<h1>Access Desk</h1>"));
		this.client.get()
			.uri("/signin.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> org.assertj.core.api.Assertions.assertThat(html).contains("action=\"/login\""));
	}

}
