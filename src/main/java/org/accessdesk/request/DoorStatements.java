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

	private DoorStatements() {
	}

}
