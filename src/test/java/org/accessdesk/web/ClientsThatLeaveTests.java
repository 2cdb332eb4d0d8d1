package org.accessdesk.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.NettyLeaks;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that leave before their answer — a browser that navigates on, a load tester's
 * timeout — cost the service nothing it keeps. Two leaks came from them: a query
 * cancelled while it was being sent dropped its parameter buffers (r2dbc-postgresql; 2 to
 * 4 in each run of this test before {@code QueriesSentWhole}), and a JSON answer encoded
 * on the driver's thread as its client left lost its buffer in Spring's writer (about
 * every other run before {@link AnswersOnTheirConnection}). Here three thousand clients
 * leave at every moment of their request, and streams close while events flow; with the
 * garbage collector run, Netty's leak detector ({@link NettyLeaks}, paranoid) has found
 * nothing, every submission made meanwhile was taken, and the service still answers.
 */
@IntegrationTest
class ClientsThatLeaveTests {

	private static final String SUBMISSION = """
			{"kind":"FULL_SUPPORT","identifierType":"CONTRACT","identifiers":["%s"]}""";

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Test
	void requestsAndStreamsWhoseClientsLeaveLeakNothing() throws Exception {
		TestAccounts accounts = new TestAccounts(this.client);
		Person person = accounts.customer("Departures KK");
		String token = accounts.token(person);
		String auth = "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n";
		List<String> requests = List.of("GET /api/profile HTTP/1.1\r\n" + auth + "\r\n",
				"GET /api/access-requests HTTP/1.1\r\n" + auth + "\r\n",
				"GET /api/me/events HTTP/1.1\r\n" + auth + "Accept: text/event-stream\r\n\r\n");
		ExecutorService leavers = Executors.newFixedThreadPool(16);
		ExecutorService submitter = Executors.newSingleThreadExecutor();
		AtomicInteger created = new AtomicInteger();
		Future<?> events = submitter.submit(() -> submitWhileOthersLeave(token, created));
		List<Future<?>> left = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			String request = requests.get(i % requests.size());
			// Leave at once, or after up to 20 ms; half by reset, half by an orderly
			// close.
			int stay = (i / 3) % 21;
			boolean reset = i % 2 == 0;
			left.add(leavers.submit(() -> sendAndLeave(request, stay, reset)));
		}
		for (Future<?> one : left) {
			one.get(2, TimeUnit.MINUTES);
		}
		events.get(2, TimeUnit.MINUTES);
		leavers.shutdown();
		submitter.shutdown();
		assertThat(created).as("submissions made while clients left").hasValue(100);
		NettyLeaks.collectAndLook();
		assertThat(NettyLeaks.drain()).as("buffers leaked").isEmpty();
		// Still answering, with nothing held by the clients that left.
		this.client.get()
			.uri("/api/profile")
			.headers(TestAccounts.Person.bearer(token))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void submitWhileOthersLeave(String token, AtomicInteger created) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < 100; i++) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/access-requests"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(SUBMISSION.formatted(String.format("83%06d", i))))
				.build();
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
					created.incrementAndGet();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Void sendAndLeave(String request, int stayMillis, boolean reset) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			if (reset) {
				socket.setSoLinger(true, 0);
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			if (stayMillis > 0) {
				Thread.sleep(stayMillis);
			}
		}
		return null;
	}

}
