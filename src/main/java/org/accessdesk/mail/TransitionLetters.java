package org.accessdesk.mail;

import java.util.ArrayList;
import java.util.List;

import org.accessdesk.request.ChangedItem;
import org.accessdesk.request.StatusListener;
import org.accessdesk.request.StatusListener.Companion;
import org.accessdesk.request.StatusListener.Transition;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The system mail a change of status calls for (SPEC §7), written into the outbox in the
 * door's transaction: the requester hears of every change — one mail for a whole new
 * request, one for each later transition — and the administrators of an item that starts
 * waiting for them are asked to decide. What the mail shows is what the screen showed at
 * that moment ({@link ChangedItem}). A new request's mail goes into the door's own
 * statement ({@link #alongside}).
 */
@Component
class TransitionLetters implements StatusListener {

	private final ReviewerContexts contexts;

	private final MailOutbox outbox;

	TransitionLetters(ReviewerContexts contexts, MailOutbox outbox) {
		this.contexts = contexts;
		this.outbox = outbox;
	}

	@Override
	public Mono<Void> written(Transition transition) {
		return letters(transition).flatMap(this.outbox::post);
	}

	@Override
	public Mono<Companion> alongside(Transition.Submitted submitted) {
		return letters(submitted).map(this.outbox::companion);
	}

	Mono<List<Letter>> letters(Transition transition) {
		List<ChangedItem> items = transition.items();
		ChangedItem first = items.get(0);
		Mono<ReviewerContexts.Context> contexts = (transition instanceof Transition.Submitted submitted)
				? this.contexts.forSubmission(submitted)
				: this.contexts.forItems(first.requestId(), first.accountId(), items);
		return contexts.map((context) -> {
			List<Letter> letters = new ArrayList<>();
			List<MailFacts.Item> told = items.stream().map((item) -> context.item(item, transition.from())).toList();
			letters.add(new Letter(kind(transition), Recipient.account(first.accountId()), context.facts(told)));
			items.forEach((item) -> letters.addAll(reviewWanted(item, context)));
			return letters;
		});
	}

	private static MailKind kind(Transition transition) {
		if (transition instanceof Transition.Submitted) {
			return MailKind.REQUEST_SUBMITTED;
		}
		return (transition instanceof Transition.Moved) ? MailKind.ITEM_CHANGED : MailKind.AUTO_RETRIED;
	}

	/** Each administrator of an item that now waits for them is asked to decide. */
	private static List<Letter> reviewWanted(ChangedItem item, ReviewerContexts.Context context) {
		if (!item.waitsForAdministrators()) {
			return List.of();
		}
		MailFacts facts = context.facts(List.of(context.item(item, null)));
		return item.deciders()
			.stream()
			.map((admin) -> new Letter(MailKind.REVIEW_WANTED, Recipient.address(admin), facts))
			.toList();
	}

}
