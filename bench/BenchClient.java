import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's HTTP load, JDK only (run as a single source file: {@code java BenchClient.java}).
 * Loopback targets only. Modes:
 * <ul>
 * <li>{@code closed URL TOKENS C SECONDS}: C workers submit back to back.
 * <li>{@code open URL TOKENS RATE SECONDS MAX_IN_FLIGHT}: submissions started at a fixed
 * rate, latency measured from the intended start (no coordinated omission); a start that
 * finds MAX_IN_FLIGHT answers outstanding is counted as missed.
 * <li>{@code hold URL TOKENS N RATE SECONDS}: N SSE streams (tokens round robin), opened
 * at RATE/s, each retried after a second when refused; prints CONNECTED once all are
 * open, then holds them for SECONDS (or until killed).
 * <li>{@code latency URL_A URL_B TOKENS RATE SECONDS}: one stream per token on B,
 * submissions on A at RATE/s; latency = receipt on B minus the event's {@code at}.
 * <li>{@code cross URL_A URL_B TOKENS RATE SECONDS}: the same across both instances:
 * half the tokens submit on A and stream from B, the other half the other way round, so
 * every event is committed on one instance and delivered by the other.
 * </ul>
 * Results are printed as {@code key=value} lines for bench/run.sh.
 */
public class BenchClient {

	static final String BODY = "{\"kind\":\"FULL_SUPPORT\",\"identifierType\":\"CONTRACT\",\"identifiers\":\"%d\"}";

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		switch (mode) {
			case "closed" -> closed(loopback(args[1]), tokens(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]));
			case "open" -> open(loopback(args[1]), tokens(args[2]), Double.parseDouble(args[3]),
					Integer.parseInt(args[4]), Integer.parseInt(args[5]));
			case "hold" -> hold(loopback(args[1]), tokens(args[2]), Integer.parseInt(args[3]),
					Double.parseDouble(args[4]), Integer.parseInt(args[5]));
			case "latency" -> latency(List.of(loopback(args[1])), List.of(loopback(args[2])), tokens(args[3]),
					Double.parseDouble(args[4]), Integer.parseInt(args[5]));
			case "cross" -> latency(List.of(loopback(args[1]), loopback(args[2])),
					List.of(loopback(args[2]), loopback(args[1])), tokens(args[3]), Double.parseDouble(args[4]),
					Integer.parseInt(args[5]));
			default -> throw new IllegalArgumentException("unknown mode " + mode);
		}
		System.exit(0);
	}

	static String loopback(String url) throws IOException {
		String host = URI.create(url).getHost();
		if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
			throw new IllegalArgumentException("only loopback targets: " + url);
		}
		return url;
	}

	static List<String> tokens(String file) throws IOException {
		return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter((t) -> !t.isEmpty()).toList();
	}

	static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(2))
			.build();
	}

	static HttpRequest submission(String base, String token) {
		long unknown = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
		return HttpRequest.newBuilder(URI.create(base + "/api/access-requests"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(unknown)))
			.build();
	}

	static void closed(String base, List<String> tokens, int concurrency, int seconds) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<long[]> all = new ArrayList<>();
		AtomicInteger errors = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		long started = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			long[] mine = new long[2_000_000];
			all.add(mine);
			int worker = w;
			Thread thread = new Thread(() -> {
				int n = 0;
				int i = worker;
				while (System.nanoTime() < end) {
					String token = tokens.get(i++ % tokens.size());
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(submission(base, token),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					mine[++n] = System.nanoTime() - t0;
				}
				mine[0] = n;
			});
			thread.start();
			workers.add(thread);
		}
		for (Thread thread : workers) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		List<Long> latencies = new ArrayList<>();
		for (long[] mine : all) {
			for (int k = 1; k <= mine[0]; k++) {
				latencies.add(mine[k]);
			}
		}
		report("closed", latencies, elapsed, errors.get(), 0);
	}

	static void open(String base, List<String> tokens, double rate, int seconds, int maxInFlight) throws Exception {
		open(List.of(base), tokens, rate, seconds, maxInFlight);
	}

	/** The same, token {@code t} submitting to {@code bases[t % bases.size()]}. */
	static void open(List<String> bases, List<String> tokens, double rate, int seconds, int maxInFlight)
			throws Exception {
		HttpClient http = client();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger inFlight = new AtomicInteger();
		int missed = 0;
		long total = (long) (rate * seconds);
		long interval = (long) (1e9 / rate);
		long start = System.nanoTime();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (long k = 0; k < total; k++) {
			long intended = start + k * interval;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			if (inFlight.get() >= maxInFlight) {
				missed++;
				continue;
			}
			inFlight.incrementAndGet();
			int t = (int) (k % tokens.size());
			pending.add(http.sendAsync(submission(bases.get(t % bases.size()), tokens.get(t)),
					HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					inFlight.decrementAndGet();
					latencies.add(System.nanoTime() - intended);
					if (failure != null || response.statusCode() != 201) {
						errors.incrementAndGet();
					}
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((x) -> null).join();
		double elapsed = (System.nanoTime() - start) / 1e9;
		report("open", new ArrayList<>(latencies), elapsed, errors.get(), missed);
	}

	/**
	 * One stream, opened again after a second when the answer is not a stream (as a
	 * browser's EventSource does), up to {@code attempts} times.
	 */
	static void holdOne(HttpClient http, String base, String token, CountDownLatch connected, AtomicInteger failed,
			AtomicInteger retries, int attempts) {
		stream(http, base, token, connected, (line) -> {
		}).whenComplete((response, failure) -> {
			HttpResponse<?> answer = (HttpResponse<?>) response;
			if (failure == null && answer.statusCode() == 200) {
				return;
			}
			if (attempts <= 1) {
				failed.incrementAndGet();
				connected.countDown();
				return;
			}
			retries.incrementAndGet();
			CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
				.execute(() -> holdOne(http, base, token, connected, failed, retries, attempts - 1));
		});
	}

	static void hold(String base, List<String> tokens, int n, double rate, int seconds) throws Exception {
		HttpClient http = client();
		CountDownLatch connected = new CountDownLatch(n);
		AtomicInteger failed = new AtomicInteger();
		long t0 = System.nanoTime();
		AtomicInteger retries = new AtomicInteger();
		long interval = (long) (1e9 / rate);
		for (int i = 0; i < n; i++) {
			long wait = t0 + i * interval - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			holdOne(http, base, tokens.get(i % tokens.size()), connected, failed, retries, 5);
		}
		connected.await(180, TimeUnit.SECONDS);
		System.out.printf("CONNECTED streams=%d failed=%d retries=%d seconds=%.1f%n",
				n - connected.getCount() - failed.get(), failed.get(), retries.get(), (System.nanoTime() - t0) / 1e9);
		System.out.flush();
		Thread.sleep(seconds * 1000L);
		System.out.println("RELEASED");
	}

	static void latency(List<String> submitTo, List<String> streamFrom, List<String> tokens, double rate,
			int seconds) throws Exception {
		HttpClient streams = client();
		CountDownLatch connected = new CountDownLatch(tokens.size());
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong received = new AtomicLong();
		for (int t = 0; t < tokens.size(); t++) {
			stream(streams, streamFrom.get(t % streamFrom.size()), tokens.get(t), connected, (line) -> {
				if (line.startsWith("data:")) {
					Instant now = Instant.now();
					int at = line.indexOf("\"at\":\"");
					if (at > 0) {
						Instant sent = Instant.parse(line.substring(at + 6, line.indexOf('"', at + 6)));
						latencies.add(Duration.between(sent, now).toNanos());
						received.incrementAndGet();
					}
				}
			});
		}
		connected.await(60, TimeUnit.SECONDS);
		Thread.sleep(1000);
		long start = System.nanoTime();
		open(submitTo, tokens, rate, seconds, 1000);
		// Listen for the whole window even when this client submits nothing (rate ~0: the
		// events come from elsewhere), and a little longer for the last ones.
		long left = TimeUnit.SECONDS.toNanos(seconds) - (System.nanoTime() - start);
		TimeUnit.NANOSECONDS.sleep(Math.max(0, left) + TimeUnit.SECONDS.toNanos(3));
		report("latency", new ArrayList<>(latencies), seconds, 0, 0);
	}

	interface Lines {

		void line(String line);

	}

	static CompletableFuture<?> stream(HttpClient http, String base, String token, CountDownLatch connected,
			Lines lines) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me/events"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
			boolean first = true;

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(String line) {
				if (this.first && line.startsWith(":connected")) {
					this.first = false;
					connected.countDown();
				}
				lines.line(line);
			}

			@Override
			public void onError(Throwable throwable) {
			}

			@Override
			public void onComplete() {
			}
		}));
	}

	static void report(String what, List<Long> nanos, double seconds, int errors, int missed) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%s.count=%d%n%s.seconds=%.1f%n%s.rate=%.1f%n%s.errors=%d%n%s.missed=%d%n", what,
				sorted.length, what, seconds, what, sorted.length / seconds, what, errors, what, missed);
		System.out.printf("%s.p50_ms=%.1f%n%s.p99_ms=%.1f%n%s.max_ms=%.1f%n", what, pct(sorted, 50), what,
				pct(sorted, 99), what, sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6);
		System.out.flush();
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
	}

}
