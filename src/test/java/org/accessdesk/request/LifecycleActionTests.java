package org.accessdesk.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which action is legal from which state (SPEC §6): every pair, so a change to the table
 * shows here.
 */
class LifecycleActionTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "APPROVE,  PENDING_ADMIN PENDING_VENDOR", "DENY,     PENDING_ADMIN PENDING_VENDOR",
			"ESCALATE, PENDING_ADMIN", "WITHDRAW, PENDING_ADMIN PENDING_VENDOR", "REMOVE,   APPROVED",
			"REVOKE,   APPROVED", "EXPIRE,   PENDING_ADMIN PENDING_VENDOR" })
	void allowedOnlyFrom(LifecycleAction action, String allowed) {
		for (ItemStatus status : ItemStatus.values()) {
			assertThat(action.allowedFrom(status)).as(action + " from " + status)
				.isEqualTo(java.util.List.of(allowed.split(" ")).contains(status.name()));
		}
	}

	@ParameterizedTest(name = "{0} is terminal")
	@CsvSource({ "DENIED", "WITHDRAWN", "REVOKED", "EXPIRED" })
	void nothingLeavesATerminalState(ItemStatus terminal) {
		assertThat(terminal.isTerminal()).isTrue();
		for (LifecycleAction action : LifecycleAction.values()) {
			assertThat(action.allowedFrom(terminal)).as(action + " from " + terminal).isFalse();
		}
	}

}
