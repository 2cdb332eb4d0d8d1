package org.accessdesk.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP hop between the browser and the service that can be cut, as a flaky network or a
 * restarted proxy would: {@link #cut()} drops every open connection (the live stream
 * included) and refuses new ones until {@link #restore()}.
 */
final class CuttableProxy implements AutoCloseable {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final ServerSocket server;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	CuttableProxy(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, LOOPBACK);
		daemon("proxy-accept", this::accept);
	}

	/**
	 * Where the browser should go: the loopback address as a literal, so it is this hop.
	 */
	String baseUrl() {
		return "http://" + LOOPBACK.getHostAddress() + ":" + this.server.getLocalPort();
	}

	void cut() {
		this.cut = true;
		this.open.forEach(CuttableProxy::closeQuietly);
		this.open.clear();
	}

	void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					client.close();
					continue;
				}
				Socket upstream = new Socket(LOOPBACK, this.target);
				this.open.add(client);
				this.open.add(upstream);
				daemon("proxy-up", () -> pipe(client, upstream));
				daemon("proxy-down", () -> pipe(upstream, client));
			}
			catch (IOException ex) {
				// The server socket closed, or one
				// connection failed: the browser retries.
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// Cut or closed by either end.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already gone.
		}
	}

	@Override
	public void close() throws IOException {
		cut();
		this.server.close();
	}

}
