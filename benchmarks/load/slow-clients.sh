#!/usr/bin/env bash
# Hostile-client load test of the viewer: SLOW connections that each send one byte of a request line and then a byte
# now and then (a slowloris), plus a password-guessing client, while wrk runs CLIENTS normal /api/search clients.
# Reports wrk's latency distribution with and without the attackers, in one run, so claim and baseline share the
# machine's conditions.
#
#   benchmarks/load/slow-clients.sh INDEX_DIR QUERIES_TSV [SLOW] [CLIENTS] [SECONDS]
#
# Defaults: 50 slow connections, 20 normal clients, 30 s per phase. Needs wrk, python3 and a built jar
# (mvn -q -DskipTests package); the index and queries as for api-load.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
index=${1:?usage: slow-clients.sh INDEX_DIR QUERIES_TSV [SLOW] [CLIENTS] [SECONDS]}
queries=$(cd "$(dirname "${2:?queries.tsv missing}")" && pwd)/$(basename "$2")
slow=${3:-50}
clients=${4:-20}
seconds=${5:-30}
jar=${JAR:-$here/../../ss-mix2-examples/target/ssmix2.jar}
command -v wrk >/dev/null || { echo "slow-clients: wrk not found (apt-get install -y wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "slow-clients: python3 not found" >&2; exit 2; }
[ -f "$jar" ] || { echo "slow-clients: $jar not found (mvn -q -DskipTests package)" >&2; exit 2; }

work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
# with users, so that the guesser meets the real login and its throttle; the normal clients log in as "bench"
printf 'bench-password\n' | java -jar "$jar" useradd --users "$work/users.txt" bench >/dev/null
printf 'nurse-password\n' | java -jar "$jar" useradd --users "$work/users.txt" nurse01 >/dev/null
java ${JAVA_OPTS:-} -jar "$jar" serve --index "$index" --port 0 ${SERVER_THREADS:+--threads "$SERVER_THREADS"} \
  --users "$work/users.txt" --audit-log "$work/audit.log" >"$work/server.out" 2>&1 &
pids+=($!)
url=
for _ in $(seq 1 120); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/server.out" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { echo "slow-clients: server did not start" >&2; cat "$work/server.out" >&2; exit 2; }
url=${url%/}
port=${url##*:}
export QUERIES="$queries"
cookie=$(curl -s -o /dev/null -D - -H 'Content-Type: application/json' \
  -d '{"user":"bench","password":"bench-password"}' "$url/login" | grep -io 'ssmix2_session=[^;]*')
[ -n "$cookie" ] || { echo "slow-clients: cannot log in" >&2; exit 2; }

echo "# warm-up 20 s" >&2
wrk -t2 -c"$clients" -d20s -H "Cookie: $cookie" -s "$here/search.lua" "$url" >/dev/null
echo "## baseline: $clients clients, no attackers"
wrk -t2 -c"$clients" -d"${seconds}s" --latency -H "Cookie: $cookie" -s "$here/search.lua" "$url" | grep -E 'Latency|50%|90%|99%|Requests/sec|Non-2xx'

# The attackers: SLOW sockets trickling one byte every 5 s (under the 20 s idle timeout, so they stay open), and one
# client posting wrong passwords back to back.
python3 - "$port" "$slow" >"$work/slow.out" 2>&1 <<'PY' &
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.send(b"G")
    socks.append(s)
print("opened", len(socks), flush=True)
while True:
    time.sleep(5)
    for s in socks:
        try:
            s.send(b"E")
        except OSError:
            pass
PY
pids+=($!)
python3 - "$port" >"$work/guess.out" 2>&1 <<'PY' &
import http.client, sys
port = int(sys.argv[1])
codes = {}
while True:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("POST", "/login", body='{"user":"nurse01","password":"guess"}', headers={"Content-Type": "application/json"})
    r = c.getresponse(); r.read(); c.close()
    codes[r.status] = codes.get(r.status, 0) + 1
    if sum(codes.values()) % 100 == 0:
        print(codes, flush=True)
PY
pids+=($!)
sleep 2
echo "## under attack: $slow slow connections + 1 password guesser, $clients clients"
wrk -t2 -c"$clients" -d"${seconds}s" --latency -H "Cookie: $cookie" -s "$here/search.lua" "$url" | grep -E 'Latency|50%|90%|99%|Requests/sec|Non-2xx'
echo "slow sockets: $(head -1 "$work/slow.out"); guesser answers: $(tail -1 "$work/guess.out")"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
