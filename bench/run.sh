#!/usr/bin/env bash
# Access Desk benchmark (issue 7, item 5): one command, loopback only, about 10 minutes.
#
#   bench/run.sh            # results in target/bench/ (summary.txt, *.log, submit.jfr)
#
# Builds the jar once, creates a fresh database, starts two instances (A, B) and GreenMail on
# 127.0.0.1, and measures side by side on this machine:
#   a) submissions/s through the API (closed model, C workers) vs pgbench running the same SQL
#      transaction at the same concurrency; p50/p99; then an open-model run at half pgbench's
#      rate (and one at half the API's own rate) for p99; a JFR recording of A meanwhile;
#      CPU per submission of A and of PostgreSQL (from /proc), and the API's rate as a share
#      of pgbench running a submission as one statement (bench/submission-one.sql, issue 16);
#   b) N SSE streams held by B and heap per stream; commit-to-client latency with transitions
#      committed on A and streams on B (through the API, and pgbench-driven for fan-out alone);
#   c) mails/s drained from a backlog into GreenMail.
# Everything it starts is stopped, and the database dropped, on exit.
#
# Knobs (environment): BENCH_CONCURRENCY (16), BENCH_SECONDS (20), BENCH_USERS (200),
# BENCH_STREAMS (10000), BENCH_STREAM_RATE (200 new streams/s), BENCH_TRANSITIONS (200), BENCH_MAILS (5000), BENCH_DB
# (accessdesk_bench), BENCH_PORT_A/B (28080/28081), BENCH_SMTP_PORT (28025),
# BENCH_SKIP_BUILD=1, BENCH_HEAP (1g), BENCH_JVM_OPTS, BENCH_SERVICE_OPTS (extra --props).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/target/bench}
DB=${BENCH_DB:-accessdesk_bench}
C=${BENCH_CONCURRENCY:-16}
SECS=${BENCH_SECONDS:-20}
USERS=${BENCH_USERS:-200}
STREAMS=${BENCH_STREAMS:-10000}
TRANSITIONS=${BENCH_TRANSITIONS:-200}
MAILS=${BENCH_MAILS:-5000}
PORT_A=${BENCH_PORT_A:-28080}
PORT_B=${BENCH_PORT_B:-28081}
SMTP_PORT=${BENCH_SMTP_PORT:-28025}
HEAP=${BENCH_HEAP:-1g}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
PSQL="psql -X -q -v ON_ERROR_STOP=1"
TAG=$(date +%s)
PIDS=()

mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/pgbench_tx* "$OUT"/summary.txt "$OUT"/service.pids "$OUT"/[abc]-*.txt "$OUT"/*.jfr
SUMMARY=$OUT/summary.txt

log() { echo "[bench $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)] $*" | tee -a "$OUT/progress.log" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
val() { { grep "^$2=" "$1" 2>/dev/null || echo "$2=0"; } | head -1 | cut -d= -f2; }

cleanup() {
	set +e
	[[ -f "$OUT/service.pids" ]] && PIDS+=($(cat "$OUT/service.pids"))
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	sleep 2
	for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
	$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
}
trap cleanup EXIT INT TERM

# The whole run is bounded; a hung phase ends it.
# (Its output goes nowhere: it must not hold the caller's stdout open after the script ends.)
( trap 'kill $timer 2> /dev/null; exit 0' TERM; sleep "${BENCH_TIMEOUT:-1200}" & timer=$!; wait $timer
	kill -TERM $$ ) > /dev/null 2>&1 &
PIDS+=($!)

ulimit -n "$(ulimit -Hn)" || true

log "machine"
{
	echo "date: $(date -u +%FT%TZ)"
	echo "nproc: $(nproc)"
	echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
	echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
	echo "java: $(java -version 2>&1 | head -1)"
	echo "postgresql: $($PSQL -d postgres -Atc 'SHOW server_version')"
	echo "open files limit: $(ulimit -n)"
	echo "load average at start: $(load)"
} | tee "$OUT/machine.txt"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	log "building the jar (tests skipped)"
	./mvnw -B -q -DskipTests package
fi
JAR=$(ls "$ROOT"/target/access-desk-*.jar | grep -v plain | head -1)
GREENMAIL=$OUT/lib/greenmail-standalone-2.1.13.jar
if [[ ! -f "$GREENMAIL" ]]; then
	./mvnw -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.13 -DoutputDirectory="$OUT/lib"
fi
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" bench/BenchClient.java
CLIENT=(java -Xmx1g -cp "$OUT/classes" BenchClient)

log "fresh database $DB"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

start_greenmail() {
	java -Xmx1g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
		-jar "$GREENMAIL" >> "$OUT/greenmail.log" 2>&1 &
	GREENMAIL_PID=$!
	PIDS+=($GREENMAIL_PID)
	for _ in $(seq 60); do (echo > /dev/tcp/127.0.0.1/"$SMTP_PORT") 2>/dev/null && return 0; sleep 0.5; done
	echo "GreenMail did not start" >&2
	return 1
}

# start_service NAME PORT: prints the pid once the instance is ready. It runs in a command
# substitution (a subshell), so the caller records the pid for clean-up.
start_service() {
	local name=$1 port=$2
	# shellcheck disable=SC2086
	java -Xms"$HEAP" -Xmx"$HEAP" ${BENCH_JVM_OPTS:-} -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$port" \
		--spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$DB" \
		--spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
		--accessdesk.rate-limit.enabled=false \
		--accessdesk.mail.base-url="http://127.0.0.1:$port" \
		${BENCH_SERVICE_OPTS:-} > "$OUT/service-$name.log" 2>&1 &
	local pid=$!
	echo "$pid" >> "$OUT/service.pids"
	for _ in $(seq 120); do
		if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; then
			echo "$pid"
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	echo "instance $name did not become ready; see $OUT/service-$name.log" >&2
	return 1
}

stop() {
	kill "$1" 2>/dev/null || true
	for _ in $(seq 30); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
	kill -9 "$1" 2>/dev/null || true
}

# CPU ticks of a JVM's JIT compiler threads.
# (A thread's name may hold spaces: count the fields after its closing parenthesis.)
jit_ticks() {
	cat /proc/"$1"/task/*/stat 2>/dev/null \
		| awk '/\((C1|C2) CompilerThre/ {sub(/^.*\) /, ""); t += $12 + $13} END {print t + 0}'
}

# CPU ticks of PostgreSQL: the backends serving the bench database (the service's pool, its
# LISTEN and feed connections, mail claims), or with "all" every postgres process (WAL
# writer, checkpointer, … too). A backend that ends during the window loses its ticks: the
# pools are fixed, so none should.
pg_pids() {
	if [[ ${1:-} == all ]]; then
		pgrep -x postgres || true
	else
		$PSQL -d "$DB" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()"
	fi
}
pg_ticks() { # pids…
	local pid
	for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done \
		| awk '{sub(/^.*\) /, ""); t += $12 + $13} END {print t + 0}'
}

live_heap() { jcmd "$1" GC.class_histogram 2>/dev/null | awk '/^Total/ {print $3}'; }

log "GreenMail on 127.0.0.1:$SMTP_PORT, instances A :$PORT_A and B :$PORT_B"
start_greenmail
A=$(start_service A "$PORT_A")
B=$(start_service B "$PORT_B")

log "$USERS bench accounts with tokens"
$PSQL -d "$DB" -v n="$USERS" -v tag="$TAG" -f bench/accounts.sql
seq 1 "$USERS" | sed "s/^/adt_bench-$TAG-/" > "$OUT/tokens"

# ---------------------------------------------------------------- a) submissions
# The JIT keeps compiling for a minute or two under this load; a short warm-up measures the
# compiler as much as the service (its CPU is reported apart below).
log "a) warm-up: $C workers, ${BENCH_WARMUP:-60} s"
"${CLIENT[@]}" closed "http://127.0.0.1:$PORT_A" "$OUT/tokens" "$C" "${BENCH_WARMUP:-60}" > "$OUT/a-warmup.log"

log "a) API closed model: $C workers, $SECS s"
LOAD_API=$(load)
CPU0=$(awk '{print $14 + $15}' "/proc/$A/stat")
JIT0=$(jit_ticks "$A")
mapfile -t SERVICE_BACKENDS < <(pg_pids)
mapfile -t ALL_PG < <(pg_pids all)
PG0=$(pg_ticks "${SERVICE_BACKENDS[@]}")
PGALL0=$(pg_ticks "${ALL_PG[@]}")
"${CLIENT[@]}" closed "http://127.0.0.1:$PORT_A" "$OUT/tokens" "$C" "$SECS" > "$OUT/a-api.log"
CPU1=$(awk '{print $14 + $15}' "/proc/$A/stat")
JIT1=$(jit_ticks "$A")
PG1=$(pg_ticks "${SERVICE_BACKENDS[@]}")
PGALL1=$(pg_ticks "${ALL_PG[@]}")
# CPU time of instance A per submission (all its threads, GC included): less noisy than
# rates on a shared machine; and the same without the JIT compiler's threads.
awk -v c="$((CPU1 - CPU0))" -v j="$((JIT1 - JIT0))" -v hz="$(getconf CLK_TCK)" \
	-v n="$(val "$OUT/a-api.log" closed.count)" 'BEGIN {
		printf "cpu_ms_per_submission=%.1f\n", (n > 0) ? 1000 * c / hz / n : 0
		printf "cpu_ms_per_submission_without_jit=%.1f\n", (n > 0) ? 1000 * (c - j) / hz / n : 0 }' >> "$OUT/a-api.log"
# PostgreSQL's CPU per submission in the same window: the backends of both instances (B is
# idle but for its feed and mail claims) and every postgres process.
awk -v p="$((PG1 - PG0))" -v q="$((PGALL1 - PGALL0))" -v hz="$(getconf CLK_TCK)" \
	-v n="$(val "$OUT/a-api.log" closed.count)" -v b="${#SERVICE_BACKENDS[@]}" 'BEGIN {
		printf "pg_backends=%d\n", b
		printf "pg_cpu_ms_per_submission=%.2f\n", (n > 0) ? 1000 * p / hz / n : 0
		printf "pg_all_cpu_ms_per_submission=%.2f\n", (n > 0) ? 1000 * q / hz / n : 0 }' >> "$OUT/a-api.log"
# A profile of A in a window of its own (recording costs CPU: not in the figures above).
log "a) the same with JFR on A (profile only), $SECS s"
jcmd "$A" JFR.start name=bench settings=profile duration="$((SECS + 1))s" filename="$OUT/submit.jfr" > /dev/null
"${CLIENT[@]}" closed "http://127.0.0.1:$PORT_A" "$OUT/tokens" "$C" "$SECS" > "$OUT/a-api-profiled.log"
sleep 2

pgbench_run() { # name script extra...: writes $OUT/a-<name>.log and per-transaction logs
	local name=$1 script=$2
	shift 2
	rm -f "$OUT"/pgbench_tx*
	pgbench -n -M prepared -c "$C" -j 2 -T "$SECS" -D naccounts="$USERS" -f "$script" \
		-l --log-prefix="$OUT/pgbench_tx" "$@" "$DB" > "$OUT/a-$name.log" 2>&1
	{
		echo "tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/a-$name.log")"
		cat "$OUT"/pgbench_tx* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
			printf "p50_ms=%.1f\np99_ms=%.1f\n", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000 }'
	} > "$OUT/a-$name.txt"
}
log "a) pgbench, the same transaction: -c $C, $SECS s"
LOAD_PG=$(load)
pgbench_run pgbench bench/submission.sql
log "a) pgbench, every statement of a submission (informational)"
pgbench_run pgbench-full bench/submission-full.sql
log "a) pgbench, a submission as one statement (issue 16's yardstick)"
LOAD_PG_ONE=$(load)
pgbench_run pgbench-one bench/submission-one.sql

PG_TPS=$(val "$OUT/a-pgbench.txt" tps)
API_RATE=$(val "$OUT/a-api.log" closed.rate)
HALF_PG=$(awk -v t="$PG_TPS" 'BEGIN {printf "%.0f", t / 2}')
HALF_API=$(awk -v t="$API_RATE" 'BEGIN {printf "%.0f", (t / 2 < 1) ? 1 : t / 2}')
log "a) API open model at half pgbench's rate ($HALF_PG/s), 15 s"
LOAD_OPEN=$(load)
"${CLIENT[@]}" open "http://127.0.0.1:$PORT_A" "$OUT/tokens" "$HALF_PG" 15 1024 > "$OUT/a-open-half-pgbench.log"
log "a) API open model at half its own closed rate ($HALF_API/s), 15 s"
"${CLIENT[@]}" open "http://127.0.0.1:$PORT_A" "$OUT/tokens" "$HALF_API" 15 1024 > "$OUT/a-open-half-api.log"

# ---------------------------------------------------------------- b) streams and latency
log "b) $STREAMS SSE streams on B"
sleep 2
HEAP_BEFORE=$(live_heap "$B")
"${CLIENT[@]}" hold "http://127.0.0.1:$PORT_B" "$OUT/tokens" "$STREAMS" "${BENCH_STREAM_RATE:-200}" 600 \
	> "$OUT/b-hold.log" 2>&1 < /dev/null &
HOLD=$!
PIDS+=($HOLD)
for _ in $(seq 420); do grep -q CONNECTED "$OUT/b-hold.log" && break; sleep 0.5; done
# Each stream's replay query runs after its first comment: let them finish, so that the
# histogram shows streams, not queued queries.
sleep 20
LOAD_SSE=$(load)
jcmd "$B" GC.class_histogram > "$OUT/b-histogram.txt" 2>&1 || true
HEAP_AFTER=$(awk '/^Total/ {print $3}' "$OUT/b-histogram.txt")
HELD=$(sed -n 's/.*CONNECTED streams=\([0-9]*\).*/\1/p' "$OUT/b-hold.log")
ESTABLISHED=$(ss -Htn state established "( sport = :$PORT_B )" | wc -l)
stop "$HOLD"
{
	echo "streams=${HELD:-0}"
	echo "established=$ESTABLISHED"
	echo "live_heap_before=$HEAP_BEFORE"
	echo "live_heap_after=$HEAP_AFTER"
	awk -v a="$HEAP_AFTER" -v b="$HEAP_BEFORE" -v n="${HELD:-0}" \
		'BEGIN {printf "heap_per_stream_kb=%.1f\n", (n > 0) ? (a - b) / n / 1024 : -1}'
} > "$OUT/b-streams.txt"
cat "$OUT/b-streams.txt" >&2

# Events reach streams once they are final: below the oldest transaction still running in
# the whole cluster (EventLog). Long transactions elsewhere delay them; record, every second
# during the latency runs, the oldest one that holds a transaction id.
watch_xacts() {
	while sleep 1; do
		$PSQL -d "$DB" -Atc "SELECT to_char(now(), 'HH24:MI:SS'), round(extract(epoch FROM now() - xact_start)::numeric, 2),
			datname, application_name, state, left(query, 60) FROM pg_stat_activity
			WHERE backend_xid IS NOT NULL ORDER BY xact_start LIMIT 1" 2>/dev/null
	done >> "$OUT/b-oldest-transactions.txt"
}
watch_xacts &
WATCH=$!
PIDS+=($WATCH)
# Across two instances: half the accounts submit on A and stream from B, the other half the
# other way round, so every event is committed by one instance and delivered by the other.
log "b) commit-to-client latency: $TRANSITIONS submissions/s across A and B, $USERS streams on the other one, $SECS s"
LOAD_LAT=$(load)
"${CLIENT[@]}" cross "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$OUT/tokens" "$TRANSITIONS" "$SECS" \
	> "$OUT/b-latency-api.log"

log "b) commit-to-client latency, fan-out only: $TRANSITIONS events/s by pgbench, $USERS streams on B"
$PSQL -d "$DB" -c "CREATE TABLE bench_item AS SELECT row_number() OVER (ORDER BY i.id) AS n, i.id AS item_id,
	i.request_id, i.account_id FROM access_item i JOIN bench_account b ON b.id = i.account_id"
NITEMS=$($PSQL -d "$DB" -Atc "SELECT count(*) FROM bench_item")
( sleep 4; pgbench -n -M prepared -c 4 -j 2 -R "$TRANSITIONS" -T "$SECS" -D nitems="$NITEMS" -f bench/fanout.sql "$DB" \
	> "$OUT/b-fanout-pgbench.log" 2>&1 ) &
FANOUT=$!
"${CLIENT[@]}" latency "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$OUT/tokens" 0.001 "$((SECS + 4))" \
	> "$OUT/b-latency-fanout.log"
wait "$FANOUT" || true
kill "$WATCH" 2>/dev/null || true
OLDEST_XACT=$(awk -F'|' '$2 > m {m = $2} END {print m + 0}' "$OUT/b-oldest-transactions.txt")

# ---------------------------------------------------------------- c) mail
# A warm instance drains a backlog, as after an SMTP outage: B stops, A keeps running, and
# copies of mails the run wrote are queued to fall due together in a few seconds.
log "c) $MAILS mails backlog, drained by A alone (warm)"
stop "$B"
$PSQL -d "$DB" -Atc "SELECT count(*) FROM mail_outbox WHERE state IN ('PENDING', 'SENDING')" > "$OUT/c-left-before.txt"
$PSQL -d "$DB" -c "INSERT INTO mail_outbox (kind, recipient, recipient_name, language, facts, next_attempt_at)
	SELECT m.kind, m.recipient, m.recipient_name, m.language, m.facts, now() + interval '5 seconds'
	FROM (SELECT * FROM mail_outbox ORDER BY id DESC LIMIT $MAILS) m CROSS JOIN generate_series(1, $MAILS) g
	LIMIT $MAILS"
BACKLOG=$($PSQL -d "$DB" -Atc "SELECT count(*) FROM mail_outbox WHERE state IN ('PENDING', 'SENDING')")
LOAD_MAIL=$(load)
T0=$(date +%s.%N)
SINCE=$($PSQL -d "$DB" -Atc "SELECT now()")
for _ in $(seq 600); do
	LEFT=$($PSQL -d "$DB" -Atc "SELECT count(*) FROM mail_outbox WHERE state IN ('PENDING', 'SENDING')")
	[[ "$LEFT" == 0 ]] && break
	sleep 0.5
done
T1=$(date +%s.%N)
$PSQL -d "$DB" -Atc "SELECT 'sent=' || count(*) || E'\nfailed=' || count(*) FILTER (WHERE state = 'FAILED')
	|| E'\nmails_per_s=' || round(count(*) FILTER (WHERE state = 'SENT')
	/ greatest(extract(epoch FROM max(sent_at) - min(sent_at)), 0.001), 1)
	FROM mail_outbox WHERE sent_at >= '$SINCE' OR failed_at >= '$SINCE'" \
	> "$OUT/c-mail.txt"
awk -v a="$T0" -v b="$T1" 'BEGIN {printf "wall_seconds_incl_5s_wait=%.1f\n", b - a}' >> "$OUT/c-mail.txt"
echo "backlog=$BACKLOG" >> "$OUT/c-mail.txt"
echo "left=$LEFT" >> "$OUT/c-mail.txt"
cat "$OUT/c-mail.txt" >&2

# ---------------------------------------------------------------- profile summary
JFR=$(ls /usr/lib/jvm/*25*/bin/jfr 2>/dev/null | head -1 || true)
if [[ -n "$JFR" && -f "$OUT/submit.jfr" ]]; then
	"$JFR" view --width 200 hot-methods "$OUT/submit.jfr" > "$OUT/jfr-hot-methods.txt" 2>&1 || true
	"$JFR" view --width 200 allocation-by-class "$OUT/submit.jfr" > "$OUT/jfr-allocations.txt" 2>&1 || true
fi
if [[ -f "$OUT/submit.jfr" ]]; then
	# Application frames on the sampled stacks (inclusive): where our code spends the time.
	jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/submit.jfr" \
		| grep -oE 'org\.accessdesk\.[A-Za-z0-9_.$]+\.[A-Za-z0-9_$<>]+\(' | sort | uniq -c | sort -rn | head -25 \
		> "$OUT/jfr-app-frames.txt" || true
fi

# ---------------------------------------------------------------- summary
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f %%", (b > 0) ? 100 * a / b : 0}'; }
met() { if awk "BEGIN {exit !($1)}"; then echo met; else echo "NOT met"; fi; }
API_P50=$(val "$OUT/a-api.log" closed.p50_ms)
API_P99=$(val "$OUT/a-api.log" closed.p99_ms)
OPEN_RATE=$(val "$OUT/a-open-half-pgbench.log" open.rate)
OPEN_P99=$(val "$OUT/a-open-half-pgbench.log" open.p99_ms)
OPEN_MISSED=$(val "$OUT/a-open-half-pgbench.log" open.missed)
OWN_RATE=$(val "$OUT/a-open-half-api.log" open.rate)
OWN_P99=$(val "$OUT/a-open-half-api.log" open.p99_ms)
PER_STREAM=$(val "$OUT/b-streams.txt" heap_per_stream_kb)
LAT_P50=$(val "$OUT/b-latency-api.log" latency.p50_ms)
LAT_P99=$(val "$OUT/b-latency-api.log" latency.p99_ms)
LAT_N=$(val "$OUT/b-latency-api.log" latency.count)
SUBMITTED_RATE=$(val "$OUT/b-latency-api.log" open.rate)
FAN_P50=$(val "$OUT/b-latency-fanout.log" latency.p50_ms)
FAN_P99=$(val "$OUT/b-latency-fanout.log" latency.p99_ms)
FAN_N=$(val "$OUT/b-latency-fanout.log" latency.count)
MAIL_RATE=$(val "$OUT/c-mail.txt" mails_per_s)
{
	echo "Access Desk bench, $(date -u +%FT%TZ); C=$C, ${SECS}s runs; 2 instances + GreenMail + PostgreSQL + load"
	echo "generators all on this machine ($(nproc) cores, shared: figures are noisy)"
	cat "$OUT/machine.txt"
	echo
	printf '%-58s %-26s %-22s %s\n' measure value target result
	printf '%-58s %-26s %-22s %s\n' "pgbench, submission transaction, -c $C (load $LOAD_PG)" \
		"$PG_TPS tx/s" "(the ceiling)" ""
	printf '%-58s %-26s %-22s %s\n' "  p50 / p99" "$(val "$OUT/a-pgbench.txt" p50_ms) / $(val "$OUT/a-pgbench.txt" p99_ms) ms" "" ""
	printf '%-58s %-26s %-22s %s\n' "pgbench, every statement of a submission, -c $C" \
		"$(val "$OUT/a-pgbench-full.txt" tps) tx/s" "(informational)" ""
	printf '%-58s %-26s %-22s %s\n' "API submissions, $C workers (load $LOAD_API)" "$API_RATE /s" \
		">= 50 % of pgbench" "$(ratio "$API_RATE" "$PG_TPS") $(met "$API_RATE >= $PG_TPS / 2")"
	printf '%-58s %-26s %-22s %s\n' "  p50 / p99" "$API_P50 / $API_P99 ms" "" ""
	printf '%-58s %-26s %-22s %s\n' "pgbench, a submission as one statement, -c $C (load $LOAD_PG_ONE)" \
		"$(val "$OUT/a-pgbench-one.txt" tps) tx/s" "(the yardstick)" ""
	printf '%-58s %-26s %-22s %s\n' "  API submissions / one-statement pgbench" "$(ratio "$API_RATE" "$(val "$OUT/a-pgbench-one.txt" tps)")" \
		">= 15 %" "$(met "$API_RATE >= $(val "$OUT/a-pgbench-one.txt" tps) * 0.15")"
	printf '%-58s %-26s %-22s %s\n' "  CPU of instance A per submission (without JIT)" \
		"$(val "$OUT/a-api.log" cpu_ms_per_submission) ms ($(val "$OUT/a-api.log" cpu_ms_per_submission_without_jit) ms)" \
		"<= 1.0 ms" "$(met "$(val "$OUT/a-api.log" cpu_ms_per_submission) <= 1.0")"
	printf '%-58s %-26s %-22s %s\n' "  PostgreSQL CPU per submission, the service's $(val "$OUT/a-api.log" pg_backends) backends" \
		"$(val "$OUT/a-api.log" pg_cpu_ms_per_submission) ms" "<= 0.5 ms" "$(met "$(val "$OUT/a-api.log" pg_cpu_ms_per_submission) <= 0.5")"
	printf '%-58s %-26s %-22s %s\n' "  PostgreSQL CPU per submission, every postgres process" \
		"$(val "$OUT/a-api.log" pg_all_cpu_ms_per_submission) ms" "(informational)" ""
	printf '%-58s %-26s %-22s %s\n' "API open model at $HALF_PG/s = pgbench/2 (load $LOAD_OPEN)" \
		"$OPEN_RATE/s done, p99 $OPEN_P99 ms" "p99 < 50 ms" "$(met "$OPEN_P99 < 50 && $OPEN_MISSED == 0") (missed $OPEN_MISSED)"
	printf '%-58s %-26s %-22s %s\n' "API open model at $HALF_API/s = API closed rate/2" \
		"$OWN_RATE/s done, p99 $OWN_P99 ms" "(informational)" ""
	printf '%-58s %-26s %-22s %s\n' "SSE streams held by one instance (load $LOAD_SSE)" \
		"$(val "$OUT/b-streams.txt" streams)" ">= 10000" "$(met "$(val "$OUT/b-streams.txt" streams) >= 10000")"
	printf '%-58s %-26s %-22s %s\n' "  live heap per stream" "$PER_STREAM KB" "<= 30 KB" "$(met "$PER_STREAM <= 30 && $PER_STREAM > 0")"
	printf '%-58s %-26s %-22s %s\n' "commit-to-client, API on A|B -> streams on B|A (load $LOAD_LAT)" \
		"p50 $LAT_P50 / p99 $LAT_P99 ms" "p99 < 100 ms @200/s" \
		"$(met "$LAT_P99 < 100 && $SUBMITTED_RATE >= $TRANSITIONS * 0.95") ($SUBMITTED_RATE/s submitted, $LAT_N events)"
	printf '%-58s %-26s %-22s %s\n' "commit-to-client, pgbench events + NOTIFY -> streams B" \
		"p50 $FAN_P50 / p99 $FAN_P99 ms" "(fan-out alone)" "($FAN_N events at $TRANSITIONS/s)"
	printf '%-58s %-26s %-22s %s\n' "  oldest transaction seen meanwhile (any database)" "$OLDEST_XACT s" "" ""
	printf '%-58s %-26s %-22s %s\n' "mails drained into GreenMail (load $LOAD_MAIL)" "$MAIL_RATE /s" ">= 500 /s" \
		"$(met "$MAIL_RATE >= 500") ($(val "$OUT/c-mail.txt" sent) mails, one warm instance)"
	echo
	echo "Top JFR frames of instance A during the API run: $OUT/jfr-hot-methods.txt, $OUT/jfr-app-frames.txt"
} | tee "$SUMMARY"
log "done"
