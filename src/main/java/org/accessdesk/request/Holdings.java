package org.accessdesk.request;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What an account already holds (APPROVED) or waits for (PENDING_*), per kind of access
 * and entitlement ({@code C:<contract>}, {@code B:<Bill-to ID>}) — the facts behind rule
 * D4.
 */
record Holdings(Set<String> live, Set<String> approved) {

	Holdings {
		live = Set.copyOf(live);
		approved = Set.copyOf(approved);
	}

	static Holdings none() {
		return new Holdings(Set.of(), Set.of());
	}

	static Holdings of(Collection<AccessItems.Holding> holdings) {
		Set<String> live = new HashSet<>();
		Set<String> approved = new HashSet<>();
		for (AccessItems.Holding holding : holdings) {
			live.add(key(holding.kind(), holding.entitlement()));
			if (holding.status() == ItemStatus.APPROVED) {
				approved.add(key(holding.kind(), holding.entitlement()));
			}
		}
		return new Holdings(live, approved);
	}

	Holdings with(AccessKind kind, String entitlement, ItemStatus status) {
		Set<String> live = new HashSet<>(this.live);
		Set<String> approved = new HashSet<>(this.approved);
		live.add(key(kind, entitlement));
		if (status == ItemStatus.APPROVED) {
			approved.add(key(kind, entitlement));
		}
		return new Holdings(live, approved);
	}

	boolean holdsOrWaitsFor(AccessKind kind, String entitlement) {
		return this.live.contains(key(kind, entitlement));
	}

	boolean holds(AccessKind kind, String entitlement) {
		return this.approved.contains(key(kind, entitlement));
	}

	private static String key(AccessKind kind, String entitlement) {
		return kind + "|" + entitlement;
	}

}
