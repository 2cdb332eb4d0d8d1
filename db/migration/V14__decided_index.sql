-- Reviewers' "decided" view (GET /api/review/decided) reads the decisions of one queue in the
-- last 30 days, newest first. Without this it scans the whole append-only event log each time.
-- Partial: only decision events are indexed, so the hot path's other events cost nothing more.
CREATE INDEX item_event_decided ON item_event (reason, at DESC, id DESC)
    WHERE reason IN ('DECIDED_BY_ADMIN', 'DECIDED_BY_VENDOR');
