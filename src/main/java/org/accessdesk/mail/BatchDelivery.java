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
 * mail's outcome before the next one goes out. A crash in the middle of a batch thus
 * leaves at most the mail in flight accepted but not marked SENT: only that one is sent
 * again after the lease (with the same Message-ID, so receivers can tell).
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
		return Flux
			.usingWhen(Mono.fromSupplier(() -> new SmtpConnection(this.sender)),
					(connection) -> Flux.fromIterable(batch)
						.concatMap((mail) -> Mono.fromCallable(() -> send(connection, mail))
							.subscribeOn(Schedulers.boundedElastic())
							.flatMap((outcome) -> this.records.record(claim, outcome))),
					// QUIT blocks too: never on the thread that completed the last
					// record.
					(connection) -> Mono.fromRunnable(connection::close).subscribeOn(Schedulers.boundedElastic()))
			.then();
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
