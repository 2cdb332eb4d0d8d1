package org.accessdesk.request;

import org.accessdesk.web.DomainError;

/** The Idempotency-Key was used for a different request by the same account. */
public final class IdempotencyKeyReused extends DomainError {

	IdempotencyKeyReused() {
		super(Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED",
				"This Idempotency-Key was already used for a different request.");
	}

}
