package org.accessdesk.review;

import java.util.List;
import java.util.UUID;

import org.accessdesk.request.BackgroundWork;
import org.accessdesk.request.RequestFacts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
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
 * is tried again later and holds back no other), and its {@link ServiceLevelListener}s
 * are told in the same transaction (the system mail: one alert to the vendor desk, one
 * reminder to each administrator). The table's key makes that safe when several instances
 * run it at once.
 */
@Component
class ServiceLevels {

	private static final Log logger = LogFactory.getLog(ServiceLevels.class);

	static final String OVERDUE = "vendor-overdue";

	static final String REMINDER = "admin-reminder";

	static final int BATCH = 200;

	private final DatabaseClient db;

	private final ReviewProperties properties;

	private final RequestFacts requests;

	private final List<ServiceLevelListener> listeners;

	private final BackgroundWork work;

	private final TransactionalOperator transactions;

	ServiceLevels(DatabaseClient db, ReviewProperties properties, RequestFacts requests,
			ObjectProvider<ServiceLevelListener> listeners, BackgroundWork work, TransactionalOperator transactions) {
		this.db = db;
		this.properties = properties;
		this.requests = requests;
		this.listeners = listeners.orderedStream().toList();
		this.work = work;
		this.transactions = transactions;
	}

	// The interval comes from the bound properties, so their defaults are the only ones.
	@Scheduled(fixedDelayString = "#{@'accessdesk.review-org.accessdesk.review.ReviewProperties'.checkInterval()}",
			initialDelayString = "15s")
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
		Mono<Long> overdue = this.work.run(OVERDUE, this::overdue,
				(item) -> fire(item, ServiceLevelListener.Notice.Kind.VENDOR_OVERDUE));
		Mono<Long> reminders = this.work.run(REMINDER, this::unanswered,
				(item) -> fire(item, ServiceLevelListener.Notice.Kind.ADMIN_REMINDER));
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
	 * Fires one notice and tells the listeners, in one transaction; empty when another
	 * instance had fired it already (the table's key).
	 */
	private Mono<Boolean> fire(UUID item, ServiceLevelListener.Notice.Kind kind) {
		return this.db.sql("INSERT INTO review_notice (item_id, kind) VALUES (:item, :kind) ON CONFLICT DO NOTHING")
			.bind("item", item)
			.bind("kind", kind.name())
			.fetch()
			.rowsUpdated()
			.filter((fired) -> fired > 0)
			.flatMap((fired) -> this.requests.item(item))
			.flatMap((found) -> tell(new ServiceLevelListener.Notice(kind, found)).thenReturn(true))
			.as(this.transactions::transactional);
	}

	private Mono<Void> tell(ServiceLevelListener.Notice notice) {
		return Flux.fromIterable(this.listeners).concatMap((listener) -> listener.noticed(notice)).then();
	}

}
