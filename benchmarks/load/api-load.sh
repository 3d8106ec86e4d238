#!/usr/bin/env bash
# Load test of the viewer's /api/search with wrk (a separate process, so clients and server do not share a JVM):
# starts `ssmix2 serve` on an existing index, warms it up, then runs CLIENTS keep-alive connections in a closed loop
# and reports wrk's latency distribution, throughput and the server's CPU time per request.
#
#   benchmarks/load/api-load.sh INDEX_DIR QUERIES_TSV [CLIENTS] [SECONDS]
#
# THINK_MS=N makes every client pause N ms between its requests (a nurse typing); without it the clients send as fast as
# the server answers, which measures saturation rather than a ward's load. SERVER_THREADS sets `serve --threads`.
#
# Needs wrk (Debian: apt-get install -y wrk) and a built jar (mvn -q -DskipTests package). Example, 100k patients
# (the work folder `benchmarks/run.sh --prepare` makes):
#   W=benchmarks/target/work/storage-names-only-s42-n100000
#   java -jar ss-mix2-examples/target/ssmix2.jar index --index /tmp/api100k $W/storage
#   benchmarks/load/api-load.sh /tmp/api100k $W/queries.tsv 20 60
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
index=${1:?usage: api-load.sh INDEX_DIR QUERIES_TSV [CLIENTS] [SECONDS]}
queries=$(cd "$(dirname "${2:?queries.tsv missing}")" && pwd)/$(basename "$2")
clients=${3:-20}
seconds=${4:-60}
jar=${JAR:-$here/../../ss-mix2-examples/target/ssmix2.jar}
threads=${WRK_THREADS:-2}
command -v wrk >/dev/null || { echo "api-load: wrk not found (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$jar" ] || { echo "api-load: $jar not found (mvn -q -DskipTests package)" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
java ${JAVA_OPTS:-} -jar "$jar" serve --index "$index" --port 0 ${SERVER_THREADS:+--threads "$SERVER_THREADS"} \
  --audit-log "$work/audit.log" >"$work/server.out" 2>&1 &
server=$!
url=
for _ in $(seq 1 120); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/server.out" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.out" >&2; exit 2; }
  sleep 0.5
done
[ -n "$url" ] || { echo "api-load: server did not start" >&2; cat "$work/server.out" >&2; exit 2; }
url=${url%/}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
export QUERIES="$queries"
echo "# warm-up: $clients clients, 20 s; then ${seconds} s measured, think time ${THINK_MS:-0} ms" >&2
wrk -t"$threads" -c"$clients" -d20s -s "$here/search.lua" "$url" >/dev/null
before=$(cpu_ticks)
wrk -t"$threads" -c"$clients" -d"${seconds}s" --latency -s "$here/search.lua" "$url" | tee "$work/wrk.out"
after=$(cpu_ticks)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
hz=$(getconf CLK_TCK)
awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" \
  'BEGIN { printf "server CPU: %.2f s for %d requests = %.3f ms per request\n", t / hz, n, 1000 * t / hz / n }'
echo "audit lines: $(wc -l <"$work/audit.log")"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
