#!/usr/bin/env bash
# A JFR profile of one build under the closed-model submission load (issue 16): where the
# service's CPU goes per submission. Loopback only, bounded (~3 minutes).
#
#   bench/profile.sh JAR        # results in target/profile/ (hot-methods.txt, allocations.txt, submit.jfr)
#
# Knobs: PROFILE_WARMUP (60 s), PROFILE_SECONDS (30), BENCH_CONCURRENCY (16), BENCH_USERS (200).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "$1")
OUT=${PROFILE_OUT:-$PWD/target/profile}
DB=accessdesk_profile
C=${BENCH_CONCURRENCY:-16}
USERS=${BENCH_USERS:-200}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
PSQL="psql -X -q -v ON_ERROR_STOP=1"
PIDS=()
mkdir -p "$OUT" "$OUT/classes"
rm -f "$OUT"/*.log "$OUT"/*.txt "$OUT"/*.jfr
cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	sleep 2
	$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
}
trap cleanup EXIT INT TERM
( trap 'kill $timer 2> /dev/null; exit 0' TERM; sleep 600 & timer=$!; wait $timer
	kill -TERM $$ ) > /dev/null 2>&1 &
PIDS+=($!)
javac -d "$OUT/classes" bench/BenchClient.java
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
GREENMAIL=${GREENMAIL:-$PWD/target/bench/lib/greenmail-standalone-2.1.13.jar}
[[ -f "$GREENMAIL" ]] || ./mvnw -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.13 \
	-DoutputDirectory="$(dirname "$GREENMAIL")"
java -Xmx512m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=28027 -Dgreenmail.auth.disabled \
	-jar "$GREENMAIL" > "$OUT/greenmail.log" 2>&1 &
PIDS+=($!)
java -Xms1g -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port=28092 \
	--spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$DB" --spring.mail.host=127.0.0.1 \
	--spring.mail.port=28027 --accessdesk.rate-limit.enabled=false > "$OUT/service.log" 2>&1 &
PIDS+=($!)
P=$!
for _ in $(seq 240); do curl -sf http://127.0.0.1:28092/actuator/health/readiness > /dev/null && break; sleep 0.5; done
TAG=$(date +%s)
$PSQL -d "$DB" -v n="$USERS" -v tag="$TAG" -f bench/accounts.sql
seq 1 "$USERS" | sed "s/^/adt_bench-$TAG-/" > "$OUT/tokens"
java -cp "$OUT/classes" BenchClient closed http://127.0.0.1:28092 "$OUT/tokens" "$C" "${PROFILE_WARMUP:-60}" > /dev/null
SECS=${PROFILE_SECONDS:-30}
jcmd "$P" JFR.start name=profile settings=profile duration="$((SECS + 1))s" filename="$OUT/submit.jfr" > /dev/null
c0=$(awk '{print $14 + $15}' "/proc/$P/stat")
java -cp "$OUT/classes" BenchClient closed http://127.0.0.1:28092 "$OUT/tokens" "$C" "$SECS" > "$OUT/round.txt"
c1=$(awk '{print $14 + $15}' "/proc/$P/stat")
sleep 3
awk -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -F= '{v[$1] = $2}
	END {printf "rate %.1f/s p50 %.1f ms p99 %.1f ms cpu/submission %.2f ms (with JFR on)\n",
		v["closed.rate"], v["closed.p50_ms"], v["closed.p99_ms"], 1000 * c / hz / v["closed.count"]}' \
	"$OUT/round.txt" | tee "$OUT/summary.txt"
JFR=$(ls /usr/lib/jvm/*25*/bin/jfr 2>/dev/null | head -1 || command -v jfr)
"$JFR" view --width 220 hot-methods "$OUT/submit.jfr" > "$OUT/hot-methods.txt" 2>&1 || true
"$JFR" view --width 220 allocation-by-class "$OUT/submit.jfr" > "$OUT/allocations.txt" 2>&1 || true
"$JFR" print --events jdk.ExecutionSample --stack-depth 64 "$OUT/submit.jfr" > "$OUT/samples.txt" 2>&1 || true
echo "profile in $OUT"
