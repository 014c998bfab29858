#!/usr/bin/env bash
# Two Hindsight replicas on this machine, against one PostgreSQL, with Quartz clustered.
#
#   deploy/local-cluster.sh start    build the PostgreSQL variant if needed, create the database if missing,
#                                    start replicas on ports 8081 and 8082, return once both are ready
#   deploy/local-cluster.sh stop     stop them
#   deploy/local-cluster.sh status   which are running
#
# Environment: QUARKUS_DATASOURCE_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/hindsight),
# QUARKUS_DATASOURCE_USERNAME (default postgres), QUARKUS_DATASOURCE_PASSWORD, HINDSIGHT_ADMIN_TOKEN (passed
# through), HINDSIGHT_REBUILD=1 to rebuild the jar, JAVA_OPTS (default "-Xms32m -XX:MaxHeapFreeRatio=30
# -XX:MinHeapFreeRatio=10": heap sizing as in deploy/Dockerfile.jvm). Logs and pids go to target/local-cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."

export QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/hindsight}"
export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-postgres}"
JAR=target/pg-app/quarkus-run.jar
RUN=target/local-cluster
PORTS=(8081 8082)

build() {
  if [[ ! -f "$JAR" || "${HINDSIGHT_REBUILD:-0}" == 1 ]]; then
    echo "Building the PostgreSQL variant into target/pg-app (mvn package -Ppg)..."
    mvn -B -q package -Ppg -DskipTests
  fi
}

create_database() {
  # jdbc:postgresql://host:port/name?params
  local rest=${QUARKUS_DATASOURCE_JDBC_URL#jdbc:postgresql://}
  local hostport=${rest%%/*} name=${rest#*/}
  name=${name%%\?*}
  local host=${hostport%%:*} port=5432
  [[ "$hostport" == *:* ]] && port=${hostport##*:}
  if ! command -v psql >/dev/null; then
    echo "psql not found: create database '$name' yourself if it does not exist" >&2
    return
  fi
  export PGPASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-}"
  if ! psql -h "$host" -p "$port" -U "$QUARKUS_DATASOURCE_USERNAME" -d postgres -tAc \
      "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    psql -h "$host" -p "$port" -U "$QUARKUS_DATASOURCE_USERNAME" -d postgres -qc "create database \"$name\""
    echo "Created database $name on $host:$port"
  fi
}

start() {
  build
  create_database
  mkdir -p "$RUN"
  for i in 0 1; do
    local port=${PORTS[$i]} name="replica-$((i + 1))"
    if [[ -f "$RUN/$name.pid" ]] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      echo "$name already running (pid $(cat "$RUN/$name.pid"))"
      continue
    fi
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    QUARKUS_HTTP_PORT=$port HINDSIGHT_DATA_DIR="$RUN/$name-data" \
      nohup java ${JAVA_OPTS--Xms32m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10} -jar "$JAR" > "$RUN/$name.log" 2>&1 &
    echo $! > "$RUN/$name.pid"
    echo "$name: http://localhost:$port (log $RUN/$name.log)"
  done
  for i in 0 1; do
    local port=${PORTS[$i]} name="replica-$((i + 1))" waited=0
    until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
      if ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
        echo "$name exited; see $RUN/$name.log" >&2
        exit 1
      fi
      if (( waited >= 120 )); then
        echo "$name not ready after 120 s; see $RUN/$name.log" >&2
        exit 1
      fi
      sleep 1
      waited=$((waited + 1))
    done
    echo "$name ready"
  done
}

stop() {
  for name in replica-1 replica-2; do
    if [[ -f "$RUN/$name.pid" ]]; then
      local pid
      pid=$(cat "$RUN/$name.pid")
      if kill "$pid" 2>/dev/null; then
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        echo "$name stopped"
      fi
      rm -f "$RUN/$name.pid"
    fi
  done
}

status() {
  for name in replica-1 replica-2; do
    if [[ -f "$RUN/$name.pid" ]] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      echo "$name running (pid $(cat "$RUN/$name.pid"))"
    else
      echo "$name stopped"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
