package org.accessdesk.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accessdesk.account.AccountId;
import org.accessdesk.account.Accounts;
import org.accessdesk.request.ChangedItem;
import org.accessdesk.request.ItemStatus;
import org.accessdesk.request.RequestFacts;
import org.accessdesk.request.RequestId;
import org.accessdesk.request.StatusListener;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What a mail needs besides its items, looked up through the account and request modules'
 * APIs, and only when someone who decides reads it: the requester as reviewers see them,
 * the request's justification, and the deciders' names for the requester.
 */
@Component
class ReviewerContexts {

	private final Accounts accounts;

	private final RequestFacts requests;

	ReviewerContexts(Accounts accounts, RequestFacts requests) {
		this.accounts = accounts;
		this.requests = requests;
	}

	/**
	 * For mail about a change: looked up only when an item waits for administrators
	 * (their names for the requester, the requester for them).
	 */
	Mono<Context> forItems(RequestId requestId, AccountId accountId, List<ChangedItem> items) {
		return forItems(requestId, accountId, items, justification(requestId));
	}

	/**
	 * The same for a new request, whose justification is known (and not yet in the
	 * database: the mail is written with it).
	 */
	Mono<Context> forSubmission(StatusListener.Transition.Submitted submitted) {
		return forItems(submitted.requestId(), submitted.accountId(), submitted.items(),
				Mono.just(Optional.ofNullable(submitted.justification())));
	}

	private Mono<Context> forItems(RequestId requestId, AccountId accountId, List<ChangedItem> items,
			Mono<Optional<String>> justification) {
		List<String> deciders = items.stream()
			.filter(ChangedItem::waitsForAdministrators)
			.flatMap((item) -> item.deciders().stream())
			.distinct()
			.toList();
		if (deciders.isEmpty()) {
			return Mono.just(new Context(requestId, null, null, Map.of()));
		}
		return Mono.zip(reviewer(requestId, accountId, justification), this.accounts.namesByEmail(deciders))
			.map((both) -> both.getT1().withNames(both.getT2()));
	}

	/** For a reviewer's mail about an item (reminders and alerts). */
	Mono<Context> forReviewers(ChangedItem item) {
		return reviewer(item.requestId(), item.accountId(), justification(item.requestId()));
	}

	private Mono<Context> reviewer(RequestId requestId, AccountId accountId, Mono<Optional<String>> justification) {
		return Mono.zip(requester(accountId), justification)
			.map((both) -> new Context(requestId, both.getT1().orElse(null), both.getT2().orElse(null), Map.of()));
	}

	/** The requester as reviewers see them, if the account still exists. */
	private Mono<Optional<MailFacts.Person>> requester(AccountId accountId) {
		return this.accounts.requesters(List.of(accountId))
			.mapNotNull((found) -> found.get(accountId))
			.map((person) -> Optional.of(new MailFacts.Person(person.name(), person.email(), person.companyName())))
			.defaultIfEmpty(Optional.empty());
	}

	/** What the requester wrote for the reviewer, if anything. */
	private Mono<Optional<String>> justification(RequestId requestId) {
		return this.requests.justification(requestId).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	/** The request's side of a mail. */
	record Context(RequestId requestId, MailFacts.@Nullable Person requester, @Nullable String justification,
			Map<String, String> namesByEmail) {

		Context withNames(Map<String, String> names) {
			return new Context(this.requestId, this.requester, this.justification, names);
		}

		MailFacts facts(List<MailFacts.Item> items) {
			return new MailFacts(this.requestId.value(), this.requester, this.justification, items);
		}

		MailFacts.Item item(ChangedItem item, @Nullable ItemStatus from) {
			return new MailFacts.Item(item.id().value(), item.kind().name(), item.identifierType().name(),
					item.identifier(), item.contractNumber(), item.billToId(), (from != null) ? from.name() : null,
					item.status().name(), item.reason().name(), item.nextSteps(), item.note(),
					item.waitsForAdministrators() ? item.decidersShown(this.namesByEmail) : List.of(),
					(item.status() == ItemStatus.PENDING_VENDOR) ? item.deadline() : null, item.retryAfter(),
					item.pendingSince());
		}

	}

}
