package org.accessdesk.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.accessdesk.mail.Letter;
import org.accessdesk.mail.MailFacts;
import org.accessdesk.mail.MailKind;
import org.accessdesk.mail.MailOutbox;
import org.accessdesk.mail.Recipient;
import org.accessdesk.request.BackgroundWork;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service levels of SPEC §6: a PENDING_VENDOR item past its deadline raises one alert
 * for the vendor desk; a PENDING_ADMIN item waiting
 * {@code accessdesk.review.admin-reminder-after} (48 h) raises one reminder for its
 * administrators. Each notice is fired on its own ({@link BackgroundWork}: one that fails
 * is tried again later and holds back no other), with its mail in the same transaction:
 * one alert to the vendor desk, one reminder to each administrator. The table's key makes
 * that safe when several instances run it at once.
 */
@Component
class ServiceLevels {

	private static final Log logger = LogFactory.getLog(ServiceLevels.class);

	static final String OVERDUE = "vendor-overdue";

	static final String REMINDER = "admin-reminder";

	static final int BATCH = 200;

	/**
	 * The notice a statement fired, with what the mail needs: the item, its requester and
	 * the request's justification.
	 */
	private static final String FIRED = """
			WITH fired AS (INSERT INTO review_notice (item_id, kind) VALUES (:item, :kind)
			    ON CONFLICT DO NOTHING RETURNING item_id)
			SELECT i.id, i.request_id, i.kind, i.identifier_type, i.identifier, i.contract_number, i.bill_to_id,
			    i.status, i.reason, i.deciders, i.deadline, i.pending_since, a.name, a.email, a.company_name,
			    r.justification
			FROM fired f JOIN access_item i ON i.id = f.item_id JOIN account a ON a.id = i.account_id
			JOIN access_request r ON r.id = i.request_id""";

	private final DatabaseClient db;

	private final ReviewProperties properties;

	private final MailOutbox outbox;

	private final BackgroundWork work;

	private final TransactionalOperator transactions;

	ServiceLevels(DatabaseClient db, ReviewProperties properties, MailOutbox outbox, BackgroundWork work,
			TransactionalOperator transactions) {
		this.db = db;
		this.properties = properties;
		this.outbox = outbox;
		this.work = work;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${accessdesk.review.check-interval:1m}", initialDelayString = "15s")
	Mono<Long> check() {
		return fireDue().doOnNext((fired) -> {
			if (fired > 0) {
				logger.info("Raised " + fired + " SLA alerts and reminders");
			}
		}).onErrorResume((ex) -> {
			logger.warn("Checking service levels failed; the next run tries again", ex);
			return Mono.just(0L);
		});
	}

	/** Fires every notice that is due, each with its mail; answers how many were new. */
	Mono<Long> fireDue() {
		Mono<Long> overdue = this.work.run(OVERDUE, this::overdue, (item) -> fire(item, "VENDOR_OVERDUE",
				(row) -> List.of(new Letter(MailKind.VENDOR_OVERDUE, Recipient.theVendorDesk(), facts(row)))));
		Mono<Long> reminders = this.work.run(REMINDER, this::unanswered,
				(item) -> fire(item, "ADMIN_REMINDER", (row) -> {
					MailFacts facts = facts(row);
					String[] admins = row.get("deciders", String[].class);
					return (admins == null ? List.<String>of() : List.of(admins)).stream()
						.map((admin) -> new Letter(MailKind.ADMIN_REMINDER, Recipient.address(admin), facts))
						.toList();
				}));
		return overdue.zipWith(reminders, Long::sum);
	}

	/** Items in the vendor queue past their deadline, not alerted yet. */
	private Flux<UUID> overdue(List<UUID> skip) {
		return this.db.sql("""
				SELECT i.id FROM access_item i WHERE i.status = 'PENDING_VENDOR' AND i.deadline <= now()
				AND NOT EXISTS (SELECT 1 FROM review_notice n WHERE n.item_id = i.id AND n.kind = 'VENDOR_OVERDUE')
				AND i.id <> ALL(:skip) ORDER BY i.deadline LIMIT :batch""")
			.bind("skip", skip.toArray(UUID[]::new))
			.bind("batch", BATCH)
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

	/** Items their administrators left unanswered too long, not reminded of yet. */
	private Flux<UUID> unanswered(List<UUID> skip) {
		return this.db.sql("""
				SELECT i.id FROM access_item i WHERE i.status = 'PENDING_ADMIN'
				AND i.pending_since <= now() - make_interval(secs => :seconds)
				AND NOT EXISTS (SELECT 1 FROM review_notice n WHERE n.item_id = i.id AND n.kind = 'ADMIN_REMINDER')
				AND i.id <> ALL(:skip) ORDER BY i.pending_since LIMIT :batch""")
			.bind("seconds", (double) this.properties.adminReminderAfter().toSeconds())
			.bind("skip", skip.toArray(UUID[]::new))
			.bind("batch", BATCH)
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

	/**
	 * Fires one notice with its mail, in one transaction; false when another instance had
	 * fired it already.
	 */
	private Mono<Boolean> fire(UUID item, String kind, Function<Readable, List<Letter>> letters) {
		return this.db.sql(FIRED)
			.bind("item", item)
			.bind("kind", kind)
			.map(letters::apply)
			.one()
			.flatMap((mail) -> this.outbox.post(mail).thenReturn(true))
			.as(this.transactions::transactional);
	}

	/** What reviewers are told of the item behind a notice. */
	private static MailFacts facts(Readable row) {
		return new MailFacts(row.get("request_id", UUID.class),
				new MailFacts.Person(row.get("name", String.class), row
					.get("email", String.class), row.get("company_name", String.class)),
				row.get("justification", String.class),
				List.of(new MailFacts.Item(row.get("id", UUID.class), row.get("kind", String.class),
						row.get("identifier_type", String.class), row.get("identifier", String.class),
						row.get("contract_number", String.class), row.get("bill_to_id", String.class), null,
						row.get("status", String.class), row.get("reason", String.class), List.of(), null, List.of(),
						instant(row.get("deadline", OffsetDateTime.class)), null,
						instant(row.get("pending_since", OffsetDateTime.class)))));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time == null) ? null : time.toInstant();
	}

}
