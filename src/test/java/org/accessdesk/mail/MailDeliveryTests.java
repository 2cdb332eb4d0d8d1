package org.accessdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.accessdesk.AccessDeskApplication;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestDatabase;
import org.accessdesk.support.TestHttp;
import org.accessdesk.support.TestMail;
import org.accessdesk.support.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox under trouble (SPEC §7): SMTP away while transitions commit, two dispatchers
 * racing for one backlog, a mail the server refuses, attempts running out, a dispatcher
 * that died holding a claim. Nothing lost, nothing sent twice. Also prints how fast a
 * backlog drains — a figure for the notes, not an assertion.
 */
@IntegrationTest
class MailDeliveryTests {

	/**
	 * This test counts and changes the mail about requests; the link that proved each
	 * test account's address at sign-up is another mail.
	 */
	static final String ABOUT_REQUESTS = " AND kind NOT IN ('VERIFY_EMAIL', 'PASSWORD_RESET', 'PASSWORD_CHANGED')";

	static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MailProperties properties;

	@Autowired
	OutboxRetention retention;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
	}

	@AfterEach
	void smtpBackAndDispatcherRunning() {
		if (!TestMail.server().isRunning()) {
			TestMail.start();
		}
		if (!this.dispatcher.isRunning()) {
			this.dispatcher.start();
		}
	}

	@Test
	void whileSmtpIsDownTransitionsCommitAndTheirMailArrivesExactlyOnceWhenItIsBack() throws Exception {
		Person admin = this.accounts.signUp(TestAccounts.uniqueEmail("admin"), "Admin", "en", "A", "B");
		TestRegistry registry = TestRegistry.load(this.client, this.accounts.operator(), admin);
		Person requester = this.accounts.signUp(TestAccounts.uniqueEmail("outage"), "Outage Person", "en",
				registry.company, "1 Main Street");
		String token = this.accounts.token(requester);

		TestMail.stop();
		WebClient api = TestHttp.webClient(this.port).build();
		List<Integer> statuses = Flux.range(0, 200)
			.flatMap(
					(i) -> api.post()
						.uri("/api/access-requests")
						.headers(TestAccounts.Person.bearer(token))
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers",
								List.of(registry.expiredContract)))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					8)
			.collectList()
			.block(WAIT);
		assertThat(statuses).hasSize(200).containsOnly(201);

		// The dispatcher has tried and failed: the mail waits, with the reason on record.
		awaitRows(requester.email(), "state IN ('PENDING', 'SENDING') AND attempts > 0", 200);
		assertThat(rows(requester.email(), "state = 'SENT'")).isZero();
		assertThat(this.db
			// A row back in PENDING after an attempt has its failure on record; one in
			// SENDING may be in its next attempt, its error not written yet.
			.sql("SELECT last_error FROM mail_outbox WHERE recipient = :r" + ABOUT_REQUESTS
					+ " AND attempts > 0 AND state = 'PENDING' LIMIT 1")
			.bind("r", requester.email())
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).containsIgnoringCase("connect");

		// The operator sees why it waits.
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> retrying = (List<Map<String, Object>>) opsState().get("retrying");
		List<Map<String, Object>> theirs = retrying.stream()
			.filter((row) -> requester.email().equals(row.get("recipient")))
			.toList();
		assertThat(theirs).isNotEmpty()
			.allSatisfy((row) -> assertThat((String) row.get("error")).containsIgnoringCase("connect"));

		TestMail.start();
		List<MimeMessage> received = TestMail.await(requester.email(), 200, WAIT);
		TestMail.pause(Duration.ofSeconds(2));
		received = TestMail.to(requester.email());
		assertThat(received).hasSize(200);
		assertThat(messageIds(received)).hasSize(200);
		awaitRows(requester.email(), "state = 'SENT'", 200);
	}

	@Test
	void twoDispatchersRacingForOneBacklogSendEveryMailOnceAndABacklogOf2000Drains() throws Exception {
		ConfigurableApplicationContext instanceB = new SpringApplicationBuilder(AccessDeskApplication.class)
			.profiles("test")
			.initializers(new TestDatabase(), new TestMail())
			.properties("server.port=0")
			.run();
		try {
			MailDispatcher dispatcherB = instanceB.getBean(MailDispatcher.class);
			double sentByA = sent(this.meters);
			double sentByB = sent(instanceB.getBean(MeterRegistry.class));
			this.dispatcher.stop();
			dispatcherB.stop();
			List<String> recipients = IntStream.range(0, 20)
				.mapToObj((i) -> TestAccounts.uniqueEmail("backlog" + i))
				.toList();
			List<Letter> letters = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				letters.add(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipients.get(i % 20)), facts(i)));
			}
			Flux.fromIterable(letters).buffer(500).concatMap(this.outbox::post).then().block(WAIT);

			int before = TestMail.server().getReceivedMessages().length;
			Instant started = Instant.now();
			this.dispatcher.start();
			dispatcherB.start();
			assertThat(TestMail.server().waitForIncomingEmail(WAIT.toMillis(), before + 2000)).isTrue();
			Duration drained = Duration.between(started, Instant.now());
			TestMail.pause(Duration.ofSeconds(2));

			List<MimeMessage> received = recipients.stream().flatMap((r) -> TestMail.to(r).stream()).toList();
			assertThat(received).hasSize(2000);
			assertThat(messageIds(received)).hasSize(2000);
			double byA = sent(this.meters) - sentByA;
			double byB = sent(instanceB.getBean(MeterRegistry.class)) - sentByB;
			assertThat(byA + byB).isGreaterThanOrEqualTo(2000);
			// Both took part: the race was real.
			assertThat(byA).as("sent by instance A").isPositive();
			assertThat(byB).as("sent by instance B").isPositive();
			System.out.printf(
					"Mail backlog of 2000 drained by two instances in %d ms: %.0f mails/s"
							+ " (instance A sent %.0f, instance B %.0f)%n",
					drained.toMillis(), 2000 * 1000.0 / drained.toMillis(), byA, byB);
		}
		finally {
			instanceB.close();
		}
	}

	@Test
	void aBacklogOf2000DrainsThroughOneInstance() throws Exception {
		this.dispatcher.stop();
		List<String> recipients = IntStream.range(0, 20)
			.mapToObj((i) -> TestAccounts.uniqueEmail("drain" + i))
			.toList();
		List<Letter> letters = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			letters.add(new Letter(MailKind.REQUEST_SUBMITTED, Recipient.address(recipients.get(i % 20)), facts(i)));
		}
		Flux.fromIterable(letters).buffer(500).concatMap(this.outbox::post).then().block(WAIT);

		int before = TestMail.server().getReceivedMessages().length;
		Instant started = Instant.now();
		this.dispatcher.start();
		assertThat(TestMail.server().waitForIncomingEmail(WAIT.toMillis(), before + 2000)).isTrue();
		Duration drained = Duration.between(started, Instant.now());
		TestMail.pause(Duration.ofSeconds(1));
		assertThat(recipients.stream().mapToInt((r) -> TestMail.to(r).size()).sum()).isEqualTo(2000);
		System.out.printf("Mail backlog of 2000 drained by one instance in %d ms: %.0f mails/s%n", drained.toMillis(),
				2000 * 1000.0 / drained.toMillis());
	}

	@Test
	void aMailThatCanNeverBeDeliveredFailsAtOnceAndDoesNotHoldUpTheRest() throws Exception {
		/*
		 * GreenMail 2.1 accepts every recipient, so the poison is an address no server
		 * could take (SmtpFailuresTests covers the server's own 5xx refusals).
		 */
		String poison = TestAccounts.uniqueEmail("it-admin").replace("@", "@example..");
		String healthy = TestAccounts.uniqueEmail("healthy");
		List<Letter> letters = new ArrayList<>();
		letters.add(new Letter(MailKind.ITEM_CHANGED, Recipient.address(poison), facts(0)));
		for (int i = 1; i <= 5; i++) {
			letters.add(new Letter(MailKind.ITEM_CHANGED, Recipient.address(healthy), facts(i)));
		}
		this.outbox.post(letters).block(WAIT);

		assertThat(TestMail.await(healthy, 5, WAIT)).hasSize(5);
		awaitRows(poison, "state = 'FAILED'", 1);
		assertThat(rows(poison, "state = 'FAILED' AND attempts = 1")).isEqualTo(1);

		Map<String, Object> state = opsState();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> failures = (List<Map<String, Object>>) state.get("recentFailures");
		assertThat(failures).anySatisfy((failure) -> {
			assertThat(failure.get("recipient")).isEqualTo(poison);
			assertThat((String) failure.get("error")).containsIgnoringCase("domain");
		});
	}

	@Test
	void aMailOutOfAttemptsIsFailedAndTheOperatorCanSendItAgain() throws Exception {
		String recipient = TestAccounts.uniqueEmail("exhausted");
		TestMail.stop();
		this.outbox.post(List.of(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(0))))
			.block(WAIT);
		// One attempt short of the limit (accessdesk.mail.max-attempts).
		int max = this.properties.maxAttempts();
		this.db.sql("UPDATE mail_outbox SET attempts = :attempts WHERE recipient = :r" + ABOUT_REQUESTS)
			.bind("attempts", max - 1)
			.bind("r", recipient)
			.fetch()
			.rowsUpdated()
			.block(WAIT);
		awaitRows(recipient, "state = 'FAILED' AND attempts = " + max, 1);
		TestMail.start();

		this.client.post()
			.uri("/api/ops/mail/retry")
			.headers(this.accounts.operator().basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.retried")
			.value((Integer retried) -> assertThat(retried).isGreaterThanOrEqualTo(1));
		assertThat(TestMail.await(recipient, 1, WAIT)).hasSize(1);
		awaitRows(recipient, "state = 'SENT'", 1);
	}

	@Test
	void aMailTheServerAcceptedIsNotSentAgainWhenItsSentMarkFailsOnce() throws Exception {
		/*
		 * The first SENT mark of this recipient's mail fails, as when the connection is
		 * lost right after the server accepted the mail (a sequence: nextval survives the
		 * rollback of the failing statement).
		 */
		String recipient = TestAccounts.uniqueEmail("mark-fails");
		String name = "mark_fails_" + UUID.randomUUID().toString().replace("-", "");
		this.db.sql("CREATE SEQUENCE " + name).then().block(WAIT);
		this.db
			.sql("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
					+ " IF NEW.state = 'SENT' AND NEW.recipient = '" + recipient + "' AND nextval('" + name + "') = 1"
					+ " THEN RAISE EXCEPTION 'connection lost (test)'; END IF; RETURN NEW; END $$")
			.then()
			.block(WAIT);
		this.db
			.sql("CREATE TRIGGER " + name + " BEFORE UPDATE ON mail_outbox FOR EACH ROW EXECUTE FUNCTION " + name
					+ "()")
			.then()
			.block(WAIT);
		try {
			this.outbox.post(List.of(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(0))))
				.block(WAIT);
			assertThat(TestMail.await(recipient, 1, WAIT)).hasSize(1);
			/*
			 * Marked SENT by the same dispatcher, well before the lease would hand the
			 * row to another round (which would send it again).
			 */
			await("the mail marked SENT").atMost(this.properties.lease().dividedBy(2))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> rows(recipient, "state = 'SENT' AND attempts = 1") == 1);
			assertThat(this.db.sql("SELECT last_value FROM " + name)
				.map((row) -> row.get(0, Long.class))
				.one()
				.block(WAIT)).isGreaterThanOrEqualTo(2);
			TestMail.pause(Duration.ofSeconds(1));
			assertThat(TestMail.to(recipient)).hasSize(1);
		}
		finally {
			this.db.sql("DROP TRIGGER " + name + " ON mail_outbox").then().block(WAIT);
			this.db.sql("DROP FUNCTION " + name + "()").then().block(WAIT);
			this.db.sql("DROP SEQUENCE " + name).then().block(WAIT);
		}
	}

	@Test
	void aClaimWhoseDispatcherDiedIsTakenAgainAfterItsLease() throws Exception {
		String recipient = TestAccounts.uniqueEmail("orphan");
		this.dispatcher.stop();
		this.outbox.post(List.of(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(0))))
			.block(WAIT);
		// A dispatcher elsewhere claimed it and died: its lease has run out.
		this.db
			.sql("UPDATE mail_outbox SET state = 'SENDING', claim = gen_random_uuid(), attempts = 1,"
					+ " lease_until = now() - interval '1 second' WHERE recipient = :r" + ABOUT_REQUESTS)
			.bind("r", recipient)
			.fetch()
			.rowsUpdated()
			.block(WAIT);
		this.dispatcher.start();

		assertThat(TestMail.await(recipient, 1, WAIT)).hasSize(1);
		awaitRows(recipient, "state = 'SENT' AND attempts = 2", 1);
	}

	@Test
	void sentMailIsDeletedAfterItsTimeAndWaitingOrFailedMailNever() {
		String recipient = TestAccounts.uniqueEmail("retention");
		this.dispatcher.stop();
		this.outbox.post(List.of(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(1)),
				new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(2)),
				new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(3)),
				new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(4))))
			.block(WAIT);
		this.db
			.sql("WITH mine AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM mail_outbox WHERE recipient = :r"
					+ ABOUT_REQUESTS + ")" + " UPDATE mail_outbox m SET created_at = now() - interval '40 days',"
					+ " state = (ARRAY['SENT', 'SENT', 'PENDING', 'FAILED'])[mine.n],"
					+ " sent_at = CASE WHEN mine.n = 1 THEN now() - interval '31 days'"
					+ " WHEN mine.n = 2 THEN now() - interval '29 days' END FROM mine WHERE m.id = mine.id")
			.bind("r", recipient)
			.fetch()
			.rowsUpdated()
			.block(WAIT);

		this.retention.deleteOldSentMail().block(WAIT);

		assertThat(rows(recipient, "true")).isEqualTo(3);
		assertThat(rows(recipient, "state = 'SENT' AND sent_at < now() - interval '30 days'")).isZero();
		assertThat(rows(recipient, "state IN ('PENDING', 'FAILED')")).isEqualTo(2);
		this.db.sql("DELETE FROM mail_outbox WHERE recipient = :r" + ABOUT_REQUESTS + " AND state = 'PENDING'")
			.bind("r", recipient)
			.fetch()
			.rowsUpdated()
			.block(WAIT);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theOperatorSeesTheOutboxAndOnlyTheOperator() {
		// Two mails written while no dispatcher sends: the counts say exactly that.
		this.dispatcher.stop();
		try {
			long pendingBefore = ((Number) ((Map<String, Object>) opsState().get("counts")).get("PENDING")).longValue();
			String recipient = TestAccounts.uniqueEmail("counted");
			this.outbox.post(List.of(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(1)),
					new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(2))))
				.block(WAIT);
			Map<String, Object> state = opsState();
			assertThat(((Number) ((Map<String, Object>) state.get("counts")).get("PENDING")).longValue())
				.isEqualTo(pendingBefore + 2);
			assertThat((Map<String, Object>) state.get("counts")).containsKeys("SENDING", "SENT", "FAILED");
			assertThat(state.get("recentFailures")).isInstanceOf(List.class);
		}
		finally {
			this.dispatcher.start();
		}
		for (String meter : List.of("accessdesk.mail.sent", "accessdesk.mail.failed", "accessdesk.mail.retried",
				"accessdesk.mail.backlog")) {
			this.client.get()
				.uri("/actuator/metrics/{name}", meter)
				.headers(this.accounts.operator().basic())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.measurements[0].value")
				.isNumber();
		}
		Person customer = this.accounts.customer("Some Co");
		this.client.get().uri("/api/ops/mail").headers(customer.basic()).exchange().expectStatus().isForbidden();
		this.client.get()
			.uri("/actuator/metrics/accessdesk.mail.sent")
			.headers(customer.basic())
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/ops/mail").exchange().expectStatus().isUnauthorized();
		this.client.post()
			.uri("/api/ops/mail/{id}/retry", Long.MAX_VALUE)
			.headers(this.accounts.operator().basic())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> opsState() {
		return this.client.get()
			.uri("/api/ops/mail")
			.headers(this.accounts.operator().basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private long rows(String recipient, String condition) {
		return this.db
			.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r" + ABOUT_REQUESTS + " AND " + condition)
			.bind("r", recipient)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(WAIT);
	}

	private void awaitRows(String recipient, String condition, long count) {
		await("rows for " + recipient + " where " + condition).atMost(WAIT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> rows(recipient, condition) == count);
	}

	private static double sent(MeterRegistry meters) {
		return meters.get("accessdesk.mail.sent").counter().count();
	}

	private static Set<String> messageIds(List<MimeMessage> messages) throws MessagingException {
		Set<String> ids = new HashSet<>();
		for (MimeMessage message : messages) {
			ids.add(message.getMessageID());
		}
		return ids;
	}

	private static MailFacts facts(int n) {
		return new MailFacts(UUID.randomUUID(), null, null,
				List.of(new MailFacts.Item(UUID.randomUUID(), "FULL_SUPPORT", "CONTRACT", String.valueOf(90000000 + n),
						null, null, "PENDING_VENDOR", "APPROVED", "DECIDED_BY_VENDOR",
						List.of("next-step.APPROVED.DECIDED_BY_VENDOR"), null, List.of(), null, null, null)));
	}

}
