-- The account module's published answer to "who is this mail for": the email, name and
-- language of an account, by id (whether or not its address is proved), or of the account
-- that proved an address (any case). No row when there is none. The mail module calls it
-- in the statement that writes the outbox, inside the caller's transaction, instead of
-- reading the account table itself. An address speaks a person's language only when its
-- owner proved it: mail to an administrator's address never takes the name or language of
-- whoever signed up with it unproved (SPEC §2a). Plain SQL, STABLE and not STRICT, so the
-- planner can inline it into the caller's query.
CREATE FUNCTION account_mail_recipient(recipient_account uuid, recipient_address text)
    RETURNS TABLE (email text, name text, language text)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT a.email, a.name, a.language FROM account a WHERE a.id = recipient_account
    UNION ALL
    SELECT a.email, a.name, a.language FROM account a
    WHERE recipient_account IS NULL AND lower(a.email) = lower(recipient_address)
      AND a.email_verified_at IS NOT NULL
$$;
