package org.accessdesk.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.accessdesk.account.AccountUser;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What a requester may do with their own items (SPEC §6): withdraw one that waits,
 * escalate one that an administrator has left waiting too long, remove access they hold.
 * Each goes through the {@link StatusDoor}; someone else's item answers 404, a move from
 * a state the item has left answers 409.
 */
@Component
public class ItemActions {

	private final AccessItems items;

	private final StatusDoor door;

	private final RequestViews views;

	private final RequestProperties properties;

	private final Clock clock;

	ItemActions(AccessItems items, StatusDoor door, RequestViews views, RequestProperties properties, Clock clock) {
		this.items = items;
		this.door = door;
		this.views = views;
		this.properties = properties;
		this.clock = clock;
	}

	public Mono<RequestViews.ItemView> withdraw(AccountUser user, ItemId itemId) {
		return ownItem(user, itemId)
			.flatMap((item) -> this.door.move(item.id(), LifecycleAction.WITHDRAW,
					StatusDoor.Change.because(ReasonCode.WITHDRAWN, Submissions.actor(user))))
			.map((moved) -> view(user, moved));
	}

	public Mono<RequestViews.ItemView> escalate(AccountUser user, ItemId itemId) {
		return ownItem(user, itemId).flatMap((item) -> {
			Instant now = this.clock.instant();
			if (item.status() == ItemStatus.PENDING_ADMIN && item.pendingSince() != null) {
				Instant allowedFrom = item.pendingSince().plus(this.properties.escalateAfter());
				if (now.isBefore(allowedFrom)) {
					return Mono.error(new EscalationTooEarly(allowedFrom));
				}
			}
			return this.door.move(item.id(), LifecycleAction.ESCALATE,
					StatusDoor.Change.because(ReasonCode.ESCALATED, Submissions.actor(user))
						.withDeadline(now.plus(this.properties.vendorSla())));
		}).map((moved) -> view(user, moved));
	}

	public Mono<RequestViews.ItemView> remove(AccountUser user, ItemId itemId) {
		return ownItem(user, itemId)
			.flatMap((item) -> this.door.move(item.id(), LifecycleAction.REMOVE,
					StatusDoor.Change.because(ReasonCode.REMOVED, Submissions.actor(user))))
			.map((moved) -> view(user, moved));
	}

	private Mono<ItemRow> ownItem(AccountUser user, ItemId itemId) {
		return this.items.ofAccount(user.id(), itemId).switchIfEmpty(Mono.error(ItemNotFound::new));
	}

	private RequestViews.ItemView view(AccountUser user, ItemRow item) {
		return this.views.itemView(item, Map.of(), Locale.forLanguageTag(user.language()));
	}

}
