-- One clock (SPEC §7, §10; issue 15): each account's time zone, an IANA id such as
-- Asia/Tokyo. NULL means the owner never chose one: screens then show Japanese readers
-- Asia/Tokyo and others their browser's zone (and the browser saves it on the next
-- save), mail shows the configured default (accessdesk.mail.time-zone). The service
-- checks the id against the zones it knows before writing it.
ALTER TABLE account ADD COLUMN time_zone text CHECK (length(time_zone) BETWEEN 1 AND 64);

-- A mail shows times in its recipient's zone as it was when the mail was written, like
-- its language.
ALTER TABLE mail_outbox ADD COLUMN time_zone text;

-- account_mail_recipient (V12) answers the zone too; its result type changes, so it is
-- dropped and created again (the mail module's insert is its only caller).
DROP FUNCTION account_mail_recipient(uuid, text);
CREATE FUNCTION account_mail_recipient(recipient_account uuid, recipient_address text)
    RETURNS TABLE (email text, name text, language text, time_zone text)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT a.email, a.name, a.language, a.time_zone FROM account a WHERE a.id = recipient_account
    UNION ALL
    SELECT a.email, a.name, a.language, a.time_zone FROM account a
    WHERE recipient_account IS NULL AND lower(a.email) = lower(recipient_address)
      AND a.email_verified_at IS NOT NULL
$$;
