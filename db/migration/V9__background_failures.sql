-- Background work that cannot be poisoned (issue 13): auto-retry, expiry and the service-level
-- notices handle one item per transaction. An item whose work fails is recorded here — how
-- often, the last error, when to try again (doubling backoff) — and skipped until then, so it
-- never holds back the items behind it. A success deletes its row. OPERATOR sees the rows at
-- GET /api/ops/background; Prometheus counts the failures.
CREATE TABLE background_failure (
    job             text        NOT NULL CHECK (job IN ('auto-retry', 'expiry', 'vendor-overdue', 'admin-reminder')),
    item_id         uuid        NOT NULL REFERENCES access_item (id) ON DELETE CASCADE,
    attempts        integer     NOT NULL,
    last_error      text        NOT NULL,
    first_failed_at timestamptz NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    PRIMARY KEY (job, item_id)
);
CREATE INDEX background_failure_next ON background_failure (job, next_attempt_at);
