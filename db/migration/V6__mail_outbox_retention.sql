-- Sent mail is kept for a while (the operator's view, a resend's evidence), then deleted in
-- small batches by OutboxRetention; this index finds the old rows without reading the rest.
CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at) WHERE state = 'SENT';
