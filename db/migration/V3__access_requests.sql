-- Access requests, their items, and the append-only event log (SPEC §4–§6).
-- Only the request module's one door (StatusDoor) writes items and events.

CREATE TABLE access_request (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id      uuid        NOT NULL REFERENCES account (id),
    kind            text        NOT NULL CHECK (kind IN ('FULL_SUPPORT', 'DOWNLOAD_ONLY', 'ORDERING')),
    identifier_type text        NOT NULL CHECK (identifier_type IN ('CONTRACT', 'BILL_TO', 'SERIAL')),
    justification   text                 CHECK (length(justification) <= 1000),
    auto_retry      boolean     NOT NULL DEFAULT false,
    -- Idempotency-Key (per account) and a fingerprint of what was asked, so that a key reused
    -- for a different request is refused instead of silently answering the old one.
    idempotency_key text                 CHECK (length(idempotency_key) <= 200),
    fingerprint     text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX access_request_idempotency ON access_request (account_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX access_request_account ON access_request (account_id, created_at DESC, id);

CREATE TABLE access_item (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id      uuid        NOT NULL REFERENCES access_request (id),
    account_id      uuid        NOT NULL REFERENCES account (id),
    kind            text        NOT NULL,
    identifier_type text        NOT NULL,
    identifier      text        NOT NULL,
    -- What the access is for: 'C:<contract number>' (a serial counts as its contract) or
    -- 'B:<Bill-to ID>'. Unknown identifiers keep their own form ('S:<serial>' …).
    entitlement     text        NOT NULL,
    contract_number text,
    bill_to_id      text,
    status          text        NOT NULL CHECK (status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR',
                                                           'DENIED', 'WITHDRAWN', 'REVOKED', 'EXPIRED')),
    reason          text        NOT NULL,
    rule            text,
    retry_after     timestamptz,
    auto_retry      boolean     NOT NULL DEFAULT false,
    retried_as      uuid                 REFERENCES access_item (id),
    deciders        text[]      NOT NULL DEFAULT '{}',
    deadline        timestamptz,
    pending_since   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- The database, not only the code, guarantees that one account never holds or waits for the
-- same access twice (rule D4 under concurrency): at most one live item per entitlement.
CREATE UNIQUE INDEX access_item_one_live ON access_item (account_id, kind, entitlement)
    WHERE status IN ('APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR');
CREATE INDEX access_item_request ON access_item (request_id);
CREATE INDEX access_item_account_status ON access_item (account_id, status);
CREATE INDEX access_item_pending ON access_item (status, pending_since) WHERE status IN ('PENDING_ADMIN', 'PENDING_VENDOR');
CREATE INDEX access_item_auto_retry ON access_item (retry_after)
    WHERE status = 'DENIED' AND auto_retry AND retried_as IS NULL;

-- Every transition, never updated. Order for readers (SSE, replay) is (txid, id):
-- ids come from a sequence and do NOT follow commit order, but every event carries the id of
-- the transaction that wrote it, and a reader only takes events whose txid is below the
-- oldest transaction still running (pg_snapshot_xmin(pg_current_snapshot())). Those are
-- final: no transaction can still commit an event that sorts before them. See EventLog.
CREATE TABLE item_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    item_id     uuid        NOT NULL REFERENCES access_item (id),
    request_id  uuid        NOT NULL REFERENCES access_request (id),
    account_id  uuid        NOT NULL REFERENCES account (id),
    identifier  text        NOT NULL,
    kind        text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    reason      text        NOT NULL,
    actor       text        NOT NULL,
    comment     text                 CHECK (length(comment) <= 1000),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX item_event_order ON item_event (txid, id);
CREATE INDEX item_event_account ON item_event (account_id, txid, id);
CREATE INDEX item_event_item ON item_event (item_id, id);

-- The audit trail is append-only, whatever code runs against it.
CREATE FUNCTION item_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'item_event is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER item_event_append_only BEFORE UPDATE OR DELETE ON item_event
    FOR EACH ROW EXECUTE FUNCTION item_event_is_append_only();
