package org.accessdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.accessdesk.account.AccountUser;
import org.accessdesk.account.Role;
import org.accessdesk.registry.Administrators;
import org.accessdesk.request.ItemDecisions;
import org.accessdesk.request.ItemDecisions.DecidedItem;
import org.accessdesk.request.ItemStatus;
import org.accessdesk.request.Queue;
import org.accessdesk.review.ReviewQueues.ReviewEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What a reviewer's home shows besides the queue itself: how many items wait for them
 * (the header's count) and what their queue decided lately, with the approved ones that
 * may still be revoked. Like the queues, an administrator sees only what is under the
 * contracts and Bill-to IDs they administer now; the vendor desk sees its own decisions.
 */
@Component
public class ReviewerHome {

	/** How far back the decided view reaches. */
	static final Duration DECIDED_WINDOW = Duration.ofDays(30);

	/** The decided view is bounded: the latest this many decisions of the window. */
	static final int DECIDED_LIMIT = 200;

	private final ItemDecisions items;

	private final Administrators administrators;

	private final ReviewQueues queues;

	private final Clock clock;

	ReviewerHome(ItemDecisions items, Administrators administrators, ReviewQueues queues, Clock clock) {
		this.items = items;
		this.administrators = administrators;
		this.queues = queues;
		this.clock = clock;
	}

	/** How many items wait for the caller, in every queue they decide from. */
	public Mono<Waiting> waiting(AccountUser user) {
		Instant now = this.clock.instant();
		Mono<Long> vendor = user.hasRole(Role.VENDOR_REVIEWER) ? this.items.waitingForVendor(now).count()
				: Mono.just(0L);
		Mono<Long> admin = user.hasRole(Role.CONTRACT_ADMIN)
				? this.administrators.scopeOf(user.email())
					.flatMap((scope) -> this.items.waitingForAdmins(scope.contracts(), scope.billTos()).count())
				: Mono.just(0L);
		return Mono.zip(admin, vendor)
			.map((counts) -> new Waiting(counts.getT1(), counts.getT2(), counts.getT1() + counts.getT2()));
	}

	/**
	 * What the caller's queue decided in the last {@link #DECIDED_WINDOW}, newest first;
	 * without {@code queue}, the vendor desk's for vendor reviewers, else the admin one.
	 */
	public Mono<List<DecidedEntry>> decided(AccountUser user, @Nullable Queue queue) {
		Queue which = (queue != null) ? queue : (user.hasRole(Role.VENDOR_REVIEWER) ? Queue.VENDOR : Queue.ADMIN);
		Instant now = this.clock.instant();
		Instant since = now.minus(DECIDED_WINDOW);
		Mono<List<DecidedItem>> decided;
		if (which == Queue.VENDOR) {
			ReviewQueues.requireRole(user, Role.VENDOR_REVIEWER);
			decided = this.items.decidedByVendor(since, DECIDED_LIMIT).collectList();
		}
		else {
			ReviewQueues.requireRole(user, Role.CONTRACT_ADMIN);
			decided = this.administrators.scopeOf(user.email())
				.flatMap((scope) -> this.items.decidedUnder(scope.contracts(), scope.billTos(), since, DECIDED_LIMIT)
					.collectList());
		}
		return decided.flatMap((found) -> this.queues.entries(found.stream().map(DecidedItem::item).toList(), now)
			.map((entries) -> IntStream.range(0, found.size())
				.mapToObj((i) -> DecidedEntry.of(entries.get(i), found.get(i)))
				.toList()));
	}

	/** How many items wait for the caller: as administrator, at the vendor desk, both. */
	public record Waiting(long admin, long vendor, long total) {
	}

	/**
	 * A decided item: the entry as it is now ({@code status}), and the decision taken
	 * ({@code decision}, {@code decidedBy}, {@code decidedAt}, {@code comment});
	 * {@code revocable} while the access it granted is still held.
	 */
	public record DecidedEntry(ReviewEntry entry, ItemStatus decision, String decidedBy, Instant decidedAt,
			@Nullable String comment, boolean revocable) {

		static DecidedEntry of(ReviewEntry entry, DecidedItem decided) {
			return new DecidedEntry(entry, decided.decision(), decided.decidedBy(), decided.decidedAt(),
					decided.comment(), entry.status() == ItemStatus.APPROVED);
		}

	}

}
