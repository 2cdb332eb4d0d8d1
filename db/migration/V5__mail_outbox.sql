-- System mail (SPEC §7): a transactional outbox. The one door (and the service-level check)
-- write rows in the same transaction as the change they report, so a mail exists exactly when
-- its change committed. Dispatchers on any number of instances claim due rows with
-- FOR UPDATE SKIP LOCKED, send, and mark them sent.
--
-- state: PENDING (due at next_attempt_at) → SENDING (claimed until lease_until by claim) →
--        SENT | PENDING again (transient failure, backoff) | FAILED (permanent, or attempts used up).
-- A SENDING row whose lease ran out belongs to an instance that died: it is claimed again.
CREATE TABLE mail_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The Message-ID's local part: stable for the row, so a resend after a crash carries the
    -- same Message-ID and receivers can drop the duplicate.
    message_key     uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    kind            text        NOT NULL CHECK (kind IN ('REQUEST_SUBMITTED', 'REVIEW_WANTED', 'ITEM_CHANGED',
                                                         'AUTO_RETRIED', 'ADMIN_REMINDER', 'VENDOR_OVERDUE')),
    recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    recipient_name  text,
    language        text        NOT NULL CHECK (language IN ('ja', 'en')),
    -- The facts the templates render (JSON of org.accessdesk.mail.MailFacts), fixed when the
    -- change committed: a later change never rewrites an earlier mail.
    facts           jsonb       NOT NULL,
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claim           uuid,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    failed_at       timestamptz
);
-- What a dispatcher looks for: due PENDING rows, and SENDING rows whose lease ran out.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE state = 'PENDING';
CREATE INDEX mail_outbox_leased ON mail_outbox (lease_until) WHERE state = 'SENDING';
CREATE INDEX mail_outbox_failed ON mail_outbox (failed_at DESC) WHERE state = 'FAILED';
