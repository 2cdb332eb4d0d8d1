#!/usr/bin/env bash
# Registry import at scale (issue 13, item 3): one command, loopback only, bounded.
#
#   bench/import.sh         # results in target/bench-import/ (summary.txt, *.log, gc.log)
#
# Builds the jar once (BENCH_SKIP_BUILD=1 to reuse it), creates a fresh database, starts one
# instance on 127.0.0.1 with a fixed heap and a GC log, generates N contracts (CSV, with
# administrators and N/200 companies named only by the contracts) and a serial for each, and
# imports both through POST /api/registry/import (answered 202; the job is followed by
# polling GET /api/registry/imports/{id}). Meanwhile it records:
#   - the time of each phase (upload, reading and staging, checking, merging);
#   - heap used (/actuator/metrics/jvm.memory.used, area heap, every 0.5 s) and the heap
#     after each GC (GC log): does the heap grow with the file?
#   - commit-to-client latency of live status: S accounts hold SSE streams and submit R/s
#     through the API in 15 s windows while the import runs (bench/BenchClient latency),
#     and in one window before it as a baseline.
# Everything it starts is stopped, and the database dropped, on exit.
#
# Knobs: BENCH_IMPORT_ROWS (1000000), BENCH_HEAP (512m), BENCH_STREAMS (20), BENCH_RATE (10/s),
# BENCH_DB (accessdesk_bench_import), BENCH_PORT (28090), BENCH_TIMEOUT (1800 s),
# BENCH_SKIP_BUILD=1, BENCH_SERVICE_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/target/bench-import}
DB=${BENCH_DB:-accessdesk_bench_import}
ROWS=${BENCH_IMPORT_ROWS:-1000000}
HEAP=${BENCH_HEAP:-512m}
STREAMS=${BENCH_STREAMS:-20}
RATE=${BENCH_RATE:-10}
PORT=${BENCH_PORT:-28090}
BASE=http://127.0.0.1:$PORT
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
PSQL="psql -X -q -v ON_ERROR_STOP=1"
TAG=$(date +%s)
PIDS=()

mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.txt "$OUT"/*.csv
log() { echo "[bench-import $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)] $*" | tee -a "$OUT/progress.log" >&2; }
val() { { grep "^$2=" "$1" 2>/dev/null || echo "$2=0"; } | head -1 | cut -d= -f2; }

cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	sleep 2
	for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
	$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
}
trap cleanup EXIT INT TERM
( trap 'kill $timer 2> /dev/null; exit 0' TERM; sleep "${BENCH_TIMEOUT:-1800}" & timer=$!; wait $timer
	kill -TERM $$ ) > /dev/null 2>&1 &
PIDS+=($!)

{
	echo "date: $(date -u +%FT%TZ)"
	echo "nproc: $(nproc)"
	echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
	echo "java: $(java -version 2>&1 | head -1)"
	echo "postgresql: $($PSQL -d postgres -Atc 'SHOW server_version')"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	log "building the jar (tests skipped)"
	./mvnw -B -q -DskipTests package
fi
JAR=$(ls "$ROOT"/target/access-desk-*.jar | grep -v plain | head -1)
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" bench/BenchClient.java
CLIENT=(java -Xmx512m -cp "$OUT/classes" BenchClient)

log "generating $ROWS contracts and $ROWS serials"
awk -v n="$ROWS" 'BEGIN {
	print "number,company,billTo,supportModel,status,issuedAt,admins"
	for (i = 0; i < n; i++)
		printf "77%08d,Vendor Customer %d,,%s,ACTIVE,2026-01-01T00:00:00Z,admin%d@customer%d.example\n",
			i, i % 5000, (i % 3 ? "DIRECT" : "PARTNER"), i % 11, i % 5000 }' > "$OUT/contracts.csv"
awk -v n="$ROWS" 'BEGIN { print "serial,contract"; for (i = 0; i < n; i++) printf "SN-77%08d,77%08d\n", i, i }' \
	> "$OUT/serials.csv"
ls -l "$OUT"/*.csv | awk '{print $5, $9}' | tee "$OUT/files.txt"

log "fresh database $DB; one instance on $BASE, heap $HEAP"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
OPERATOR=bench-$TAG-1@bench.example
# shellcheck disable=SC2086
java -Xms"$HEAP" -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log" -jar "$JAR" \
	--server.address=127.0.0.1 --server.port="$PORT" \
	--spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$DB" \
	--spring.mail.host=127.0.0.1 --spring.mail.port=1 \
	--accessdesk.rate-limit.enabled=false --accessdesk.operators="$OPERATOR" \
	${BENCH_SERVICE_OPTS:-} > "$OUT/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
for _ in $(seq 120); do
	curl -sf "$BASE/actuator/health/readiness" > /dev/null && break
	kill -0 "$SERVICE" 2>/dev/null || { echo "the service stopped; see $OUT/service.log" >&2; exit 1; }
	sleep 0.5
done
$PSQL -d "$DB" -v n="$((STREAMS + 1))" -v tag="$TAG" -f bench/accounts.sql
OPS_TOKEN=adt_bench-$TAG-1
seq 2 "$((STREAMS + 1))" | sed "s/^/adt_bench-$TAG-/" > "$OUT/tokens"

heap_used() {
	curl -sf -H "Authorization: Bearer $OPS_TOKEN" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" \
		| jq -r '.measurements[0].value'
}
sample_heap() {
	while sleep 0.5; do echo "$(date +%s.%N) $(heap_used)"; done >> "$OUT/heap-samples.txt"
}

log "baseline: commit-to-client latency without an import, 15 s"
"${CLIENT[@]}" latency "$BASE" "$BASE" "$OUT/tokens" "$RATE" 15 > "$OUT/latency-baseline.log" 2>&1
jcmd "$SERVICE" GC.run > /dev/null
sleep 1
HEAP_IDLE=$(heap_used)

# Latency windows back to back while any import runs (started below).
latency_windows() {
	local w=0
	while [[ ! -f "$OUT/imports-done" ]]; do
		w=$((w + 1))
		"${CLIENT[@]}" latency "$BASE" "$BASE" "$OUT/tokens" "$RATE" 15 > "$OUT/latency-import-$w.log" 2>&1 || true
	done
}

# import NAME LIST FILE: upload (202), follow the job to its end; phase times in NAME-phases.txt
import() {
	local name=$1 list=$2 file=$3 t0 t1 id state phase last=""
	t0=$(date +%s.%N)
	curl -sS -o "$OUT/$name-accepted.json" -w '%{http_code}' -H "Authorization: Bearer $OPS_TOKEN" \
		-H 'Content-Type: text/csv' --data-binary @"$file" "$BASE/api/registry/import?list=$list" > "$OUT/$name-status.txt"
	t1=$(date +%s.%N)
	id=$(jq -r .id "$OUT/$name-accepted.json")
	echo "upload_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')" > "$OUT/$name.txt"
	echo "status=$(cat "$OUT/$name-status.txt")" >> "$OUT/$name.txt"
	while true; do
		curl -sf -H "Authorization: Bearer $OPS_TOKEN" "$BASE/api/registry/imports/$id" > "$OUT/$name-job.json"
		state=$(jq -r .state "$OUT/$name-job.json")
		phase=$(jq -r .phase "$OUT/$name-job.json")
		if [[ "$phase" != "$last" ]]; then
			echo "$(date +%s.%N) $phase $(jq -r .rowsRead "$OUT/$name-job.json")" >> "$OUT/$name-phases.txt"
			last=$phase
		fi
		[[ "$state" != RUNNING ]] && break
		sleep 0.5
	done
	{
		echo "state=$state"
		echo "rows_read=$(jq -r .rowsRead "$OUT/$name-job.json")"
		echo "rows_written=$(jq -r .rowsWritten "$OUT/$name-job.json")"
		echo "job_seconds=$(jq -r '((.finishedAt | sub("\\.[0-9]+Z$"; "Z") | fromdate) - (.startedAt | sub("\\.[0-9]+Z$"; "Z") | fromdate))' "$OUT/$name-job.json")"
		echo "total_seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')"
		# Seconds in each phase, from the polls (0.5 s resolution).
		awk -v end="$(date +%s.%N)" '{t[NR] = $1; p[NR] = $2} END {
			for (i = 1; i < NR; i++) printf "phase_%s_seconds=%.1f\n", p[i], t[i + 1] - t[i] }' "$OUT/$name-phases.txt"
		echo "summary=$(jq -c .summary "$OUT/$name-job.json")"
		echo "errors=$(jq -c .errors "$OUT/$name-job.json")"
	} >> "$OUT/$name.txt"
	cat "$OUT/$name.txt" >&2
}

rm -f "$OUT/imports-done"
sample_heap &
PIDS+=($!)
SAMPLER=$!
latency_windows &
WINDOWS=$!
PIDS+=($WINDOWS)
sleep 2
log "import 1: $ROWS contracts ($(du -h "$OUT/contracts.csv" | cut -f1))"
import contracts contracts "$OUT/contracts.csv"
log "import 2: $ROWS serials ($(du -h "$OUT/serials.csv" | cut -f1))"
import serials serials "$OUT/serials.csv"
touch "$OUT/imports-done"
wait "$WINDOWS" || true
kill "$SAMPLER" 2>/dev/null || true

PEAK_USED=$(awk '$2 > m {m = $2} END {printf "%.0f", m / 1048576}' "$OUT/heap-samples.txt")
# "[..][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(512M) 3.2ms": the heap left after GC.
PEAK_AFTER_GC=$(sed -n 's/.*[0-9]M->\([0-9]*\)M(.*/\1/p' "$OUT/gc.log" | sort -n | tail -1)
GCS=$(grep -c 'Pause' "$OUT/gc.log" || true)
cat "$OUT"/latency-import-*.log | awk -F= '/^latency.count=/ {n += $2} /^latency.p50_ms=/ {if ($2 > p50) p50 = $2}
	/^latency.p99_ms=/ {if ($2 > p99) p99 = $2} /^latency.max_ms=/ {if ($2 > mx) mx = $2}
	END {printf "events=%d\nworst_window_p50_ms=%s\nworst_window_p99_ms=%s\nmax_ms=%s\n", n, p50, p99, mx}' \
	> "$OUT/latency-import.txt"
{
	echo "Access Desk registry import bench, $(date -u +%FT%TZ); one instance (-Xmx$HEAP) + PostgreSQL on this machine"
	cat "$OUT/machine.txt"
	echo
	echo "files: $(tr '\n' ' ' < "$OUT/files.txt")"
	for name in contracts serials; do
		echo "$name: HTTP $(val "$OUT/$name.txt" status), upload $(val "$OUT/$name.txt" upload_seconds) s," \
			"job $(val "$OUT/$name.txt" job_seconds) s ($(val "$OUT/$name.txt" state), read $(val "$OUT/$name.txt" rows_read)," \
			"written $(val "$OUT/$name.txt" rows_written))"
		grep '^phase_' "$OUT/$name.txt" | sed 's/^/    /'
	done
	echo "heap used: idle after GC ${HEAP_IDLE%.*} B = $(awk -v h="$HEAP_IDLE" 'BEGIN {printf "%.0f", h / 1048576}') MB;" \
		"peak sampled during the imports $PEAK_USED MB; largest heap after a GC $PEAK_AFTER_GC MB ($GCS GC pauses)"
	echo "live status, baseline (no import): $(val "$OUT/latency-baseline.log" latency.count) events," \
		"p50 $(val "$OUT/latency-baseline.log" latency.p50_ms) / p99 $(val "$OUT/latency-baseline.log" latency.p99_ms)" \
		"/ max $(val "$OUT/latency-baseline.log" latency.max_ms) ms"
	echo "live status during the imports ($(ls "$OUT"/latency-import-*.log | wc -l) windows of 15 s):" \
		"$(val "$OUT/latency-import.txt" events) events, worst window p50 $(val "$OUT/latency-import.txt" worst_window_p50_ms)" \
		"/ p99 $(val "$OUT/latency-import.txt" worst_window_p99_ms) / max $(val "$OUT/latency-import.txt" max_ms) ms"
} | tee "$OUT/summary.txt"
log "done"
