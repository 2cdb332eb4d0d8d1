package org.accessdesk.request;

import java.util.List;
import java.util.Map;

import org.accessdesk.account.AccountId;
import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * Hears every change the one door writes, inside the door's transaction: what a listener
 * writes (the system mail's outbox rows, say) commits or rolls back with the change, so
 * it exists exactly when the change does. The door knows no listener; a new notification
 * channel is a new implementation of this port in its own module. A listener that fails
 * fails the change, so it should fail only when the database does.
 */
public interface StatusListener {

	/** Writes what the listener writes for the change, in the door's transaction. */
	Mono<Void> written(Transition transition);

	/**
	 * The same for a new request, as rows for the door to write in its own statement: a
	 * submission is one statement (issue 16) — request, items, events and what every
	 * listener writes commit together, or none of it does. Everything a submission's
	 * transition says is known before it is written, so the listener can answer without
	 * seeing it in the database. {@link Companion#NONE} when it writes nothing.
	 */
	Mono<Companion> alongside(Transition.Submitted submitted);

	/** A change the door has written. */
	sealed interface Transition {

		/**
		 * A new request: all its items, as decided at submission, and what the requester
		 * wrote for the deciders.
		 */
		record Submitted(RequestId requestId, AccountId accountId, List<ChangedItem> items,
				@Nullable String justification) implements Transition {
		}

		/**
		 * One item moved from one status to another (a decision, escalation, expiry, …).
		 */
		record Moved(ChangedItem item, ItemStatus from) implements Transition {
		}

		/** A TOO_NEW denial the service submitted again: the new item, as decided. */
		record Retried(ChangedItem retry) implements Transition {
		}

		/** The items the transition is about. */
		default List<ChangedItem> items() {
			if (this instanceof Submitted submitted) {
				return submitted.items();
			}
			return List.of((this instanceof Moved moved) ? moved.item() : ((Retried) this).retry());
		}

		/** The status an item left, if this transition moved it. */
		default @Nullable ItemStatus from() {
			return (this instanceof Moved moved) ? moved.from() : null;
		}

	}

	/**
	 * Rows a listener writes with a submission, in the door's statement:
	 * {@code INSERT INTO table (columns) select}. The listener's module owns the SQL; its
	 * bind names must start with its own prefix (the door's are plain words) so the two
	 * never meet. {@code afterCommit} runs once the statement has committed.
	 */
	record Companion(String table, String columns, String select, Map<String, Object> bindings, Runnable afterCommit) {

		/** Nothing to write. */
		public static final Companion NONE = new Companion("", "", "", Map.of(), () -> {
		});

		public boolean writesNothing() {
			return this.table.isEmpty();
		}

	}

}
