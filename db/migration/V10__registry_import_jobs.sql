-- Registry imports at scale (issue 13, item 3). An upload is read as a stream into the staging
-- tables below in batches, checked there (references to Bill-to IDs and contracts that exist
-- neither in the upload nor in the registry), and only then merged into the registry by a few
-- set-based statements in one short transaction: a bad row fails the import with nothing
-- written. Staging rows are deleted when their import ends.
--
-- One row per import. Uploads that are answered at once (small ones) have a row only while they
-- run; those answered 202 keep theirs so that OPERATOR can follow them
-- (GET /api/registry/imports/{id}). The instance running an import touches heartbeat_at every
-- few seconds; a RUNNING import whose heartbeat is older than accessdesk.registry.import-stale-after
-- lost its instance and is marked FAILED by whichever instance looks next.
CREATE TABLE registry_import_job (
    id           uuid        PRIMARY KEY,
    operator     text        NOT NULL,
    format       text        NOT NULL CHECK (format IN ('JSON', 'CSV')),
    list         text,
    bytes        bigint      NOT NULL,
    background   boolean     NOT NULL,
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    phase        text        NOT NULL CHECK (phase IN ('READING', 'CHECKING', 'MERGING', 'DONE')),
    rows_read    bigint      NOT NULL DEFAULT 0,
    rows_written bigint      NOT NULL DEFAULT 0,
    summary      jsonb,
    errors       jsonb       NOT NULL DEFAULT '[]',
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at  timestamptz
);
CREATE INDEX registry_import_job_running ON registry_import_job (heartbeat_at) WHERE state = 'RUNNING';

-- Staging: UNLOGGED (not written to the WAL — fast, and an import whose instance or database
-- crashed fails anyway). No keys or indexes: rows arrive as uploaded (repeats included, the last
-- one wins at the merge) and are read once, by job, with hash joins. row_no is the row's index
-- in its JSON list, or the line of a CSV file on which the row starts. Lists inside a cell
-- (administrators, email domains) are kept space-separated: neither can contain white space.
CREATE UNLOGGED TABLE registry_import_company (
    job_id        uuid    NOT NULL,
    row_no        integer NOT NULL,
    name          text    NOT NULL,
    name_key      text    NOT NULL,
    email_domains text    NOT NULL
);

CREATE UNLOGGED TABLE registry_import_bill_to (
    job_id       uuid    NOT NULL,
    row_no       integer NOT NULL,
    id           text    NOT NULL,
    company      text    NOT NULL,
    company_key  text    NOT NULL,
    full_support boolean NOT NULL,
    admins       text    NOT NULL
);

CREATE UNLOGGED TABLE registry_import_contract (
    job_id        uuid        NOT NULL,
    row_no        integer     NOT NULL,
    number        text        NOT NULL,
    company       text        NOT NULL,
    company_key   text        NOT NULL,
    bill_to       text,
    support_model text        NOT NULL,
    status        text        NOT NULL,
    issued_at     timestamptz NOT NULL,
    admins        text        NOT NULL
);

CREATE UNLOGGED TABLE registry_import_serial (
    job_id   uuid    NOT NULL,
    row_no   integer NOT NULL,
    serial   text    NOT NULL,
    contract text    NOT NULL
);
