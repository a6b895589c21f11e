#!/usr/bin/env bash
# API load benchmark (not a test). Starts the server jar the README's way (plain `java -jar`, H2 on a
# fresh data dir, no workers so tasks stay queued), seeds SEED_TASKS tasks through the API, then
# measures with wrk: GET a task by id, list (page of 20 with a status filter, newest first) and create,
# each at full load and then paced to about half of the full-load rate. Prints a summary table.
#
# Usage: bash bench/api-load.sh
#   DURATION=20 CONNECTIONS="4 16" SEED_TASKS=100000 PORT=18765 JAVA=java JAVA_OPTS= bash bench/api-load.sh
#   WARMUP=5 seconds of unreported load before each full-load run (JIT).
#   KINDS="create" measures only some of get, list, create.
#   JFR=1 also records a Java Flight Recording per full-load run into bench/out/ (profiling only).
# Needs: wrk (apt-get install wrk), curl, a built jar (built here if missing). Loopback only.
#
# Why CPU per request: the machine is shared, so req/s moves with other people's load. The server's
# own CPU time (utime+stime from /proc/<pid>/stat) per request is the comparable figure; the load
# average is printed next to each run for the same reason.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-4 16}"
THREADS="${THREADS:-2}"
SEED_TASKS="${SEED_TASKS:-100000}"
PORT="${PORT:-18765}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"
JFR="${JFR:-0}"
KINDS="${KINDS:-get list create}"
BASE="http://127.0.0.1:${PORT}"
KEY="bench-key-$(date +%s)-0123456789abcdef"
JAR=skyvern-server/target/skyvern-server.jar
SCRIPTS=bench/wrk
TICKS="$(getconf CLK_TCK)"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -pl skyvern-server -am package -DskipTests

if curl -s -o /dev/null "$BASE/health"; then echo "port $PORT is already in use: set PORT" >&2; exit 2; fi

DATA_DIR="$(mktemp -d /tmp/skyvern-bench.XXXXXX)"
LOG="$DATA_DIR/server.log"
mkdir -p bench/out
# Limits raised so that the benchmark measures the server, not the (default 600/min) rate limit.
# shellcheck disable=SC2086
SKYVERN_API_KEY="$KEY" SKYVERN_RATE_LIMIT_PER_MINUTE=1000000000 SKYVERN_ORG_MAX_QUEUED_TASKS=100000000 \
  "$JAVA" $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$DATA_DIR" --workers 0 >"$LOG" 2>&1 &
SERVER_PID=$!
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap stop_server EXIT
for _ in $(seq 1 180); do
  kill -0 "$SERVER_PID" 2>/dev/null || break
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start; log:" >&2; tail -50 "$LOG" >&2; exit 1; }
export SKYVERN_BENCH_KEY="$KEY"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
total_tasks() {
  curl -fs -H "x-api-key: $KEY" "$BASE/api/v1/tasks?page_size=1" | sed -E 's/.*"total_count":([0-9]+).*/\1/'
}

ROWS=()
# run LABEL KIND CONNECTIONS [DELAY_MS]: one wrk run; sets LAST_RPS; appends a row to the summary.
run() {
  local label="$1" kind="$2" conns="$3" delay="${4:-}"
  local load ticks_before ticks_after out
  if [ -z "$delay" ] && [ "${WARMUP:-5}" -gt 0 ]; then # let the JIT settle; not reported
    wrk -t"$THREADS" -c"$conns" -d"${WARMUP:-5}s" -s "$SCRIPTS/$kind.lua" "$BASE" >/dev/null 2>&1 || true
  fi
  if [ "$JFR" = 1 ] && [ -z "$delay" ]; then
    jcmd "$SERVER_PID" JFR.start name=bench settings=profile \
      filename="$PWD/bench/out/$kind-c$conns.jfr" >/dev/null
  fi
  load="$(cut -d' ' -f1 /proc/loadavg)"
  ticks_before="$(cpu_ticks)"
  out="$(SKYVERN_BENCH_DELAY_MS="$delay" wrk --latency -t"$THREADS" -c"$conns" -d"${DURATION}s" \
    -s "$SCRIPTS/$kind.lua" "$BASE" 2>&1)"
  ticks_after="$(cpu_ticks)"
  if [ "$JFR" = 1 ] && [ -z "$delay" ]; then jcmd "$SERVER_PID" JFR.stop name=bench >/dev/null; fi
  local rps p50 p99 requests errors cpu_us
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {n+=1} END {print n+0}' <<<"$out")"
  cpu_us="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$TICKS" -v n="$requests" \
    'BEGIN {printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0)}')"
  ROWS+=("$(printf '%-50s %5s %7s %10s %9s %9s %8s %7s %6s' "$label" "$conns" "${delay:--}" "$rps" "$p50" "$p99" \
    "$cpu_us" "$load" "$errors")")
  echo "${ROWS[-1]}"
  LAST_RPS="${rps%.*}"; LAST_RPS="${LAST_RPS:-0}"
}

header() {
  printf '%-50s %5s %7s %10s %9s %9s %8s %7s %6s\n' "run" "conns" "delay" "req/s" "p50" "p99" \
    "cpu_us/r" "load1" "errors"
}

echo "== $(uptime)"
echo "== java: $("$JAVA" -version 2>&1 | head -1)   opts: ${JAVA_OPTS:-(none)}   cores: $(nproc)"
echo "== seeding ${SEED_TASKS} tasks through POST /api/v1/tasks"
# wrk runs for its whole duration even after its threads stopped, so seed in short rounds; each
# round's threads stop sending once the remaining tasks are created.
seed_start=$SECONDS
SEEDED=0
while [ "$SEEDED" -lt "$SEED_TASKS" ]; do
  SKYVERN_BENCH_STOP_AFTER=$(( (SEED_TASKS - SEEDED + THREADS - 1) / THREADS )) \
    wrk -t"$THREADS" -c"${CONNECTIONS%% *}" -d"${SEED_ROUND_SECONDS:-10}s" -s "$SCRIPTS/create.lua" "$BASE" \
    >"$DATA_DIR/seed.txt" 2>&1 || { cat "$DATA_DIR/seed.txt" >&2; exit 1; }
  SEEDED="$(total_tasks)"
  [ $((SECONDS - seed_start)) -lt "${SEED_MAX_SECONDS:-900}" ] || break
done
echo "   ${SEEDED} tasks in $((SECONDS - seed_start)) s"
[ "$SEEDED" -ge "$SEED_TASKS" ] || { echo "seeding fell short; log:" >&2; tail -50 "$LOG" >&2; exit 1; }
# GET by id rotates over the newest page of ids (the same rows the list shows).
SKYVERN_BENCH_TASK_IDS="$(curl -fs -H "x-api-key: $KEY" "$BASE/api/v1/tasks?page_size=20" \
  | grep -o '"task_id":"[^"]*"' | cut -d'"' -f4 | paste -sd, -)"
export SKYVERN_BENCH_TASK_IDS

declare -A LABEL=(
  [get]="GET /api/v1/tasks/{id}"
  [list]="GET /api/v1/tasks?status=queued&page_size=20"
  [create]="POST /api/v1/tasks"
)
declare -A BEST_RPS BEST_CONNS
echo "== full load: wrk -t$THREADS -d${DURATION}s at $CONNECTIONS connection(s) (same machine)"
header
for kind in $KINDS; do
  BEST_RPS[$kind]=0
  for conns in $CONNECTIONS; do
    run "${LABEL[$kind]}" "$kind" "$conns"
    if [ "$LAST_RPS" -gt "${BEST_RPS[$kind]}" ]; then BEST_RPS[$kind]=$LAST_RPS; BEST_CONNS[$kind]=$conns; fi
  done
done
# About half load: wrk 4 has no fixed-rate mode, so each connection waits between requests (wrk's
# delay(); fractional ms in common.lua). A connection then sends 1 / (delay + latency) requests/s:
# a 5 s calibration run measures that latency and the delay is corrected once. The achieved rate is
# printed next to the latencies.
echo "== about half the best full-load rate: same connections, each paced with a delay between requests"
header
for kind in $KINDS; do
  conns="${BEST_CONNS[$kind]}"
  target="$(( BEST_RPS[$kind] / 2 ))"
  [ "$target" -gt 0 ] || continue
  delay="$(awk -v c="$conns" -v r="$target" 'BEGIN {printf "%.3f", c * 1000 / r}')"
  calibrated="$(SKYVERN_BENCH_DELAY_MS="$delay" wrk -t"$THREADS" -c"$conns" -d5s -s "$SCRIPTS/$kind.lua" "$BASE" \
    | awk '/Requests\/sec/ {print $2}')"
  delay="$(awk -v c="$conns" -v r="$target" -v d="$delay" -v got="${calibrated:-0}" \
    'BEGIN {if (got > 0) d = d + c * 1000 / r - c * 1000 / got; printf "%.3f", (d > 0 ? d : 0)}')"
  run "${LABEL[$kind]} ~half" "$kind" "$conns" "$delay"
done

echo
echo "== summary ($(date -u +%FT%TZ), ${SEEDED}+ tasks, latencies from wrk, cpu_us/r = server CPU per request)"
header
printf '%s\n' "${ROWS[@]}"
echo "tasks in the database at the end: $(total_tasks)"
echo "== $(uptime)"
