#!/bin/bash
# GET by key under each of several JVM option sets, with the collector's pauses: what bounds the p99 (issue 18).
#
#   src/bench/jvm-options.sh "OPTIONS A" ["OPTIONS B" ...]
#
# e.g. src/bench/jvm-options.sh "" "-XX:+UseZGC" "-Dhindsight.cache.max-size=400M"
#
# Uses the prod jar in target/quarkus-app (build it first: mvn -q package -DskipTests
# -Dquarkus.package.jar.appcds.enabled=true). For each option set, in turn: a fresh data folder under
# target/bench/jvm-options/, Hindsight started with the image's options (-XX:SharedArchiveFile=app-cds.jsa -Xms32m)
# followed by the set's, 100k generated predictions imported (src/bench/gen.py), GET by key on random keys at c=32 for
# a 30 s warm-up (the read cache fills) and 15 s measured. Prints requests/s, p50 and p99, the collector's pauses
# during the measured 15 s (G1's young pauses from -Xlog:gc: how many, their total and the longest; a concurrent
# collector's own short pauses are not in that log) and the bytes allocated per request
# (what the young collections freed, over the requests served). Port BENCH_HINDSIGHT_PORT (18080).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 \"OPTIONS\" [\"OPTIONS\" ...]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=$ROOT/target/quarkus-app
OUT=$ROOT/target/bench/jvm-options
PORT=${BENCH_HINDSIGHT_PORT:-18080}
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
[[ -f $APP/quarkus-run.jar ]] || { echo "no $APP/quarkus-run.jar: build it first" >&2; exit 1; }
command -v wrk > /dev/null || apt-get install -y wrk > /dev/null
mkdir -p "$OUT"
[[ -d $OUT/gen ]] || python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen" --first 1 --count 100000 --due 0 --per-file 10000 > /dev/null
PID=
trap '[[ -n $PID ]] && kill "$PID" 2> /dev/null; true' EXIT
export BENCH_KEYS=100000
LUA=$ROOT/src/bench/random-key.lua

for options in "$@"; do
  rm -rf "$OUT/data" "$OUT/gc.log"
  # shellcheck disable=SC2086 # the options are a list; run from the jar's folder, as the AppCDS archive expects
  (cd "$APP" && HINDSIGHT_DATA_DIR="$OUT/data" HINDSIGHT_ADMIN_TOKEN="$TOKEN" HINDSIGHT_SCAN_CRON='0 0 0 1 1 ? 2099' \
    HINDSIGHT_WEBHOOKS_DELIVERY_EVERY=off HINDSIGHT_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$PORT" exec java -XX:SharedArchiveFile=app-cds.jsa -Xms32m $options \
    "-Xlog:gc:file=$OUT/gc.log:uptime" -jar quarkus-run.jar) > "$OUT/hindsight.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.1; done
  for f in "$OUT/gen"/*.ndjson; do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary "@$f" "http://127.0.0.1:$PORT/api/v1/imports" || { echo "import failed" >&2; exit 1; }
  done
  wrk -t2 -c32 -d30s --timeout 30s -s "$LUA" "http://127.0.0.1:$PORT/" > /dev/null
  from=$(wc -l < "$OUT/gc.log")
  wrk -t2 -c32 -d15s --latency --timeout 30s -s "$LUA" "http://127.0.0.1:$PORT/" > "$OUT/wrk.txt"
  read -r rps p50 p99 _ <<< "$(python3 "$ROOT/src/bench/util.py" wrk "$OUT/wrk.txt")"
  requests=$(grep -oE '^ +[0-9]+ requests' "$OUT/wrk.txt" | awk '{print $1}')
  gc=$(tail -n +"$((from + 1))" "$OUT/gc.log" | python3 -c '
import re, sys
pauses, freed, last = [], 0, None
for line in sys.stdin:
    m = re.search(r"Pause Young.* (\d+)M->(\d+)M\(\d+M\) ([\d.]+)ms", line)
    if m:
        before, after = int(m.group(1)), int(m.group(2))
        pauses.append(float(m.group(3)))
        if last is not None:
            freed += before - last
        last = after
requests = int(sys.argv[1])
per = "%.1f KB a request" % (freed * 1024 / requests * len(pauses) / (len(pauses) - 1)) if len(pauses) > 1 else "n/a"
print("%d pauses, %.0f ms in all, longest %.1f ms; allocated %s" % (len(pauses), sum(pauses), max(pauses, default=0), per))
' "$requests")
  echo "[${options:-(image options only)}] $rps req/s, p50 $p50 ms, p99 $p99 ms; collector: $gc"
  kill "$PID"; wait "$PID" 2> /dev/null || true; PID=
done
