#!/usr/bin/env bash
# API soak (not a test): starts the server jar on a fresh data dir (H2; PostgreSQL when
# SOAK_POSTGRES_URL is set), seeds tasks and workflows, then runs a mixed load (GET task by id,
# task and workflow lists with filters, create task, cancel task, create and GET workflow; see
# bench/soak/mixed.lua) for SOAK_MINUTES minutes as one 60 s wrk run per minute. Between runs it
# forces a full GC in the server (jcmd GC.run) and prints, per minute: requests, req/s, p50/p99,
# non-2xx, the server's live heap after that GC, metaspace, committed heap, RSS, threads, open fds,
# data on disk and the load average. Then the server-side mean per route and minute (/metrics), the
# classes whose live bytes grew (GC.class_histogram), and a growth verdict (least-squares slope
# over minutes 2..N; RSS is judged net of committed heap, which grows without any leak).
# Usage: bash bench/soak-api.sh
#   SOAK_MINUTES=10 SOAK_CONNECTIONS=8 SOAK_DELAY_MS=2 SOAK_SEED_TASKS=5000 SOAK_HEAP=1g PORT=(a free one)
#   SOAK_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' (a fresh schema is made
#   with psql and dropped at the end)
# Needs: wrk, jcmd (JDK), curl, ss; the jar (built here if missing). Loopback only; bounded in time.
set -euo pipefail
export LC_ALL=C  # one collation for sort and join, "." as the decimal point
cd "$(dirname "$0")/.."
MINUTES="${SOAK_MINUTES:-10}"
CONNECTIONS="${SOAK_CONNECTIONS:-8}"
DELAY_MS="${SOAK_DELAY_MS:-2}"
SEED_TASKS="${SOAK_SEED_TASKS:-5000}"
HEAP="${SOAK_HEAP:-1g}"
# Other benchmarks may run on this machine: take a port nobody listens on (PORT= to choose one).
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 20000 ))
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
PORT="${PORT:-$(free_port)}"
BASE="http://127.0.0.1:${PORT}"
KEY="soak-key-$(date +%s)-0123456789abcdef"
JAR=skyvern-server/target/skyvern-server.jar

for tool in wrk jcmd curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
[ -f "$JAR" ] || mvn -B -q -pl skyvern-server -am package -DskipTests

DATA_DIR="$(mktemp -d /tmp/skyvern-soak.XXXXXX)"
LOG="$DATA_DIR/server.log"
IDS="$DATA_DIR/ids.txt"
DB_ENV=()
SCHEMA=""
if [ -n "${SOAK_POSTGRES_URL:-}" ]; then
  command -v psql >/dev/null || { echo "psql is missing (needed for SOAK_POSTGRES_URL)" >&2; exit 2; }
  SCHEMA="soak_$(date +%s)"
  psql -q "${SOAK_POSTGRES_URL#jdbc:}" -c "CREATE SCHEMA $SCHEMA"
  sep='?'; [[ "$SOAK_POSTGRES_URL" == *'?'* ]] && sep='&'
  DB_ENV=("SKYVERN_DATABASE_URL=${SOAK_POSTGRES_URL}${sep}currentSchema=${SCHEMA}")
fi
DB_NAME="${SCHEMA:+PostgreSQL schema $SCHEMA}"
DB_NAME="${DB_NAME:-H2 file}"

env "${DB_ENV[@]}" SKYVERN_API_KEY="$KEY" SKYVERN_RATE_LIMIT_PER_MINUTE=100000000 \
  SKYVERN_ORG_MAX_QUEUED_TASKS=100000000 SKYVERN_LOG_LEVEL=WARN \
  timeout $(( MINUTES * 60 + 900 )) java "-Xmx$HEAP" -jar "$JAR" --port "$PORT" --data-dir "$DATA_DIR" --workers 0 \
  >"$LOG" 2>&1 &
SERVER_PID=$!  # timeout's pid; the JVM is its child
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$SCHEMA" ] && psql -q "${SOAK_POSTGRES_URL#jdbc:}" -c "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
# Wait for our server's own "listening" line (a /health answer could come from someone else's).
for _ in $(seq 1 90); do grep -q "listening on $BASE" "$LOG" && break; sleep 1; done
grep -q "listening on $BASE" "$LOG" && curl -fs "$BASE/health" >/dev/null \
  || { echo "server did not start; log:" >&2; tail -50 "$LOG" >&2; exit 1; }
JVM_PID="$(pgrep -P "$SERVER_PID" java)"

api() { curl -fs -H "x-api-key: $KEY" -H 'Content-Type: application/json' "$@"; }

echo "== soak-api $(date -u +%FT%TZ): $DB_NAME, -Xmx$HEAP, $CONNECTIONS connections (delay ${DELAY_MS} ms each)," \
  "$MINUTES x 60 s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== seeding $SEED_TASKS tasks and 50 workflows"
SINCE="$(date -u +%FT%TZ)"
export SKYVERN_BENCH_KEY="$KEY"
# Tasks through the API (wrk's create.lua, read-only reuse) until there are enough.
while [ "$(api "$BASE/api/v1/tasks?page_size=1" | sed -E 's/.*"total_count":([0-9]+).*/\1/')" -lt "$SEED_TASKS" ]; do
  wrk -t1 -c4 -d5s -s bench/wrk/create.lua "$BASE" >/dev/null 2>&1
done
: >"$IDS"
for page in 1 2 3 4 5; do
  api "$BASE/api/v1/tasks?page=$page&page_size=100" | grep -o '"task_id":"tsk_[a-z0-9]*"' | cut -d'"' -f4 \
    | sed 's/^/task /' >>"$IDS"
done
for i in $(seq 1 50); do
  api -X POST "$BASE/api/v1/workflows" -d "{\"title\":\"Seed workflow $i\",\"description\":\"soak\",
    \"workflow_definition\":{\"blocks\":[{\"id\":\"nav\",\"type\":\"navigation\",
    \"parameters\":{\"url\":\"https://example.com/$i\",\"navigation_goal\":\"go\"}}]}}" \
    | grep -o '"workflow_id":"wf_[a-z0-9]*"' | head -1 | cut -d'"' -f4 | sed 's/^/workflow /' >>"$IDS"
done
echo "   ids for GETs: $(grep -c '^task' "$IDS") tasks, $(grep -c '^workflow' "$IDS") workflows"

# Prints "heap_mb meta_mb committed_mb" after a full GC of the server.
heap_after_gc() {
  jcmd "$JVM_PID" GC.run >/dev/null
  jcmd "$JVM_PID" GC.heap_info | awk '
    /heap/ && /used/ { for (i = 1; i <= NF; i++) {
      if ($i == "used") { v = $(i+1); sub(/K,?/, "", v); heap = v / 1024 }
      if ($i == "total") { v = $(i+1); sub(/K,?/, "", v); committed = v / 1024 } } }
    /Metaspace/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?/, "", v); meta = v / 1024 } }
    END { printf "%.1f %.1f %.0f", heap, meta, committed }'
}
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$JVM_PID/status"; }
to_ms() { # wrk latency like 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000;
    printf "%.2f", n }'
}

ROWS="$DATA_DIR/rows.txt"
: >"$ROWS"
FMT='%4s %8s %6s %8s %8s %6s %8s %8s %9s %7s %7s %4s %7s %5s\n'
printf "$FMT" min requests "req/s" "p50 ms" "p99 ms" non2xx "heap MB" "meta MB" "commit MB" "RSS MB" threads fds \
  "data MB" load
read -r heap meta committed <<<"$(heap_after_gc)"
printf "$FMT" 0 - - - - - "$heap" "$meta" "$committed" "$(( $(status_kb VmRSS) / 1024 ))" "$(status_kb Threads)" \
  "$(ls "/proc/$JVM_PID/fd" | wc -l)" "$(du -sm "$DATA_DIR" | cut -f1)" "$(cut -d' ' -f1 /proc/loadavg)"
export SOAK_IDS_FILE="$IDS" SOAK_SINCE="$SINCE" SKYVERN_BENCH_DELAY_MS="$DELAY_MS"
# Server-side time per route from /metrics (Micrometer count and sum per method, route, status):
# "METHOD ROUTE count seconds" per line, statuses added up.
route_times() {
  curl -fs "$BASE/metrics" | awk '
    /^http_server_requests_seconds_(count|sum)\{/ {
      match($0, /method="[^"]*"/); m = substr($0, RSTART + 8, RLENGTH - 9)
      match($0, /route="[^"]*"/); r = substr($0, RSTART + 7, RLENGTH - 8)
      if (r !~ /^\/api/) next
      if ($0 ~ /_count\{/) c[m " " r] += $NF; else t[m " " r] += $NF
    }
    END { for (k in c) print k, c[k], t[k] }' | sort
}
route_times >"$DATA_DIR/routes.0"
# Live objects by class after a full GC (jcmd GC.class_histogram): "class bytes" per line.
histogram() {
  jcmd "$JVM_PID" GC.class_histogram | awk '$1 ~ /^[0-9]+:$/ { print $4, $3 }' | sort
}
KINDS=""
for m in $(seq 1 "$MINUTES"); do
  out="$(timeout 120 wrk --latency -t2 -c"$CONNECTIONS" -d60s --timeout 10s -s bench/soak/mixed.lua "$BASE" 2>&1)"
  reqs="$(awk '/requests in/ { print $1 }' <<<"$out")"
  rps="$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' <<<"$out")"
  errors="$(awk '/Socket errors/ { print }' <<<"$out")"
  [ -z "$KINDS" ] && KINDS="$(grep '^kinds' <<<"$out" || true)"
  read -r heap meta committed <<<"$(heap_after_gc)"
  rss=$(( $(status_kb VmRSS) / 1024 ))
  threads="$(status_kb Threads)"
  fds="$(ls "/proc/$JVM_PID/fd" | wc -l)"
  printf "$FMT" "$m" "$reqs" "$rps" "$p50" "$p99" "${non2xx:-0}" "$heap" "$meta" "$committed" "$rss" "$threads" "$fds" \
    "$(du -sm "$DATA_DIR" | cut -f1)" "$(cut -d' ' -f1 /proc/loadavg)"
  [ -n "$errors" ] && echo "     $errors"
  echo "$m $rps $p50 $p99 $heap $meta $rss $threads $fds $(( rss - committed ))" >>"$ROWS"
  route_times >"$DATA_DIR/routes.$m"
  [ "$m" = 1 ] && histogram >"$DATA_DIR/histogram.1"
done
echo "== Server-side mean ms per route and minute (from /metrics; shows which route a p99 change comes from)"
for m in $(seq 1 "$MINUTES"); do
  join -j1 -a2 -e 0 -o 0,1.2,1.3,2.2,2.3 <(awk '{ print $1 "_" $2, $3, $4 }' "$DATA_DIR/routes.$((m - 1))" | sort) \
    <(awk '{ print $1 "_" $2, $3, $4 }' "$DATA_DIR/routes.$m" | sort) \
    | awk -v m="$m" '{ n = $4 - $2; printf "%s %s %.2f %d\n", $1, m, (n > 0 ? ($5 - $3) / n * 1000 : 0), n }'
done | awk -v minutes="$MINUTES" '
  { key[$1] = 1; v[$1, $2] = $3 }
  END {
    printf "  %-42s", "route"; for (m = 1; m <= minutes; m++) printf " %6s", "m" m; print ""
    n = asorti(key, keys)
    for (i = 1; i <= n; i++) {
      k = keys[i]; printf "  %-42s", k; for (m = 1; m <= minutes; m++) printf " %6.1f", v[k, m]; print ""
    }
  }'
if [ "$MINUTES" -ge 2 ]; then
  echo "== Live objects that grew most from minute 1 to minute $MINUTES (jcmd GC.class_histogram, KB)"
  histogram >"$DATA_DIR/histogram.end"
  join -a2 -e 0 -o 0,1.2,2.2 "$DATA_DIR/histogram.1" "$DATA_DIR/histogram.end" \
    | awk '{ d = $3 - $2; if (d > 0) printf "%10.0f %10.0f %+10.0f  %s\n", $2 / 1024, $3 / 1024, d / 1024, $1 }' \
    | sort -k3 -g -r | head -12
fi
echo "minute 1: $KINDS"
echo "tasks in the database: $(api "$BASE/api/v1/tasks?page_size=1" | sed -E 's/.*"total_count":([0-9]+).*/\1/')," \
  "workflows: $(api "$BASE/api/v1/workflows?page_size=1" | sed -E 's/.*"total_count":([0-9]+).*/\1/')"

# Least-squares slope per minute over minutes 2..N (minute 1 holds JIT and cache warm-up) against a
# tolerance: max(floor, share of the mean). Column numbers refer to $ROWS.
trend() { # name column unit floor share
  awk -v name="$1" -v col="$2" -v unit="$3" -v floor="$4" -v share="$5" -v minutes="$MINUTES" '
    (minutes < 4 || $1 >= 2) { n++; x[n] = $1; y[n] = $col; sx += $1; sy += $col }
    END {
      mx = sx / n; my = sy / n
      for (i = 1; i <= n; i++) { num += (x[i] - mx) * (y[i] - my); den += (x[i] - mx) ^ 2 }
      slope = den > 0 ? num / den : 0
      tol = floor; if (share * my > tol) tol = share * my
      printf "  %-22s %9.1f -> %9.1f %-3s slope %+8.2f %s/min (tolerance %.2f): %s\n", name, y[1], y[n], unit,
        slope, unit, tol, (slope > tol ? "GROWS" : "flat")
      exit (slope > tol ? 1 : 0)
    }' "$ROWS"
}
echo "== Verdict (least-squares slope per minute, minutes $([ "$MINUTES" -ge 4 ] && echo 2 || echo 1)..$MINUTES)"
grows=0
trend "heap after GC" 5 MB 1.0 0.01 || grows=1
trend "metaspace" 6 MB 0.5 0.005 || grows=1
trend "RSS (info)" 7 MB 4.0 0.01 || true
trend "RSS - heap committed" 10 MB 4.0 0.01 || grows=1
trend "threads" 8 "" 0.5 0 || grows=1
trend "open fds" 9 "" 1.0 0 || grows=1
trend "p99 latency" 4 ms 0.5 0.05 || grows=1
awk '(NR == 1) { first = $2 } { last = $2 } END { printf "  %-22s %9d -> %9d (throughput, for information)\n", "req/s", first, last }' "$ROWS"
echo "VERDICT: $([ $grows = 0 ] && echo "no growth trend" || echo "GROWTH in a series above (see GROWS)")" \
  "(load at end $(cut -d' ' -f1-3 /proc/loadavg))"
