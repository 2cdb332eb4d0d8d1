package org.accessdesk.request;

import java.util.List;

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

	Mono<Void> written(Transition transition);

	/** A change the door has written. */
	sealed interface Transition {

		/** A new request: all its items, as decided at submission. */
		record Submitted(RequestId requestId, AccountId accountId, List<ChangedItem> items) implements Transition {
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

}
