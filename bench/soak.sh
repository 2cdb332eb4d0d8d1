#!/usr/bin/env bash
# Access Desk soak under faults (issue 13, item 6): one command, loopback only, at most 15 minutes,
# stops by itself.
#
#   bench/soak.sh            # results in target/soak/ (results.txt, *.log, *.tsv)
#
# Makes a PostgreSQL cluster of its own under /tmp on a free port (initdb; restarting it bothers
# no one else), an SMTP sink that writes down the Message-ID of every mail it accepts
# (bench/SoakClient.java smtp), and two instances of the service, A and B, on that database.
# Under steady load — submissions that wait for the vendor, the vendor approving them, and one
# SSE stream per account on /api/me/events, resumed with Last-Event-ID after every disconnect —
# it injects, one after the other:
#   1. SIGKILL of instance A, which is started again;
#   2. a restart of PostgreSQL;
#   3. the SMTP server away for a minute;
#   4. every database connection of the service terminated (pg_terminate_backend);
#   5. a session left idle in transaction (one insert) for a minute.
# Then the load stops, streams catch up, mail drains, and it checks from the database and the
# clients: every committed event of an account reached that account's stream once (the stream
# is open from before the first event, so it must see all of them), every outbox row SENT was
# accepted by the SMTP server exactly once (by Message-ID), and no answer was a 5xx other than a
# 503 while PostgreSQL restarted.
#
# Knobs (environment): SOAK_ACCOUNTS (40), SOAK_RATE (8 submissions/s), SOAK_GAP (60 s between
# faults), SOAK_DRAIN (45 s), SOAK_PG_PORT (25432), SOAK_PORT_A/B (29080/29081), SOAK_SMTP_PORT
# (29025), SOAK_SKIP_BUILD=1, SOAK_JAR (a jar built already), SOAK_HEAP (512m), SOAK_TIMEOUT (900 s).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${SOAK_OUT:-$ROOT/target/soak}
ACCOUNTS=${SOAK_ACCOUNTS:-40}
RATE=${SOAK_RATE:-8}
GAP=${SOAK_GAP:-60}
DRAIN=${SOAK_DRAIN:-45}
PG_PORT=${SOAK_PG_PORT:-25432}
PORT_A=${SOAK_PORT_A:-29080}
PORT_B=${SOAK_PORT_B:-29081}
SMTP_PORT=${SOAK_SMTP_PORT:-29025}
HEAP=${SOAK_HEAP:-512m}
DB=accessdesk_soak
CONTRACTS=100000
TAG=$(date +%s)
PIDS=()

mkdir -p "$OUT"
rm -rf "$OUT"/*.tsv "$OUT"/*.log "$OUT"/*.txt "$OUT"/tokens "$OUT"/pg-restart-window "$OUT"/classes
log() { echo "[soak $(date +%T)] $*" | tee -a "$OUT/progress.log" >&2; }
now_ms() { date +%s%3N; }

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_DIR=$(mktemp -d /tmp/accessdesk-soak-pg-XXXXXX)
chown postgres "$PG_DIR"
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)

cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	[[ -n "${A:-}" ]] && kill "$A" 2>/dev/null
	[[ -n "${B:-}" ]] && kill "$B" 2>/dev/null
	[[ -n "${SINK:-}" ]] && kill "$SINK" 2>/dev/null
	sleep 2
	for pid in "${PIDS[@]}" "${A:-}" "${B:-}" "${SINK:-}"; do [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; done
	as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop > /dev/null 2>&1
	rm -rf "$PG_DIR"
}
trap cleanup EXIT INT TERM

# The whole run is bounded; a hung phase ends it.
( trap 'kill $timer 2> /dev/null; exit 0' TERM; sleep "${SOAK_TIMEOUT:-900}" & timer=$!; wait $timer
	kill -TERM $$ ) > /dev/null 2>&1 &
PIDS+=($!)

log "PostgreSQL cluster of its own in $PG_DIR on 127.0.0.1:$PG_PORT"
as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale --no-sync > "$OUT/initdb.log"
cat >> "$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 120
fsync = off
synchronous_commit = off
EOF
echo "host all all 127.0.0.1/32 trust" > "$PG_DIR/data/pg_hba.conf"
echo "local all all trust" >> "$PG_DIR/data/pg_hba.conf"
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start > /dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"

if [[ "${SOAK_SKIP_BUILD:-0}" != 1 ]]; then
	log "building the jar (tests skipped)"
	./mvnw -B -q -DskipTests package
fi
JAR=${SOAK_JAR:-$(ls "$ROOT"/target/access-desk-*.jar | grep -v plain | head -1)}
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" bench/SoakClient.java
CLIENT=(java -Xmx512m -cp "$OUT/classes" SoakClient)

start_sink() {
	"${CLIENT[@]}" smtp "$SMTP_PORT" "$OUT/smtp-accepted.txt" >> "$OUT/smtp.log" 2>&1 &
	SINK=$!
	for _ in $(seq 40); do (echo > /dev/tcp/127.0.0.1/"$SMTP_PORT") 2>/dev/null && return 0; sleep 0.25; done
	echo "SMTP sink did not start" >&2
	return 1
}

# start_service NAME PORT: starts an instance in the background and sets its pid in $STARTED.
start_service() {
	local name=$1 port=$2
	java -Xms"$HEAP" -Xmx"$HEAP" -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$port" \
		--spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
		--spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
		--accessdesk.rate-limit.enabled=false \
		--accessdesk.vendor-reviewers=vendor-$TAG@soak.example \
		--accessdesk.mail.base-url="http://127.0.0.1:$port" \
		>> "$OUT/service-$name.log" 2>&1 &
	STARTED=$!
}

wait_ready() {
	local name=$1 port=$2 pid=$3
	# Generous: on a loaded two-core machine an instance may take a minute and more to start.
	for _ in $(seq 480); do
		curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	echo "instance $name did not become ready; see $OUT/service-$name.log" >&2
	return 1
}

log "SMTP sink on 127.0.0.1:$SMTP_PORT, instances A :$PORT_A and B :$PORT_B"
start_sink
start_service A "$PORT_A"; A=$STARTED
wait_ready A "$PORT_A" "$A"
start_service B "$PORT_B"; B=$STARTED
wait_ready B "$PORT_B" "$B"

log "$ACCOUNTS accounts with tokens, a vendor reviewer, $CONTRACTS contracts of another company"
"${PSQL[@]}" -d "$DB" -v n="$ACCOUNTS" -v tag="$TAG" -f bench/accounts.sql
seq 1 "$ACCOUNTS" | sed "s/^/adt_bench-$TAG-/" > "$OUT/tokens"
"${PSQL[@]}" -d "$DB" -v tag="$TAG" -v contracts="$CONTRACTS" <<'SQL'
INSERT INTO account (email, password_hash, name, language, company_name, company_address, email_verified_at)
VALUES ('vendor-' || :'tag' || '@soak.example', '{noop}not-a-password', 'Soak Vendor', 'en', 'Vendor', '1 Vendor Road', now());
INSERT INTO api_token (account_id, name, secret_hash)
SELECT id, 'soak', sha256(convert_to('adt_vendor-' || :'tag', 'UTF8')) FROM account WHERE email = 'vendor-' || :'tag' || '@soak.example';
-- Contracts of a company the bench accounts are not: every submission waits for the vendor.
INSERT INTO company (name, name_key) VALUES ('Soak Other Co', 'soak other co');
INSERT INTO contract (number, company_id, support_model, status, issued_at)
SELECT g::text, (SELECT id FROM company WHERE name_key = 'soak other co'), 'DIRECT', 'ACTIVE', now() - interval '1 year'
FROM generate_series(1, :contracts) g;
CREATE TABLE soak_idle (x int);
SQL

FAULTS=$OUT/faults.tsv
fault() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$FAULTS"; }
# Long enough to cover every fault (A restarting and the two 60-s faults take longer than a gap).
LOAD_SECONDS=$((30 + 5 * GAP + 120))
log "load for $LOAD_SECONDS s: $RATE submissions/s over A and B, vendor approving, $ACCOUNTS streams"
"${CLIENT[@]}" drive "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$OUT/tokens" "adt_vendor-$TAG" \
	"$CONTRACTS" "$RATE" "$LOAD_SECONDS" "$DRAIN" "$OUT" > "$OUT/client.log" 2>&1 &
DRIVER=$!
PIDS+=($DRIVER)
sleep 30

log "fault 1: SIGKILL instance A, start it again"
T0=$(now_ms)
kill -9 "$A"
wait "$A" 2>/dev/null || true
start_service A "$PORT_A"; A=$STARTED
wait_ready A "$PORT_A" "$A"
fault "SIGKILL instance A, restarted" "$T0" "$(now_ms)"
sleep "$GAP"

log "fault 2: restart PostgreSQL"
T0=$(now_ms)
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w restart -l "$PG_DIR/server.log" > /dev/null
T1=$(now_ms)
fault "PostgreSQL restart" "$T0" "$T1"
echo "$T0 $T1" > "$OUT/pg-restart-window"
sleep "$GAP"

log "fault 3: SMTP away for 60 s"
T0=$(now_ms)
kill "$SINK"
wait "$SINK" 2>/dev/null || true
sleep 60
start_sink
fault "SMTP server stopped for 60 s" "$T0" "$(now_ms)"
sleep $((GAP > 60 ? GAP - 60 : 0))

log "fault 4: terminate every database connection of the service"
T0=$(now_ms)
"${PSQL[@]}" -d postgres -Atc "SELECT application_name, count(*) FROM pg_stat_activity
	WHERE datname = '$DB' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
	GROUP BY 1 ORDER BY 1" > "$OUT/terminated-connections.txt"
"${PSQL[@]}" -d postgres -Atc "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
	WHERE datname = '$DB' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
	AND application_name NOT LIKE 'psql%'" >> "$OUT/terminated-connections.txt"
fault "every service DB connection terminated ($(tail -1 "$OUT/terminated-connections.txt"))" "$T0" "$(now_ms)"
sleep "$GAP"

log "fault 5: a session idle in transaction (one insert) for 60 s"
T0=$(now_ms)
{ echo "BEGIN;"; echo "INSERT INTO soak_idle VALUES (1);"; sleep 60; echo "COMMIT;"; } \
	| PGAPPNAME=soak-idle "${PSQL[@]}" -d "$DB" > /dev/null
fault "idle in transaction for 60 s" "$T0" "$(now_ms)"

log "waiting for the load to stop and the streams to catch up"
wait "$DRIVER" || true

log "waiting for the outbox to drain (at most 120 s)"
for _ in $(seq 240); do
	LEFT=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM mail_outbox WHERE state IN ('PENDING', 'SENDING')")
	[[ "$LEFT" == 0 ]] && break
	sleep 0.5
done
"${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM item_event WHERE seq IS NULL" > "$OUT/unsequenced.txt"
"${PSQL[@]}" -d "$DB" -At -F $'\t' -c "SELECT substring(a.email from '-([0-9]+)@'), e.seq FROM item_event e
	JOIN account a ON a.id = e.account_id WHERE a.email LIKE 'bench-$TAG-%' AND e.seq IS NOT NULL" > "$OUT/db-events.tsv"
"${PSQL[@]}" -d "$DB" -At -F $'\t' -c "SELECT message_key, state FROM mail_outbox" > "$OUT/db-outbox.tsv"

log "checking"
python3 bench/soak-check.py "$OUT" | tee "$OUT/results.txt"
log "done: $OUT/results.txt"
