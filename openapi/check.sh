#!/usr/bin/env bash
# Checks that openapi/openapi.yaml (the served description, committed) tells the truth. From the clone's folder:
#
#   openapi/check.sh lint                 Spectral (spectral:oas, OWASP, openapi/spectral.yaml): fails on any error
#                                         or warning
#   openapi/check.sh live URL TOKEN       against a running service (URL like http://localhost:8080, TOKEN an admin
#                                         token): a Prism validation proxy in front of it, and the client generated
#                                         from the description creating, reading, listing and resolving through it;
#                                         fails on any response off the description
#
# The building blocks, for CI (.ci/run), which also sends the docs' tour (src/docs/tour.md) through the proxy:
#   openapi/check.sh proxy-start URL      starts the proxy, prints its port
#   openapi/check.sh client URL TOKEN     runs the generated client against URL
#   openapi/check.sh proxy-stop           stops the proxy; fails if it saw a response off the description
#
# The npm tools (pinned in openapi/tools/package-lock.json) are installed under target/api-tools on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/target/api-tools
PRISM_LOG=$ROOT/target/prism.log
PRISM_PID=$ROOT/target/prism.pid
SPEC=openapi/openapi.yaml

install_tools() {
  if [[ -d $TOOLS/node_modules ]] && cmp -s openapi/tools/package-lock.json "$TOOLS/package-lock.json"; then
    return
  fi
  command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  cp openapi/tools/package.json openapi/tools/package-lock.json "$TOOLS/"
  # --ignore-scripts: the tools need no install step, and one of their dependencies would phone home from it.
  (cd "$TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
}

lint() {
  install_tools
  # The ruleset extends the OWASP ruleset by package name: it is found through NODE_PATH.
  NODE_PATH=$TOOLS/node_modules "$TOOLS/node_modules/.bin/spectral" lint "$SPEC" \
    --ruleset openapi/spectral.yaml --fail-severity warn
}

proxy_start() {
  local upstream=$1
  install_tools >&2
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p target
  # Without --errors: every request reaches the service, the deliberately bad ones of the tour too, so their
  # problem documents are checked as well; a response off the description is logged as a violation.
  setsid "$TOOLS/node_modules/.bin/prism" proxy "$SPEC" "$upstream" --host 127.0.0.1 --port "$port" \
    </dev/null >"$PRISM_LOG" 2>&1 &
  echo $! >"$PRISM_PID"
  for _ in $(seq 1 120); do
    if grep -q 'Prism is listening' "$PRISM_LOG"; then
      echo "$port"
      return
    fi
    kill -0 "$(cat "$PRISM_PID")" 2>/dev/null || break
    sleep 0.5
  done
  cat "$PRISM_LOG" >&2
  echo "the Prism proxy did not start" >&2
  return 1
}

proxy_stop() {
  if [[ -s $PRISM_PID ]]; then
    kill -TERM -- "-$(cat "$PRISM_PID")" 2>/dev/null || true
    rm -f "$PRISM_PID"
  fi
  local requests checked
  requests=$(grep -c 'Request received' "$PRISM_LOG" || true)
  checked=$(grep -c 'Received forward response' "$PRISM_LOG" || true)
  # Requests off the description are expected (the tour sends bad ones on purpose): counted, not failed.
  echo "Prism: $checked responses of $requests requests checked; requests off the description (the tour's bad ones" \
    "are on purpose): $(grep -c 'Violation: request' "$PRISM_LOG" || true)"
  if grep -q 'Violation: response' "$PRISM_LOG"; then
    echo "Responses off the description (whole log: $PRISM_LOG):" >&2
    awk '/Request received/ {sub(/ *ℹ.*/, ""); sub(/.*\[HTTP SERVER\] /, ""); request = $0}
         /Violation: response/ {sub(/.*Violation: /, ""); print "  " request ": " $0}' "$PRISM_LOG" >&2
    return 1
  fi
  [[ $checked -gt 0 ]] || { echo "Prism checked no response" >&2; return 1; }
}

client() {
  local url=$1 token=$2
  mvn -B -q -f openapi/client/pom.xml compile exec:java -Dhindsight.url="$url" -Dhindsight.token="$token"
}

case ${1:-} in
  lint) lint ;;
  proxy-start) proxy_start "${2:?upstream URL}" ;;
  proxy-stop) proxy_stop ;;
  client) client "${2:?service URL}" "${3:?token}" ;;
  live)
    PORT=$(proxy_start "${2:?service URL}")
    trap 'kill -TERM -- "-$(cat "$PRISM_PID" 2>/dev/null)" 2>/dev/null || true' EXIT
    client "http://127.0.0.1:$PORT" "${3:?admin token}"
    trap - EXIT
    proxy_stop
    ;;
  *)
    sed -n '2,17p' "$0" >&2
    exit 2
    ;;
esac
