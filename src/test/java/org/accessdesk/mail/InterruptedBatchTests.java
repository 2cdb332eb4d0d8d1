package org.accessdesk.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dispatcher that dies in the middle of a batch, after the server accepted some of its
 * mails: the dispatcher that takes the batch over after the lease sends again at most two
 * mails — the one in flight and the one before it, whose SENT mark may still be on its
 * way (BatchDelivery) — because every mail is marked SENT as soon as the server accepted
 * it (SPEC §7: sent at most once in normal operation).
 */
@IntegrationTest
class InterruptedBatchTests {

	static final Duration WAIT = Duration.ofSeconds(60);

	static final int MAILS = 10;

	static final int ACCEPTED_BEFORE_THE_CRASH = 5;

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	OutboxRows rows;

	@Autowired
	MailComposer composer;

	@Autowired
	MailProperties properties;

	@Autowired
	DatabaseClient db;

	@AfterEach
	void dispatcherRunning() {
		if (!this.dispatcher.isRunning()) {
			this.dispatcher.start();
		}
	}

	@Test
	void aBatchCutShortAfterTheServerAcceptedSomeOfItsMailsSendsAtMostOneOfThemTwice() throws Exception {
		String recipient = TestAccounts.uniqueEmail("crash");
		/*
		 * The dying instance sends to its own SMTP server: it accepts the first mails for
		 * the recipient, then holds the next one without answering (the dispatcher waits
		 * in the middle of the batch) until the test has "crashed" the instance, and
		 * refuses the rest.
		 */
		GreenMail dyingServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		dyingServer.start();
		AtomicInteger accepted = new AtomicInteger();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch crashed = new CountDownLatch(1);
		MessageDeliveryHandler deliver = dyingServer.getUserManager().getMessageDeliveryHandler();
		dyingServer.getUserManager().setMessageDeliveryHandler((message, address) -> {
			if (address.getEmail().equalsIgnoreCase(recipient)) {
				if (accepted.get() >= ACCEPTED_BEFORE_THE_CRASH) {
					held.countDown();
					throw crashWhenTold(crashed);
				}
				accepted.incrementAndGet();
			}
			return deliver.handle(message, address);
		});
		MailDispatcher dying = dyingDispatcher(dyingServer.getSmtp().getPort());
		this.dispatcher.stop();
		try {
			List<Letter> letters = new ArrayList<>();
			for (int i = 0; i < MAILS; i++) {
				letters.add(new Letter(MailKind.ITEM_CHANGED, Recipient.address(recipient), facts(i)));
			}
			this.outbox.post(letters).block(WAIT);
			dying.start();
			assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("a mail held by the server").isTrue();

			// The crash: the instance stops where it is; its claim runs out.
			dying.stop();
			crashed.countDown();
			this.db.sql("""
					UPDATE mail_outbox SET lease_until = now() - interval '1 second'
					WHERE state = 'SENDING' AND claim IN (SELECT claim FROM mail_outbox WHERE recipient = :r)
					""").bind("r", recipient).fetch().rowsUpdated().block(WAIT);
			this.dispatcher.start();

			await("every mail SENT").atMost(WAIT)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> sent(recipient) == MAILS);
			TestMail.pause(Duration.ofSeconds(1));
			int sentAgain = accepted.get() + TestMail.to(recipient).size() - MAILS;
			assertThat(accepted.get()).isEqualTo(ACCEPTED_BEFORE_THE_CRASH);
			assertThat(sentAgain).as("mails sent twice").isBetween(0, 2);
		}
		finally {
			crashed.countDown();
			dying.stop();
			dyingServer.stop();
		}
	}

	/**
	 * A second instance's dispatcher, on this database, sending one batch at a time to
	 * its own server.
	 */
	private MailDispatcher dyingDispatcher(int smtpPort) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtpPort);
		MailProperties p = this.properties;
		MailProperties oneBatchAtATime = new MailProperties(p.from(), p.baseUrl(), p.vendorDesk(), p.defaultLanguage(),
				p.timeZone(), p.poll(), p.batchSize(), 1, p.maxAttempts(), p.retryBackoff(), p.maxRetryBackoff(),
				p.lease(), p.keepSent());
		MailMetrics metrics = new MailMetrics(new SimpleMeterRegistry());
		OutcomeRecords records = new OutcomeRecords(this.rows, new RetryPolicy(oneBatchAtATime), metrics);
		return new MailDispatcher(this.rows, new BatchDelivery(this.composer, sender, records), oneBatchAtATime,
				new MailWakeUps(), metrics);
	}

	private static MessagingException crashWhenTold(CountDownLatch crashed) {
		try {
			crashed.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new MessagingException("the instance crashed (test)");
	}

	private static MailFacts facts(int n) {
		return new MailFacts(UUID.randomUUID(), null, null,
				List.of(new MailFacts.Item(UUID.randomUUID(), "FULL_SUPPORT", "CONTRACT", String.valueOf(90000000 + n),
						null, null, "PENDING_VENDOR", "APPROVED", "DECIDED_BY_VENDOR",
						List.of("next-step.APPROVED.DECIDED_BY_VENDOR"), null, List.of(), null, null, null)));
	}

	private long sent(String recipient) {
		return this.db.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r AND state = 'SENT'")
			.bind("r", recipient)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(WAIT);
	}

}
