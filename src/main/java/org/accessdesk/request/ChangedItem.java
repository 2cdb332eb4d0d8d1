package org.accessdesk.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accessdesk.account.AccountId;
import org.accessdesk.registry.IdentifierType;
import org.jspecify.annotations.Nullable;

/**
 * An item as other modules see it right after a change: what the screen shows at that
 * moment, without the request module's storage. Texts that need translating stay codes
 * (status, reason, next steps).
 *
 * @param nextSteps message codes for the next step, most specific first
 * @param note the decider's comment, if any
 * @param deciders who decides a PENDING_ADMIN item (their emails; see
 * {@link #decidersShown})
 * @param deadline when the vendor desk must have decided (PENDING_VENDOR)
 * @param pendingSince since when it has been waiting
 */
public record ChangedItem(ItemId id, RequestId requestId, AccountId accountId, AccessKind kind,
		IdentifierType identifierType, String identifier, @Nullable String contractNumber, @Nullable String billToId,
		ItemStatus status, ReasonCode reason, List<String> nextSteps, @Nullable String note, List<String> deciders,
		@Nullable Instant deadline, @Nullable Instant retryAfter, @Nullable Instant pendingSince) {

	static ChangedItem of(ItemRow row) {
		return new ChangedItem(row.id(), row.requestId(), row.accountId(), row.kind(), row.identifierType(),
				row.identifier(), row.contractNumber(), row.billToId(), row.status(), row.reason(),
				List.of(NextSteps.codes(row)), row.note(), row.deciders(), row.deadline(), row.retryAfter(),
				row.pendingSince());
	}

	/** Whether the item waits for its customer's contract administrators. */
	public boolean waitsForAdministrators() {
		return this.status == ItemStatus.PENDING_ADMIN;
	}

	/**
	 * The deciders as the requester is shown them: names of those with an account, masked
	 * addresses of the others (SPEC §6).
	 * @param namesByEmail names by lower-case email
	 */
	public List<String> decidersShown(Map<String, String> namesByEmail) {
		return Deciders.shown(this.deciders, namesByEmail);
	}

}
