package org.accessdesk.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * A real SSE client on a real connection: records each status event and when it arrived.
 * It speaks HTTP/1.1 on a plain socket, so that {@link #close()} really closes the
 * connection (the server notices at its next write, as with a browser that goes away) and
 * no Netty buffer exists on the client's side (see {@link TestHttp}).
 */
public final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final Socket socket;

	private volatile HttpHeaders headers;

	private volatile Throwable failure;

	private volatile boolean completed;

	private volatile boolean closing;

	public SseClient(int port, String path, Consumer<HttpHeaders> auth) {
		HttpHeaders request = new HttpHeaders();
		auth.accept(request);
		StringBuilder head = new StringBuilder(
				"GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/event-stream\r\n");
		request.forEach((name, values) -> values
			.forEach((value) -> head.append(name).append(": ").append(value).append("\r\n")));
		head.append("\r\n");
		try {
			this.socket = new Socket("localhost", port);
			OutputStream out = this.socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open the stream " + path, ex);
		}
		Thread reader = new Thread(this::read, "sse-client-" + port);
		reader.setDaemon(true);
		reader.start();
	}

	private void read() {
		try (InputStream in = new BufferedInputStream(this.socket.getInputStream())) {
			HttpHeaders answer = new HttpHeaders();
			String status = line(in);
			for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				answer.add(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
			}
			if (status == null || !status.contains(" 200")) {
				throw new IOException("The stream answered " + status);
			}
			this.headers = answer;
			boolean chunked = "chunked".equalsIgnoreCase(answer.getFirst(HttpHeaders.TRANSFER_ENCODING));
			InputStream body = chunked ? new Chunks(in) : in;
			String id = null;
			String event = null;
			StringBuilder data = new StringBuilder();
			for (String field = line(body); field != null; field = line(body)) {
				if (field.isEmpty()) {
					if ("status".equals(event) && data.length() > 0) {
						@SuppressWarnings("unchecked")
						Map<String, Object> parsed = JSON.readValue(data.toString(), Map.class);
						this.received.add(new Received(id, parsed, Instant.now()));
					}
					id = null;
					event = null;
					data.setLength(0);
				}
				else if (field.startsWith("id:")) {
					id = field.substring(3).strip();
				}
				else if (field.startsWith("event:")) {
					event = field.substring(6).strip();
				}
				else if (field.startsWith("data:")) {
					data.append((data.length() > 0) ? "\n" : "").append(field.substring(5).strip());
				}
			}
			this.completed = true;
		}
		catch (IOException | RuntimeException ex) {
			if (this.closing) {
				this.completed = true;
			}
			else {
				this.failure = ex;
			}
		}
	}

	/** One line (without its CR LF), or null at the end of the stream. */
	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int b = in.read();
		if (b < 0) {
			return null;
		}
		while (b >= 0 && b != '\n') {
			bytes.write(b);
			b = in.read();
		}
		String text = bytes.toString(StandardCharsets.UTF_8);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
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
		this.closing = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

	/** One status event as received. */
	public record Received(String id, Map<String, Object> data, Instant at) {

		public String itemId() {
			return (String) this.data.get("itemId");
		}

	}

	/** The body of a chunked answer, as one stream. */
	private static final class Chunks extends InputStream {

		private final InputStream in;

		private long left;

		private boolean ended;

		Chunks(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			if (this.ended) {
				return -1;
			}
			if (this.left == 0) {
				String size = line(this.in);
				while (size != null && size.isEmpty()) {
					size = line(this.in);
				}
				if (size == null) {
					this.ended = true;
					return -1;
				}
				int extension = size.indexOf(';');
				this.left = Long.parseLong((extension >= 0) ? size.substring(0, extension) : size.strip(), 16);
				if (this.left == 0) {
					this.ended = true;
					return -1;
				}
			}
			int b = this.in.read();
			if (b < 0) {
				this.ended = true;
				return -1;
			}
			this.left--;
			return b;
		}

	}

}
