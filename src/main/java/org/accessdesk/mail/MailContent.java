package org.accessdesk.mail;

/**
 * What a mail shows, stored as JSON in the outbox row and rendered when sent: facts about
 * requests and items, or a notice about the account itself. The row's kind says which.
 */
sealed interface MailContent permits MailFacts, AccountNotice {

}
