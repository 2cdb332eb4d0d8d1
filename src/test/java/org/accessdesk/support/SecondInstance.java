package org.accessdesk.support;

import java.time.Duration;
import java.util.stream.Stream;

import org.accessdesk.AccessDeskApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another instance of the service beside the test's own, on the same database and SMTP
 * server: what a second node behind a load balancer sees. Its settings are given as
 * command-line arguments, so they win over {@code application-test.yml} the way
 * {@code @TestPropertySource} does for the test's own instance.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts one on a free port, with {@code name=value} settings on top of the test's.
	 */
	public static SecondInstance start(String... properties) {
		String[] arguments = Stream.concat(Stream.of("server.port=0"), Stream.of(properties))
			.map((property) -> "--" + property)
			.toArray(String[]::new);
		return new SecondInstance(new SpringApplicationBuilder(AccessDeskApplication.class).profiles("test")
			.initializers(new TestDatabase(), new TestMail())
			.run(arguments));
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	/** A client of this instance, as generous with time as the tests' own. */
	public WebTestClient client() {
		return WebTestClient.bindToServer(TestHttp.connector())
			.baseUrl("http://localhost:" + port())
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
