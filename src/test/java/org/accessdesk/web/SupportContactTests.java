package org.accessdesk.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Someone to ask: {@code accessdesk.support.*} binds from the configuration, refuses what
 * would reach a customer broken, and is served to anyone at {@code /api/support-contact}.
 */
@IntegrationTest
class SupportContactTests {

	@Autowired
	WebTestClient client;

	@Autowired
	SupportContact contact;

	@Test
	void theDefaultsAreTheVendorsDeskInBothLanguages() {
		assertThat(this.contact.email()).isEqualTo("support@accessdesk.example");
		assertThat(this.contact.url()).isEqualTo(URI.create("https://support.accessdesk.example/"));
		assertThat(this.contact.hoursIn(java.util.Locale.JAPANESE)).startsWith("平日 9:00〜17:30");
		assertThat(this.contact.hoursIn(java.util.Locale.ENGLISH)).startsWith("Weekdays 9:00–17:30");
	}

	@Test
	void anyoneMayReadItAndBrowsersMayKeepIt() {
		this.client.get()
			.uri("/api/support-contact")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.maxAge(SupportContactController.KEEP).cachePublic())
			.expectHeader()
			.doesNotExist("Pragma")
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("support@accessdesk.example")
			.jsonPath("$.url")
			.isEqualTo("https://support.accessdesk.example/")
			.jsonPath("$.hours.ja")
			.isEqualTo(this.contact.hours().ja())
			.jsonPath("$.hours.en")
			.isEqualTo(this.contact.hours().en());
	}

	@Test
	void anAccountThatHasNotProvedItsAddressMayReadItToo() {
		Person unproved = new TestAccounts(this.client).signUpUnverified(TestAccounts.uniqueEmail("new"), "New Person",
				"ja", "New Co", "Tokyo");
		this.client.get()
			.uri("/api/support-contact")
			.headers(unproved.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("support@accessdesk.example");
	}

	@Test
	void aCompleteConfigurationBinds() {
		SupportContact bound = bind(valid());
		assertThat(bound).isEqualTo(new SupportContact("help@desk.example", URI.create("https://help.desk.example/"),
				new SupportContact.Hours("平日 9:00〜17:30", "Weekdays 9:00–17:30")));
		assertThat(bound.hoursIn(java.util.Locale.forLanguageTag("ja"))).isEqualTo("平日 9:00〜17:30");
		assertThat(bound.hoursIn(java.util.Locale.forLanguageTag("en"))).isEqualTo("Weekdays 9:00–17:30");
	}

	@Test
	void whatWouldReachACustomerBrokenIsRefusedAtStart() {
		assertRefused("email", "not an address", "accessdesk.support.email");
		assertRefused("email", "a@b.example, c@d.example", "accessdesk.support.email");
		assertRefused("email", "Desk <a@b.example>", "accessdesk.support.email");
		assertRefused("email", "", "accessdesk.support.email");
		assertRefused("url", "javascript:alert(1)", "accessdesk.support.url");
		assertRefused("url", "/relative/help", "accessdesk.support.url");
		assertRefused("url", "ftp://help.desk.example/", "accessdesk.support.url");
		assertRefused("hours.en", " ", "accessdesk.support.hours");
		Map<String, String> noHours = valid();
		noHours.remove("accessdesk.support.hours.ja");
		noHours.remove("accessdesk.support.hours.en");
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(noHours))
			.havingRootCause()
			.withMessageContaining("accessdesk.support.hours");
	}

	private static void assertRefused(String key, String value, String named) {
		Map<String, String> properties = valid();
		properties.put("accessdesk.support." + key, value);
		assertThatExceptionOfType(BindException.class).as("%s = %s", key, value)
			.isThrownBy(() -> bind(properties))
			.havingRootCause()
			.withMessageContaining(named);
	}

	private static Map<String, String> valid() {
		Map<String, String> properties = new HashMap<>();
		properties.put("accessdesk.support.email", "help@desk.example");
		properties.put("accessdesk.support.url", "https://help.desk.example/");
		properties.put("accessdesk.support.hours.ja", "平日 9:00〜17:30");
		properties.put("accessdesk.support.hours.en", "Weekdays 9:00–17:30");
		return properties;
	}

	private static SupportContact bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("accessdesk.support",
				SupportContact.class);
	}

}
