-- What the requester sees of the latest decision: a deny reason or an approval comment.
ALTER TABLE access_item ADD COLUMN note text CHECK (length(note) <= 2100);

-- Notices to reviewers that are not transitions (SPEC §6 SLA): the vendor desk's alert when a
-- PENDING_VENDOR item passes its deadline, the administrators' reminder after 48 h. The primary
-- key makes each fire once, whatever the number of instances checking; the mail module turns
-- them into mail.
CREATE TABLE review_notice (
    item_id  uuid        NOT NULL REFERENCES access_item (id),
    kind     text        NOT NULL CHECK (kind IN ('VENDOR_OVERDUE', 'ADMIN_REMINDER')),
    fired_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, kind)
);

-- Queues read pending items by what they are for.
CREATE INDEX access_item_pending_contract ON access_item (contract_number) WHERE status = 'PENDING_ADMIN';
CREATE INDEX access_item_pending_bill_to ON access_item (bill_to_id) WHERE status = 'PENDING_ADMIN';
CREATE INDEX access_item_vendor_queue ON access_item (deadline) WHERE status = 'PENDING_VENDOR';
