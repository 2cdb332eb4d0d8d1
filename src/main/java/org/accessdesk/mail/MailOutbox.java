package org.accessdesk.mail;

import java.util.ArrayList;
import java.util.List;

import org.accessdesk.account.StaffDirectory;
import org.accessdesk.request.StatusListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
 * the recipient's email, name and language as they are now, as the account module answers
 * them ({@link OutboxRows#insert}); the dispatcher is woken once the transaction has
 * committed.
 */
@Component
class MailOutbox {

	private static final Log logger = LogFactory.getLog(MailOutbox.class);

	private final OutboxRows rows;

	private final JsonMapper json;

	private final MailProperties properties;

	private final MailWakeUps wakeUps;

	private final List<String> vendorDesk;

	MailOutbox(OutboxRows rows, JsonMapper json, MailProperties properties, MailWakeUps wakeUps, StaffDirectory staff) {
		this.rows = rows;
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
		Rows rows = rows(letters);
		if (rows.kinds().length == 0) {
			return Mono.empty();
		}
		return this.rows
			.insert(this.properties.defaultLanguage(), rows.kinds(), rows.accounts(), rows.addresses(), rows.facts())
			.then(wakeAfterCommit());
	}

	/**
	 * The letters as rows for the door to write in its own statement; the dispatcher is
	 * woken once it has committed.
	 */
	StatusListener.Companion companion(List<Letter> letters) {
		Rows rows = rows(letters);
		if (rows.kinds().length == 0) {
			return StatusListener.Companion.NONE;
		}
		return this.rows.companion(this.properties.defaultLanguage(), rows.kinds(), rows.accounts(), rows.addresses(),
				rows.facts(), this.wakeUps::ring);
	}

	private Rows rows(List<Letter> letters) {
		List<String> kinds = new ArrayList<>();
		List<String> accounts = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		List<String> facts = new ArrayList<>();
		for (Letter letter : letters) {
			String written = this.json.writeValueAsString(letter.facts());
			for (Recipient recipient : expand(letter.to())) {
				kinds.add(letter.kind().name());
				accounts.add((recipient.accountId() != null) ? recipient.accountId().value().toString() : "");
				addresses.add((recipient.address() != null) ? recipient.address() : "");
				facts.add(written);
			}
		}
		return new Rows(kinds.toArray(String[]::new), accounts.toArray(String[]::new), addresses.toArray(String[]::new),
				facts.toArray(String[]::new));
	}

	/** One element per mail in each. */
	private record Rows(String[] kinds, String[] accounts, String[] addresses, String[] facts) {
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
