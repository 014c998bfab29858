#!/usr/bin/env bash
# Memory under sustained load (issue 18, item 7): does Hindsight's memory settle, or grow without bound?
#
#   src/bench/soak.sh [MINUTES [WARMUP_MINUTES]]     defaults 10 and 4
#
# Builds the prod jar with its AppCDS archive unless BENCH_SKIP_BUILD=1, starts Hindsight on a fresh data folder
# (target/bench/soak/) with the production JVM options of deploy/Dockerfile.jvm (BENCH_JAVA_OPTS overrides them, as in
# run.sh), imports 100k generated
# predictions (src/bench/gen.py), then drives mixed reads and writes with wrk at c=32 (src/bench/mixed.lua: 70% GET by
# key on random keys, 15% filtered lists, 10% creates, 5% forecasts): WARMUP_MINUTES of warm-up (long enough for the
# read cache to fill to its bound: it holds about the 100k predictions the reads ask for), then MINUTES of load.
# After the warm-up and again at the end it forces a full GC (jcmd GC.run) and reads the heap in use (jcmd
# GC.heap_info), the RSS (/proc) and a class histogram (the classes whose instances grew most are printed: what grew,
# if anything did). Target: heap and RSS at the end at most 1.2x their value after the warm-up. Prints the RSS every
# minute, so a slow climb shows. Port BENCH_HINDSIGHT_PORT (18080). Stops what it starts.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MINUTES=${1:-10}
WARMUP_MINUTES=${2:-4}
PORT=${BENCH_HINDSIGHT_PORT:-18080}
OUT=$ROOT/target/bench/soak
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
JAVA_OPTS=${BENCH_JAVA_OPTS-"-XX:SharedArchiveFile=app-cds.jsa -Xms32m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10"}
rm -rf "$OUT" && mkdir -p "$OUT"
command -v wrk > /dev/null || apt-get install -y wrk > /dev/null
if [[ ${BENCH_SKIP_BUILD:-} != 1 || ! -f $ROOT/target/quarkus-app/quarkus-run.jar ]]; then
  echo "-- building (mvn -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)"
  (cd "$ROOT" && mvn -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true) > "$OUT/build.log" 2>&1 || { echo "build failed: $OUT/build.log" >&2; exit 1; }
fi
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen" --first 1 --count 100000 --due 0 --per-file 10000 > /dev/null

PID=
trap '[[ -n $PID ]] && kill "$PID" 2> /dev/null; true' EXIT
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options; run from the jar's folder, as the AppCDS archive expects
(cd "$ROOT/target/quarkus-app" && HINDSIGHT_DATA_DIR="$OUT/data" HINDSIGHT_ADMIN_TOKEN="$TOKEN" \
  HINDSIGHT_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
  exec java $JAVA_OPTS -jar quarkus-run.jar) > "$OUT/hindsight.log" 2>&1 &
PID=$!
for _ in $(seq 1 1200); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { echo "not ready: $OUT/hindsight.log" >&2; exit 1; }
echo "-- Hindsight pid $PID, JVM options: ${JAVA_OPTS:-(none)}; importing 100k"
for f in "$OUT"/gen/*.ndjson; do
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
    --data-binary "@$f" "http://127.0.0.1:$PORT/api/v1/imports" || { echo "import of $f failed" >&2; exit 1; }
done

rss_mib() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$PID/status"; }
heap_after_gc_mib() {  # a full GC, then the heap in use
  jcmd "$PID" GC.run > /dev/null
  jcmd "$PID" GC.heap_info | awk '/ used / {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); printf "%d", v / 1024; exit}}'
}
load() {  # load SECONDS NAME
  BENCH_KEYS=100000 BENCH_TOKEN=$TOKEN BENCH_RUN=$2 wrk -t2 -c32 -d"$1s" --timeout 30s --latency \
    -s "$ROOT/src/bench/mixed.lua" "http://127.0.0.1:$PORT/" > "$OUT/wrk-$2.txt" 2>&1
  echo "   $2: $(grep 'Requests/sec' "$OUT/wrk-$2.txt" | awk '{print $2}') req/s, p99 $(grep ' 99%' "$OUT/wrk-$2.txt" | awk '{print $2}')$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$OUT/wrk-$2.txt" | sed 's/^/, /')"
}

echo "-- warm-up: $WARMUP_MINUTES minutes of mixed load at c=32"
load $((WARMUP_MINUTES * 60)) warmup
HEAP0=$(heap_after_gc_mib); RSS0=$(rss_mib)
jcmd "$PID" GC.class_histogram > "$OUT/histogram-after-warmup.txt"
echo "after warm-up: heap in use after a full GC $HEAP0 MiB, RSS $RSS0 MiB"
echo "-- $MINUTES minutes of mixed load at c=32"
for m in $(seq 1 "$MINUTES"); do
  load 60 "minute-$m"
  echo "   after minute $m: RSS $(rss_mib) MiB"
done
HEAP1=$(heap_after_gc_mib); RSS1=$(rss_mib)
jcmd "$PID" GC.class_histogram > "$OUT/histogram-at-end.txt"
echo "at the end: heap in use after a full GC $HEAP1 MiB, RSS $RSS1 MiB; the predictions stored grew from 100k to $(
  curl -fsS "http://127.0.0.1:$PORT/api/v1/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["predictions"])' 2> /dev/null || echo '?')"
echo "classes whose instances grew most (MiB, after warm-up -> at the end; live objects, after a full GC):"
python3 - "$OUT/histogram-after-warmup.txt" "$OUT/histogram-at-end.txt" <<'PY'
import re, sys
def read(path):
    sizes = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+\d+\s+(\d+)\s+(\S+)", line)
        if m:
            sizes[m.group(2)] = int(m.group(1))
    return sizes
a, b = read(sys.argv[1]), read(sys.argv[2])
grown = sorted(b, key=lambda k: b[k] - a.get(k, 0), reverse=True)[:10]
for k in grown:
    print(f"   {a.get(k, 0) / 1048576:7.1f} -> {b[k] / 1048576:7.1f}  {k}")
PY
python3 - "$HEAP0" "$HEAP1" "$RSS0" "$RSS1" "$MINUTES" <<'PY' | tee "$OUT/result.md"
import sys
h0, h1, r0, r1, minutes = (float(x) for x in sys.argv[1:])
hr, rr = h1 / h0, r1 / r0
ok = "pass" if hr <= 1.2 and rr <= 1.2 else "FAIL"
print(f"| memory after {minutes:.0f} min of mixed load at c=32 vs after warm-up | at most 1.2x (heap after a full GC, RSS) "
      f"| heap {h0:.0f} -> {h1:.0f} MiB ({hr:.2f}x), RSS {r0:.0f} -> {r1:.0f} MiB ({rr:.2f}x) | {max(hr, rr):.2f}x | {ok} |")
PY
