package org.accessdesk.mail;

import java.util.List;

import org.accessdesk.request.ChangedItem;
import org.accessdesk.review.ServiceLevelListener;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The mail a service-level notice calls for (SPEC §6), in the notice's transaction: an
 * overdue alert to the vendor desk, a reminder to each administrator of the item.
 */
@Component
class ReviewerNotices implements ServiceLevelListener {

	private final ReviewerContexts contexts;

	private final MailOutbox outbox;

	ReviewerNotices(ReviewerContexts contexts, MailOutbox outbox) {
		this.contexts = contexts;
		this.outbox = outbox;
	}

	@Override
	public Mono<Void> noticed(Notice notice) {
		ChangedItem item = notice.item();
		return this.contexts.forReviewers(item).map((context) -> {
			MailFacts facts = context.facts(List.of(told(item)));
			return switch (notice.kind()) {
				case VENDOR_OVERDUE -> List.of(new Letter(MailKind.VENDOR_OVERDUE, Recipient.theVendorDesk(), facts));
				case ADMIN_REMINDER -> item.deciders()
					.stream()
					.map((admin) -> new Letter(MailKind.ADMIN_REMINDER, Recipient.address(admin), facts))
					.toList();
			};
		}).flatMap(this.outbox::post);
	}

	/**
	 * The item as reviewers are told of it: where it stands and since when, without the
	 * requester's next steps.
	 */
	private static MailFacts.Item told(ChangedItem item) {
		return new MailFacts.Item(item.id().value(), item.kind().name(), item.identifierType().name(),
				item.identifier(), item.contractNumber(), item.billToId(), null, item.status().name(),
				item.reason().name(), List.of(), null, List.of(), item.deadline(), null, item.pendingSince());
	}

}
