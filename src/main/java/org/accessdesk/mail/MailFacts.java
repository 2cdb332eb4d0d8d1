package org.accessdesk.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a mail shows, fixed when the change it reports committed: the request, who asked,
 * and its items as the screen showed them then. Stored as JSON in the outbox and rendered
 * in the recipient's language when sent (its ids stay plain UUIDs: the stored form is the
 * outbox's, not the request module's). Texts that need translating travel as message
 * codes (statuses, reasons, next steps), never as words.
 *
 * @param requestId the request the items belong to
 * @param requester who asked, as reviewers see them (only in mails to reviewers)
 * @param justification what the requester wrote for the reviewer, if anything
 * @param items the items this mail is about
 */
record MailFacts(UUID requestId, @Nullable Person requester, @Nullable String justification,
		List<Item> items) implements MailContent {

	/** The requester as a reviewer sees them. */
	public record Person(String name, String email, @Nullable String companyName) {
	}

	/**
	 * An item at the moment of the change.
	 *
	 * @param nextStepCodes message codes for the next step, most specific first
	 * @param deciders who decides a PENDING_ADMIN item, as the requester is shown them
	 * (names or masked emails)
	 * @param since since when it has been waiting (reminders and alerts)
	 */
	public record Item(UUID itemId, String accessKind, String identifierType, String identifier,
			@Nullable String contractNumber, @Nullable String billToId, @Nullable String from, String status,
			String reason, List<String> nextStepCodes, @Nullable String comment, List<String> deciders,
			@Nullable Instant deadline, @Nullable Instant retryAfter, @Nullable Instant since) {
	}

}
