package org.accessdesk;

import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's connection follows {@code spring.r2dbc.*} with the options that say how to
 * connect: the same TLS, the same connect timeout, read the way Spring Boot reads them
 * for the pool.
 */
class DatabaseDefaultsTests {

	@Test
	void theFlywayUrlKeepsTheTlsOptionsAndConnectTimeoutOfTheR2dbcUrl() throws SQLException {
		MockEnvironment environment = derive(new MockEnvironment().withProperty("spring.r2dbc.url",
				"r2dbc:postgresql://db.example:5433/desk?sslMode=VERIFY_FULL&sslRootCert=/etc/desk/ca.pem&connectTimeout=PT7.5S"));
		String url = environment.getProperty("spring.flyway.url");
		assertThat(url).startsWith("jdbc:postgresql://db.example:5433/desk?");
		Properties parsed = Driver.parseURL(url, null);
		assertThat(parsed.getProperty("sslmode")).isEqualTo("verify-full");
		assertThat(parsed.getProperty("sslrootcert")).isEqualTo("/etc/desk/ca.pem");
		assertThat(parsed.getProperty("connectTimeout")).as("whole seconds, rounded up").isEqualTo("8");
	}

	@Test
	void r2dbcsMeansTls() throws SQLException {
		MockEnvironment environment = derive(
				new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbcs:postgresql://db.example/desk"));
		assertThat(environment.getProperty("spring.flyway.url"))
			.isEqualTo("jdbc:postgresql://db.example/desk?ssl=true");
	}

	@Test
	void aPoolUrlNamesTheSameDatabase() {
		MockEnvironment environment = derive(new MockEnvironment().withProperty("spring.r2dbc.url",
				"r2dbc:pool:postgresql://db.example:5432/desk?sslMode=require&maxSize=30"));
		assertThat(environment.getProperty("spring.flyway.url"))
			.isEqualTo("jdbc:postgresql://db.example:5432/desk?sslmode=require");
	}

	@Test
	void r2dbcPropertiesCountAsTheUrlsOwnAndWinOverIt() throws SQLException {
		MockEnvironment environment = derive(new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.example/desk?sslMode=disable")
			.withProperty("spring.r2dbc.properties.sslMode", "require")
			.withProperty("spring.r2dbc.properties.connectTimeout", "3s")
			.withProperty("spring.r2dbc.properties.options", "search_path=desk;lock_timeout=5s")
			.withProperty("spring.r2dbc.properties.statementTimeout", "PT1S"));
		Properties parsed = Driver.parseURL(environment.getProperty("spring.flyway.url"), null);
		assertThat(parsed.getProperty("sslmode")).isEqualTo("require");
		assertThat(parsed.getProperty("connectTimeout")).isEqualTo("3");
		assertThat(parsed.getProperty("options")).isEqualTo("-c search_path=desk -c lock_timeout=5s");
		assertThat(parsed).as("a timeout meant for requests does not limit migrations")
			.doesNotContainKey("statementTimeout");
	}

	@Test
	void credentialsInTheUrlWinAsForThePoolAndExplicitFlywaySettingsWinOverAll() {
		MockEnvironment fromUrl = derive(
				new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://desk:secret@db.example/desk")
					.withProperty("spring.r2dbc.username", "other"));
		assertThat(fromUrl.getProperty("spring.flyway.user")).isEqualTo("desk");
		assertThat(fromUrl.getProperty("spring.flyway.password")).isEqualTo("secret");

		MockEnvironment fromProperties = derive(
				new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.example/desk")
					.withProperty("spring.r2dbc.username", "desk")
					.withProperty("spring.r2dbc.password", "secret"));
		assertThat(fromProperties.getProperty("spring.flyway.user")).isEqualTo("desk");
		assertThat(fromProperties.getProperty("spring.flyway.password")).isEqualTo("secret");

		MockEnvironment explicit = derive(new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://desk@db.example/desk?sslMode=require")
			.withProperty("spring.flyway.url", "jdbc:postgresql://migrations.example/desk?sslmode=verify-full")
			.withProperty("spring.flyway.user", "migrator"));
		assertThat(explicit.getProperty("spring.flyway.url"))
			.isEqualTo("jdbc:postgresql://migrations.example/desk?sslmode=verify-full");
		assertThat(explicit.getProperty("spring.flyway.user")).isEqualTo("migrator");
	}

	@Test
	void otherDatabasesAreLeftToSpringFlywayUrl() {
		MockEnvironment environment = derive(
				new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:h2:mem:///desk"));
		assertThat(environment.getProperty("spring.flyway.url")).isNull();
	}

	private static MockEnvironment derive(MockEnvironment environment) {
		new DatabaseDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
