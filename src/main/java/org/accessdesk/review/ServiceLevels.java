package org.accessdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.accessdesk.request.BackgroundWork;
import org.accessdesk.request.DueItem;
import org.accessdesk.request.ItemId;
import org.accessdesk.request.RequestFacts;
import org.accessdesk.review.ServiceLevelListener.Notice.Kind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
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
 * reminder to each administrator). {@link Notices}' key makes that safe when several
 * instances run it at once. Due is by the service's clock; the due items come from the
 * request module's {@link RequestFacts}.
 */
@Component
class ServiceLevels {

	private static final Log logger = LogFactory.getLog(ServiceLevels.class);

	static final String OVERDUE = "vendor-overdue";

	static final String REMINDER = "admin-reminder";

	static final int BATCH = 200;

	private final Notices notices;

	private final ReviewProperties properties;

	private final RequestFacts requests;

	private final List<ServiceLevelListener> listeners;

	private final BackgroundWork work;

	private final TransactionalOperator transactions;

	private final Clock clock;

	ServiceLevels(Notices notices, ReviewProperties properties, RequestFacts requests,
			ObjectProvider<ServiceLevelListener> listeners, BackgroundWork work, TransactionalOperator transactions,
			Clock clock) {
		this.notices = notices;
		this.properties = properties;
		this.requests = requests;
		this.listeners = listeners.orderedStream().toList();
		this.work = work;
		this.transactions = transactions;
		this.clock = clock;
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
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			Instant unansweredSince = now.minus(this.properties.adminReminderAfter());
			Mono<Long> overdue = this.work.run(OVERDUE,
					(skip) -> notFiredYet(Kind.VENDOR_OVERDUE,
							(after) -> this.requests.pastVendorDeadline(now, after, BATCH), skip),
					(item) -> fire(item, Kind.VENDOR_OVERDUE, now));
			Mono<Long> reminders = this.work.run(REMINDER, (skip) -> notFiredYet(Kind.ADMIN_REMINDER,
					(after) -> this.requests.waitingForAdministratorsSince(unansweredSince, after, BATCH), skip),
					(item) -> fire(item, Kind.ADMIN_REMINDER, now));
			return overdue.zipWith(reminders, Long::sum);
		});
	}

	/**
	 * The due items that have not had this notice yet, in their order, at most
	 * {@value #BATCH}, leaving out {@code skip}. The request module knows nothing of
	 * notices, so the due items are read a page at a time until enough have not had it:
	 * items noticed long ago and still waiting do not hide the new ones. No page is read
	 * once there are enough (none is cancelled half read).
	 */
	private Flux<ItemId> notFiredYet(Kind kind, Function<@Nullable DueItem, Flux<DueItem>> due, List<ItemId> skip) {
		Set<ItemId> leftOut = Set.copyOf(skip);
		return page(kind, due, null, leftOut, 0)
			.expand((page) -> (page.next() != null && page.found() < BATCH)
					? page(kind, due, page.next(), leftOut, page.found()) : Mono.empty())
			.concatMapIterable(Page::notFired)
			.take(BATCH);
	}

	private Mono<Page> page(Kind kind, Function<@Nullable DueItem, Flux<DueItem>> due, @Nullable DueItem after,
			Set<ItemId> leftOut, int foundBefore) {
		return due.apply(after).collectList().flatMap((items) -> {
			List<ItemId> ids = items.stream().map(DueItem::id).filter((id) -> !leftOut.contains(id)).toList();
			DueItem next = (items.size() < BATCH) ? null : items.get(items.size() - 1);
			return this.notices.firedAmong(kind, ids).map((fired) -> {
				List<ItemId> notFired = ids.stream().filter((id) -> !fired.contains(id)).toList();
				return new Page(notFired, foundBefore + notFired.size(), next);
			});
		});
	}

	/**
	 * Fires one notice and tells the listeners, in one transaction; empty when another
	 * instance had fired it already (the table's key).
	 */
	private Mono<Boolean> fire(ItemId item, Kind kind, Instant now) {
		return this.notices.record(item, kind, now)
			.filter(Boolean::booleanValue)
			.flatMap((fired) -> this.requests.item(item))
			.flatMap((found) -> tell(new ServiceLevelListener.Notice(kind, found)).thenReturn(true))
			.as(this.transactions::transactional);
	}

	private Mono<Void> tell(ServiceLevelListener.Notice notice) {
		return Flux.fromIterable(this.listeners).concatMap((listener) -> listener.noticed(notice)).then();
	}

	/**
	 * The due items of one page that have not had the notice, how many so far with the
	 * pages before, and where the next page starts (none: this was the last).
	 */
	private record Page(List<ItemId> notFired, int found, @Nullable DueItem next) {
	}

}
