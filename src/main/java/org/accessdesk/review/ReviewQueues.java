package org.accessdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accessdesk.account.AccountId;
import org.accessdesk.account.AccountUser;
import org.accessdesk.account.Accounts;
import org.accessdesk.account.Role;
import org.accessdesk.registry.Administrators;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;
import org.accessdesk.registry.RegistryLookup;
import org.accessdesk.request.AccessKind;
import org.accessdesk.request.ItemDecisions;
import org.accessdesk.request.ItemDecisions.PendingItem;
import org.accessdesk.request.ItemId;
import org.accessdesk.request.ItemNotFound;
import org.accessdesk.request.ItemStatus;
import org.accessdesk.request.Queue;
import org.accessdesk.request.ReasonCode;
import org.accessdesk.request.RequestId;
import org.accessdesk.request.StatusChanged;
import org.accessdesk.request.Verdict;
import org.accessdesk.web.DomainError;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The review queues (SPEC §6, §9): an administrator sees the items of the contracts and
 * Bill-to IDs they administer now; the vendor desk sees everything waiting for it,
 * overdue first. Deciding an item outside one's queue answers 404, like any other thing
 * that is not one's own.
 */
@Component
public class ReviewQueues {

	static final int GRANTED_LIMIT = 200;

	private final ItemDecisions items;

	private final Administrators administrators;

	private final Accounts accounts;

	private final RegistryLookup registry;

	private final Clock clock;

	ReviewQueues(ItemDecisions items, Administrators administrators, Accounts accounts, RegistryLookup registry,
			Clock clock) {
		this.items = items;
		this.administrators = administrators;
		this.accounts = accounts;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * The caller's queue; without {@code queue}, the vendor desk's for vendor reviewers,
	 * else the admin one.
	 */
	public Mono<List<ReviewEntry>> queue(AccountUser user, @Nullable Queue queue) {
		Queue which = (queue != null) ? queue : (user.hasRole(Role.VENDOR_REVIEWER) ? Queue.VENDOR : Queue.ADMIN);
		Instant now = this.clock.instant();
		if (which == Queue.VENDOR) {
			requireRole(user, Role.VENDOR_REVIEWER);
			return this.items.waitingForVendor(now).collectList().flatMap((pending) -> entries(pending, now));
		}
		requireRole(user, Role.CONTRACT_ADMIN);
		return this.administrators.scopeOf(user.email())
			.flatMap((scope) -> this.items.waitingForAdmins(scope.contracts(), scope.billTos()).collectList())
			.flatMap((pending) -> entries(pending, now));
	}

	/** Approves or denies an item in the caller's queue; a deny needs a reason. */
	public Mono<ItemDecisions.Decided> decide(AccountUser user, ItemId itemId, Verdict verdict, @Nullable String reason,
			@Nullable String comment) {
		if (verdict == Verdict.DENY && (reason == null || reason.isBlank())) {
			return Mono
				.error(new DomainError.InvalidField("reason", "a denial needs a reason the requester can act on"));
		}
		String note = note(verdict, reason, comment);
		return this.items.find(itemId)
			.filterWhen((item) -> isInQueueOf(user, item))
			.switchIfEmpty(Mono.error(ItemNotFound::new))
			.flatMap((item) -> item.status().isPending()
					? this.items.decide(item.id(),
							(item.status() == ItemStatus.PENDING_ADMIN) ? Queue.ADMIN : Queue.VENDOR, verdict,
							user.email(), note)
					: Mono.error(new StatusChanged(
							"This item is no longer waiting for a decision (now " + item.status() + ").")));
	}

	/**
	 * Access granted now that the caller may revoke: under the contracts and Bill-to IDs
	 * an administrator administers, or anywhere for the vendor desk — the latest
	 * {@value #GRANTED_LIMIT}.
	 */
	public Mono<List<ReviewEntry>> granted(AccountUser user, @Nullable Queue queue) {
		Queue which = (queue != null) ? queue : (user.hasRole(Role.VENDOR_REVIEWER) ? Queue.VENDOR : Queue.ADMIN);
		Instant now = this.clock.instant();
		if (which == Queue.VENDOR) {
			requireRole(user, Role.VENDOR_REVIEWER);
			return this.items.approved(GRANTED_LIMIT).collectList().flatMap((approved) -> entries(approved, now));
		}
		requireRole(user, Role.CONTRACT_ADMIN);
		return this.administrators.scopeOf(user.email())
			.flatMap((scope) -> this.items.approvedUnder(scope.contracts(), scope.billTos(), GRANTED_LIMIT)
				.collectList())
			.flatMap((approved) -> entries(approved, now));
	}

	/**
	 * Revokes approved access the caller oversees (an administrator's contracts and
	 * Bill-to IDs, or any for the vendor desk); the reason reaches the requester.
	 */
	public Mono<ItemDecisions.Decided> revoke(AccountUser user, ItemId itemId, @Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			return Mono
				.error(new DomainError.InvalidField("reason", "revoking access needs a reason the requester can read"));
		}
		return this.items.find(itemId)
			.filterWhen((item) -> isInQueueOf(user, item))
			.switchIfEmpty(Mono.error(ItemNotFound::new))
			.flatMap((item) -> (item.status() == ItemStatus.APPROVED)
					? this.items.revoke(item.id(), user.email(), reason.strip()) : Mono.error(new StatusChanged(
							"This access is not approved (now " + item.status() + "); there is nothing to revoke.")));
	}

	/**
	 * Whether the item is, or was, in a queue the caller decides from: the vendor desk's
	 * when it waits for the vendor (or no longer waits: the desk sees every request); an
	 * administrator's when they administer it. Anything else is somebody else's item.
	 */
	Mono<Boolean> isInQueueOf(AccountUser user, PendingItem item) {
		if (item.status() == ItemStatus.PENDING_VENDOR
				|| (!item.status().isPending() && user.hasRole(Role.VENDOR_REVIEWER))) {
			return Mono.just(user.hasRole(Role.VENDOR_REVIEWER));
		}
		if (!user.hasRole(Role.CONTRACT_ADMIN)) {
			return Mono.just(false);
		}
		return this.administrators.scopeOf(user.email())
			.map((scope) -> scope.administers(item.contractNumber(), item.billToId()));
	}

	/** The entries of these items: who asks, and the company that owns the number. */
	Mono<List<ReviewEntry>> entries(List<PendingItem> pending, Instant now) {
		Set<AccountId> requesters = new HashSet<>();
		Set<String> contracts = new HashSet<>();
		Set<String> billTos = new HashSet<>();
		for (PendingItem item : pending) {
			requesters.add(item.accountId());
			if (item.contractNumber() != null) {
				contracts.add(item.contractNumber());
			}
			else if (item.billToId() != null) {
				billTos.add(item.billToId());
			}
		}
		return Mono
			.zip(this.accounts.requesters(requesters), this.registry.lookup(IdentifierType.CONTRACT, contracts),
					this.registry.lookup(IdentifierType.BILL_TO, billTos))
			.map((found) -> pending.stream()
				.map((item) -> entry(item, found.getT1(), found.getT2(), found.getT3(), now))
				.toList());
	}

	private static ReviewEntry entry(PendingItem item, Map<AccountId, Accounts.Requester> requesters,
			Map<String, RegistryEntry> contracts, Map<String, RegistryEntry> billTos, Instant now) {
		Accounts.Requester requester = requesters.get(item.accountId());
		RegistryEntry owner = (item.contractNumber() != null) ? contracts.get(item.contractNumber())
				: billTos.get(item.billToId());
		String ownerName = (owner instanceof RegistryEntry.Contract c) ? c.companyName()
				: (owner instanceof RegistryEntry.BillTo b) ? b.companyName() : null;
		Instant since = (item.pendingSince() != null) ? item.pendingSince() : item.updatedAt();
		boolean overdue = item.status() == ItemStatus.PENDING_VENDOR && item.deadline() != null
				&& !item.deadline().isAfter(now);
		return new ReviewEntry(item.id(), item.requestId(), item.identifier(), item.identifierType(), item.kind(),
				item.status(), item.reason(), item.deciders(), item.deadline(), item.updatedAt(),
				(requester == null) ? null
						: new ReviewEntry.RequesterView(requester.name(), requester.email(), requester.companyName()),
				ownerName, item.justification(), since, Duration.between(since, now).toSeconds(), overdue);
	}

	private static @Nullable String note(Verdict verdict, @Nullable String reason, @Nullable String comment) {
		String cleanReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		String cleanComment = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (verdict == Verdict.APPROVE) {
			return cleanComment;
		}
		return (cleanComment == null) ? cleanReason : cleanReason + "\n\n" + cleanComment;
	}

	static void requireRole(AccountUser user, Role role) {
		if (!user.hasRole(role)) {
			throw new NotYourQueue(role);
		}
	}

	/**
	 * A queue entry (SPEC §9 "review entry"): the item's fields plus who asks, the
	 * company that owns the contract or Bill-to ID, the justification, how long it has
	 * waited, and whether it is past the vendor's deadline.
	 */
	public record ReviewEntry(ItemId id, RequestId requestId, String identifier, IdentifierType identifierType,
			AccessKind kind, ItemStatus status, ReasonCode reason, List<String> deciders, @Nullable Instant deadline,
			Instant updatedAt, @Nullable RequesterView requester, @Nullable String contractCompany,
			@Nullable String justification, Instant waitingSince, long ageSeconds, boolean overdue) {

		public record RequesterView(String name, String email, @Nullable String companyName) {
		}

	}

}
