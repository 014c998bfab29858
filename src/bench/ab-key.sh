#!/bin/bash
# Interleaved A/B of GET /api/v1/predictions/{key} on random keys between two builds of Hindsight.
#
#   src/bench/ab-key.sh BEFORE_APP_DIR AFTER_APP_DIR [ROUNDS]
#
# Each APP_DIR is a target/quarkus-app folder (e.g. copied from a checkout of the older commit after
# `mvn -q package -DskipTests`). Both start side by side on 127.0.0.1 (ports 18180 and 18181, fresh data folders
# under target/bench/ab-key/), each imports the same 10k generated predictions (src/bench/gen.py), both are warmed
# up for 8 s, then ROUNDS (default 4) rounds of 10 s wrk runs at c=32 alternate between them, the order swapped
# every round, so a machine that gets busier or a JIT that settles later favours neither. Prints requests/s and p99
# per run. Why: run.sh's quick mode measures GET by key 7 s after start, where the JIT dominates the figure.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 BEFORE_APP_DIR AFTER_APP_DIR [ROUNDS]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BEFORE=$(cd "$1" && pwd) AFTER=$(cd "$2" && pwd) ROUNDS=${3:-4}
OUT=$ROOT/target/bench/ab-key
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
command -v wrk > /dev/null || apt-get install -y wrk > /dev/null
rm -rf "$OUT" && mkdir -p "$OUT"
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen" --first 1 --count 10000 --due 0 --per-file 10000 > /dev/null
PIDS=()
trap 'kill "${PIDS[@]}" 2> /dev/null || true' EXIT

start() {  # start NAME APP_DIR PORT
  mkdir -p "$OUT/$1"
  HINDSIGHT_DATA_DIR="$OUT/$1" HINDSIGHT_ADMIN_TOKEN="$TOKEN" HINDSIGHT_SEED_DIR="$ROOT/seeds" \
    HINDSIGHT_SCAN_CRON='0 0 0 1 1 ? 2099' HINDSIGHT_WEBHOOKS_DELIVERY_EVERY=off HINDSIGHT_RATE_LIMIT_ENABLED=false \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$3" java -jar "$2/quarkus-run.jar" > "$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$3/q/health/ready" > /dev/null && break; sleep 0.1; done
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
    --data-binary "@$OUT/gen/0001.ndjson" "http://127.0.0.1:$3/api/v1/imports" || { echo "$1: import failed" >&2; exit 1; }
}
start before "$BEFORE" 18180
start after "$AFTER" 18181
export BENCH_KEYS=10000
LUA=$ROOT/src/bench/random-key.lua
for port in 18180 18181; do wrk -t2 -c32 -d8s -s "$LUA" "http://127.0.0.1:$port/" > /dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  order=(18180 18181); (( round % 2 == 0 )) && order=(18181 18180)
  for port in "${order[@]}"; do
    name=$([[ $port == 18180 ]] && echo before || echo after)
    result=$(wrk -t2 -c32 -d10s --latency -s "$LUA" "http://127.0.0.1:$port/")
    echo "round $round $name: $(grep 'Requests/sec' <<< "$result" | awk '{print $2}') req/s, p99 $(grep ' 99%' <<< "$result" | awk '{print $2}')$(grep -q Non-2xx <<< "$result" && echo ', SOME ANSWERS NOT 2xx')"
  done
done
