package org.accessdesk.request;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The outcome of the decision table for one identifier, with the row that decided it. */
sealed interface Decision {

	Rule rule();

	ReasonCode reason();

	record Approved(Rule rule, ReasonCode reason) implements Decision {
	}

	/**
	 * Waits for the queue's people; {@code deciders} are the administrators' emails
	 * (ADMIN queue only).
	 */
	record Pending(Rule rule, Queue queue, ReasonCode reason, List<String> deciders) implements Decision {

		public Pending {
			deciders = List.copyOf(deciders);
		}

	}

	/** {@code retryAfter} only for TOO_NEW: when the contract will be old enough. */
	record Denied(Rule rule, ReasonCode reason, @Nullable Instant retryAfter) implements Decision {
	}

}
