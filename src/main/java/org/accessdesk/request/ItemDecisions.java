package org.accessdesk.request;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What reviewers need of items (the review module's door into this one): the pending
 * items of a queue, and deciding one — through the {@link StatusDoor}, so two reviewers
 * deciding the same item at once cannot both win.
 */
@Component
public class ItemDecisions {

	private final AccessItems items;

	private final StatusDoor door;

	private final EventLog log;

	ItemDecisions(AccessItems items, StatusDoor door, EventLog log) {
		this.items = items;
		this.door = door;
		this.log = log;
	}

	/**
	 * Items waiting for the administrators of these contracts and Bill-to IDs, oldest
	 * first.
	 */
	public Flux<PendingItem> waitingForAdmins(Set<String> contracts, Set<String> billTos) {
		return this.items.waitingForAdmins(contracts, billTos).map(PendingItem::of);
	}

	/**
	 * Items waiting for the vendor's desk: those past their deadline first, then by
	 * deadline.
	 */
	public Flux<PendingItem> waitingForVendor(Instant now) {
		return this.items.waitingForVendor(now).map(PendingItem::of);
	}

	/**
	 * Access granted now under these contracts and Bill-to IDs (what an administrator may
	 * revoke), most recently changed first.
	 */
	public Flux<PendingItem> approvedUnder(Set<String> contracts, Set<String> billTos, int limit) {
		return this.items.approvedUnder(contracts, billTos, limit).map(PendingItem::of);
	}

	/**
	 * Access granted now, anywhere (the vendor desk's view), most recently changed first.
	 */
	public Flux<PendingItem> approved(int limit) {
		return this.items.approved(limit).map(PendingItem::of);
	}

	/**
	 * Items the administrators decided since {@code since} under these contracts and
	 * Bill-to IDs, newest decision first, as they are now.
	 */
	public Flux<DecidedItem> decidedUnder(Set<String> contracts, Set<String> billTos, Instant since, int limit) {
		return this.log.decided(ReasonCode.DECIDED_BY_ADMIN, contracts, billTos, since, limit);
	}

	/** Items the vendor desk decided since {@code since}, newest decision first. */
	public Flux<DecidedItem> decidedByVendor(Instant since, int limit) {
		return this.log.decided(ReasonCode.DECIDED_BY_VENDOR, null, null, since, limit);
	}

	/**
	 * Ends approved access on a reviewer's word (SPEC §6: revoke by administrator or
	 * vendor). 409 {@code STATUS_CHANGED} when it is no longer approved.
	 */
	public Mono<Decided> revoke(ItemId itemId, String actor, String reason) {
		return this.door
			.move(itemId, LifecycleAction.REVOKE,
					StatusDoor.Change.because(ReasonCode.REVOKED, actor).withComment(reason))
			.map((item) -> new Decided(item.id(), item.requestId(), item.status(), item.reason(), item.note(),
					item.updatedAt()));
	}

	/**
	 * One item in whatever state it is, so that a reviewer who was too late learns it
	 * (409, not 404).
	 */
	public Mono<PendingItem> find(ItemId itemId) {
		return this.items.findForReview(itemId).map(PendingItem::of);
	}

	/**
	 * Approves or denies an item waiting in {@code queue}. 409 {@code STATUS_CHANGED}
	 * when it is no longer waiting there (decided by someone else, withdrawn, escalated,
	 * expired).
	 */
	public Mono<Decided> decide(ItemId itemId, Queue queue, Verdict verdict, String actor, @Nullable String note) {
		ItemStatus waiting = (queue == Queue.ADMIN) ? ItemStatus.PENDING_ADMIN : ItemStatus.PENDING_VENDOR;
		ReasonCode reason = (queue == Queue.ADMIN) ? ReasonCode.DECIDED_BY_ADMIN : ReasonCode.DECIDED_BY_VENDOR;
		return this.door
			.move(itemId, verdict.action(), waiting, StatusDoor.Change.because(reason, actor).withComment(note))
			.map((item) -> new Decided(item.id(), item.requestId(), item.status(), item.reason(), item.note(),
					item.updatedAt()));
	}

	/** An item waiting for a decision, with what the reviewer needs to decide it. */
	public record PendingItem(ItemId id, RequestId requestId, AccountId accountId, AccessKind kind,
			IdentifierType identifierType, String identifier, @Nullable String contractNumber,
			@Nullable String billToId, ItemStatus status, ReasonCode reason, List<String> deciders,
			@Nullable Instant deadline, @Nullable Instant pendingSince, Instant updatedAt,
			@Nullable String justification) {

		static PendingItem of(AccessItems.ForReview read) {
			ItemRow item = read.item();
			return new PendingItem(item.id(), item.requestId(), item.accountId(), item.kind(), item.identifierType(),
					item.identifier(), item.contractNumber(), item.billToId(), item.status(), item.reason(),
					item.deciders(), item.deadline(), item.pendingSince(), item.updatedAt(), read.justification());
		}

	}

	/**
	 * A decision taken from a queue (approved or denied, by whom, when, with what
	 * comment) and the item as it is now (approved access may since have been revoked).
	 */
	public record DecidedItem(PendingItem item, ItemStatus decision, String decidedBy, @Nullable String comment,
			Instant decidedAt) {
	}

	/** The outcome of a decision. */
	public record Decided(ItemId id, RequestId requestId, ItemStatus status, ReasonCode reason, @Nullable String note,
			Instant updatedAt) {
	}

}
