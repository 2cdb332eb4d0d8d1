-- pgbench: a submission as ONE statement (issue 16's yardstick): the request, three items
-- (unknown contract numbers: DENIED / NOT_FOUND, rule D2), one event per item and the
-- REQUEST_SUBMITTED mail in the outbox, all in one WITH … INSERT — one round trip, no
-- BEGIN/COMMIT, no locks held between statements. This is what the service's hot path
-- could cost at best; bench/run.sh reports the API's rate as a share of it.
-- Run with -M prepared -D naccounts=N.
\set n random(1, :naccounts)
\set c random(100000000, 999999999)
WITH asker AS (
  SELECT id FROM bench_account WHERE n = :n
), request AS (
  INSERT INTO access_request (account_id, kind, identifier_type, justification, auto_retry, idempotency_key, fingerprint)
  SELECT id, 'FULL_SUPPORT', 'CONTRACT', NULL, false, NULL, md5(:c::text) FROM asker
  RETURNING id, account_id
), item AS (
  INSERT INTO access_item (request_id, account_id, kind, identifier_type, identifier, entitlement, status, reason, rule, auto_retry, deciders)
  SELECT r.id, r.account_id, 'FULL_SUPPORT', 'CONTRACT', number::text, 'C:' || number::text, 'DENIED', 'NOT_FOUND', 'D2', false, '{}'
  FROM request r, unnest(ARRAY[:c, :c + 1, :c + 2]::bigint[]) AS number
  RETURNING id, request_id, account_id, identifier, kind, status, reason
), event AS (
  INSERT INTO item_event (item_id, request_id, account_id, identifier, kind, from_status, to_status, reason, actor, comment)
  SELECT id, request_id, account_id, identifier, kind, NULL, status, reason, 'bench@bench.example', NULL FROM item
), mail AS (
  INSERT INTO mail_outbox (kind, recipient, recipient_name, language, facts)
  SELECT 'REQUEST_SUBMITTED', a.email, a.name, a.language,
         jsonb_build_object('requestId', r.id, 'items', (SELECT jsonb_agg(jsonb_build_object('itemId', i.id,
           'identifier', i.identifier, 'status', i.status, 'reason', i.reason)) FROM item i))
  FROM request r JOIN account a ON a.id = r.account_id
)
SELECT id, status, reason FROM item;
