package org.accessdesk.review;

import org.accessdesk.request.ChangedItem;

import reactor.core.publisher.Mono;

/**
 * Hears each service-level notice as it fires, inside the notice's transaction: a notice
 * and what a listener writes for it (the mail to the vendor desk or to the
 * administrators) commit together. The review module knows no listener.
 */
public interface ServiceLevelListener {

	Mono<Void> noticed(Notice notice);

	/** A notice fired for one item. */
	record Notice(Kind kind, ChangedItem item) {

		public enum Kind {

			/** A PENDING_VENDOR item passed its deadline: the vendor desk is alerted. */
			VENDOR_OVERDUE,

			/** A PENDING_ADMIN item waited too long: its administrators are reminded. */
			ADMIN_REMINDER

		}

	}

}
