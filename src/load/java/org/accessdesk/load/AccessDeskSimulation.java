package org.accessdesk.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load suite (issue 7, item 4) against one running instance on loopback. In order:
 * staff accounts and a registry of this run's own (imported as OPERATOR); {@code users}
 * sign-ups, each proving its address with the mailed link ({@link LoadMailbox}) and
 * creating a personal API token; then, at the same time for {@code seconds}:
 * {@code concurrency} closed-model submitters whose requests cover every outcome of the
 * decision table, {@code sseClients} streams held open (each also waits for its own
 * submission to arrive live), and two reviewers (an administrator and the vendor desk)
 * deciding what waits for them; finally every submitted request is read back by its
 * owner. Assertions: failed requests below {@code maxFailedPercent} %, and no read-back
 * failed or missing.
 * <p>
 * Settings are system properties {@code load.*} (see README, docs/BENCHMARKS.md). Only
 * loopback targets are accepted.
 */
public class AccessDeskSimulation extends Simulation {

	static final String BASE_URL = loopbackOnly(System.getProperty("load.baseUrl", "http://127.0.0.1:8080"));

	static final int USERS = Integer.getInteger("load.users", 100);

	static final int CONCURRENCY = Integer.getInteger("load.concurrency", 16);

	static final int SSE_CLIENTS = Integer.getInteger("load.sseClients", 50);

	static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));

	static final double MAX_FAILED_PERCENT = Double.parseDouble(System.getProperty("load.maxFailedPercent", "1.0"));

	static final String OPERATOR = System.getProperty("load.operator", "load-operator@load.example");

	static final String VENDOR = System.getProperty("load.vendor", "load-vendor@load.example");

	static final String STAFF_PASSWORD = System.getProperty("load.staffPassword", "load-staff-password");

	static final String PASSWORD = "load-user-password";

	/**
	 * Where the instance under load sends mail ({@code SPRING_MAIL_PORT}); see
	 * LoadMailbox.
	 */
	static final LoadMailbox MAILBOX = new LoadMailbox(Integer.getInteger("load.smtpPort", 3025));

	/** This run's tag: emails and registry numbers are unique per run. */
	static final String RUN = Long.toString(System.currentTimeMillis(), 36);

	static final LoadRegistry REGISTRY = new LoadRegistry("load-admin-" + RUN + "@load.example");

	static final List<String> TOKENS = new CopyOnWriteArrayList<>();

	static final Map<String, String> STAFF_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

	/** (owner's token, request id) of every 201 answer to a submission. */
	static final ConcurrentLinkedQueue<String[]> SUBMITTED = new ConcurrentLinkedQueue<>();

	static final AtomicInteger SUBMITTED_COUNT = new AtomicInteger();

	static final AtomicInteger READ_BACK = new AtomicInteger();

	static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger();

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.userAgentHeader("access-desk-load");

	/** Cycles through the signed-up accounts, once the sign-up phase has filled them. */
	final Iterator<Map<String, Object>> accounts = Stream.generate(() -> {
		int size = TOKENS.size();
		String token = (size == 0) ? "adt_none" : TOKENS.get(Math.floorMod(NEXT_ACCOUNT.getAndIncrement(), size));
		return Map.<String, Object>of("token", token);
	}).iterator();

	final ScenarioBuilder staff = scenario("staff and registry").exec(signUpStaff("operator", OPERATOR),
			signUpStaff("vendor", VENDOR),
			http("sign up administrator").post("/api/accounts")
				.body(StringBody(account(REGISTRY.admin, STAFF_PASSWORD, REGISTRY.company)))
				.check(status().is(201)),
			verify(REGISTRY.admin),
			http("import registry").post("/api/registry/import")
				.basicAuth(OPERATOR, STAFF_PASSWORD)
				.body(StringBody(REGISTRY.json(Instant.now())))
				.check(status().is(200)),
			staffToken("vendor", VENDOR), staffToken("admin", REGISTRY.admin));

	final ScenarioBuilder signUp = scenario("sign up")
		.exec((session) -> session.set("email", "u" + RUN + "-" + session.userId() + "@load.example"))
		.exec(http("sign up").post("/api/accounts")
			.body(StringBody((session) -> account(session.getString("email"), PASSWORD,
					// One in ten profiles stays incomplete: rule D1.
					(session.userId() % 10 == 0) ? null : REGISTRY.company)))
			.check(status().is(201)))
		.exec(verify("#{email}"))
		.exec(http("create token").post("/api/tokens")
			.basicAuth("#{email}", PASSWORD)
			.body(StringBody("{\"name\":\"load\"}"))
			.check(status().is(201), jsonPath("$.token").saveAs("token")))
		.exec((session) -> {
			if (session.contains("token")) {
				TOKENS.add(session.getString("token"));
			}
			return session;
		});

	final ChainBuilder submitOne = exec((session) -> session.set("body", REGISTRY.randomSubmission()))
		.exec(http("submit").post("/api/access-requests")
			.header("Authorization", "Bearer #{token}")
			.body(StringBody("#{body}"))
			.check(status().is(201), jsonPath("$.id").saveAs("requestId")))
		.exec((session) -> {
			if (!session.isFailed() && session.contains("requestId")) {
				SUBMITTED.add(new String[] { session.getString("token"), session.getString("requestId") });
				SUBMITTED_COUNT.incrementAndGet();
				return session.set("ownRequest", session.getString("requestId")).remove("requestId");
			}
			return session.remove("requestId");
		});

	final ScenarioBuilder submitters = scenario("submitters").feed(this.accounts).exec(this.submitOne);

	final ScenarioBuilder streams = scenario("sse clients").feed(this.accounts)
		.exec(sse("open stream").get("/api/me/events").header("Authorization", "Bearer #{token}"))
		.exec(this.submitOne)
		// The event of this stream's own submission, not just any event of the account
		// (other virtual users submit for it too): none within 15 s is a failure.
		.exec(sse("own submission arrives live").setCheck()
			.await(Duration.ofSeconds(15))
			.on(sse.checkMessage("own status event")
				.matching(substring("#{ownRequest}"))
				.check(substring("\"status\""))))
		.pause(DURATION)
		.exec(sse("close stream").close());

	final ScenarioBuilder vendorDesk = reviewer("vendor desk", "vendor", "vendor");

	final ScenarioBuilder administrator = reviewer("administrator", "admin", "admin");

	final ScenarioBuilder readBack = scenario("read back")
		.exec(asLongAs((session) -> !SUBMITTED.isEmpty()).on(exec((session) -> {
			String[] next = SUBMITTED.poll();
			return (next == null) ? session.set("readToken", "adt_none").set("readId", "none")
					: session.set("readToken", next[0]).set("readId", next[1]);
		}).doIf((session) -> !"none".equals(session.getString("readId")))
			.then(exec(http("read back").get("/api/access-requests/#{readId}")
				.header("Authorization", "Bearer #{readToken}")
				.check(status().is(200), jsonPath("$.id").isEL("#{readId}"))).exec((session) -> {
					if (!session.isFailed()) {
						READ_BACK.incrementAndGet();
					}
					return session;
				}))));

	final ScenarioBuilder allReadBack = scenario("all read back")
		.exec(http("every submitted request read back").get("/actuator/health/liveness")
			.check(bodyString().transform((body) -> READ_BACK.get() + "/" + SUBMITTED_COUNT.get())
				.is((session) -> SUBMITTED_COUNT.get() + "/" + SUBMITTED_COUNT.get())));

	{
		Duration signUpRamp = Duration.ofSeconds(Math.max(5, Math.min(60, USERS / 5)));
		PopulationBuilder readers = this.readBack.injectOpen(atOnceUsers(4))
			.andThen(this.allReadBack.injectOpen(atOnceUsers(1)));
		PopulationBuilder load = this.submitters.injectClosed(constantConcurrentUsers(CONCURRENCY).during(DURATION));
		setUp(this.staff.injectOpen(atOnceUsers(1))
			.andThen(this.signUp.injectOpen(rampUsers(USERS).during(signUpRamp))
				.andThen(load, this.streams.injectOpen(rampUsers(SSE_CLIENTS).during(Duration.ofSeconds(5))),
						this.vendorDesk.injectClosed(constantConcurrentUsers(1).during(DURATION)),
						this.administrator.injectClosed(constantConcurrentUsers(1).during(DURATION)))
				.andThen(readers)))
			.protocols(this.protocol)
			.maxDuration(DURATION.multipliedBy(3).plus(signUpRamp).plusMinutes(5))
			.assertions(global().failedRequests().percent().lt(MAX_FAILED_PERCENT),
					details("read back").failedRequests().count().is(0L),
					details("every submitted request read back").failedRequests().count().is(0L),
					details("submit").successfulRequests().count().gt(0L));
	}

	private static ChainBuilder signUpStaff(String what, String email) {
		// 409: the account is left from an earlier run, which proved its address (same
		// password expected).
		return exec(http("sign up " + what).post("/api/accounts")
			.body(StringBody(account(email, STAFF_PASSWORD, null)))
			.check(status().in(201, 409).saveAs(what + "SignUp")))
			.doIf((session) -> session.getInt(what + "SignUp") == 201)
			.then(verify(email));
	}

	/**
	 * Proves the address as its owner would: waits (up to 30 s, without blocking
	 * Gatling's threads) for the mail with the link, then posts its token. The email is
	 * given as is or as a Gatling expression ({@code #{email}}).
	 */
	private static ChainBuilder verify(String email) {
		return exec((session) -> session.set("verifyEmail", email.startsWith("#{") ? session.getString("email") : email)
			.set("verifyWaits", 0))
			.asLongAs((session) -> MAILBOX.verificationToken(session.getString("verifyEmail")).isEmpty()
					&& session.getInt("verifyWaits") < 300)
			.on(exec((session) -> session.set("verifyWaits", session.getInt("verifyWaits") + 1))
				.pause(Duration.ofMillis(100)))
			.exec((session) -> session.set("verifyToken",
					MAILBOX.verificationToken(session.getString("verifyEmail")).orElse("no-mail-arrived")))
			.exec(http("verify email").post("/api/accounts/verification")
				.body(StringBody("{\"token\":\"#{verifyToken}\"}"))
				.check(status().is(200)));
	}

	private static ChainBuilder staffToken(String key, String email) {
		return exec(http("token for " + key).post("/api/tokens")
			.basicAuth(email, STAFF_PASSWORD)
			.body(StringBody("{\"name\":\"load\"}"))
			.check(status().is(201), jsonPath("$.token").saveAs(key + "Token"))).exec((session) -> {
				if (session.contains(key + "Token")) {
					STAFF_TOKENS.put(key, session.getString(key + "Token"));
				}
				return session;
			});
	}

	/** Reads its queue, decides up to ten items (approve or deny at random), pauses. */
	private ScenarioBuilder reviewer(String name, String key, String queue) {
		return scenario(name).exec((session) -> session.set("token", STAFF_TOKENS.getOrDefault(key, "adt_none")))
			.exec(http(name + ": queue").get("/api/review/items?queue=" + queue)
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200), jsonPath("$[*].id").findAll().optional().saveAs("ids")))
			.doIf((session) -> session.contains("ids"))
			.then(foreach((session) -> session.<String>getList("ids").stream().limit(10).toList(), "itemId")
				.on(exec((session) -> session.set("verdict", verdict()))
					// 409: the item moved meanwhile (the requester withdrew, the other
					// reviewer decided): the API's answer to a race, not an error.
					.exec(http(name + ": decide").post("/api/review/items/#{itemId}/decision")
						.header("Authorization", "Bearer #{token}")
						.body(StringBody("#{verdict}"))
						.check(status().in(200, 409)))))
			.pause(Duration.ofMillis(200));
	}

	private static String verdict() {
		return ThreadLocalRandom.current().nextBoolean() ? "{\"decision\":\"APPROVE\",\"comment\":\"load\"}"
				: "{\"decision\":\"DENY\",\"reason\":\"load test\"}";
	}

	static String account(String email, String password, String company) {
		String companyFields = (company == null) ? ""
				: ",\"companyName\":\"" + company + "\",\"companyAddress\":\"1-1 Load Street\"";
		return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Load User\",\"language\":\""
				+ (ThreadLocalRandom.current().nextBoolean() ? "ja" : "en") + "\"" + companyFields + "}";
	}

	static String loopbackOnly(String url) {
		URI uri = URI.create(url);
		String host = uri.getHost();
		try {
			if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
				throw new IllegalArgumentException("load.baseUrl must point at this machine's loopback, not " + url);
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("load.baseUrl host unknown: " + url, ex);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
