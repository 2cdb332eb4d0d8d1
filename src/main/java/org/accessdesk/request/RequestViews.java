package org.accessdesk.request;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.accessdesk.account.AccountUser;
import org.accessdesk.account.Accounts;
import org.accessdesk.account.Role;
import org.accessdesk.registry.Administrators;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.web.DomainError;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Requests as their owner sees them (SPEC §9 JSON shapes): each item with its next step
 * in the owner's language, who decides it (names, or masked emails), and the vendor's
 * deadline.
 */
@Component
public class RequestViews {

	private final AccessRequests requests;

	private final EventLog events;

	private final Accounts accounts;

	private final NextSteps nextSteps;

	private final Administrators administrators;

	private final LatestItems latest;

	RequestViews(AccessRequests requests, EventLog events, Accounts accounts, NextSteps nextSteps,
			Administrators administrators, LatestItems latest) {
		this.requests = requests;
		this.latest = latest;
		this.events = events;
		this.accounts = accounts;
		this.nextSteps = nextSteps;
		this.administrators = administrators;
	}

	public Mono<RequestView> one(AccountUser user, RequestId requestId) {
		return this.requests.find(user.id(), requestId)
			.switchIfEmpty(Mono.error(RequestNotFound::new))
			.flatMap((request) -> views(List.of(request), user.language()))
			.map((views) -> views.get(0));
	}

	/**
	 * One of the user's items as it is now (a mail's link names an item; its card may
	 * show a later item of the same number). Someone else's item answers 404, as a
	 * missing one.
	 */
	public Mono<ItemView> item(AccountUser user, ItemId itemId) {
		return this.requests.requestOfItem(user.id(), itemId)
			.flatMap((requestId) -> one(user, requestId))
			.flatMapIterable(RequestView::items)
			.filter((item) -> item.id().equals(itemId))
			.next()
			.switchIfEmpty(Mono.error(ItemNotFound::new));
	}

	/**
	 * A request its owner has just submitted, from the rows the submission wrote: the
	 * same view as {@link #one}, in the same item order, without reading it back.
	 */
	Mono<RequestView> written(AccountUser user, AccessRequests.RequestWithItems written) {
		List<ItemRow> items = written.items().stream().sorted(AccessRequests.ITEM_ORDER).toList();
		return views(List.of(new AccessRequests.RequestWithItems(written.request(), items)), user.language())
			.map((views) -> views.get(0));
	}

	public Mono<RequestPage> page(AccountUser user, @Nullable String status, int page, int size) {
		ItemStatus filter = parseStatus(status);
		return Mono.zip(this.requests.page(user.id(), filter, page, size), this.requests.count(user.id(), filter))
			.flatMap((found) -> views(found.getT1(), user.language())
				.map((views) -> new RequestPage(views, page, size, found.getT2())));
	}

	/**
	 * Where each identifier the account asked for stands now, one item per identifier
	 * ({@link LatestItems}); {@code kind} and {@code status} are one value or several,
	 * comma separated, or none for all.
	 */
	public Mono<LatestPage> latest(AccountUser user, @Nullable String kind, @Nullable String status,
			@Nullable String cursor, int size) {
		Set<ItemStatus> statuses = parseAll(ItemStatus.class, "status", status);
		Set<AccessKind> kinds = parseAll(AccessKind.class, "kind", kind);
		LatestItems.Cursor after = LatestItems.Cursor.parse(cursor);
		return Mono
			.zip(this.latest.page(user.id(), kinds, statuses, after, size),
					this.latest.count(user.id(), kinds, statuses))
			.flatMap((found) -> {
				Set<String> deciders = new HashSet<>();
				found.getT1().items().forEach((one) -> deciders.addAll(one.item().deciders()));
				Locale locale = Locale.forLanguageTag(user.language());
				return this.accounts.namesByEmail(deciders)
					.map((names) -> new LatestPage(found.getT1()
						.items()
						.stream()
						.map((one) -> LatestView.of(itemView(one.item(), names, locale), one))
						.toList(), found.getT1().next(), found.getT2()));
			});
	}

	/**
	 * The audit trail of a request, for its owner and its reviewers: the vendor desk
	 * (which sees every request) and the administrators of any of its items. Anyone else
	 * gets 404.
	 */
	public Flux<EventView> events(AccountUser user, RequestId requestId) {
		return this.requests.findAnyone(requestId)
			.filterWhen((found) -> mayRead(user, found))
			.switchIfEmpty(Mono.error(RequestNotFound::new))
			.flatMapMany((request) -> this.events.ofRequest(requestId))
			.map(EventView::of);
	}

	private Mono<Boolean> mayRead(AccountUser user, AccessRequests.RequestWithItems found) {
		if (found.request().accountId().equals(user.id()) || user.hasRole(Role.VENDOR_REVIEWER)) {
			return Mono.just(true);
		}
		if (!user.hasRole(Role.CONTRACT_ADMIN)) {
			return Mono.just(false);
		}
		return this.administrators.scopeOf(user.email())
			.map((scope) -> found.items()
				.stream()
				.anyMatch((item) -> scope.administers(item.contractNumber(), item.billToId())));
	}

	private Mono<List<RequestView>> views(List<AccessRequests.RequestWithItems> found, String language) {
		Set<String> deciders = new HashSet<>();
		found.forEach((request) -> request.items().forEach((item) -> deciders.addAll(item.deciders())));
		Locale locale = Locale.forLanguageTag(language);
		return this.accounts.namesByEmail(deciders)
			.map((names) -> found.stream().map((request) -> view(request, names, locale)).toList());
	}

	private RequestView view(AccessRequests.RequestWithItems found, Map<String, String> names, Locale locale) {
		var request = found.request();
		List<ItemView> items = found.items().stream().map((item) -> itemView(item, names, locale)).toList();
		return new RequestView(request.id(), request.kind(), request.identifierType(),
				RequestStatus.of(found.items().stream().map(ItemRow::status).toList()), request.justification(),
				request.autoRetry(), request.createdAt(), items);
	}

	ItemView itemView(ItemRow item, Map<String, String> names, Locale locale) {
		return new ItemView(item.id(), item.requestId(), item.identifier(), item.kind(), item.status(), item.reason(),
				this.nextSteps.of(item, locale), item.retryAfter(), item.autoRetry(), NextSteps.retryScheduled(item),
				item.status() == ItemStatus.PENDING_ADMIN ? Deciders.shown(item.deciders(), names) : null,
				item.status() == ItemStatus.PENDING_VENDOR ? item.deadline() : null, item.note(), item.updatedAt());
	}

	/** Comma-separated constants; none (or blank) means all of them. */
	private static <E extends Enum<E>> Set<E> parseAll(Class<E> type, String field, @Nullable String text) {
		Set<E> values = EnumSet.noneOf(type);
		for (String one : (text == null) ? new String[0] : text.split(",")) {
			if (one.isBlank()) {
				continue;
			}
			try {
				values.add(Enum.valueOf(type, one.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new DomainError.InvalidField(field,
						"must be one or more of " + List.of(type.getEnumConstants()) + ", comma separated");
			}
		}
		return values.isEmpty() ? EnumSet.allOf(type) : values;
	}

	private static @Nullable ItemStatus parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ItemStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainError.InvalidField("status", "must be one of " + List.of(ItemStatus.values()));
		}
	}

	/** A request and its items (SPEC §9 "request"). */
	public record RequestView(RequestId id, AccessKind kind, IdentifierType identifierType, RequestStatus status,
			@Nullable String justification, boolean autoRetry, Instant createdAt, List<ItemView> items) {
	}

	/**
	 * One identifier of a request (SPEC §9 "item"); {@code note} is what a reviewer wrote
	 * with the latest decision (a deny reason, an approval comment).
	 */
	public record ItemView(ItemId id, RequestId requestId, String identifier, AccessKind kind, ItemStatus status,
			ReasonCode reason, String nextStep, @Nullable Instant retryAfter, boolean autoRetry, boolean retryScheduled,
			@Nullable List<String> deciders, @Nullable Instant deadline, @Nullable String note, Instant updatedAt) {
	}

	/**
	 * The item that says where an identifier stands now: an {@link ItemView} with its
	 * identifier type, when it was created, when the identifier was last asked for
	 * ({@code askedAt}) and how many requests named it ({@code asked}).
	 */
	public record LatestView(ItemId id, RequestId requestId, String identifier, IdentifierType identifierType,
			AccessKind kind, ItemStatus status, ReasonCode reason, String nextStep, @Nullable Instant retryAfter,
			boolean autoRetry, boolean retryScheduled, @Nullable List<String> deciders, @Nullable Instant deadline,
			@Nullable String note, Instant createdAt, Instant updatedAt, Instant askedAt, long asked) {

		static LatestView of(ItemView view, LatestItems.Latest latest) {
			return new LatestView(view.id(), view.requestId(), view.identifier(), latest.item().identifierType(),
					view.kind(), view.status(), view.reason(), view.nextStep(), view.retryAfter(), view.autoRetry(),
					view.retryScheduled(), view.deciders(), view.deadline(), view.note(), latest.item().createdAt(),
					view.updatedAt(), latest.askedAt(), latest.asked());
		}

	}

	/**
	 * A page of {@link LatestView}s, most recently asked for first; {@code next} is the
	 * cursor of the following page (null at the end), {@code total} how many the filter
	 * leaves.
	 */
	public record LatestPage(List<LatestView> items, @Nullable String next, long total) {
	}

	/** A page of requests, newest first. */
	public record RequestPage(List<RequestView> requests, int page, int size, long total) {
	}

	/** One transition (SPEC §9 "event"); {@code id} is opaque. */
	public record EventView(String id, RequestId requestId, ItemId itemId, String identifier, AccessKind kind,
			@Nullable String from, String to, String reason, String actor, @Nullable String comment, Instant at) {

		public static EventView of(ItemEvent event) {
			return new EventView(event.position().toString(), event.requestId(), event.itemId(), event.identifier(),
					event.kind(), event.from(), event.to(), event.reason(), event.actor(), event.comment(), event.at());
		}

	}

}
