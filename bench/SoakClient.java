import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's clients (bench/soak.sh), JDK only, loopback only. Modes:
 * <ul>
 * <li>{@code smtp PORT FILE}: an SMTP sink on 127.0.0.1:PORT that accepts every mail and
 * appends its Message-ID to FILE (flushed) before it answers 250, so FILE lists every mail
 * the server accepted, once per acceptance.
 * <li>{@code drive URL_A URL_B TOKENS VENDOR_TOKEN CONTRACTS RATE SECONDS DRAIN OUT}: one
 * SSE stream per token on {@code /api/me/events} (half on A, half on B), each resumed with
 * Last-Event-ID after any disconnect, on the other instance first; RATE submissions/s of
 * contracts that go to the vendor's queue, spread over A and B; the vendor approves
 * what waits, every second. After SECONDS the load stops and the streams stay open DRAIN
 * seconds more to catch up. Writes OUT/received.tsv (account number, event id, one line
 * per event received, duplicates included), OUT/http.tsv (epoch ms, instance, what,
 * status; -1 = no answer) and OUT/streams.tsv (reconnects per account).
 * </ul>
 */
public class SoakClient {

	static final String BODY = "{\"kind\":\"FULL_SUPPORT\",\"identifierType\":\"CONTRACT\",\"identifiers\":\"%d\"}";

	static final Pattern ITEM_ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");

	static final Pattern TOKEN_NUMBER = Pattern.compile("-(\\d+)$");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "smtp" -> smtp(Integer.parseInt(args[1]), Path.of(args[2]));
			case "drive" -> drive(loopback(args[1]), loopback(args[2]), Files.readAllLines(Path.of(args[3])), args[4],
					Integer.parseInt(args[5]), Double.parseDouble(args[6]), Integer.parseInt(args[7]),
					Integer.parseInt(args[8]), Path.of(args[9]));
			default -> throw new IllegalArgumentException("unknown mode " + args[0]);
		}
	}

	static String loopback(String url) throws IOException {
		String host = URI.create(url).getHost();
		if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
			throw new IllegalArgumentException("only loopback targets: " + url);
		}
		return url;
	}

	// ------------------------------------------------------------------ SMTP sink

	static void smtp(int port, Path file) throws IOException {
		try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
			System.out.println("smtp sink on 127.0.0.1:" + port);
			while (true) {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> session(socket, file));
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	static void session(Socket socket, Path file) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 soak-sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> reply(out, "250 soak-sink");
					case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					case "DATA" -> {
						reply(out, "354 end with .");
						String messageId = null;
						boolean headers = true;
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							if (data.isEmpty()) {
								headers = false;
							}
							if (headers && messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								messageId = data.substring(11).strip();
							}
						}
						if (data == null) {
							return;
						}
						synchronized (SoakClient.class) {
							Files.writeString(file, ((messageId != null) ? messageId : "<none>") + "\n",
									StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
						}
						reply(out, "250 accepted");
					}
					default -> reply(out, "502 not implemented");
				}
			}
		}
		catch (IOException ex) {
			// The client went away; what it did not finish was not accepted.
		}
	}

	static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	// ------------------------------------------------------------------ load and streams

	static final ConcurrentLinkedQueue<String> httpLog = new ConcurrentLinkedQueue<>();

	static final ConcurrentLinkedQueue<String> receivedLog = new ConcurrentLinkedQueue<>();

	static void drive(String a, String b, List<String> tokenLines, String vendorToken, int contracts, double rate,
			int seconds, int drain, Path out) throws Exception {
		List<String> tokens = tokenLines.stream().map(String::strip).filter((t) -> !t.isEmpty()).toList();
		List<String> bases = List.of(a, b);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicBoolean streaming = new AtomicBoolean(true);
		List<Stream> streams = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			Matcher number = TOKEN_NUMBER.matcher(tokens.get(i));
			number.find();
			Stream stream = new Stream(http, bases, i % 2, tokens.get(i), number.group(1), streaming);
			streams.add(stream);
			stream.open();
		}
		Thread.sleep(3000);
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
		AtomicLong next = new AtomicLong(ThreadLocalRandom.current().nextInt(contracts));
		AtomicInteger turn = new AtomicInteger();
		long periodMicros = (long) (1_000_000 / rate);
		timer.scheduleAtFixedRate(() -> {
			if (!loading.get()) {
				return;
			}
			int t = turn.getAndIncrement();
			String base = bases.get(t % 2);
			String token = tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
			long contract = 1 + (next.getAndIncrement() % contracts);
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/access-requests"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(contract)))
				.build();
			send(http, request, base, "submit");
		}, 0, periodMicros, TimeUnit.MICROSECONDS);
		timer.scheduleWithFixedDelay(() -> {
			if (loading.get()) {
				decide(http, bases.get(turn.get() % 2), vendorToken);
			}
		}, 1, 1, TimeUnit.SECONDS);
		Thread.sleep(seconds * 1000L);
		loading.set(false);
		System.out.println("load stopped; streams catch up for " + drain + " s");
		// The vendor clears what is left, so that the last decisions' events are checked too.
		decide(http, a, vendorToken);
		decide(http, b, vendorToken);
		Thread.sleep(drain * 1000L);
		streaming.set(false);
		timer.shutdownNow();
		write(out.resolve("http.tsv"), httpLog);
		write(out.resolve("received.tsv"), receivedLog);
		List<String> reconnects = new ArrayList<>();
		for (Stream stream : streams) {
			reconnects.add(stream.account + "\t" + stream.connects.get());
		}
		Files.write(out.resolve("streams.tsv"), reconnects);
		System.out.println("done");
		System.exit(0);
	}

	static void write(Path file, ConcurrentLinkedQueue<String> lines) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(file)) {
			for (String line : lines) {
				writer.write(line);
				writer.newLine();
			}
		}
	}

	static int send(HttpClient http, HttpRequest request, String base, String what) {
		int status;
		String body = "";
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			body = response.body();
		}
		catch (IOException ex) {
			status = -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = -1;
		}
		httpLog.add(System.currentTimeMillis() + "\t" + base + "\t" + what + "\t" + status
				+ ((status >= 500) ? "\t" + body.replaceAll("\\s+", " ") : ""));
		lastBody.set(body);
		return status;
	}

	/** The last answer's body on this thread. */
	static final ThreadLocal<String> lastBody = new ThreadLocal<>();

	/** Approves what waits in the vendor's queue (at most 50 a round). */
	static void decide(HttpClient http, String base, String vendorToken) {
		HttpRequest queue = HttpRequest.newBuilder(URI.create(base + "/api/review/items?queue=vendor"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + vendorToken)
			.GET()
			.build();
		if (send(http, queue, base, "queue") != 200) {
			return;
		}
		Matcher items = ITEM_ID.matcher(lastBody.get());
		int n = 0;
		while (items.find() && n++ < 50) {
			HttpRequest decision = HttpRequest
				.newBuilder(URI.create(base + "/api/review/items/" + items.group(1) + "/decision"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + vendorToken)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\"}"))
				.build();
			send(http, decision, base, "decide");
		}
	}

	/** One account's stream, resumed from its last event after every disconnect. */
	static final class Stream {

		final HttpClient http;

		final List<String> bases;

		final String token;

		final String account;

		final AtomicBoolean streaming;

		final AtomicInteger connects = new AtomicInteger();

		volatile int instance;

		volatile String lastEventId = "0";

		Stream(HttpClient http, List<String> bases, int instance, String token, String account,
				AtomicBoolean streaming) {
			this.http = http;
			this.bases = bases;
			this.instance = instance;
			this.token = token;
			this.account = account;
			this.streaming = streaming;
		}

		void open() {
			if (!this.streaming.get()) {
				return;
			}
			this.connects.incrementAndGet();
			String base = this.bases.get(this.instance);
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me/events"))
				.header("Authorization", "Bearer " + this.token)
				.header("Accept", "text/event-stream")
				// "0" is before every event: a stream that has seen nothing yet misses nothing.
				.header("Last-Event-ID", this.lastEventId)
				.GET()
				.build();
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).whenComplete((response, failure) -> {
				if (failure == null) {
					if (response.statusCode() != 200) {
						httpLog.add(System.currentTimeMillis() + "\t" + base + "\tstream\t" + response.statusCode());
						response.body().close();
					}
					else {
						try (java.util.stream.Stream<String> lines = response.body()) {
							String id = null;
							for (String line : (Iterable<String>) lines::iterator) {
								if (!this.streaming.get()) {
									break;
								}
								if (line.startsWith("id:")) {
									id = line.substring(3).strip();
								}
								else if (line.startsWith("data:") && id != null) {
									receivedLog.add(this.account + "\t" + id);
									this.lastEventId = id;
									id = null;
								}
							}
						}
						catch (RuntimeException ex) {
							// The connection broke (instance killed): resume below.
						}
					}
				}
				else {
					httpLog.add(System.currentTimeMillis() + "\t" + base + "\tstream\t-1");
				}
				// Resume on the other instance, as a browser behind a load balancer would.
				this.instance = 1 - this.instance;
				if (this.streaming.get()) {
					CompletableDelay.after(500, this::open);
				}
			});
		}

	}

	static final class CompletableDelay {

		static final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();

		static void after(long millis, Runnable task) {
			delays.schedule(task, millis, TimeUnit.MILLISECONDS);
		}

	}

}
