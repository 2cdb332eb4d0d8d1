package org.accessdesk.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.accessdesk.mail.Letter;
import org.accessdesk.mail.MailFacts;
import org.accessdesk.mail.MailKind;
import org.accessdesk.mail.MailOutbox;
import org.accessdesk.mail.Recipient;
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
 * administrators. Each statement inserts the notices that are due and not yet fired; the
 * table's key makes that safe when several instances run it at once, and the mail of each
 * notice is written with it: one alert to the vendor desk, one reminder to each
 * administrator.
 */
@Component
class ServiceLevels {

	private static final Log logger = LogFactory.getLog(ServiceLevels.class);

	/**
	 * The notices a statement fired, with what the mail needs: the item, its requester
	 * and the request's justification.
	 */
	private static final String FIRED = "WITH fired AS (%s) SELECT i.id, i.request_id, i.kind, i.identifier_type,"
			+ " i.identifier, i.contract_number, i.bill_to_id, i.status, i.reason, i.deciders, i.deadline,"
			+ " i.pending_since, a.name, a.email, a.company_name, r.justification FROM fired f"
			+ " JOIN access_item i ON i.id = f.item_id JOIN account a ON a.id = i.account_id"
			+ " JOIN access_request r ON r.id = i.request_id";

	private final DatabaseClient db;

	private final ReviewProperties properties;

	private final MailOutbox outbox;

	private final TransactionalOperator transactions;

	ServiceLevels(DatabaseClient db, ReviewProperties properties, MailOutbox outbox,
			TransactionalOperator transactions) {
		this.db = db;
		this.properties = properties;
		this.outbox = outbox;
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

	/**
	 * Fires every notice that is due, with its mail, in one transaction; answers how many
	 * were new. A notice and its mail exist together or not at all.
	 */
	Mono<Long> fireDue() {
		Flux<List<Letter>> overdue = this.db
			.sql(FIRED.formatted("INSERT INTO review_notice (item_id, kind) SELECT id, 'VENDOR_OVERDUE'"
					+ " FROM access_item WHERE status = 'PENDING_VENDOR' AND deadline <= now()"
					+ " ON CONFLICT DO NOTHING RETURNING item_id"))
			.map((row) -> List.of(new Letter(MailKind.VENDOR_OVERDUE, Recipient.theVendorDesk(), facts(row))))
			.all();
		Flux<List<Letter>> reminders = this.db
			.sql(FIRED.formatted("INSERT INTO review_notice (item_id, kind) SELECT id, 'ADMIN_REMINDER'"
					+ " FROM access_item WHERE status = 'PENDING_ADMIN'"
					+ " AND pending_since <= now() - make_interval(secs => :seconds)"
					+ " ON CONFLICT DO NOTHING RETURNING item_id"))
			.bind("seconds", (double) this.properties.adminReminderAfter().toSeconds())
			.map((row) -> {
				MailFacts facts = facts(row);
				String[] admins = row.get("deciders", String[].class);
				return (admins == null ? List.<String>of() : List.of(admins)).stream()
					.map((admin) -> new Letter(MailKind.ADMIN_REMINDER, Recipient.address(admin), facts))
					.toList();
			})
			.all();
		return overdue.concatWith(reminders)
			.collectList()
			.flatMap((notices) -> this.outbox.post(notices.stream().flatMap(List::stream).toList())
				.thenReturn((long) notices.size()))
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
