package org.accessdesk.mail;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An outbox row claimed for sending. The facts stay JSON until composed, so that a row
 * that cannot be read fails alone instead of stopping its batch. {@code timeZone} is the
 * recipient's (IANA id) when the row was written, null when they had none.
 */
record OutboxMail(long id, UUID messageKey, MailKind kind, String recipient, @Nullable String recipientName,
		String language, @Nullable String timeZone, String facts, int attempts) {
}
