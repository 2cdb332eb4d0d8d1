package org.accessdesk.request;

import java.util.UUID;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What other modules may read of requests and items — reviewers' notices, mails — without
 * reading the request module's tables. No authorization here: callers act for the
 * service, never for a person.
 */
@Component
public class RequestFacts {

	private final AccessRequests requests;

	RequestFacts(AccessRequests requests) {
		this.requests = requests;
	}

	/** The item as it stands now; empty when unknown. */
	public Mono<ChangedItem> item(UUID itemId) {
		return this.requests.anyItem(itemId).map(ChangedItem::of);
	}

	/** What the requester wrote for the reviewer; empty when nothing. */
	public Mono<String> justification(UUID requestId) {
		return this.requests.justification(requestId);
	}

}
