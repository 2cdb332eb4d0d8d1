-- Registry reference data (SPEC §3), owned by OPERATOR and loaded by import.
-- name_key is the matching form of a company name: NFKC (full-width → half-width), trimmed,
-- case-folded; the application computes it with the same rule it uses for profiles.
CREATE TABLE company (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key      text   NOT NULL UNIQUE,
    email_domains text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE bill_to (
    id           text    PRIMARY KEY CHECK (id ~ '^[0-9]{1,20}$'),
    company_id   bigint  NOT NULL REFERENCES company (id),
    full_support boolean NOT NULL
);

CREATE TABLE contract (
    number        text        PRIMARY KEY CHECK (number ~ '^[0-9]{1,20}$'),
    company_id    bigint      NOT NULL REFERENCES company (id),
    bill_to_id    text                 REFERENCES bill_to (id),
    support_model text        NOT NULL CHECK (support_model IN ('DIRECT', 'PARTNER')),
    status        text        NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'TERMINATED')),
    issued_at     timestamptz NOT NULL
);
CREATE INDEX contract_bill_to ON contract (bill_to_id);

CREATE TABLE serial_number (
    serial          text PRIMARY KEY CHECK (serial ~ '^[A-Z0-9-]{1,40}$'),
    contract_number text NOT NULL REFERENCES contract (number)
);
CREATE INDEX serial_number_contract ON serial_number (contract_number);

-- Administrators are emails (lower-cased); they need not have an account yet.
CREATE TABLE bill_to_admin (
    bill_to_id text NOT NULL REFERENCES bill_to (id) ON DELETE CASCADE,
    email      text NOT NULL CHECK (email = lower(email)),
    PRIMARY KEY (bill_to_id, email)
);
CREATE INDEX bill_to_admin_email ON bill_to_admin (email);

CREATE TABLE contract_admin (
    contract_number text NOT NULL REFERENCES contract (number) ON DELETE CASCADE,
    email           text NOT NULL CHECK (email = lower(email)),
    PRIMARY KEY (contract_number, email)
);
CREATE INDEX contract_admin_email ON contract_admin (email);
