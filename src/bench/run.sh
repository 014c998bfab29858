#!/usr/bin/env bash
# Hindsight's benchmark: one command, prints each figure as it comes and then the table of DESIGN.md's targets.
#
#   src/bench/run.sh            full run: 100k, then 1M predictions (about 6-7 minutes on 2 cores, builds included)
#   src/bench/run.sh --quick    10k, then 100k, shorter wrk runs: a check that everything works (about 2 minutes)
#   src/bench/run.sh --webhooks webhook delivery only (g below), on a fresh Hindsight (a few minutes)
#   src/bench/run.sh --sparse   only the imports and the sparse filters, at 100k and 1M (with --quick: 10k, 100k)
#   src/bench/run.sh --pg       the PostgreSQL build against the local PostgreSQL (BENCH_PG_URL, default
#                               jdbc:postgresql://127.0.0.1:5432, user BENCH_PG_USER or postgres): b-e as above in a
#                               database of its own (hindsight_bench, dropped at the end), then two replicas (h); no
#                               start or webhook figures (with --quick: 10k, 100k)
#
# What it does: installs wrk (Debian package) when missing; builds Hindsight's prod jar (H2 file variant) and the
# bare Quarkus app of src/bench/bare; measures start time to ready and idle RSS of both (median of 3 starts); imports
# generated predictions (src/bench/gen.py) through POST /api/v1/imports; drives GET by key, the filtered list and the
# bare endpoint with wrk at concurrency 32; times the sparse filters (lists that match next to nothing) one at a time
# and 8 at once; times the due scan with 10k due among 100k and among 1M; measures webhook deliveries/s to a healthy
# local receiver, alone and then with a slow receiver subscribed too (g); then prints the table and writes it to
# target/bench/results.md. Work files, logs and wrk outputs are under target/bench/.
#
# Environment: BENCH_HINDSIGHT_PORT (default 18080), BENCH_BARE_PORT (18090), BENCH_RECEIVER_PORT (18095; the slow
# receiver takes the next port), BENCH_NOTICES (g's notices per phase: 5000, 1000 with --quick), BENCH_SKIP_BUILD=1
# to reuse the jars already built, BENCH_SPARSE_MAX_TIME (120) the seconds after which a sparse-filter request counts
# as timed out, BENCH_SPARSE_REPEAT (5) the timed requests of each sparse filter. Only 127.0.0.1 is ever contacted.
# Hindsight runs with the production JVM options of deploy/Dockerfile.jvm (BENCH_JAVA_OPTS overrides them: the
# AppCDS archive the build writes with quarkus.package.jar.appcds.enabled, a small initial heap); the bare app with the
# JVM's defaults. Every process it starts is stopped on exit, also on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_SRC=$ROOT/src/bench
OUT=$ROOT/target/bench
HS_PORT=${BENCH_HINDSIGHT_PORT:-18080}
BARE_PORT=${BENCH_BARE_PORT:-18090}
HEALTHY_PORT=${BENCH_RECEIVER_PORT:-18095}
SLOW_PORT=$((HEALTHY_PORT + 1))
SLOW_SECONDS=15   # the slow receiver answers after this long: past Hindsight's 10 s attempt timeout
HS_JAR=$ROOT/target/quarkus-app/quarkus-run.jar
BARE_JAR=$BENCH_SRC/bare/target/quarkus-app/quarkus-run.jar
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
UTIL="python3 $BENCH_SRC/util.py"
NO_SCAN_CRON='0 0 0 1 1 ? 2099'   # the benchmark runs the due scan itself, so the schedule must not

MODE=full
SPARSE_ONLY=0
DB=h2
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    --pg) DB=postgresql ;;
    --webhooks) MODE=webhooks ;;
    --sparse) SPARSE_ONLY=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--quick] [--webhooks | --sparse | --pg]" >&2; exit 2 ;;
  esac
done
[[ $DB == postgresql && ( $MODE == webhooks || $SPARSE_ONLY == 1 ) ]] && { echo "--pg runs b-e and h only" >&2; exit 2; }
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=hindsight_bench
if [[ $DB == postgresql ]]; then
  HS_JAR=$ROOT/target/pg-app/quarkus-run.jar
  PG_HOSTPORT=${PG_URL#jdbc:postgresql://}; PG_HOSTPORT=${PG_HOSTPORT%%/*}
  PG_HOST=${PG_HOSTPORT%%:*}; PG_PORT=5432
  [[ $PG_HOSTPORT == *:* ]] && PG_PORT=${PG_HOSTPORT##*:}
fi
pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAc "$1"; }
[[ $MODE == webhooks && $SPARSE_ONLY == 1 ]] && { echo "--webhooks and --sparse exclude each other" >&2; exit 2; }
if [[ $MODE == quick ]]; then
  SMALL=10000; LARGE=100000; DUE=1000; WARMUP=2s; DURATION=5s; KEY_WARMUP=5s
  SMALL_LABEL=10k; LARGE_LABEL=100k; ADDED_LABEL=90k; DUE_LABEL=1k; NOTICES=1000
elif [[ $MODE == webhooks ]]; then
  SMALL=0; LARGE=0; NOTICES=5000; KEY_WARMUP=0s
  SMALL_LABEL=n/a; LARGE_LABEL=n/a; ADDED_LABEL=n/a; DUE_LABEL=n/a
else
  SMALL=100000; LARGE=1000000; DUE=10000; WARMUP=10s; DURATION=15s; KEY_WARMUP=30s
  SMALL_LABEL=100k; LARGE_LABEL=1M; ADDED_LABEL=900k; DUE_LABEL=10k; NOTICES=5000
fi
PER_REQUEST=10000
NOTICES=${BENCH_NOTICES:-$NOTICES}   # g: notices per phase
TOPIC=cost            # the most common topic of the generated predictions (about a fifth of them)
# Filters that match nothing or next to nothing (rare-earths: one prediction in 10,000, see gen.py): a list that
# filters in memory reads the whole table for one page of them. The last one combines q with an indexed filter.
SPARSE_FILTERS=("q=zzzz" "speaker=Nobody" "source=nope" "kind=STANCE" "dueBefore=2000-01-01"
  "status=OPEN&topic=rare-earths" "topic=rare-earths&q=zzzz")
SPARSE_MAX_TIME=${BENCH_SPARSE_MAX_TIME:-120}
SPARSE_REPEAT=${BENCH_SPARSE_REPEAT:-5}

HS_JAVA_OPTS=${BENCH_JAVA_OPTS-"-XX:SharedArchiveFile=app-cds.jsa -Xms32m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10"}
PIDS=()
T_START=$EPOCHREALTIME

say() { printf '%s\n' "$*"; }
die() { printf 'bench: FAILED: %s\n' "$*" >&2; exit 1; }
ms_since() { python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$1" "$EPOCHREALTIME"; }
figure() { printf '%s=%s\n' "$1" "$2" >> "$OUT/figures.env"; }

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  PIDS=()
  if [[ $DB == postgresql ]]; then pg "drop database if exists $PG_DB" > /dev/null 2>&1 || true; fi
  if [[ $rc -ne 0 ]]; then
    echo "bench: stopped (exit $rc); logs under $OUT" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {
  local keep=() p
  for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}

port_free() {
  ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" 2>/dev/null
}

# start_app NAME JAR PORT READY_PATH LOG [ENV=VALUE...]: starts it, waits until READY_PATH answers 200.
# Sets APP_PID and APP_READY_MS (from just before the JVM is launched to the first 200).
start_app() {
  local name=$1 jar=$2 port=$3 ready=$4 log=$5
  shift 5
  port_free "$port" || die "port $port is in use (set BENCH_HINDSIGHT_PORT / BENCH_BARE_PORT)"
  local t0=$EPOCHREALTIME
  local opts=()
  [[ $name != bare ]] && read -ra opts <<< "$HS_JAVA_OPTS"
  # From the jar's folder: the AppCDS archive names the class path as the build ran it.
  (cd "$(dirname "$jar")" && exec env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 "$@" \
    java "${opts[@]}" -jar "$(basename "$jar")") > "$log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port$ready"; do
    kill -0 "$APP_PID" 2>/dev/null || die "$name exited while starting; see $log"
    ((SECONDS < deadline)) || die "$name not ready after 120 s; see $log"
    sleep 0.025
  done
  APP_READY_MS=$(ms_since "$t0")
  # Another process may have taken the port after the check above; then the answer was not ours.
  local i
  for i in $(seq 1 100); do
    grep -q "Listening on: http://127.0.0.1:$port" "$log" && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.05
  done
  die "$name did not start on port $port, yet something answered there (port taken?); see $log"
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

hindsight_env() {  # hindsight_env DATA_DIR: sets HS_ENV, the environment of a Hindsight start
  # The benchmark runs the due scan and the delivery rounds itself, so their schedules are off.
  HS_ENV=(HINDSIGHT_DATA_DIR="$1" HINDSIGHT_ADMIN_TOKEN="$TOKEN"
    HINDSIGHT_SCAN_CRON="$NO_SCAN_CRON" HINDSIGHT_WEBHOOKS_DELIVERY_EVERY=off
    HINDSIGHT_RATE_LIMIT_ENABLED=false  # wrk is one address sending thousands a second
    HINDSIGHT_WEBHOOKS_ALLOW_PRIVATE=true)  # g's receivers listen on 127.0.0.1
  if [[ $DB == postgresql ]]; then
    HS_ENV+=(QUARKUS_DATASOURCE_JDBC_URL="$PG_URL/$PG_DB" QUARKUS_DATASOURCE_USERNAME="$PG_USER")
  fi
}

# http METHOD PATH OUTFILE [curl args...]: prints "STATUS SECONDS"; dies on a transport error.
http() {
  local method=$1 path=$2 out=$3
  shift 3
  curl -sS -X "$method" -o "$out" -w '%{http_code} %{time_total}' "$@" "http://127.0.0.1:$HS_PORT$path" \
    || die "$method $path: no answer from Hindsight"
}

# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$OUT"
rm -rf "$OUT/start" "$OUT/data" "$OUT/wrk" "$OUT/figures.env" "$OUT/results.md"
mkdir -p "$OUT/wrk"
cd "$ROOT"
if [[ $MODE == webhooks ]]; then
  say "== Hindsight benchmark (webhook delivery only); work files in target/bench/"
else
  say "== Hindsight benchmark ($MODE$( ((SPARSE_ONLY == 1)) && echo ", sparse filters only")): $SMALL_LABEL then $LARGE_LABEL predictions; work files in target/bench/"
fi

if ! command -v wrk > /dev/null; then
  say "-- installing wrk (apt-get install -y wrk)"
  if ! apt-get install -y wrk > "$OUT/apt.log" 2>&1; then
    apt-get update >> "$OUT/apt.log" 2>&1 || die "apt-get update failed; see $OUT/apt.log"
    apt-get install -y wrk >> "$OUT/apt.log" 2>&1 || die "could not install wrk; see $OUT/apt.log"
  fi
fi
command -v wrk > /dev/null || die "wrk is not installed"
command -v python3 > /dev/null || die "python3 is needed for the generator"

# The bare app is the reference of the start and load figures only.
NEEDS_BARE=$([[ $MODE == webhooks || $SPARSE_ONLY == 1 ]] && echo 0 || echo 1)
if [[ ${BENCH_SKIP_BUILD:-} == 1 && -f $HS_JAR && ( $NEEDS_BARE == 0 || -f $BARE_JAR ) ]]; then
  say "-- reusing the built jars (BENCH_SKIP_BUILD=1)"
else
  if [[ $DB == postgresql ]]; then
    say "-- building Hindsight's PostgreSQL variant (mvn -B -q package -Ppg -DskipTests -Dquarkus.package.jar.appcds.enabled=true, into target/pg-app)"
    mvn -B -q package -Ppg -DskipTests -Dquarkus.package.jar.appcds.enabled=true > "$OUT/build-hindsight.log" 2>&1 || die "Hindsight build failed; see $OUT/build-hindsight.log"
  else
    say "-- building Hindsight (mvn -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)"
    mvn -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true > "$OUT/build-hindsight.log" 2>&1 || die "Hindsight build failed; see $OUT/build-hindsight.log"
  fi
  if [[ $NEEDS_BARE == 1 ]]; then
    say "-- building the bare app (src/bench/bare: mvn -B -q package)"
    (cd "$BENCH_SRC/bare" && mvn -B -q package) > "$OUT/build-bare.log" 2>&1 || die "bare app build failed; see $OUT/build-bare.log"
  fi
fi
[[ -f $HS_JAR ]] || die "no $HS_JAR after the build"
[[ $NEEDS_BARE == 0 || -f $BARE_JAR ]] || die "no $BARE_JAR after the build"

say "-- generating predictions (not timed)"
rm -rf "$OUT/gen"
if [[ $MODE != webhooks ]]; then
  python3 "$BENCH_SRC/gen.py" --out "$OUT/gen/small" --first 1 --count "$SMALL" --due "$DUE" --per-file "$PER_REQUEST" \
    || die "generator failed"
  python3 "$BENCH_SRC/gen.py" --out "$OUT/gen/large" --first $((SMALL + 1)) --count $((LARGE - SMALL)) --due "$DUE" \
    --per-file "$PER_REQUEST" || die "generator failed"
fi
# g's predictions, every one due, in four sets: to warm up, to the healthy receiver alone, with the slow receiver
# subscribed too, and alone again.
first=$((LARGE + 1))
for set in warmup:$((NOTICES / 5)) alone-1:$((NOTICES / 2)) shared:$NOTICES alone-2:$((NOTICES / 2)); do
  python3 "$BENCH_SRC/gen.py" --out "$OUT/gen/hooks-${set%%:*}" --first "$first" --count "${set#*:}" --due "${set#*:}" \
    --per-file "$PER_REQUEST" || die "generator failed"
  first=$((first + ${set#*:}))
done

MACHINE="$(nproc) cores, $(awk '/^MemTotal:/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(java -version 2>&1 | head -1 | tr -d '"'), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "mode=$MODE"; echo "small=$SMALL_LABEL"; echo "large=$LARGE_LABEL"; echo "large_added=$ADDED_LABEL"
  echo "due_label=${DUE_LABEL:-}"; echo "sparse_only=$SPARSE_ONLY"; echo "db=$DB"; echo "java_opts=${HS_JAVA_OPTS:-(none)}"; echo "machine=$MACHINE"; echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
} > "$OUT/figures.env"
say "machine: $MACHINE"
say "Hindsight's JVM options: ${HS_JAVA_OPTS:-(none)}"

if [[ $MODE != webhooks ]]; then
# --- a. start time to ready and idle RSS, median of 3 each, alternating ------------------------------------------
measure_starts() {
  say ""
  say "== a. start: time from launch to ready, idle RSS after 5 s (median of 3; fresh data dir each Hindsight start)"
  local i rss seeded
  BARE_T=(); BARE_R=(); HS_T=(); HS_R=()
  for i in 1 2 3; do
    mkdir -p "$OUT/start/$i"
    start_app bare "$BARE_JAR" "$BARE_PORT" /prediction "$OUT/start/$i/bare.log"
    sleep 5
    rss=$(rss_kb "$APP_PID")
    say "start $i: bare app ready (GET /prediction 200) in $APP_READY_MS ms, idle RSS $((rss / 1024)) MiB"
    BARE_T+=("$APP_READY_MS"); BARE_R+=("$rss")
    stop_pid "$APP_PID"; forget_pid "$APP_PID"

    hindsight_env "$OUT/start/$i/data"
    start_app hindsight "$HS_JAR" "$HS_PORT" /q/health/ready "$OUT/start/$i/hindsight.log" "${HS_ENV[@]}"
    seeded=$(curl -fsS "http://127.0.0.1:$HS_PORT/api/v1/predictions?limit=500" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))') \
      || die "GET /api/v1/predictions failed after start"
    [[ $seeded -gt 0 ]] || die "no seeds loaded at start"
    sleep 5
    rss=$(rss_kb "$APP_PID")
    say "start $i: Hindsight ready (/q/health/ready 200) in $APP_READY_MS ms with $seeded seeded predictions, idle RSS $((rss / 1024)) MiB"
    HS_T+=("$APP_READY_MS"); HS_R+=("$rss")
    stop_pid "$APP_PID"; forget_pid "$APP_PID"
  done
  figure bare_start_ms "$($UTIL median "${BARE_T[@]}")"; figure bare_rss_kb "$($UTIL median "${BARE_R[@]}")"
  figure hs_start_ms "$($UTIL median "${HS_T[@]}")"; figure hs_rss_kb "$($UTIL median "${HS_R[@]}")"
  say "start medians: bare $($UTIL median "${BARE_T[@]}") ms / $(( $($UTIL median "${BARE_R[@]}" | cut -d. -f1) / 1024 )) MiB; Hindsight $($UTIL median "${HS_T[@]}") ms / $(( $($UTIL median "${HS_R[@]}" | cut -d. -f1) / 1024 )) MiB"
}
((SPARSE_ONLY == 1)) || [[ $DB == postgresql ]] || measure_starts
fi

# --- the long-running pair for the load figures ------------------------------------------------------------------
if [[ $DB == postgresql ]]; then
  command -v psql > /dev/null || die "psql is needed for --pg"
  pg "drop database if exists $PG_DB" > /dev/null && pg "create database $PG_DB" > /dev/null \
    || die "could not create database $PG_DB on $PG_HOST:$PG_PORT as $PG_USER"
  say "PostgreSQL: $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAc 'show server_version'), database $PG_DB"
fi
say ""
say "== starting Hindsight (fresh data dir target/bench/data)$([[ $NEEDS_BARE == 1 ]] && echo " and the bare app for the load figures")"
hindsight_env "$OUT/data"
start_app hindsight "$HS_JAR" "$HS_PORT" /q/health/ready "$OUT/hindsight.log" "${HS_ENV[@]}"
HS_PID=$APP_PID
say "Hindsight pid $HS_PID on 127.0.0.1:$HS_PORT"
if [[ $NEEDS_BARE == 1 ]]; then
  start_app bare "$BARE_JAR" "$BARE_PORT" /prediction "$OUT/bare.log"
  BARE_PID=$APP_PID
  say "bare app pid $BARE_PID on 127.0.0.1:$BARE_PORT"
fi

# import_dir DIR PHASE: POSTs every file of DIR, checks each answer, reports items/s over the requests' wall time.
import_dir() {
  local dir=$1 phase=$2 files total=0 n=0 status
  files=("$dir"/*.ndjson)
  local t0=$EPOCHREALTIME
  for f in "${files[@]}"; do
    n=$((n + 1))
    status=$(http POST /api/v1/imports "$OUT/import-response.json" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/x-ndjson' --data-binary "@$f")
    [[ ${status%% *} == 200 ]] || die "import of $f answered ${status%% *}: $(head -c 600 "$OUT/import-response.json")"
    echo "$f ${status#* }s $(cat "$OUT/import-response.json")" >> "$OUT/imports.log"
    local created
    created=$($UTIL json "$OUT/import-response.json" created)
    total=$((total + created))
    [[ $created -eq $(wc -l < "$f") ]] || die "import of $f created $created of $(wc -l < "$f")"
    if (( n % 10 == 0 && ${#files[@]} > 10 )); then
      say "  ... $n of ${#files[@]} requests, $total created, $(python3 -c "print(round($total / ($(ms_since "$t0") / 1000)))") predictions/s so far"
    fi
  done
  local ms rate
  ms=$(ms_since "$t0")
  rate=$(python3 -c "print(round($total / ($ms / 1000)))")
  figure "import_${phase}_rate" "$rate"
  say "import: $total predictions in ${#files[@]} requests of $PER_REQUEST in $ms ms: $rate predictions/s"
}

# wrk_run NAME PORT PATH [LUA]: a warm-up run, then the measured one; sets RPS P50 P99 BAD (non-2xx answers plus
# socket errors). A slow or failing endpoint is a measurement, not a reason to stop: BAD goes into the table. wrk's
# timeout is raised to 30 s so that slow answers are counted in the latency instead of dropped as timeouts.
wrk_run() {
  local name=$1 port=$2 path=$3 lua=${4:-} args=(--timeout 30s) warmup=${WRK_WARMUP:-$WARMUP}
  [[ -n $lua ]] && args+=(-s "$lua")
  [[ $port == "$HS_PORT" ]] && settle
  wrk -t2 -c32 -d"$warmup" "${args[@]}" "http://127.0.0.1:$port$path" > "$OUT/wrk/$name.warmup.txt" 2>&1 \
    || die "wrk warm-up $name failed; see $OUT/wrk/$name.warmup.txt"
  wrk -t2 -c32 -d"$DURATION" --latency "${args[@]}" "http://127.0.0.1:$port$path" > "$OUT/wrk/$name.txt" 2>&1 \
    || die "wrk $name failed; see $OUT/wrk/$name.txt"
  local parsed non2xx errors completed
  parsed=$($UTIL wrk "$OUT/wrk/$name.txt") || die "could not parse $OUT/wrk/$name.txt"
  read -r RPS P50 P99 non2xx errors completed <<< "$parsed"
  BAD=$((non2xx + errors))
  if ((completed == 0)); then
    BAD=-1   # nothing finished within the run: no latency to report
    say "wrk $name (c=32, $DURATION): no request completed during the run"
    return 0
  fi
  say "wrk $name (c=32, $DURATION): $RPS req/s, p50 $P50 ms, p99 $P99 ms$( ((non2xx > 0)) && echo ", $non2xx answers not 2xx")$( ((errors > 0)) && echo ", $errors socket errors")"
}

# settle: waits (at most 180 s) until Hindsight has been nearly idle (under 10% of a core) for 2 s, so that requests
# still queued from an overloaded wrk run do not spill into the next figure.
settle() {
  local ticks=$(getconf CLK_TCK) quiet=0 before after
  for _ in $(seq 1 180); do
    before=$(awk '{print $14 + $15}' "/proc/$HS_PID/stat")
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$HS_PID/stat")
    if (( (after - before) * 10 < ticks )); then
      quiet=$((quiet + 1)); ((quiet >= 2)) && return 0
    else
      quiet=0
    fi
  done
  say "(Hindsight still busy after 180 s; going on)"
}

# list_uncached PHASE: the filtered list one request at a time (wrk -c1), the topic going round gen.py's 30 topics,
# so that H2's per-connection cache of a statement's last result (which serves wrk's identical requests at c=32)
# cannot answer it. The figure is the p50.
list_uncached() {
  local phase=$1 name=list-one-at-a-time-$1
  settle
  wrk -t1 -c1 -d"$WARMUP" -s "$BENCH_SRC/list-topics.lua" "http://127.0.0.1:$HS_PORT/" > "$OUT/wrk/$name.warmup.txt" 2>&1 \
    || die "wrk warm-up $name failed; see $OUT/wrk/$name.warmup.txt"
  wrk -t1 -c1 -d"$DURATION" --latency -s "$BENCH_SRC/list-topics.lua" "http://127.0.0.1:$HS_PORT/" > "$OUT/wrk/$name.txt" 2>&1 \
    || die "wrk $name failed; see $OUT/wrk/$name.txt"
  local rps p50 p99 non2xx errors completed
  read -r rps p50 p99 non2xx errors completed <<< "$($UTIL wrk "$OUT/wrk/$name.txt")"
  ((non2xx + errors == 0)) || die "the filtered list one at a time: $non2xx answers not 2xx, $errors socket errors"
  figure "list_${phase}_uncached_ms" "$p50"
  say "filtered list one at a time (wrk -c1, $DURATION), the topic going round 30: $rps req/s, p50 $p50 ms, p99 $p99 ms"
}

# sparse_filters PHASE: each of SPARSE_FILTERS once untimed (a warm-up, as wrk's), then SPARSE_REPEAT requests of each,
# one at a time (the median time; the status and items of the last), then 8 at once (the filters in turn). A request
# that has not answered after SPARSE_MAX_TIME s is abandoned and counted as a timeout.
sparse_filters() {
  local phase=$1 i r f out rc answer status items times ms n=${#SPARSE_FILTERS[@]} t0 pids=() burst
  settle
  for f in "${SPARSE_FILTERS[@]}"; do
    curl -s -o /dev/null --max-time "$SPARSE_MAX_TIME" "http://127.0.0.1:$HS_PORT/api/v1/predictions?$f&limit=50" || true
  done
  settle
  for i in "${!SPARSE_FILTERS[@]}"; do
    f=${SPARSE_FILTERS[$i]}
    out=$OUT/sparse-$phase-$i.json
    times=()
    for r in $(seq 1 "$SPARSE_REPEAT"); do
      rc=0
      answer=$(curl -sS -o "$out" -w '%{http_code} %{time_total}' --max-time "$SPARSE_MAX_TIME" \
        "http://127.0.0.1:$HS_PORT/api/v1/predictions?$f&limit=50" 2> /dev/null) || rc=$?
      if ((rc == 28)); then
        answer="timeout $SPARSE_MAX_TIME"
      elif ((rc != 0)); then
        die "GET /api/v1/predictions?$f: no answer (curl exit $rc)"
      fi
      times+=("$(python3 -c "print(round(${answer#* } * 1000, 1))")")
      status=${answer%% *}
      [[ $status == timeout ]] && { settle; break; }   # the server may still be at it: do not pile up
    done
    ms=$($UTIL median "${times[@]}")
    items=-
    [[ $status == 200 ]] && items=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$out")
    figure "sparse_label_$i" "$f"
    figure "sparse_${phase}_${i}_status" "$status"
    figure "sparse_${phase}_${i}_ms" "$ms"
    figure "sparse_${phase}_${i}_items" "$items"
    say "sparse filter ?$f&limit=50: $status, ${times[*]} ms (median $ms), $items items$([[ $status == 4* ]] && echo ": $($UTIL json "$out" detail)")"
  done
  t0=$EPOCHREALTIME
  for i in $(seq 0 7); do
    f=${SPARSE_FILTERS[$((i % n))]}
    (curl -sS -o /dev/null -w '%{http_code}\n' --max-time "$SPARSE_MAX_TIME" \
      "http://127.0.0.1:$HS_PORT/api/v1/predictions?$f&limit=50" > "$OUT/sparse-burst-$i.status" 2> /dev/null \
      || echo timeout > "$OUT/sparse-burst-$i.status") &
    pids+=($!)
  done
  wait "${pids[@]}"
  ms=$(ms_since "$t0")
  burst=$(cat "$OUT"/sparse-burst-*.status | sort | uniq -c | awk '{printf "%s%sx%s", (NR > 1 ? " " : ""), $2, $1}')
  rm -f "$OUT"/sparse-burst-*.status
  figure "sparse_${phase}_burst_ms" "$ms"
  figure "sparse_${phase}_burst" "$burst"
  say "8 sparse filters at once: all answered in $ms ms; statuses $burst"
}

# due_scan PHASE EXPECTED: runs the due scan now, checks it flagged at least EXPECTED.
due_scan() {
  local phase=$1 expected=$2 status flagged ms wall
  settle
  status=$(http POST /api/v1/jobs/due-scan/runs "$OUT/scan-$phase.json" -H "Authorization: Bearer $TOKEN" -H 'Prefer: wait=60')
  [[ ${status%% *} == 200 ]] || die "due scan answered ${status%% *}: $(head -c 600 "$OUT/scan-$phase.json")"
  flagged=$($UTIL json "$OUT/scan-$phase.json" result.flagged)
  ms=$($UTIL json "$OUT/scan-$phase.json" result.durationMs)
  wall=$(python3 -c "print(round(${status#* } * 1000))")
  [[ $flagged -ge $expected ]] || die "due scan flagged $flagged, expected $expected: $(cat "$OUT/scan-$phase.json")"
  figure "scan_${phase}_ms" "$ms"; figure "scan_${phase}_wall_ms" "$wall"; figure "scan_${phase}_flagged" "$flagged"
  say "due scan: flagged $flagged (expected $expected$([[ $flagged -gt $expected ]] && echo "; the rest are seeds that came due")), reminded $($UTIL json "$OUT/scan-$phase.json" result.reminded), escalated $($UTIL json "$OUT/scan-$phase.json" result.escalated): durationMs $ms, wall $wall ms"
}

# deliver PHASE DIR: imports DIR (every prediction due), runs the due scan (a prediction.due notice each), then starts
# delivery rounds, one after the other, until the healthy receiver has had a request for every notice. The figure is
# those deliveries over the time from the first round's start to the healthy receiver's last request.
deliver() {
  local phase=$1 dir=$2 status flagged before slow_before failed_before cpu0 cpu t0 last run="" deadline ms rate
  import_dir "$dir" "hooks_$phase"
  settle
  before=$(receiver_stat "$HEALTHY_PORT" count); slow_before=$(receiver_stat "$SLOW_PORT" count)
  failed_before=$(failed_attempts)
  status=$(http POST /api/v1/jobs/due-scan/runs "$OUT/hooks-scan-$phase.json" -H "Authorization: Bearer $TOKEN" -H 'Prefer: wait=60')
  [[ ${status%% *} == 200 ]] || die "due scan answered ${status%% *}: $(head -c 600 "$OUT/hooks-scan-$phase.json")"
  flagged=$($UTIL json "$OUT/hooks-scan-$phase.json" result.flagged)
  [[ $flagged -ge $(wc -l < "$dir/0001.ndjson") ]] || die "due scan flagged $flagged, expected $(wc -l < "$dir/0001.ndjson")"
  cpu0=$(awk '{print $14 + $15}' "/proc/$HS_PID/stat")
  t0=$(date +%s%3N)
  deadline=$((SECONDS + 600))
  while (( $(receiver_stat "$HEALTHY_PORT" count) < before + flagged )); do
    ((SECONDS < deadline)) || die "the healthy receiver got $(( $(receiver_stat "$HEALTHY_PORT" count) - before )) of $flagged in 10 minutes"
    if [[ -z $run ]] || ! curl -fsS -H "Authorization: Bearer $TOKEN" \
        "http://127.0.0.1:$HS_PORT/api/v1/jobs/webhook-delivery/runs/$run" | grep -q '"state":"RUNNING"'; then
      run=$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Prefer: respond-async' \
        "http://127.0.0.1:$HS_PORT/api/v1/jobs/webhook-delivery/runs" | sed -E 's/^\{"id":([0-9]+),.*/\1/')
      [[ $run =~ ^[0-9]+$ ]] || die "POST /api/v1/jobs/webhook-delivery/runs did not answer a run"
    fi
    sleep 0.25
  done
  last=$(receiver_stat "$HEALTHY_PORT" lastMs)
  # CPU the service spent per delivery to the healthy receiver (all its work included): steadier than the rate on a
  # machine shared with other builds.
  cpu=$(python3 -c "print(round(($(awk '{print $14 + $15}' "/proc/$HS_PID/stat") - $cpu0) * 1000 / $(getconf CLK_TCK) / $flagged, 2))")
  ms=$((last - t0))
  rate=$(python3 -c "print(round($flagged / (max($ms, 1) / 1000)))")
  local key=hooks_${phase//-/_}
  figure "${key}_rate" "$rate"; figure "${key}_n" "$flagged"; figure "${key}_ms" "$ms"
  figure "${key}_cpu_ms" "$cpu"
  figure "${key}_slow" $(( $(receiver_stat "$SLOW_PORT" count) - slow_before ))
  figure "${key}_failed" $(( $(failed_attempts) - failed_before ))
  say "webhooks ($phase): $flagged deliveries to the healthy receiver in $ms ms: $rate deliveries/s, $cpu ms of CPU each; meanwhile the slow receiver got $(( $(receiver_stat "$SLOW_PORT" count) - slow_before )) requests, and $(( $(failed_attempts) - failed_before )) attempts failed (timed out)"
}

receiver_stat() { curl -fsS "http://127.0.0.1:$1/stats" | sed -E "s/.*\"$2\": ([0-9]+).*/\1/"; }

# Attempts that failed and will be retried (the slow receiver's timeouts), from the service's metrics.
failed_attempts() {
  curl -fsS "http://127.0.0.1:$HS_PORT/q/metrics" \
    | awk '/^hindsight_webhook_deliveries_total\{.*outcome="retried"/ {n += $NF} END {printf "%d\n", n}'
}

subscribe() {  # subscribe URL DESCRIPTION: prints the subscription's id
  curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\": \"$1\", \"eventTypes\": [\"prediction.due\"], \"description\": \"$2\"}" \
    "http://127.0.0.1:$HS_PORT/api/v1/webhooks" | sed -E 's/^\{"id":([0-9]+),.*/\1/'
}

if [[ $MODE != webhooks ]]; then
LIST="/api/v1/predictions?status=OPEN&topic=$TOPIC&limit=50"
status=$(http GET "$LIST" "$OUT/list-check.json")
[[ ${status%% *} == 200 ]] || die "GET $LIST answered ${status%% *}"

# --- b. import the first batch -----------------------------------------------------------------------------------
say ""
say "== b. import $SMALL_LABEL predictions ($DUE_LABEL of them due), NDJSON, $PER_REQUEST a request"
import_dir "$OUT/gen/small" small

# --- c. load at the small size -----------------------------------------------------------------------------------
if ((SPARSE_ONLY == 0)); then
  say ""
  say "== c. wrk -t2 -c32 -d$DURATION --latency (after a $WARMUP warm-up) with $SMALL_LABEL stored"
  status=$(http GET "/api/v1/predictions/bench-0000001" "$OUT/key-check.json")
  [[ ${status%% *} == 200 ]] || die "GET /api/v1/predictions/bench-0000001 answered ${status%% *}"
  items=$(curl -fsS "http://127.0.0.1:$HS_PORT$LIST" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
  [[ $items -eq 50 ]] || die "the filtered list returned $items items, expected 50"
  wrk_run bare "$BARE_PORT" /prediction
  figure bare_rps "$RPS"; figure bare_p50 "$P50"; figure bare_p99 "$P99"; figure bare_bad "$BAD"
  export BENCH_KEYS=$SMALL
  # A longer warm-up: long enough for the read cache to have seen most of the keys, as a service that has run a
  # while has (the row at the large size below shows reads the cache mostly cannot answer).
  WRK_WARMUP=$KEY_WARMUP wrk_run get-by-key "$HS_PORT" /api/v1/predictions/bench-0000001 "$BENCH_SRC/random-key.lua"
  figure key_rps "$RPS"; figure key_p50 "$P50"; figure key_p99 "$P99"; figure key_bad "$BAD"
  wrk_run "list-$SMALL_LABEL" "$HS_PORT" "$LIST"
  figure list_small_rps "$RPS"; figure list_small_p50 "$P50"; figure list_small_p99 "$P99"; figure list_small_bad "$BAD"
  list_uncached small
fi
say ""
say "== c. sparse filters with $SMALL_LABEL stored, one at a time, then 8 at once"
sparse_filters small

# --- d. due scan at the small size -------------------------------------------------------------------------------
if ((SPARSE_ONLY == 0)); then
  say ""
  say "== d. due scan with $DUE_LABEL due among $SMALL_LABEL"
  due_scan small "$DUE"
fi

# --- e. grow to the large size -----------------------------------------------------------------------------------
say ""
say "== e. import $ADDED_LABEL more ($DUE_LABEL of them due) to reach $LARGE_LABEL"
import_dir "$OUT/gen/large" large
if ((SPARSE_ONLY == 0)); then
  say ""
  say "== e. wrk on the filtered list with $LARGE_LABEL stored"
  wrk_run "list-$LARGE_LABEL" "$HS_PORT" "$LIST"
  figure list_large_rps "$RPS"; figure list_large_p50 "$P50"; figure list_large_p99 "$P99"; figure list_large_bad "$BAD"
  list_uncached large
  say ""
  say "== e. GET by key on random keys over all $LARGE_LABEL (the read cache holds a fraction of them)"
  export BENCH_KEYS=$LARGE
  WRK_WARMUP=$KEY_WARMUP wrk_run get-by-key-large "$HS_PORT" /api/v1/predictions/bench-0000001 "$BENCH_SRC/random-key.lua"
  figure key_large_rps "$RPS"; figure key_large_p50 "$P50"; figure key_large_p99 "$P99"; figure key_large_bad "$BAD"
fi
say ""
say "== e. sparse filters with $LARGE_LABEL stored, one at a time, then 8 at once"
sparse_filters large
if ((SPARSE_ONLY == 0)); then
  say ""
  say "== e. due scan with $DUE_LABEL due among $LARGE_LABEL"
  due_scan large "$DUE"
fi
fi

# --- h. two replicas (PostgreSQL only) ------------------------------------------------------------------------------
# Reads with one replica, then with two against the same database: a second Hindsight on the next port, wrk at c=16
# on each at once (two wrk processes, their requests/s added) against wrk at c=32 on one. No balancer: on this machine
# it would take CPU from the replicas.
replica_pair() {  # replica_pair NAME PATH [LUA]: sets ONE_RPS and TWO_RPS
  local name=$1 path=$2 lua=${3:-} args=(--timeout 30s) r1 r2 x
  [[ -n $lua ]] && args+=(-s "$lua")
  settle
  wrk -t2 -c32 -d"$DURATION" --latency "${args[@]}" "http://127.0.0.1:$HS_PORT$path" > "$OUT/wrk/$name-one.txt" 2>&1 || die "wrk $name failed"
  read -r ONE_RPS x x r1 r2 x <<< "$($UTIL wrk "$OUT/wrk/$name-one.txt")"
  ((r1 + r2 == 0)) || die "$name with one replica: answers not 2xx"
  settle
  wrk -t1 -c16 -d"$DURATION" --latency "${args[@]}" "http://127.0.0.1:$HS_PORT$path" > "$OUT/wrk/$name-two-a.txt" 2>&1 &
  local a=$!
  wrk -t1 -c16 -d"$DURATION" --latency "${args[@]}" "http://127.0.0.1:$REPLICA_PORT$path" > "$OUT/wrk/$name-two-b.txt" 2>&1 \
    || die "wrk $name on the second replica failed"
  wait "$a" || die "wrk $name on the first replica failed"
  local rps_a rps_b
  read -r rps_a x x r1 r2 x <<< "$($UTIL wrk "$OUT/wrk/$name-two-a.txt")"; ((r1 + r2 == 0)) || die "$name: answers not 2xx"
  read -r rps_b x x r1 r2 x <<< "$($UTIL wrk "$OUT/wrk/$name-two-b.txt")"; ((r1 + r2 == 0)) || die "$name: answers not 2xx"
  TWO_RPS=$((rps_a + rps_b))
  say "$name: one replica $ONE_RPS req/s; two replicas $TWO_RPS req/s ($rps_a + $rps_b)"
}
if [[ $DB == postgresql ]]; then
  say ""
  say "== h. two replicas against the same database, with $LARGE_LABEL stored"
  REPLICA_PORT=$((HS_PORT + 1))
  hindsight_env "$OUT/data-replica-2"
  start_app replica-2 "$HS_JAR" "$REPLICA_PORT" /q/health/ready "$OUT/hindsight-replica-2.log" "${HS_ENV[@]}"
  export BENCH_KEYS=$LARGE
  WRK_WARMUP=$WARMUP wrk_run replica-warmup "$REPLICA_PORT" /api/v1/predictions/bench-0000001 "$BENCH_SRC/random-key.lua" > /dev/null
  wrk -t1 -c8 -d"$WARMUP" -s "$BENCH_SRC/list-topics.lua" "http://127.0.0.1:$REPLICA_PORT/" > /dev/null 2>&1 || true
  replica_pair replicas-key /api/v1/predictions/bench-0000001 "$BENCH_SRC/random-key.lua"
  figure replicas_key_one "$ONE_RPS"; figure replicas_key_two "$TWO_RPS"
  replica_pair replicas-list / "$BENCH_SRC/list-topics.lua"
  figure replicas_list_one "$ONE_RPS"; figure replicas_list_two "$TWO_RPS"
fi

# --- g. webhook delivery with a slow receiver --------------------------------------------------------------------
if ((SPARSE_ONLY == 0)) && [[ $DB != postgresql ]]; then
  say ""
  say "== g. webhook delivery: after $((NOTICES / 5)) to warm up, $((NOTICES / 2)) notices to a healthy receiver alone, $NOTICES with a slow receiver (answers after $SLOW_SECONDS s, past the 10 s timeout) subscribed too, $((NOTICES / 2)) alone again"
  port_free "$HEALTHY_PORT" && port_free "$SLOW_PORT" || die "port $HEALTHY_PORT or $SLOW_PORT is in use (set BENCH_RECEIVER_PORT)"
  java "$BENCH_SRC/Receivers.java" "$HEALTHY_PORT" "$SLOW_PORT" "$SLOW_SECONDS" > "$OUT/receivers.log" 2>&1 &
  PIDS+=("$!")
  deadline=$((SECONDS + 60))
  until curl -fs -o /dev/null "http://127.0.0.1:$SLOW_PORT/stats"; do
    ((SECONDS < deadline)) || die "the receivers did not start; see $OUT/receivers.log"
    sleep 0.2
  done
  HEALTHY_HOOK=$(subscribe "http://127.0.0.1:$HEALTHY_PORT/hook" "bench: healthy receiver")
  [[ $HEALTHY_HOOK =~ ^[0-9]+$ ]] || die "could not subscribe the healthy receiver"
  deliver warmup "$OUT/gen/hooks-warmup"   # not in the table: the first deliveries run on a cold JIT
  # Alone before and after the shared phase (A-B-A): the JIT still warming up and the drift of a shared machine's load
  # weigh on both sides alike.
  deliver alone-1 "$OUT/gen/hooks-alone-1"
  SLOW_HOOK=$(subscribe "http://127.0.0.1:$SLOW_PORT/hook" "bench: slow receiver")
  [[ $SLOW_HOOK =~ ^[0-9]+$ ]] || die "could not subscribe the slow receiver"
  deliver shared "$OUT/gen/hooks-shared"
  curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$HS_PORT/api/v1/webhooks/$SLOW_HOOK" \
    || die "could not unsubscribe the slow receiver"
  deliver alone-2 "$OUT/gen/hooks-alone-2"
fi

# --- f. the table ------------------------------------------------------------------------------------------------
ELAPSED=$(python3 -c "s=round(float('$EPOCHREALTIME') - float('$T_START')); print(f'{s // 60} min {s % 60} s')")
figure elapsed "$ELAPSED"
say ""
say "== f. results (also in target/bench/results.md)"
say ""
$UTIL report "$OUT/figures.env" "$OUT/results.md"
