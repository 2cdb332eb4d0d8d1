-- Accounts and personal API tokens. Roles are not stored: CONTRACT_ADMIN follows from the
-- registry's administrator lists, VENDOR_REVIEWER and OPERATOR from configuration (SPEC §2).
CREATE TABLE account (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email           text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash   text        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    language        text        NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
    company_name    text                 CHECK (length(company_name) <= 200),
    company_address text                 CHECK (length(company_address) <= 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- Email is the login: unique regardless of case.
CREATE UNIQUE INDEX account_email_key ON account (lower(email));

-- Only a SHA-256 of the secret is kept: the secret has 256 random bits, so a fast hash is
-- safe and a lookup per request is one index probe (no BCrypt on the hot path).
CREATE TABLE api_token (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    secret_hash  bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);
CREATE INDEX api_token_account ON api_token (account_id, created_at);
