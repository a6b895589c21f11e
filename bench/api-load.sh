#!/usr/bin/env bash
# API load benchmark (not a test): starts the server jar on a fresh data dir (H2, no workers),
# creates tasks through the API, then measures GET by id, list (page of 20 with a status filter
# over >= 100,000 tasks) and create with wrk, at full load and at about half of it.
# Usage: bash bench/api-load.sh            (DURATION=20 CONNECTIONS=16 to change)
# Needs: wrk (apt-get install wrk), a built jar (built here if missing). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
SEED_SECONDS="${SEED_SECONDS:-60}"
PORT="${PORT:-18765}"
BASE="http://127.0.0.1:${PORT}"
KEY="bench-key-$(date +%s)-0123456789abcdef"
JAR=skyvern-server/target/skyvern-server.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -pl skyvern-server -am package -DskipTests

DATA_DIR="$(mktemp -d /tmp/skyvern-bench.XXXXXX)"
LOG="$DATA_DIR/server.log"
SKYVERN_API_KEY="$KEY" SKYVERN_RATE_LIMIT_PER_MINUTE=100000000 SKYVERN_ORG_MAX_QUEUED_TASKS=100000000 \
  SKYVERN_LOG_LEVEL=WARN java -Xmx2g -jar "$JAR" --port "$PORT" --data-dir "$DATA_DIR" --workers 0 >"$LOG" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start; log:" >&2; tail -50 "$LOG" >&2; exit 1; }

SCRIPTS="$(dirname "$0")/wrk"
export SKYVERN_BENCH_KEY="$KEY"

run() { # name, wrk args...
  local name="$1"; shift
  local out
  out="$(wrk --latency "$@" 2>&1)"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  local non2xx
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
  LAST_RPS="${rps%.*}"
}

echo "== seeding: POST /api/v1/tasks for ${SEED_SECONDS}s (about 100,000 tasks at 1,600/s)"
wrk -t2 -c"$CONNECTIONS" -d"${SEED_SECONDS}s" -s "$SCRIPTS/create.lua" "$BASE" >/dev/null 2>&1 || true
TASK_ID="$(curl -fs -H "x-api-key: $KEY" "$BASE/api/v1/tasks?page_size=1" | sed -E 's/.*"task_id":"([^"]+)".*/\1/')"
export SKYVERN_BENCH_TASK_ID="$TASK_ID"
echo "== full load: $CONNECTIONS connections, ${DURATION}s each (2 wrk threads, same machine)"
declare -A DELAY
for kind in get list create; do
  case $kind in
    get) label="GET /api/v1/tasks/{id}";;
    list) label="GET /api/v1/tasks?status=queued (page 20)";;
    create) label="POST /api/v1/tasks";;
  esac
  run "$label" -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$SCRIPTS/$kind.lua" "$BASE"
  # Half load: each connection waits so that all together send about half the measured rate.
  DELAY[$kind]=$(( LAST_RPS > 0 ? 2 * CONNECTIONS * 1000 / LAST_RPS : 10 ))
done
echo "== about half load (each connection paced with wrk's delay())"
for kind in get list create; do
  SKYVERN_BENCH_DELAY_MS="${DELAY[$kind]}" run "$kind at ~half load (delay ${DELAY[$kind]} ms)" \
    -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$SCRIPTS/$kind.lua" "$BASE"
done
echo "tasks in the database: $(curl -fs -H "x-api-key: $KEY" "$BASE/api/v1/tasks?page_size=1" | sed -E 's/.*"total_count":([0-9]+).*/\1/')"
