-- Bench accounts with personal API tokens, written directly (signing up through the API
-- hashes a password with Argon2 per account and mails a link to prove the address, neither of
-- which this bench measures; the load suite signs up and verifies through the API instead).
-- Their addresses count as proved (SPEC §2a): the bench owns the bench.example addresses.
-- psql -v n=200 -v tag=… : one account per number, complete profile, token adt_bench-<tag>-<n>.
INSERT INTO account (email, password_hash, name, language, company_name, company_address, email_verified_at)
SELECT 'bench-' || :'tag' || '-' || g || '@bench.example', '{noop}not-a-password', 'Bench ' || g,
       CASE WHEN g % 2 = 0 THEN 'ja' ELSE 'en' END, 'Bench Corp', '1-1 Bench Street', now()
FROM generate_series(1, :n) AS g;
INSERT INTO api_token (account_id, name, secret_hash)
SELECT a.id, 'bench', sha256(convert_to('adt_bench-' || :'tag' || '-' || substring(a.email from '-([0-9]+)@'), 'UTF8'))
FROM account a WHERE a.email LIKE 'bench-' || :'tag' || '-%';
-- pgbench picks accounts by number.
CREATE TABLE IF NOT EXISTS bench_account (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench_account (n, id)
SELECT row_number() OVER (ORDER BY a.email) + coalesce((SELECT max(n) FROM bench_account), 0), a.id
FROM account a WHERE a.email LIKE 'bench-' || :'tag' || '-%';
