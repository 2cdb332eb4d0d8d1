#!/usr/bin/env bash
# Two builds of the service side by side, for before/after figures of a change on a noisy
# machine: both run at the same time on one fresh database, and closed-model submission runs
# alternate between them (ABAB…), so both see the same background load.
#
#   bench/compare.sh BEFORE.jar AFTER.jar      # ~4 minutes; results in target/compare/
#
# Knobs: COMPARE_WARMUP (60 s each: the JIT compiles for a minute or two), COMPARE_ROUNDS (4),
# COMPARE_SECONDS (10), BENCH_CONCURRENCY (16), BENCH_USERS (200).
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
OUT=${COMPARE_OUT:-$PWD/target/compare}
DB=accessdesk_compare
C=${BENCH_CONCURRENCY:-16}
ROUNDS=${COMPARE_ROUNDS:-4}
SECS=${COMPARE_SECONDS:-10}
USERS=${BENCH_USERS:-200}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
PSQL="psql -X -q -v ON_ERROR_STOP=1"
PIDS=()
mkdir -p "$OUT" "$OUT/classes"
rm -f "$OUT"/*.log

cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	sleep 2
	$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
}
trap cleanup EXIT INT TERM
# The timer must not hold the caller's stdout open, nor outlive the script.
( trap 'kill $timer 2> /dev/null; exit 0' TERM; sleep 900 & timer=$!; wait $timer
	kill -TERM $$ ) > /dev/null 2>&1 &
PIDS+=($!)

javac -d "$OUT/classes" bench/BenchClient.java
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
GREENMAIL=${GREENMAIL:-$PWD/target/bench/lib/greenmail-standalone-2.1.13.jar}
[[ -f "$GREENMAIL" ]] || ./mvnw -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.13 \
	-DoutputDirectory="$(dirname "$GREENMAIL")"
java -Xmx512m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=28026 -Dgreenmail.auth.disabled \
	-jar "$GREENMAIL" > "$OUT/greenmail.log" 2>&1 &
PIDS+=($!)

start() { # jar port log
	java -Xms1g -Xmx1g -jar "$1" --server.address=127.0.0.1 --server.port="$2" \
		--spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$DB" --spring.mail.host=127.0.0.1 \
		--spring.mail.port=28026 --accessdesk.rate-limit.enabled=false > "$3" 2>&1 &
	PIDS+=($!)
	LAST=$!
}
start "$BEFORE" 28090 "$OUT/before-service.log"
P_BEFORE=$LAST
# One at a time: both migrate the same fresh database at start-up.
for _ in $(seq 240); do curl -sf http://127.0.0.1:28090/actuator/health/readiness > /dev/null && break; sleep 0.5; done
start "$AFTER" 28091 "$OUT/after-service.log"
P_AFTER=$LAST
for _ in $(seq 240); do curl -sf http://127.0.0.1:28091/actuator/health/readiness > /dev/null && break; sleep 0.5; done

TAG=$(date +%s)
$PSQL -d "$DB" -v n="$USERS" -v tag="$TAG" -f bench/accounts.sql
seq 1 "$USERS" | sed "s/^/adt_bench-$TAG-/" > "$OUT/tokens"

run() { # name port pid seconds
	local c0 c1
	c0=$(awk '{print $14 + $15}' "/proc/$3/stat")
	java -cp "$OUT/classes" BenchClient closed "http://127.0.0.1:$2" "$OUT/tokens" "$C" "$4" > "$OUT/round.tmp"
	c1=$(awk '{print $14 + $15}' "/proc/$3/stat")
	awk -v name="$1" -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v ld="$(cut -d' ' -f1 /proc/loadavg)" -F= '
		{v[$1] = $2}
		END {printf "%-7s rate %6.1f/s  p50 %7.1f ms  p99 %7.1f ms  cpu/submission %5.1f ms  errors %s  load %s\n",
			name, v["closed.rate"], v["closed.p50_ms"], v["closed.p99_ms"], 1000 * c / hz / v["closed.count"],
			v["closed.errors"], ld}' "$OUT/round.tmp" | tee -a "$OUT/rounds.log"
}
WARMUP=${COMPARE_WARMUP:-60}
echo "warm-up ($WARMUP s each)" | tee "$OUT/rounds.log"
run before 28090 "$P_BEFORE" "$WARMUP"
run after 28091 "$P_AFTER" "$WARMUP"
echo "rounds ($ROUNDS × ${SECS} s each, alternating)" | tee -a "$OUT/rounds.log"
for _ in $(seq "$ROUNDS"); do
	run before 28090 "$P_BEFORE" "$SECS"
	run after 28091 "$P_AFTER" "$SECS"
done
tail -n "$((2 * ROUNDS))" "$OUT/rounds.log" | awk '
	{r[$1] += $3; cpu[$1] += $11; n[$1]++}
	END {for (k in r) printf "mean %-7s rate %6.1f/s  cpu/submission %5.1f ms\n", k, r[k] / n[k], cpu[k] / n[k]}' \
	| sort | tee -a "$OUT/rounds.log"
