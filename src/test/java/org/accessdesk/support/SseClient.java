package org.accessdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.awaitility.Awaitility;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import reactor.core.Disposable;

/**
 * A real SSE client on a real connection: records each status event and when it arrived.
 */
public final class SseClient implements AutoCloseable {

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final Disposable connection;

	private volatile HttpHeaders headers;

	private volatile Throwable failure;

	private volatile boolean completed;

	public SseClient(int port, String path, Consumer<HttpHeaders> auth) {
		this.connection = TestHttp.webClient(port)
			.build()
			.get()
			.uri(path)
			.headers(auth)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchangeToFlux((response) -> {
				this.headers = response.headers().asHttpHeaders();
				return response.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
				});
			})
			.filter((event) -> "status".equals(event.event()))
			.subscribe((event) -> this.received.add(new Received(event.id(), event.data(), Instant.now())),
					(error) -> this.failure = error, () -> this.completed = true);
	}

	/**
	 * Waits for the response headers (the server sends a comment at once); fails when
	 * they do not come in time.
	 */
	public HttpHeaders headers(Duration timeout) {
		return Awaitility.await("the stream's headers")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.headers, Objects::nonNull);
	}

	/** The next status event, or null after the timeout. */
	public Received next(Duration timeout) throws InterruptedException {
		return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Exactly {@code count} events, failing if they do not all come within the timeout.
	 */
	public List<Received> take(int count, Duration timeout) throws InterruptedException {
		List<Received> events = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (events.size() < count) {
			long left = deadline - System.nanoTime();
			Received event = (left > 0) ? this.received.poll(left, TimeUnit.NANOSECONDS) : null;
			if (event == null) {
				throw new AssertionError("Got " + events.size() + " of " + count + " events within " + timeout
						+ (this.failure != null ? "; stream failed: " + this.failure : ""));
			}
			events.add(event);
		}
		return events;
	}

	/** Whatever arrives within the window. */
	public List<Received> drain(Duration window) throws InterruptedException {
		Thread.sleep(window.toMillis());
		List<Received> events = new ArrayList<>();
		this.received.drainTo(events);
		return events;
	}

	public boolean isClosed() {
		return this.completed || this.failure != null;
	}

	@Override
	public void close() {
		this.connection.dispose();
	}

	/** One status event as received. */
	public record Received(String id, Map<String, Object> data, Instant at) {

		public String itemId() {
			return (String) this.data.get("itemId");
		}

	}

}
