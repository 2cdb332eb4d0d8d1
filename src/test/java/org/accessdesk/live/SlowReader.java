package org.accessdesk.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An SSE client that stops reading after the headers, on a socket with a tiny receive
 * buffer, so that the server's writes back up — the client that cannot keep up.
 */
final class SlowReader implements AutoCloseable {

	private final Socket socket = new Socket();

	SlowReader(int port, String path, String token) throws IOException {
		this.socket.setReceiveBufferSize(1024);
		this.socket.connect(new InetSocketAddress("localhost", port));
		this.socket.getOutputStream()
			.write(("GET " + path
					+ " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
	}

	void awaitHeaders(Duration timeout) throws IOException {
		this.socket.setSoTimeout((int) timeout.toMillis());
		InputStream in = this.socket.getInputStream();
		StringBuilder head = new StringBuilder();
		while (!head.toString().contains("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				throw new IOException("closed before the headers: " + head);
			}
			head.append((char) c);
		}
		if (!head.toString().startsWith("HTTP/1.1 200")) {
			throw new IOException("not a stream: " + head);
		}
	}

	/**
	 * Reads everything now, fast, for at most {@code timeout}; true when the server ended
	 * the stream: the chunked response's last chunk arrived, or the connection closed.
	 * (An open stream would keep sending heartbeats forever.)
	 */
	boolean readUntilEnded(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.socket.setSoTimeout(1000);
		byte[] buffer = new byte[64 * 1024];
		String tail = "";
		while (System.nanoTime() < deadline) {
			try {
				int read = this.socket.getInputStream().read(buffer);
				if (read < 0) {
					return true;
				}
				tail = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
				tail = tail.substring(Math.max(0, tail.length() - 16));
				if (tail.endsWith("\r\n0\r\n\r\n")) {
					return true;
				}
			}
			catch (SocketTimeoutException ex) {
				// nothing yet; look again until the deadline
			}
		}
		return false;
	}

	/** Whatever the stream sends within the window, as text. */
	String readFor(Duration window) throws IOException {
		long deadline = System.nanoTime() + window.toNanos();
		this.socket.setSoTimeout(200);
		StringBuilder text = new StringBuilder();
		byte[] buffer = new byte[8192];
		while (System.nanoTime() < deadline) {
			try {
				int read = this.socket.getInputStream().read(buffer);
				if (read < 0) {
					break;
				}
				text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
			catch (SocketTimeoutException ex) {
				// keep listening until the window closes
			}
		}
		return text.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
