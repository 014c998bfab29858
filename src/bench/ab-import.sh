#!/bin/bash
# Interleaved A/B of imports (POST /api/v1/imports, NDJSON, 10k a request) between two builds of Hindsight.
#
#   src/bench/ab-import.sh BEFORE_APP_DIR AFTER_APP_DIR [ROUNDS] [COUNT]
#
# Each APP_DIR is a target/quarkus-app folder (e.g. copied from a checkout of the older commit after
# `mvn -q package -DskipTests`). Every round starts each build in turn on a fresh data folder (under
# target/bench/ab-import/, port 18182), imports the same COUNT (default 100,000) generated predictions (src/bench/gen.py,
# 10,000 a request, one request at a time), and stops it; the order is swapped every round (default 3 rounds), so a
# machine that gets busier favours neither. Prints predictions/s (over the wall time of the requests) per run, and
# the RSS of the process after the import. With BENCH_JFR=1 each run also records a JFR file next to its log.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 BEFORE_APP_DIR AFTER_APP_DIR [ROUNDS] [COUNT]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BEFORE=$(cd "$1" && pwd) AFTER=$(cd "$2" && pwd) ROUNDS=${3:-3} COUNT=${4:-100000}
OUT=$ROOT/target/bench/ab-import
PORT=${BENCH_HINDSIGHT_PORT:-18182}
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
rm -rf "$OUT" && mkdir -p "$OUT"
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen" --first 1 --count "$COUNT" --due $((COUNT / 10)) --per-file 10000 > /dev/null
PID=
trap '[[ -n $PID ]] && kill "$PID" 2> /dev/null || true' EXIT

run() {  # run NAME APP_DIR ROUND
  local dir=$OUT/$1-$3 jfr=()
  mkdir -p "$dir"
  [[ ${BENCH_JFR:-0} == 1 ]] && jfr=("-XX:StartFlightRecording=filename=$dir.jfr,settings=profile")
  HINDSIGHT_DATA_DIR="$dir" HINDSIGHT_ADMIN_TOKEN="$TOKEN" HINDSIGHT_SEED_DIR="$ROOT/seeds" \
    HINDSIGHT_SCAN_CRON='0 0 0 1 1 ? 2099' HINDSIGHT_WEBHOOKS_DELIVERY_EVERY=off HINDSIGHT_RATE_LIMIT_ENABLED=false \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" java "${jfr[@]}" -jar "$2/quarkus-run.jar" > "$dir.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break; sleep 0.1; done
  local start end
  start=$(date +%s.%N)
  for file in "$OUT"/gen/*.ndjson; do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary "@$file" "http://127.0.0.1:$PORT/api/v1/imports" || { echo "$1: import of $file failed" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  local rss
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status")
  kill "$PID"; wait "$PID" 2> /dev/null || true; PID=
  printf 'round %d %-6s: %6.0f predictions/s (%d in %.1f s), RSS after %d MB\n' "$3" "$1" \
    "$(echo "$COUNT / ($end - $start)" | bc -l)" "$COUNT" "$(echo "$end - $start" | bc -l)" "$rss"
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then run before "$BEFORE" "$round"; run after "$AFTER" "$round"
  else run after "$AFTER" "$round"; run before "$BEFORE" "$round"; fi
done
