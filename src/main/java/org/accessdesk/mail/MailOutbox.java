package org.accessdesk.mail;

import java.util.ArrayList;
import java.util.List;

import org.accessdesk.account.StaffDirectory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * Where system mail is written: rows of the outbox, in the caller's transaction, so that
 * a mail exists exactly when the change it reports has committed. Only the one door for
 * state (and the service-level check, for reminders and alerts) posts here. Each row gets
 * the recipient's email, name and language as they are now; the dispatcher is woken once
 * the transaction has committed.
 */
@Component
class MailOutbox {

	private static final Log logger = LogFactory.getLog(MailOutbox.class);

	private static final String INSERT = "INSERT INTO mail_outbox (kind, recipient, recipient_name, language, facts)"
			+ " SELECT l.kind, COALESCE(by_id.email, l.address), COALESCE(by_id.name, by_address.name),"
			+ " COALESCE(by_id.language, by_address.language, :defaultLanguage), l.facts::jsonb"
			+ " FROM unnest(:kinds::text[], :accounts::text[], :addresses::text[], :facts::text[])"
			+ " AS l(kind, account, address, facts)"
			+ " LEFT JOIN account by_id ON by_id.id = NULLIF(l.account, '')::uuid"
			// An address speaks a person's language only when its owner proved it: mail
			// to an administrator's address never takes the name or language of whoever
			// signed up with it unproved (SPEC §2a).
			+ " LEFT JOIN account by_address ON l.account = '' AND lower(by_address.email) = lower(l.address)"
			+ " AND by_address.email_verified_at IS NOT NULL"
			+ " WHERE COALESCE(by_id.email, NULLIF(l.address, '')) IS NOT NULL";

	private final DatabaseClient db;

	private final JsonMapper json;

	private final MailProperties properties;

	private final MailWakeUps wakeUps;

	private final List<String> vendorDesk;

	MailOutbox(DatabaseClient db, JsonMapper json, MailProperties properties, MailWakeUps wakeUps,
			StaffDirectory staff) {
		this.db = db;
		this.json = json;
		this.properties = properties;
		this.wakeUps = wakeUps;
		this.vendorDesk = properties.vendorDesk().isEmpty() ? staff.vendorDesk() : properties.vendorDesk();
		if (this.vendorDesk.isEmpty()) {
			logger
				.warn("No address for the vendor desk (accessdesk.mail.vendor-desk, else accessdesk.vendor-reviewers):"
						+ " overdue alerts are raised but not mailed");
		}
	}

	/**
	 * Writes the letters in the current transaction (or on their own when there is none)
	 * and wakes the dispatcher after commit.
	 */
	public Mono<Void> post(List<Letter> letters) {
		List<String> kinds = new ArrayList<>();
		List<String> accounts = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		List<String> facts = new ArrayList<>();
		for (Letter letter : letters) {
			String written = this.json.writeValueAsString(letter.facts());
			for (Recipient recipient : expand(letter.to())) {
				kinds.add(letter.kind().name());
				accounts.add((recipient.accountId() != null) ? recipient.accountId().toString() : "");
				addresses.add((recipient.address() != null) ? recipient.address() : "");
				facts.add(written);
			}
		}
		if (kinds.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql(INSERT)
			.bind("defaultLanguage", this.properties.defaultLanguage())
			.bind("kinds", kinds.toArray(String[]::new))
			.bind("accounts", accounts.toArray(String[]::new))
			.bind("addresses", addresses.toArray(String[]::new))
			.bind("facts", facts.toArray(String[]::new))
			.fetch()
			.rowsUpdated()
			.then(wakeAfterCommit());
	}

	private List<Recipient> expand(Recipient recipient) {
		if (!recipient.vendorDesk()) {
			return List.of(recipient);
		}
		return this.vendorDesk.stream()
			.map(String::strip)
			.filter((address) -> !address.isEmpty())
			.map(Recipient::address)
			.toList();
	}

	private Mono<Void> wakeAfterCommit() {
		return TransactionSynchronizationManager.forCurrentTransaction().flatMap((transaction) -> {
			if (transaction.isSynchronizationActive()) {
				transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return Mono.fromRunnable(MailOutbox.this.wakeUps::ring);
					}
				});
			}
			else {
				this.wakeUps.ring();
			}
			return Mono.<Void>empty();
		}).onErrorResume(NoTransactionException.class, (none) -> Mono.fromRunnable(this.wakeUps::ring));
	}

}
