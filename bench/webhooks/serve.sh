#!/usr/bin/env bash
# Starts `./recruitflow serve` as deployed (embedded PostgreSQL, job workers and the inbox dispatcher
# running) for the webhook benchmark, trusting the key SignWebhooks writes. Writes its pid to
# $BENCH_DIR/serve.pid and waits until /health/ready answers. Stop it with: kill "$(cat $BENCH_DIR/serve.pid)"
#   bench/webhooks/serve.sh            # BENCH_DIR=/tmp/wh, port 18480, data in $BENCH_DIR/data
# Extra JVM options (e.g. a Flight Recorder): RECRUITFLOW_JAVA_OPTS='-XX:StartFlightRecording=...'
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${BENCH_DIR:-/tmp/wh}"
port="${BENCH_PORT:-18480}"
mkdir -p "$dir"
jar="${BENCH_JAR:-$root/bootstrap/target/recruitflow.jar}"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -o -DskipTests package -pl bootstrap -am)
# The key: made once per BENCH_DIR (the events are signed with it by run.sh).
[ -f "$dir/key.pem" ] || java -cp "$jar" "$here/SignWebhooks.java" "$dir" 1 >/dev/null 2>&1
export RECRUITFLOW_DATA_DIR="$dir/data"
export RECRUITFLOW_HTTP_PORT="$port"
export RECRUITFLOW_ADMIN_TOKEN="${RECRUITFLOW_ADMIN_TOKEN:-bench-admin-token-0123456789abcdef}"
export RECRUITFLOW_WEBHOOK_PUBLIC_KEYS="$dir/key.pem"
# No GHL is needed to receive webhooks; the bench contacts are not recruits, so dispatching them calls nothing.
export RECRUITFLOW_GHL_BASE_URL="${RECRUITFLOW_GHL_BASE_URL:-http://127.0.0.1:18489}"
export RECRUITFLOW_GHL_TOKEN="${RECRUITFLOW_GHL_TOKEN:-pit-bench}"
export RECRUITFLOW_GHL_LOCATION_ID="${RECRUITFLOW_GHL_LOCATION_ID:-loc_0001}"
# shellcheck disable=SC2086
java ${RECRUITFLOW_JAVA_OPTS:-} -jar "$jar" serve >"$dir/serve.log" 2>&1 &
echo $! >"$dir/serve.pid"
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    echo "serve ready on port $port, pid $(cat "$dir/serve.pid"), log $dir/serve.log"
    exit 0
  fi
  sleep 0.5
done
echo "serve did not become ready; see $dir/serve.log" >&2
exit 1
