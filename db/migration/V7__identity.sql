-- Identity (SPEC §2a): an email address counts only once its owner has proved it.
--
-- Accounts made before this migration stay unverified until their owners follow a link: nobody
-- proved those addresses, and an account that a stranger made first with an administrator's or
-- an operator's address must not keep the role that address carries. Their owners sign in as
-- before, see the banner and ask for a link (README, "Existing accounts").
ALTER TABLE account ADD COLUMN email_verified_at timestamptz;

-- Links mailed to an account's owner: proving the address and resetting the password. Only a
-- SHA-256 of the token (256 random bits) is kept; using a token deletes it, and issuing one
-- deletes the older ones of the same purpose, so only the newest link works.
CREATE TABLE account_token (
    token_hash bytea       PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX account_token_account ON account_token (account_id, purpose);
CREATE INDEX account_token_expiry ON account_token (expires_at);

-- Browser sessions, shared by every instance and surviving restarts. The cookie carries a
-- random id; only its SHA-256 is stored, so reading this table does not hand out sessions.
-- account_id is the index by principal: signing out everywhere deletes by it.
CREATE TABLE web_session (
    id_hash          bytea       PRIMARY KEY,
    account_id       uuid        REFERENCES account (id) ON DELETE CASCADE,
    attributes       jsonb       NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    last_accessed_at timestamptz NOT NULL,
    max_idle_seconds integer     NOT NULL CHECK (max_idle_seconds > 0),
    expires_at       timestamptz NOT NULL
);
CREATE INDEX web_session_account ON web_session (account_id);
CREATE INDEX web_session_expiry ON web_session (expires_at);

-- Limits that must hold across instances (failed password checks, mails a stranger could make
-- us send): one token bucket per key, a hex SHA-256 of the limit's name and what it counts (an
-- account, a client address, both). A bucket left alone long enough to be full again is the
-- same as none and is deleted.
CREATE TABLE rate_bucket (
    key        text             PRIMARY KEY,
    tokens     double precision NOT NULL,
    capacity   double precision NOT NULL CHECK (capacity >= 1),
    per_second double precision NOT NULL CHECK (per_second > 0),
    updated_at timestamptz      NOT NULL
);
CREATE INDEX rate_bucket_updated ON rate_bucket (updated_at);

-- The mails of identity: the link that proves an address, the password reset link, and the
-- notice that a password was changed.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN ('REQUEST_SUBMITTED', 'REVIEW_WANTED',
    'ITEM_CHANGED', 'AUTO_RETRIED', 'ADMIN_REMINDER', 'VENDOR_OVERDUE', 'VERIFY_EMAIL', 'PASSWORD_RESET',
    'PASSWORD_CHANGED'));
