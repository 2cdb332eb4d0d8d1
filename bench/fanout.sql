-- pgbench: transitions without the API, for the fan-out path alone (bench/run.sh, part b):
-- one event for an existing item of a bench account per transaction, then the doorbell
-- the service rings after every commit. Run with -M prepared -D nitems=N -R <rate>.
\set n random(1, :nitems)
SELECT item_id, request_id, account_id FROM bench_item WHERE n = :n \gset
INSERT INTO item_event (item_id, request_id, account_id, identifier, kind, from_status, to_status, reason, actor, comment) VALUES (:item_id, :request_id, :account_id, 'bench', 'FULL_SUPPORT', 'DENIED', 'DENIED', 'NOT_FOUND', 'bench@bench.example', NULL);
SELECT pg_notify('accessdesk_events', '');
