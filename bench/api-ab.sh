#!/usr/bin/env bash
# A/B benchmark (not a test): two server jars side by side in one run, an authenticated
# GET /api/v1/tasks/{id} against each, alternating ROUNDS times so both see the same machine load.
# Prints req/s, p50, p99 (wrk) and the server's CPU ms per request for each round.
#
# Usage: bash bench/api-ab.sh A.jar B.jar
#   DURATION=10 CONNECTIONS=4 ROUNDS=3 WARMUP=5 PORT_A=18771 PORT_B=18772 bash bench/api-ab.sh a.jar b.jar
# Needs: wrk, curl. Loopback only; H2 on fresh data dirs, no workers.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_A="$1"; JAR_B="$2"
DURATION="${DURATION:-10}"; CONNECTIONS="${CONNECTIONS:-4}"; ROUNDS="${ROUNDS:-3}"; WARMUP="${WARMUP:-5}"
PORT_A="${PORT_A:-18771}"; PORT_B="${PORT_B:-18772}"
KEY="bench-key-$(date +%s)-0123456789abcdef"
TICKS="$(getconf CLK_TCK)"
PIDS=(); DIRS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "${DIRS[@]}"; }
trap cleanup EXIT
start() {  # jar port
  local dir; dir="$(mktemp -d /tmp/skyvern-ab.XXXXXX)"; DIRS+=("$dir")
  SKYVERN_API_KEY="$KEY" SKYVERN_RATE_LIMIT_PER_MINUTE=1000000000 \
    java -Xmx512m -jar "$1" --port "$2" --data-dir "$dir" --workers 0 >"$dir/server.log" 2>&1 &
  PIDS+=($!)
}
start "$JAR_A" "$PORT_A"; start "$JAR_B" "$PORT_B"
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
done
seed() {  # port -> task id
  curl -fs -H "x-api-key: $KEY" -H 'Content-Type: application/json' \
    -d '{"url":"https://example.com/","navigation_goal":"bench"}' "http://127.0.0.1:$1/api/v1/tasks" \
    | sed 's/.*"task_id":"\([^"]*\)".*/\1/'
}
ID_A="$(seed "$PORT_A")"; ID_B="$(seed "$PORT_B")"
export SKYVERN_BENCH_KEY="$KEY"
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
run() {  # label port id pid seconds report
  local out before after
  before="$(cpu "$4")"
  out="$(SKYVERN_BENCH_TASK_IDS="$3" wrk -t2 -c"$CONNECTIONS" -d"$5"s --latency -s bench/wrk/get.lua "http://127.0.0.1:$2")"
  after="$(cpu "$4")"
  [ "$6" = 1 ] || return 0
  local reqs rps p50 p99 non2xx
  reqs="$(echo "$out" | awk '/requests in/ {print $1}')"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$out" | awk '$1=="50%" {print $2}')"
  p99="$(echo "$out" | awk '$1=="99%" {print $2}')"
  non2xx="$(echo "$out" | awk '/Non-2xx/ {print $5}')"
  printf '%-3s round %s  %9s req/s  p50 %8s  p99 %8s  cpu %.3f ms/req  non-2xx %s  load %s\n' "$1" "$7" "$rps" "$p50" "$p99" \
    "$(echo "($after - $before) * 1000 / $TICKS / $reqs" | bc -l)" "${non2xx:-0}" "$(cut -d' ' -f1 /proc/loadavg)"
}
run A "$PORT_A" "$ID_A" "${PIDS[0]}" "$WARMUP" 0 0
run B "$PORT_B" "$ID_B" "${PIDS[1]}" "$WARMUP" 0 0
echo "A = $JAR_A, B = $JAR_B; GET /api/v1/tasks/{id} with x-api-key, $CONNECTIONS connections, ${DURATION}s a round"
for r in $(seq 1 "$ROUNDS"); do
  run A "$PORT_A" "$ID_A" "${PIDS[0]}" "$DURATION" 1 "$r"
  run B "$PORT_B" "$ID_B" "${PIDS[1]}" "$DURATION" 1 "$r"
done
