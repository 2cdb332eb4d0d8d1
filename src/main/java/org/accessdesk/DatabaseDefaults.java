package org.accessdesk;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets {@code spring.r2dbc.*} be the one place to name the database: Flyway migrates over
 * JDBC, so unless {@code spring.flyway.url}/{@code user}/{@code password} are set
 * explicitly they are derived from the R2DBC settings. Added with the lowest precedence,
 * so any explicit Flyway setting wins.
 */
class DatabaseDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "accessdeskDatabaseDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
		if (r2dbcUrl != null && environment.getProperty("spring.flyway.url") == null) {
			defaults.put("spring.flyway.url", jdbcUrlOf(r2dbcUrl));
		}
		copyUnlessSet(environment, defaults, "spring.r2dbc.username", "spring.flyway.user");
		copyUnlessSet(environment, defaults, "spring.r2dbc.password", "spring.flyway.password");
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
		}
	}

	private static void copyUnlessSet(ConfigurableEnvironment environment, Map<String, Object> defaults, String from,
			String to) {
		String value = environment.getProperty(from);
		if (value != null && environment.getProperty(to) == null) {
			defaults.put(to, value);
		}
	}

	/**
	 * {@code r2dbc:postgresql://host:5432/db?x=y} or {@code r2dbc:pool:postgresql://…} →
	 * {@code jdbc:postgresql://host:5432/db}. R2DBC query options have other names than
	 * the JDBC driver's, so they are not carried over; set {@code spring.flyway.url} for
	 * those.
	 */
	static String jdbcUrlOf(String r2dbcUrl) {
		String rest = r2dbcUrl.replaceFirst("^r2dbcs?:", "").replaceFirst("^pool:", "");
		int query = rest.indexOf('?');
		if (query >= 0) {
			rest = rest.substring(0, query);
		}
		return "jdbc:" + rest;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
