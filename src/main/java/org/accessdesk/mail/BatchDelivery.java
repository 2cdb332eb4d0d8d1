package org.accessdesk.mail;

import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers a claimed batch over one SMTP connection, one mail at a time, and records each
 * mail's outcome as soon as it is known. The record of one mail is written while the next
 * mail is sent (a database round trip per mail would otherwise halve the rate), but never
 * further ahead: the next send waits for the record before. A crash in the middle of a
 * batch thus leaves at most two mails accepted but not marked SENT — the one in flight
 * and the one before it — and only those are sent again after the lease (with the same
 * Message-ID, so receivers can tell). Marking once per batch left the whole batch.
 */
@Component
class BatchDelivery {

	private final MailComposer composer;

	private final JavaMailSenderImpl sender;

	private final OutcomeRecords records;

	BatchDelivery(MailComposer composer, JavaMailSenderImpl sender, OutcomeRecords records) {
		this.composer = composer;
		this.sender = sender;
		this.records = records;
	}

	Mono<Void> deliver(UUID claim, List<OutboxMail> batch) {
		return Flux.usingWhen(Mono.fromSupplier(() -> new SmtpConnection(this.sender)), (connection) -> {
			RecordBehind behind = new RecordBehind();
			return Flux.fromIterable(batch)
				.concatMap((mail) -> Mono.fromCallable(() -> send(connection, mail))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((outcome) -> behind.startAndAwaitPrevious(this.records.record(claim, outcome))))
				.concatWith(Mono.defer(behind::last));
		},
				// QUIT blocks too: never on the thread that completed the last record.
				(connection) -> Mono.fromRunnable(connection::close).subscribeOn(Schedulers.boundedElastic()))
			.then();
	}

	/**
	 * The record of the mail sent last, running while the next mail is sent. One batch
	 * uses it from one chain, one mail after the other.
	 */
	private static final class RecordBehind {

		private Mono<Void> running = Mono.empty();

		/** Starts this record now; completes when the one started before it is done. */
		Mono<Void> startAndAwaitPrevious(Mono<Void> record) {
			Mono<Void> previous = this.running;
			this.running = record.cache();
			this.running.subscribe(null, (failure) -> {
				// Seen, and answered, by whoever awaits it next.
			});
			return previous;
		}

		Mono<Void> last() {
			return this.running;
		}

	}

	/** Renders and sends one mail (blocking). */
	private SendOutcome send(SmtpConnection connection, OutboxMail mail) {
		MimeMessage message;
		try {
			message = this.composer.message(this.sender.createMimeMessage(), mail);
		}
		catch (Exception ex) {
			/*
			 * Facts that cannot be read, or a malformed address: no later try does
			 * better.
			 */
			return new SendOutcome.Refused(mail, ex);
		}
		try {
			connection.send(message);
			return new SendOutcome.Accepted(mail);
		}
		catch (Exception ex) {
			return SendOutcome.failed(mail, ex);
		}
	}

}
