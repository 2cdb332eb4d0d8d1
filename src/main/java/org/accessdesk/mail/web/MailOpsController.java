package org.accessdesk.mail.web;

import org.accessdesk.mail.MailOps;
import org.accessdesk.web.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The outbox for OPERATOR (security allows nobody else under /api/ops). */
@RestController
class MailOpsController {

	private final MailOps ops;

	MailOpsController(MailOps ops) {
		this.ops = ops;
	}

	@GetMapping("/api/ops/mail")
	Mono<MailOps.MailState> state() {
		return this.ops.state();
	}

	/** Sends every FAILED mail again, with fresh attempts. */
	@PostMapping("/api/ops/mail/retry")
	Mono<Retried> retryAll() {
		return this.ops.retryFailed(null).map(Retried::new);
	}

	/** Sends one FAILED mail again; 404 when there is no FAILED mail with that id. */
	@PostMapping("/api/ops/mail/{id}/retry")
	Mono<Retried> retryOne(@PathVariable long id) {
		return this.ops.retryFailed(id)
			.filter((count) -> count > 0)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Failed mail")))
			.map(Retried::new);
	}

	record Retried(long retried) {
	}

}
