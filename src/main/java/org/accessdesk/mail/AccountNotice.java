package org.accessdesk.mail;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a mail about the account itself shows (SPEC §2a): the secret of a one-time link
 * and until when it works, or when something happened. The token is needed only until the
 * mail is sent: sending it removes the token from the row ({@link OutboxRows#markSent}),
 * so the outbox does not keep working links.
 *
 * @param token the secret of the link (verify or reset), none for a plain notice
 * @param until when the link stops working
 * @param at when the reported change happened
 */
record AccountNotice(@Nullable String token, @Nullable Instant until, @Nullable Instant at) implements MailContent {

}
