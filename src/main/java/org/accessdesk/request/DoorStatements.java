package org.accessdesk.request;

/**
 * The one door's statements ({@link StatusDoor}): each change is one statement that moves
 * or writes the item and appends its event, so the two cannot part — and a change costs
 * one round trip. That is why they span two tables here instead of living in
 * {@link AccessItems} and {@link EventLog}; the columns they return and the event's
 * columns are still those two classes' ({@link AccessItems#COLUMNS},
 * {@link EventLog#INSERT}). Every time they write is {@code :now}, the service's clock.
 */
final class DoorStatements {

	/**
	 * Moves the item if it is in one of {@code :from}, locking it first, and appends the
	 * event, in one statement.
	 */
	static final String MOVE = """
			WITH old AS (SELECT id, status FROM access_item WHERE id = :id AND status = ANY(:from) FOR UPDATE),
			moved AS (UPDATE access_item i SET status = :to, reason = :reason, updated_at = :now,
			    deadline = :deadline, deciders = COALESCE(:deciders, i.deciders), note = :comment,
			    pending_since = CASE WHEN :pending THEN :now END
			    FROM old WHERE i.id = old.id RETURNING i.*, old.status AS from_status),
			event AS (%s
			    SELECT id, request_id, account_id, identifier, kind, from_status, status, reason, :actor, :comment, :now
			    FROM moved)
			SELECT %s, from_status FROM moved""".formatted(EventLog.INSERT, AccessItems.COLUMNS);

	/** Marks a TOO_NEW denial as retried, with an event on the old item. */
	static final String MARK_RETRIED = """
			WITH marked AS (UPDATE access_item SET retried_as = :retriedAs, updated_at = :now
			    WHERE id = :id AND retried_as IS NULL RETURNING *)
			%s
			SELECT id, request_id, account_id, identifier, kind, status, status, 'AUTO_RETRY', :actor,
			    'Submitted again as item ' || :retriedAs, :now FROM marked""".formatted(EventLog.INSERT);

	/** Writes an item and its first event; {@code %s} is the conflict clause. */
	private static final String INSERT_WITH = """
			WITH item AS (INSERT INTO access_item (request_id, account_id, kind, identifier_type, identifier,
			    entitlement, contract_number, bill_to_id, status, reason, rule, retry_after, auto_retry, deciders,
			    deadline, pending_since, created_at, updated_at)
			    VALUES (:request, :account, :kind, :type, :identifier, :entitlement, :contract, :billTo, :status,
			    :reason, :rule, :retryAfter, :autoRetry, :deciders, :deadline, CASE WHEN :pending THEN :now END,
			    :now, :now)
			    %%s RETURNING *),
			event AS (%s
			    SELECT id, request_id, account_id, identifier, kind, NULL, status, reason, :actor, NULL, :now FROM item)
			SELECT %s FROM item""".formatted(EventLog.INSERT, AccessItems.COLUMNS);

	/** Two live items for one access would be one too many: the second is not written. */
	private static final String UNLESS_LIVE = """
			ON CONFLICT (account_id, kind, entitlement) WHERE status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR')
			DO NOTHING""";

	/** Writes an item and its first event. */
	static final String INSERT = INSERT_WITH.formatted("");

	/**
	 * The same, unless the account already holds or waits for that access (the conflict
	 * is written as ALREADY_REGISTERED instead, by the caller).
	 */
	static final String INSERT_UNLESS_LIVE = INSERT_WITH.formatted(UNLESS_LIVE);

	/**
	 * A whole submission (issue 16): the request, its items from one array per column,
	 * each item's first event, and every listener's companion rows — written only with a
	 * request, so an Idempotency-Key already taken writes nothing at all. An item that
	 * would make a second live access violates {@code access_item_one_live} and so fails
	 * the whole statement: nothing is written and the caller takes the careful path.
	 */
	private static final String SUBMISSION = """
			WITH request AS (INSERT INTO access_request (id, account_id, kind, identifier_type, justification,
			    auto_retry, idempotency_key, fingerprint, created_at)
			    VALUES (:request, :account, :kind, :type, :justification, :autoRetry, :key, :fingerprint, :now)
			    ON CONFLICT (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
			    RETURNING id),
			item AS (INSERT INTO access_item (id, request_id, account_id, kind, identifier_type, identifier,
			    entitlement, contract_number, bill_to_id, status, reason, rule, retry_after, auto_retry, deciders,
			    deadline, pending_since, created_at, updated_at)
			    SELECT u.id::uuid, request.id, :account, :kind, :type, u.identifier, u.entitlement, u.contract,
			        u.bill_to, u.status, u.reason, u.rule, u.retry_after::timestamptz, u.auto_retry::boolean,
			        u.deciders::text[], u.deadline::timestamptz,
			        CASE WHEN u.status IN ('PENDING_ADMIN', 'PENDING_VENDOR') THEN :now END, :now, :now
			    FROM request, unnest(:ids::text[], :identifiers::text[], :entitlements::text[], :contracts::text[],
			        :billTos::text[], :statuses::text[], :reasons::text[], :rules::text[], :retryAfters::text[],
			        :autoRetries::text[], :deciders::text[], :deadlines::text[])
			        WITH ORDINALITY AS u(id, identifier, entitlement, contract, bill_to, status, reason, rule,
			        retry_after, auto_retry, deciders, deadline, n)
			    ORDER BY u.n
			    RETURNING id, request_id, account_id, identifier, kind, status, reason),
			event AS (%s
			    SELECT id, request_id, account_id, identifier, kind, NULL, status, reason, :actor, NULL, :now FROM item)
			%%s
			SELECT count(*) AS written FROM item""".formatted(EventLog.INSERT);

	/** The names {@link #SUBMISSION} binds; a companion's must differ. */
	static final java.util.Set<String> SUBMISSION_BINDINGS = java.util.Set.of("request", "account", "kind", "type",
			"justification", "autoRetry", "key", "fingerprint", "now", "actor", "ids", "identifiers", "entitlements",
			"contracts", "billTos", "statuses", "reasons", "rules", "retryAfters", "autoRetries", "deciders",
			"deadlines");

	/** {@link #SUBMISSION} with the companions' rows. */
	static String submission(java.util.List<StatusListener.Companion> companions) {
		StringBuilder written = new StringBuilder();
		for (int i = 0; i < companions.size(); i++) {
			StatusListener.Companion companion = companions.get(i);
			written.append(",\ncompanion")
				.append(i)
				.append(" AS (INSERT INTO ")
				.append(companion.table())
				.append(" (")
				.append(companion.columns())
				.append(")\n    SELECT * FROM (")
				.append(companion.select())
				.append(") AS rows WHERE EXISTS (SELECT FROM request))");
		}
		return SUBMISSION.formatted(written);
	}

	private DoorStatements() {
	}

}
