#!/bin/bash
# Benchmark of the track-record aggregates: GET /speakers, /speakers/{name}, /forecasters, /forecasters/{name} and
# /stats, one request at a time (median of 5 after 2 warm-up requests), at two sizes with forecasts and resolutions,
# twice each: as configured (H2 hands back the last result of an identical query while its tables are unchanged), and
# with that reuse off, so every request computes (what the first read after a write costs).
#
#   src/bench/aggregates.sh            100k, then 1M predictions (about 10 minutes here)
#   src/bench/aggregates.sh --quick    10k, then 100k
#
# Predictions come from src/bench/gen.py through POST /api/v1/imports, as in run.sh. Forecasts and resolutions are
# then written straight into the embedded database while Hindsight is stopped (H2's RunScript; not timed): one
# forecast per generated prediction from 50 forecasters, and a quarter of the predictions resolved (CORRECT,
# INCORRECT, PARTIALLY_CORRECT in turn), their forecasts made before the close. The API would take hours for a million
# forecasts, and these figures are about reading them. BENCH_SKIP_BUILD=1 reuses the jar. Only 127.0.0.1 is contacted.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/target/bench/aggregates
PORT=${BENCH_HINDSIGHT_PORT:-18080}
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
if [[ ${1:-} == --quick ]]; then SMALL=10000; LARGE=100000; LABELS=(10k 100k); else SMALL=100000; LARGE=1000000; LABELS=(100k 1M); fi
PID=
say() { printf '%s\n' "$*"; }
die() { printf 'aggregates: FAILED: %s\n' "$*" >&2; exit 1; }
stop() { [[ -n $PID ]] && kill "$PID" 2> /dev/null && while kill -0 "$PID" 2> /dev/null; do sleep 0.2; done; PID=; }
trap stop EXIT

rm -rf "$OUT" && mkdir -p "$OUT"
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  say "-- building Hindsight (mvn -B -q package -DskipTests)"
  (cd "$ROOT" && mvn -B -q package -DskipTests) > "$OUT/build.log" 2>&1 || die "build failed; see $OUT/build.log"
fi
H2_JAR=$(ls "$ROOT"/target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -1)
say "-- generating predictions (not timed)"
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen/small" --first 1 --count $SMALL --due 0 --per-file 10000 > /dev/null
python3 "$ROOT/src/bench/gen.py" --out "$OUT/gen/large" --first $((SMALL + 1)) --count $((LARGE - SMALL)) --due 0 \
  --per-file 10000 > /dev/null

start() {  # [reuse-off]: H2's reuse of the last result of an identical query off, so every request computes
  local url="jdbc:h2:file:$OUT/data/hindsight;DB_CLOSE_ON_EXIT=FALSE"
  [[ ${1:-} == reuse-off ]] && url="$url;OPTIMIZE_REUSE_RESULTS=FALSE"
  QUARKUS_DATASOURCE_JDBC_URL="$url" HINDSIGHT_DATA_DIR="$OUT/data" HINDSIGHT_ADMIN_TOKEN="$TOKEN" HINDSIGHT_SCAN_CRON='0 0 0 1 1 ? 2099' \
    HINDSIGHT_WEBHOOKS_DELIVERY_EVERY=off HINDSIGHT_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" >> "$OUT/hindsight.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && return 0; sleep 0.1; done
  die "Hindsight did not get ready; see $OUT/hindsight.log"
}

import() {  # import DIR
  local f
  for f in "$1"/*.ndjson; do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary "@$f" "http://127.0.0.1:$PORT/api/v1/imports" || die "import of $f failed"
  done
}

# Forecasts and resolutions for the bench predictions from FIRST to LAST (by key number), with Hindsight stopped.
forecast_and_resolve() {  # FIRST LAST
  cat > "$OUT/scores.sql" <<SQL
insert into forecast (id, prediction_id, forecaster, probability, made_at)
  select next value for forecast_seq, p.id, 'forecaster-' || mod(p.id * 7, 50), 0.01 + mod(p.id * 37, 98) / 100.0,
    timestamp with time zone '2026-06-01 00:00:00+00'
  from prediction p where p.slug between 'bench-$(printf %07d "$1")' and 'bench-$(printf %07d "$2")';
update prediction set status = 'RESOLVED',
    outcome = case mod(id / 4, 3) when 0 then 'CORRECT' when 1 then 'INCORRECT' else 'PARTIALLY_CORRECT' end,
    resolved_on = date '2026-07-01', resolved_by = 'bench', resolution_note = 'bench',
    resolved_at = timestamp with time zone '2026-07-01 00:00:00+00',
    closes_at = timestamp with time zone '2026-07-01 00:00:00+00', next_review_on = null
  where slug between 'bench-$(printf %07d "$1")' and 'bench-$(printf %07d "$2")' and mod(id, 4) = 0;
SQL
  java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$OUT/data/hindsight" -user hindsight \
    -script "$OUT/scores.sql" || die "could not write forecasts into the database"
}

ROWS=()
measure() {  # LABEL
  local path times t status
  for path in /api/v1/stats /api/v1/speakers "/api/v1/speakers/sam%20altman" "/api/v1/forecasters?limit=50" \
      /api/v1/forecasters/forecaster-7; do
    times=()
    for i in 1 2 3 4 5 6 7; do
      read -r status t < <(curl -s -o "$OUT/last.json" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT$path")
      [[ $status == 200 ]] || die "GET $path answered $status: $(head -c 300 "$OUT/last.json")"
      (( i > 2 )) && times+=("$(python3 -c "print(round($t * 1000, 1))")")
    done
    t=$(python3 -c "import statistics, sys; print(statistics.median(float(v) for v in sys.argv[1:]))" "${times[@]}")
    say "$1: GET $path: ${times[*]} ms, median $t ms"
    ROWS+=("$1|$path|$t")
  done
}

say "== ${LABELS[0]} predictions"
start; import "$OUT/gen/small"; stop
forecast_and_resolve 1 $SMALL
start; measure "${LABELS[0]}"; stop
start reuse-off; measure "${LABELS[0]}, computed each time"; stop
say "== grow to ${LABELS[1]}"
start; import "$OUT/gen/large"; stop
forecast_and_resolve $((SMALL + 1)) $LARGE
start; measure "${LABELS[1]}"; stop
start reuse-off; measure "${LABELS[1]}, computed each time"; stop
say ""
# ROWS holds four runs of five paths: small, small computed each time, large, large computed each time.
say "| GET | p50 at ${LABELS[0]} | at ${LABELS[1]} | ratio | computed each time: at ${LABELS[0]} | at ${LABELS[1]} | ratio |"
say "|---|---|---|---|---|---|---|"
n=$(( ${#ROWS[@]} / 4 ))
for i in $(seq 0 $((n - 1))); do
  IFS='|' read -r _ path small <<< "${ROWS[$i]}"
  IFS='|' read -r _ _ small_cold <<< "${ROWS[$((i + n))]}"
  IFS='|' read -r _ _ large <<< "${ROWS[$((i + 2 * n))]}"
  IFS='|' read -r _ _ large_cold <<< "${ROWS[$((i + 3 * n))]}"
  say "| \`$path\` | $small ms | $large ms | $(python3 -c "print(f'{$large / $small:.2f}x')") | $small_cold ms | $large_cold ms | $(python3 -c "print(f'{$large_cold / $small_cold:.2f}x')") |"
done
say ""
say "Machine: $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg). Date: $(date -u '+%Y-%m-%d %H:%M UTC')."
