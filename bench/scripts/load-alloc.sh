#!/usr/bin/env bash
# Per-request cost that machine noise doesn't blur: bytes the server allocates per request (all threads,
# from JFR's jdk.ThreadAllocationStatistics) for /api/suggest with the prefix mix against the no-op
# /health, alternating twice. Needs jcmd and jfr from the JDK that runs the server.
# Usage: bench/scripts/load-alloc.sh [PORT] [DATA_DIR]
. "$(dirname "${BASH_SOURCE[0]}")/load-common.sh"
port="${1:-18083}"; data="${2:-/tmp/chatda-load-data}"
start_server "$port" "$data"
uris "$port" "/api/suggest?q=" "$here/load-prefixes.txt" > "$out/suggest-uris.txt"
n="${N:-200000}"; flags=(-c 4 -m 16 -t 1)
for _ in 1 2; do   # warm-up: JIT and caches
  h2load "${flags[@]}" -n 100000 -i "$out/suggest-uris.txt" >/dev/null
  h2load "${flags[@]}" -n 100000 "http://127.0.0.1:$port/health" >/dev/null
done
cat > "$out/alloc.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">500 ms</setting></event>
</configuration>
JFC
jcmd "$server_pid" JFR.start name=alloc settings="$out/alloc.jfc" filename="$out/alloc.jfr" >/dev/null
sleep 2
: > "$out/alloc-phases.txt"
for route in suggest no-op suggest no-op; do
  if [ "$route" = suggest ]; then args=(-i "$out/suggest-uris.txt"); else args=("http://127.0.0.1:$port/health"); fi
  t0=$(date +%s.%N); h2load "${flags[@]}" -n "$n" "${args[@]}" > "$out/alloc-$route.txt"; t1=$(date +%s.%N)
  echo "$route $t0 $t1 $(grep -E '^status codes' "$out/alloc-$route.txt" | tr -d ',')" >> "$out/alloc-phases.txt"
  sleep 2   # idle gap, so each phase lies between two samples
done
jcmd "$server_pid" JFR.stop name=alloc >/dev/null
jfr print --json --events jdk.ThreadAllocationStatistics "$out/alloc.jfr" > "$out/alloc.json"
python3 - "$out/alloc.json" "$out/alloc-phases.txt" "$n" <<'PY'
import collections, datetime, json, sys
events = json.load(open(sys.argv[1]))['recording']['events']
n = int(sys.argv[3])
def seconds(s):
    return datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
per_thread = collections.defaultdict(list)
for e in events:
    v = e['values']
    per_thread[(v.get('thread') or {}).get('javaThreadId')].append((seconds(v['startTime']), v['allocated']))
def allocated(t0, t1):
    total = 0
    for samples in per_thread.values():
        samples.sort()
        before = [a for t, a in samples if t <= t0]
        after = [a for t, a in samples if t >= t1]
        total += (after[0] if after else samples[-1][1]) - (before[-1] if before else 0)
    return total
for line in open(sys.argv[2]):
    route, t0, t1, *codes = line.split()
    print(f"{route:8} {allocated(float(t0), float(t1)) / n:8,.0f} bytes allocated per request   {' '.join(codes)}")
PY
