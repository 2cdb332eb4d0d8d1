package org.accessdesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets {@code spring.r2dbc.*} be the one place to name the database: Flyway migrates over
 * JDBC, so unless {@code spring.flyway.url}/{@code user}/{@code password} are set
 * explicitly they are derived from the R2DBC settings — the URL with its options and
 * {@code spring.r2dbc.properties.*}, read the way Spring Boot reads them for the pool.
 * Added with the lowest precedence, so any explicit Flyway setting wins. A service
 * connection brings Flyway's connection details itself, and those win over these.
 */
class DatabaseDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "accessdeskDatabaseDefaults";

	/**
	 * R2DBC PostgreSQL options that say how to connect, and the pgjdbc properties that
	 * mean the same. Session settings such as {@code statementTimeout} are left to R2DBC:
	 * a timeout meant for requests must not cut a long migration short.
	 */
	private static final Map<String, String> JDBC_NAMES = jdbcNames();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.r2dbc.url");
		if (!StringUtils.hasText(url)) {
			return;
		}
		Map<String, String> properties = Binder.get(environment)
			.bind("spring.r2dbc.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		ConnectionFactoryOptions options = r2dbcOptions(url, environment.getProperty("spring.r2dbc.username"),
				environment.getProperty("spring.r2dbc.password"), properties);
		Map<String, Object> defaults = new HashMap<>();
		String jdbcUrl = jdbcUrlOf(options);
		if (jdbcUrl != null && environment.getProperty("spring.flyway.url") == null) {
			defaults.put("spring.flyway.url", jdbcUrl);
		}
		Object user = options.getValue(ConnectionFactoryOptions.USER);
		if (user != null && environment.getProperty("spring.flyway.user") == null) {
			defaults.put("spring.flyway.user", user.toString());
		}
		Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
		if (password != null && environment.getProperty("spring.flyway.password") == null) {
			defaults.put("spring.flyway.password", password.toString());
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
		}
	}

	/**
	 * The options Spring Boot builds the pool from (its
	 * {@code PropertiesR2dbcConnectionDetails}): the URL's, then username and password
	 * where the URL has none, then every {@code spring.r2dbc.properties.*} entry on top.
	 */
	static ConnectionFactoryOptions r2dbcOptions(String url, @Nullable String username, @Nullable String password,
			Map<String, String> properties) {
		ConnectionFactoryOptions fromUrl = ConnectionFactoryOptions.parse(url);
		ConnectionFactoryOptions.Builder builder = fromUrl.mutate();
		if (!fromUrl.hasOption(ConnectionFactoryOptions.USER) && StringUtils.hasText(username)) {
			builder.option(ConnectionFactoryOptions.USER, username);
		}
		if (!fromUrl.hasOption(ConnectionFactoryOptions.PASSWORD) && StringUtils.hasText(password)) {
			builder.option(ConnectionFactoryOptions.PASSWORD, password);
		}
		properties.forEach((key, value) -> builder.option(Option.valueOf(key), value));
		return builder.build();
	}

	/**
	 * {@code r2dbc:postgresql://host:5432/db?sslMode=require&connectTimeout=PT5S} (or
	 * {@code r2dbcs:}, {@code r2dbc:pool:postgresql:}) →
	 * {@code jdbc:postgresql://host:5432/db?sslmode=require&connectTimeout=5}; null for
	 * anything but PostgreSQL over TCP.
	 */
	static @Nullable String jdbcUrlOf(ConnectionFactoryOptions options) {
		String driver = String.valueOf(options.getValue(ConnectionFactoryOptions.DRIVER));
		Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
		if ("pool".equals(driver) && protocol != null) {
			driver = protocol.toString().split(":", 2)[0];
		}
		Object host = options.getValue(ConnectionFactoryOptions.HOST);
		if (!("postgresql".equals(driver) || "postgres".equals(driver)) || host == null) {
			return null;
		}
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host);
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		if (port != null) {
			url.append(':').append(port);
		}
		url.append('/');
		Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
		if (database != null) {
			url.append(encode(database.toString()));
		}
		// Keyed by JDBC name, so currentSchema wins over its alias schema, as in R2DBC.
		Map<String, String> query = new LinkedHashMap<>();
		JDBC_NAMES.forEach((r2dbcName, jdbcName) -> {
			Object value = options.getValue(Option.valueOf(r2dbcName));
			if (value != null) {
				query.put(jdbcName, jdbcValue(r2dbcName, value));
			}
		});
		List<String> pairs = new ArrayList<>();
		query.forEach((name, value) -> pairs.add(name + "=" + encode(value)));
		if (!pairs.isEmpty()) {
			url.append('?').append(String.join("&", pairs));
		}
		return url.toString();
	}

	private static String jdbcValue(String r2dbcName, Object value) {
		if ("sslMode".equals(r2dbcName)) {
			// R2DBC takes REQUIRE as well as require; pgjdbc only the latter.
			return (value instanceof SSLMode mode) ? mode.toString() : SSLMode.fromValue(value.toString()).toString();
		}
		if ("connectTimeout".equals(r2dbcName)) {
			// pgjdbc counts whole seconds; rounding up keeps a short timeout from
			// becoming none (0).
			Duration timeout = (value instanceof Duration duration) ? duration
					: DurationStyle.detectAndParse(value.toString());
			return Long.toString((timeout.toMillis() + 999) / 1000);
		}
		if ("options".equals(r2dbcName)) {
			// R2DBC: name=value;name=value (or a map); pgjdbc: -c name=value -c …
			List<String> flags = new ArrayList<>();
			if (value instanceof Map<?, ?> settings) {
				settings.forEach((name, setting) -> flags.add("-c " + name + "=" + setting));
			}
			else {
				for (String setting : value.toString().split(";")) {
					flags.add("-c " + setting.trim());
				}
			}
			return String.join(" ", flags);
		}
		return value.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, String> jdbcNames() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("ssl", "ssl");
		names.put("sslMode", "sslmode");
		names.put("sslRootCert", "sslrootcert");
		names.put("sslCert", "sslcert");
		names.put("sslKey", "sslkey");
		names.put("sslPassword", "sslpassword");
		names.put("sslHostnameVerifier", "sslhostnameverifier");
		names.put("connectTimeout", "connectTimeout");
		names.put("tcpKeepAlive", "tcpKeepAlive");
		names.put("tcpNoDelay", "tcpNoDelay");
		names.put("applicationName", "ApplicationName");
		names.put("schema", "currentSchema");
		names.put("currentSchema", "currentSchema");
		names.put("options", "options");
		return names;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
