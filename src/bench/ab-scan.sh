#!/bin/bash
# Interleaved A/B of the due scan between two builds of Hindsight: 10k flagged on a fresh start, then 10k more.
#
#   src/bench/ab-scan.sh BEFORE_APP_DIR AFTER_APP_DIR [ROUNDS]
#
# Each APP_DIR is a target/quarkus-app folder (e.g. from a checkout of the older commit after
# `mvn -q package -DskipTests`). Each round starts each build in turn (the order swapped every round) on a fresh data
# folder under target/bench/ab-scan/, imports 20k generated predictions of which 10k are due (src/bench/gen.py), runs
# the due scan (POST /api/v1/jobs/due-scan/runs), then imports 20k more (10k due) and runs it again. Prints each scan's
# durationMs and the CPU seconds of the JVM's JIT compiler threads during it: the first scan after a start runs the
# flagging code for the first time, and on 2 cores the compiler competes with it. ROUNDS defaults to 3.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 BEFORE_APP_DIR AFTER_APP_DIR [ROUNDS]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BEFORE=$(cd "$1" && pwd) AFTER=$(cd "$2" && pwd) ROUNDS=${3:-3}
OUT=$ROOT/target/bench/ab-scan
PORT=${BENCH_HINDSIGHT_PORT:-18080}
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
rm -rf "$OUT" && mkdir -p "$OUT"
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen1" --first 1 --count 20000 --due 10000 --per-file 10000 > /dev/null
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen2" --first 20001 --count 20000 --due 10000 --per-file 10000 > /dev/null
PID=
trap '[[ -n $PID ]] && kill "$PID" 2> /dev/null; true' EXIT

compiler_ticks() {  # CPU ticks of the JIT compiler threads of process $1 so far
  local t sum=0
  for t in /proc/"$1"/task/*; do
    [[ $(cat "$t/comm" 2> /dev/null) == C[12]\ Compiler* ]] && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
  done
  echo "$sum"
}

scan() {  # scan LABEL: runs the due scan, prints its durationMs and the compiler's CPU meanwhile
  local before after ms
  before=$(compiler_ticks "$PID")
  ms=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Prefer: wait=60' \
    "http://127.0.0.1:$PORT/api/v1/jobs/due-scan/runs" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print(r["flagged"], r["durationMs"])')
  after=$(compiler_ticks "$PID")
  printf '%s: flagged %s in %s ms (JIT compilers %.1f s of CPU meanwhile)' "$1" "${ms% *}" "${ms#* }" \
    "$(python3 -c "print(($after - $before) / $(getconf CLK_TCK))")"
}

run() {  # run NAME APP_DIR
  rm -rf "$OUT/data"
  # From the checkout's root: a build older than the packaged seeds reads them from ./seeds.
  (cd "$ROOT" && HINDSIGHT_DATA_DIR="$OUT/data" HINDSIGHT_ADMIN_TOKEN="$TOKEN" HINDSIGHT_SCAN_CRON='0 0 0 1 1 ? 2099' \
    HINDSIGHT_WEBHOOKS_DELIVERY_EVERY=off HINDSIGHT_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$PORT" exec java -jar "$2/quarkus-run.jar") > "$OUT/$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.1; done
  local set f line
  for set in gen1 gen2; do
    for f in "$OUT/$set"/*.ndjson; do
      curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
        --data-binary "@$f" "http://127.0.0.1:$PORT/api/v1/imports" || { echo "$1: import failed" >&2; exit 1; }
    done
    sleep 3   # the import's JIT work settles
    line+="$(scan "$([[ $set == gen1 ]] && echo first || echo second)"); "
  done
  echo "round $round $1: ${line%; }"
  kill "$PID"; wait "$PID" 2> /dev/null || true; PID=
}

for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then run before "$BEFORE"; run after "$AFTER"; else run after "$AFTER"; run before "$BEFORE"; fi
done
