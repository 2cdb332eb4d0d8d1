package org.accessdesk.review;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The service levels of SPEC §6: a PENDING_VENDOR item past its deadline raises one alert
 * for the vendor desk; a PENDING_ADMIN item waiting
 * {@code accessdesk.review.admin-reminder-after} (48 h) raises one reminder for its
 * administrators. Each statement inserts the notices that are due and not yet fired; the
 * table's key makes that safe when several instances run it at once.
 */
@Component
class ServiceLevels {

	private static final Log logger = LogFactory.getLog(ServiceLevels.class);

	private final DatabaseClient db;

	private final ReviewProperties properties;

	ServiceLevels(DatabaseClient db, ReviewProperties properties) {
		this.db = db;
		this.properties = properties;
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

	/** Fires every notice that is due; answers how many were new. */
	Mono<Long> fireDue() {
		Mono<Long> overdue = this.db
			.sql("INSERT INTO review_notice (item_id, kind) SELECT id, 'VENDOR_OVERDUE' FROM access_item"
					+ " WHERE status = 'PENDING_VENDOR' AND deadline <= now() ON CONFLICT DO NOTHING")
			.fetch()
			.rowsUpdated();
		Mono<Long> reminders = this.db
			.sql("INSERT INTO review_notice (item_id, kind) SELECT id, 'ADMIN_REMINDER' FROM access_item"
					+ " WHERE status = 'PENDING_ADMIN' AND pending_since <= now() - make_interval(secs => :seconds)"
					+ " ON CONFLICT DO NOTHING")
			.bind("seconds", (double) this.properties.adminReminderAfter().toSeconds())
			.fetch()
			.rowsUpdated();
		return overdue.zipWith(reminders, Long::sum);
	}

}
