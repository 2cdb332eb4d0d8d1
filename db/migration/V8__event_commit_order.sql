-- The live feed's order is commit order (issue 13). Until now readers ordered events by the
-- writing transaction's id and took only those older than the oldest transaction still
-- running anywhere in the cluster (pg_snapshot_xmin): any transaction left open — in another
-- database, a BI tool, a psql session, a long import — held back live status for everyone.
--
-- Now a sequencer stamps committed events with seq, in runs that hold one advisory lock until
-- they commit, so runs commit one after the other and each run's numbers follow the last
-- run's. A reader that sees seq N committed therefore sees every lower seq that will ever
-- exist: it takes everything after its position, with no horizon. Only committed events are
-- visible to a run, so a transaction that stays open holds back nothing but its own events,
-- and one that rolls back or crashes leaves nothing behind. Event ids (the identity column)
-- still do not follow commit order; seq does.
ALTER TABLE item_event ADD COLUMN seq bigint;

-- Events written so far, in the order readers used for them.
ALTER TABLE item_event DISABLE TRIGGER item_event_append_only;
WITH ordered AS (SELECT id, row_number() OVER (ORDER BY txid, id) AS n FROM item_event)
UPDATE item_event e SET seq = o.n FROM ordered o WHERE e.id = o.id;
ALTER TABLE item_event ENABLE TRIGGER item_event_append_only;

CREATE UNIQUE INDEX item_event_seq ON item_event (seq);
CREATE INDEX item_event_account_seq ON item_event (account_id, seq);
-- What the sequencer looks for: small, since events are stamped moments after they commit.
CREATE INDEX item_event_unsequenced ON item_event (txid, id) WHERE seq IS NULL;
DROP INDEX item_event_account;
DROP INDEX item_event_order;

-- Still append-only: an event's content never changes, and its place in the order is
-- written once.
CREATE OR REPLACE FUNCTION item_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unstamped item_event;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL THEN
        unstamped := NEW;
        unstamped.seq := NULL;
        IF unstamped IS NOT DISTINCT FROM OLD THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'item_event is append-only: % is not allowed', TG_OP;
END
$$;

-- One sequencer run: stamps up to `batch` committed events, oldest transaction first, and
-- answers how many. Called as one statement by every instance's feed before it reads; the
-- advisory lock (held until the run commits) makes runs follow one another, and the
-- statements after it see the previous run's commit (a VOLATILE function takes a new
-- snapshot per statement).
CREATE FUNCTION sequence_item_events(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint;
    stamped integer;
BEGIN
    PERFORM pg_advisory_xact_lock(4702995470063924339); -- "ADevents" in ASCII
    SELECT coalesce(max(seq), 0) INTO last_seq FROM item_event;
    WITH todo AS (
        SELECT id, row_number() OVER (ORDER BY txid, id) AS n
        FROM item_event WHERE seq IS NULL ORDER BY txid, id LIMIT batch
    )
    UPDATE item_event e SET seq = last_seq + todo.n FROM todo WHERE e.id = todo.id;
    GET DIAGNOSTICS stamped = ROW_COUNT;
    RETURN stamped;
END
$$;
