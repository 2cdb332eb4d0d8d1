package org.accessdesk.support;

import java.net.http.HttpClient;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The tests' HTTP client: the JDK's, not Reactor Netty's. The build fails on any leaked
 * Netty buffer (NettyLeaks, at paranoid), and that check is meant for the service — its
 * server and its database driver. Reactor Netty's HTTP client (1.3.6 on Netty 4.2.15)
 * leaked a response's last content (a {@code LastHttpContent} handed to its channel
 * operations and never released) now and then under the suite's concurrent requests: 304
 * reports in one run, every one of them with {@code HttpClientCodec} in its access
 * records and none on the server's side. With the JDK client no Netty buffer exists on
 * the client side, so every LEAK the suite reports is the service's.
 */
public final class TestHttp {

	// One client for the run: each JDK client has a selector thread of its own. HTTP/1.1,
	// as browsers and the service's proxies speak to it (no h2c upgrade on every
	// request).
	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private TestHttp() {
	}

	public static ClientHttpConnector connector() {
		return new JdkClientHttpConnector(client);
	}

	/** A WebClient of the instance on {@code port}. */
	public static WebClient.Builder webClient(int port) {
		return WebClient.builder().clientConnector(connector()).baseUrl("http://localhost:" + port);
	}

	/** The tests' own {@code WebTestClient} on the same client. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		WebTestClientBuilderCustomizer jdkHttpClient() {
			return (builder) -> builder.clientConnector(connector());
		}

	}

}
