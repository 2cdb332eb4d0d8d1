package org.accessdesk.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * What may happen to an item after submission, and from which states (SPEC §6). The
 * door's guarded update takes {@link #from()} as its condition, so this table is also
 * what two concurrent actions are checked against.
 */
public enum LifecycleAction {

	APPROVE(EnumSet.of(ItemStatus.PENDING_ADMIN, ItemStatus.PENDING_VENDOR), ItemStatus.APPROVED),

	DENY(EnumSet.of(ItemStatus.PENDING_ADMIN, ItemStatus.PENDING_VENDOR), ItemStatus.DENIED),

	/**
	 * The requester passes an item that administrators leave unanswered to the vendor's
	 * desk.
	 */
	ESCALATE(EnumSet.of(ItemStatus.PENDING_ADMIN), ItemStatus.PENDING_VENDOR),

	WITHDRAW(EnumSet.of(ItemStatus.PENDING_ADMIN, ItemStatus.PENDING_VENDOR), ItemStatus.WITHDRAWN),

	/** The requester gives up access they hold. */
	REMOVE(EnumSet.of(ItemStatus.APPROVED), ItemStatus.REVOKED),

	/** An administrator or the vendor takes access away. */
	REVOKE(EnumSet.of(ItemStatus.APPROVED), ItemStatus.REVOKED),

	EXPIRE(EnumSet.of(ItemStatus.PENDING_ADMIN, ItemStatus.PENDING_VENDOR), ItemStatus.EXPIRED);

	private final Set<ItemStatus> from;

	private final ItemStatus to;

	LifecycleAction(Set<ItemStatus> from, ItemStatus to) {
		this.from = Set.copyOf(from);
		this.to = to;
	}

	/** The states this action may start from. */
	public Set<ItemStatus> from() {
		return this.from;
	}

	public ItemStatus to() {
		return this.to;
	}

	public boolean allowedFrom(ItemStatus status) {
		return this.from.contains(status);
	}

}
