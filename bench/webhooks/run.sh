#!/usr/bin/env bash
# One measured wrk run against the serve that serve.sh started: signs fresh events (new webhookIds, so
# every one is a new row), runs wrk, and prints the rate of events stored (rows added to inbox_events
# during wrk's run, over wrk's duration), wrk's latency, and the CPU spent per stored event (utime+stime
# from /proc over the run): the whole JVM, split into the receiver's threads (Jetty, inbox writers), the
# job workers (the inbox dispatcher) and the rest (JIT, GC), and PostgreSQL (postmaster and backends).
# Run it once first to warm the JIT up; a fresh JVM compiles for tens of seconds.
#   bench/webhooks/run.sh [CONNECTIONS=128] [SECONDS=10] [DELAY_MS=0]
# DELAY_MS > 0 paces each connection (it waits DELAY_MS between its answer and its next request): 10
# connections with 10 ms is the "about 1,000/s" latency run. Appends one line to $BENCH_DIR/results.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${BENCH_DIR:-/tmp/wh}"
port="${BENCH_PORT:-18480}"
conns="${1:-128}"
secs="${2:-10}"
delay="${3:-0}"
threads="${WRK_THREADS:-2}"
token="${RECRUITFLOW_ADMIN_TOKEN:-bench-admin-token-0123456789abcdef}"
jar="${BENCH_JAR:-$root/bootstrap/target/recruitflow.jar}"
pid="$(cat "$dir/serve.pid")"
pgpid="$(head -1 "$dir/data/pg/postmaster.pid")"

# Enough distinct events for the run at up to 15,000/s (paced runs need fewer).
if [ "$delay" -gt 0 ]; then n=$(( conns * 1000 / delay * secs + 2000 )); else n=$(( 15000 * secs )); fi
java -cp "$jar" "$here/SignWebhooks.java" "$dir" "$n" 2>&1 | sed 's/^/  /' >&2

ticks() { # utime+stime of a process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}
pg_ticks() { # the postmaster and every backend
  local sum=0 p
  for p in "$pgpid" $(pgrep -P "$pgpid"); do
    [ -r "/proc/$p/stat" ] && sum=$(( sum + $(ticks "$p") ))
  done
  echo "$sum"
}
stored() {
  curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/events/stats" | sed 's/.*"stored":\([0-9]*\).*/\1/'
}

threads_ticks() { # receiver, jobs, other: utime+stime of the JVM's threads by name
  local t name v r=0 j=0 o=0
  for t in /proc/"$pid"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null) || continue
    v=$(sed 's/^.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}') || continue
    case "$name" in
      JettyServerThre*|webhook-inbox*|qtp*) r=$(( r + v ));;
      db-scheduler*) j=$(( j + v ));;
      *) o=$(( o + v ));;
    esac
  done
  echo "$r $j $o"
}

hz=$(getconf CLK_TCK)
read -r r0 jb0 o0 <<<"$(threads_ticks)"
s0=$(stored); j0=$(ticks "$pid"); p0=$(pg_ticks); t0=$(date +%s.%N); load0=$(cut -d' ' -f1 /proc/loadavg)
out=$(wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s "$here/webhooks.lua" "http://127.0.0.1:$port" \
  -- "$dir/events.tsv" "$threads" "$delay")
t1=$(date +%s.%N); j1=$(ticks "$pid"); p1=$(pg_ticks); s1=$(stored); load1=$(cut -d' ' -f1 /proc/loadavg)
read -r r1 jb1 o1 <<<"$(threads_ticks)"
echo "$out" >&2

events=$(( s1 - s0 ))
# every request of the run has its answer before wrk returns, and an event is counted once it is committed
wrk_secs=$(echo "$out" | awk '/requests in/{sub("s,", "", $4); print $4}')
awk -v e="$events" -v t0="$t0" -v t1="$t1" -v ws="$wrk_secs" -v j="$(( j1 - j0 ))" -v p="$(( p1 - p0 ))" -v hz="$hz" \
    -v rc="$(( r1 - r0 ))" -v jc="$(( jb1 - jb0 ))" -v oc="$(( o1 - o0 ))" \
    -v c="$conns" -v d="$delay" -v l0="$load0" -v l1="$load1" \
    -v p50="$(echo "$out" | awk '$1=="50%"{print $2}')" -v p99="$(echo "$out" | awk '$1=="99%"{print $2}')" \
    -v non2xx="$(echo "$out" | awk '/Non-2xx/{print $NF}')" \
    'BEGIN {
       s = ws > 0 ? ws : t1 - t0; if (e <= 0) e = 1e-9;
       us = 1e6 / hz / e;
       line = sprintf("%s conns=%d delay=%dms stored=%d in %.2fs = %.0f/s  p50=%s p99=%s non2xx=%s  CPU us/event: JVM %.0f (receiver %.0f, jobs %.0f, other %.0f), PostgreSQL %.0f  load %s->%s",
         strftime("%Y-%m-%dT%H:%M:%SZ", systime(), 1), c, d, e, s, e / s, p50, p99, (non2xx == "" ? 0 : non2xx),
         j * us, rc * us, jc * us, oc * us, p * us, l0, l1);
       print line
     }' | tee -a "$dir/results.txt"
