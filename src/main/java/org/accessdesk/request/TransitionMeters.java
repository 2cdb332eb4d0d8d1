package org.accessdesk.request;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Counts what the one door wrote, once its transaction has committed: a rolled-back
 * change is no outcome. {@code accessdesk.submissions} counts each item decided at
 * submission (or auto-retry) by its {@code status} and {@code reason};
 * {@code accessdesk.transitions} each later move of an item by the status it moved
 * {@code to}. Both tags come from enums, so the series stay few.
 */
@Component
class TransitionMeters {

	private final MeterRegistry meters;

	TransitionMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Runs {@code work} with a fresh tally in its context and counts the tally when
	 * {@code afterCommit} (the work made transactional) succeeds.
	 */
	<T> Mono<T> counted(Mono<T> afterCommit) {
		return Mono.defer(() -> {
			Tally tally = new Tally();
			return afterCommit.doOnSuccess((ignored) -> count(tally)).contextWrite(Context.of(Tally.class, tally));
		});
	}

	/** Notes an item written at submission, if a tally is listening. */
	static Mono<ItemRow> submitted(ItemRow item) {
		return Mono.deferContextual((context) -> {
			context.<Tally>getOrEmpty(Tally.class).ifPresent((tally) -> tally.submitted.add(item));
			return Mono.just(item);
		});
	}

	/** Notes an item moved to a new status, if a tally is listening. */
	static Mono<ItemRow> moved(ItemRow item) {
		return Mono.deferContextual((context) -> {
			context.<Tally>getOrEmpty(Tally.class).ifPresent((tally) -> tally.moved.add(item.status()));
			return Mono.just(item);
		});
	}

	/** Counts the items of a submission written whole (it has committed). */
	void submitted(List<ItemRow> items) {
		Tally tally = new Tally();
		tally.submitted.addAll(items);
		count(tally);
	}

	private void count(Tally tally) {
		tally.submitted.forEach((item) -> Counter.builder("accessdesk.submissions")
			.description("Items decided at submission, by outcome")
			.tag("status", item.status().name())
			.tag("reason", item.reason().name())
			.register(this.meters)
			.increment());
		tally.moved.forEach((to) -> Counter.builder("accessdesk.transitions")
			.description("Status changes of existing items, by the status moved to")
			.tag("to", to.name())
			.register(this.meters)
			.increment());
	}

	/** What one transaction wrote; filled while it runs, counted after it commits. */
	private static final class Tally {

		final Queue<ItemRow> submitted = new ConcurrentLinkedQueue<>();

		final Queue<ItemStatus> moved = new ConcurrentLinkedQueue<>();

	}

}
