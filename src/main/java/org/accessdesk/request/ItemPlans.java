package org.accessdesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;

/**
 * Turns a decision into the item the door will write: what the access is for (its
 * entitlement: a serial counts as its contract), which status, and what the requester is
 * shown (who decides, the vendor's deadline, when to retry).
 */
final class ItemPlans {

	private ItemPlans() {
	}

	static StatusDoor.NewItem plan(AccessKind kind, IdentifierType type, String identifier, RegistryEntry found,
			Decision decision, boolean autoRetryWanted, Instant now, Duration vendorSla) {
		String entitlement = entitlement(type, identifier, found);
		String contract = (found instanceof RegistryEntry.Contract c) ? c.number() : null;
		String billTo = (found instanceof RegistryEntry.Contract c) ? c.billToId()
				: (found instanceof RegistryEntry.BillTo b) ? b.id() : null;
		if (decision instanceof Decision.Approved approved) {
			return new StatusDoor.NewItem(kind, type, identifier, entitlement, contract, billTo, ItemStatus.APPROVED,
					approved.reason(), approved.rule().name(), null, false, List.of(), null);
		}
		if (decision instanceof Decision.Pending pending) {
			boolean vendor = pending.queue() == Queue.VENDOR;
			return new StatusDoor.NewItem(kind, type, identifier, entitlement, contract, billTo,
					vendor ? ItemStatus.PENDING_VENDOR : ItemStatus.PENDING_ADMIN, pending.reason(),
					pending.rule().name(), null, false, vendor ? List.of() : pending.deciders(),
					vendor ? now.plus(vendorSla) : null);
		}
		Decision.Denied denied = (Decision.Denied) decision;
		boolean autoRetry = autoRetryWanted && denied.retryAfter() != null;
		return new StatusDoor.NewItem(kind, type, identifier, entitlement, contract, billTo, ItemStatus.DENIED,
				denied.reason(), denied.rule().name(), denied.retryAfter(), autoRetry, List.of(), null);
	}

	/**
	 * {@code C:<contract>} for contracts and serials, {@code B:<Bill-to ID>}; unknown
	 * ones keep their own form.
	 */
	static String entitlement(IdentifierType type, String identifier, RegistryEntry found) {
		if (found instanceof RegistryEntry.Contract contract) {
			return "C:" + contract.number();
		}
		if (found instanceof RegistryEntry.BillTo billTo) {
			return "B:" + billTo.id();
		}
		return type.name().charAt(0) + ":" + identifier;
	}

}
