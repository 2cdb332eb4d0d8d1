-- Whether an address (any case) is named as administrator of a contract or a Bill-to ID: the
-- registry's published test, so that the account module's per-request queries (session and
-- token sign-in read the roles in the same round trip) call it instead of reading
-- contract_admin and bill_to_admin themselves. A plain SQL expression without FROM, so the
-- planner inlines it: the same plan as the subqueries written out.
CREATE FUNCTION registry_administers(address text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT EXISTS (SELECT 1 FROM contract_admin c WHERE c.email = lower(address))
        OR EXISTS (SELECT 1 FROM bill_to_admin b WHERE b.email = lower(address))
$$;
