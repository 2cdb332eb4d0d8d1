package org.accessdesk.request;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What other modules may read of requests and items — reviewers' notices, mails — without
 * reading the request module's tables. No authorization here: callers act for the
 * service, never for a person.
 */
@Component
public class RequestFacts {

	private final AccessRequests requests;

	private final AccessItems items;

	RequestFacts(AccessRequests requests, AccessItems items) {
		this.requests = requests;
		this.items = items;
	}

	/** The item as it stands now; empty when unknown. */
	public Mono<ChangedItem> item(ItemId itemId) {
		return this.items.find(itemId).map(ChangedItem::of);
	}

	/** What the requester wrote for the reviewer; empty when nothing. */
	public Mono<String> justification(RequestId requestId) {
		return this.requests.justification(requestId);
	}

	/**
	 * Items waiting for the vendor desk whose deadline came by {@code now}, a page at a
	 * time: by deadline, the first {@code limit} after {@code after} (null: from the
	 * first).
	 */
	public Flux<DueItem> pastVendorDeadline(Instant now, @Nullable DueItem after, int limit) {
		return this.items.pastVendorDeadline(now, after, limit);
	}

	/**
	 * Items waiting for their administrators since {@code since} or before, a page at a
	 * time: oldest first, the first {@code limit} after {@code after} (null: from the
	 * first).
	 */
	public Flux<DueItem> waitingForAdministratorsSince(Instant since, @Nullable DueItem after, int limit) {
		return this.items.waitingForAdministratorsSince(since, after, limit);
	}

}
