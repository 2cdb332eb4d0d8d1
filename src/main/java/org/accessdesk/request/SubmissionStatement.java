package org.accessdesk.request;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;

import reactor.core.publisher.Mono;

/**
 * A whole submission as one statement ({@link DoorStatements#submission}): the planned
 * rows bound as arrays, one array per column, and each listener's companion rows with
 * their own bindings. One round trip, no {@code BEGIN}/{@code COMMIT}, no lock held
 * between statements — PostgreSQL runs a single statement as its own transaction.
 */
final class SubmissionStatement {

	private SubmissionStatement() {
	}

	/** Answers how many items were written: none when the Idempotency-Key was taken. */
	static Mono<Long> write(DatabaseClient db, NewSubmission submission, String actor,
			List<StatusListener.Companion> companions) {
		AccessRequests.RequestRow request = submission.request();
		List<ItemRow> items = submission.items();
		int n = items.size();
		String[] ids = new String[n];
		String[] identifiers = new String[n];
		String[] entitlements = new String[n];
		String[] contracts = new String[n];
		String[] billTos = new String[n];
		String[] statuses = new String[n];
		String[] reasons = new String[n];
		String[] rules = new String[n];
		String[] retryAfters = new String[n];
		String[] autoRetries = new String[n];
		String[] deciders = new String[n];
		String[] deadlines = new String[n];
		for (int i = 0; i < n; i++) {
			ItemRow item = items.get(i);
			ids[i] = item.id().value().toString();
			identifiers[i] = item.identifier();
			entitlements[i] = item.entitlement();
			contracts[i] = item.contractNumber();
			billTos[i] = item.billToId();
			statuses[i] = item.status().name();
			reasons[i] = item.reason().name();
			rules[i] = item.rule();
			retryAfters[i] = (item.retryAfter() != null) ? item.retryAfter().toString() : null;
			autoRetries[i] = String.valueOf(item.autoRetry());
			deciders[i] = arrayLiteral(item.deciders());
			deadlines[i] = (item.deadline() != null) ? item.deadline().toString() : null;
		}
		GenericExecuteSpec spec = db.sql(DoorStatements.submission(companions))
			.bind("request", request.id().value())
			.bind("account", request.accountId().value())
			.bind("kind", request.kind().name())
			.bind("type", request.identifierType().name())
			.bind("justification", Parameter.fromOrEmpty(request.justification(), String.class))
			.bind("autoRetry", request.autoRetry())
			.bind("key", Parameter.fromOrEmpty(request.idempotencyKey(), String.class))
			.bind("fingerprint", Parameter.fromOrEmpty(request.fingerprint(), String.class))
			.bind("now", Timestamps.utc(request.createdAt()))
			.bind("actor", actor)
			.bind("ids", ids)
			.bind("identifiers", identifiers)
			.bind("entitlements", entitlements)
			.bind("contracts", contracts)
			.bind("billTos", billTos)
			.bind("statuses", statuses)
			.bind("reasons", reasons)
			.bind("rules", rules)
			.bind("retryAfters", retryAfters)
			.bind("autoRetries", autoRetries)
			.bind("deciders", deciders)
			.bind("deadlines", deadlines);
		Set<String> names = new HashSet<>(DoorStatements.SUBMISSION_BINDINGS);
		for (StatusListener.Companion companion : companions) {
			for (Map.Entry<String, Object> binding : companion.bindings().entrySet()) {
				if (!names.add(binding.getKey())) {
					throw new IllegalStateException("Bind name :" + binding.getKey() + " of the companion rows for "
							+ companion.table() + " is taken");
				}
				spec = spec.bind(binding.getKey(), binding.getValue());
			}
		}
		return spec.map((row) -> row.get("written", Long.class)).one();
	}

	/**
	 * A {@code text[]} literal: every element quoted, {@code "} and {@code \} escaped (an
	 * address may hold either inside quotes).
	 */
	static String arrayLiteral(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"');
			String value = values.get(i);
			for (int c = 0; c < value.length(); c++) {
				char ch = value.charAt(c);
				if (ch == '"' || ch == '\\') {
					literal.append('\\');
				}
				literal.append(ch);
			}
			literal.append('"');
		}
		return literal.append('}').toString();
	}

}
