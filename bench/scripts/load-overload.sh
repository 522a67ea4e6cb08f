#!/usr/bin/env bash
# Load test 2, overload: measure /api/search capacity (closed loop), then offer 10x that rate for 30 s
# (open loop, h2load --rps) with normal suggest traffic beside it, then drop back to half capacity and
# watch latency recover. Usage: bench/scripts/load-overload.sh [PORT] [DATA_DIR]
. "$(dirname "${BASH_SOURCE[0]}")/load-common.sh"
port="${1:-18081}"; data="${2:-/tmp/chatda-load-data}"
start_server "$port" "$data"
printf '%s\n' 교착상태 deadlock 'garbage collection' 페이징 'http/2' 해시 테이블 quicksort 스케줄링 메모리 \
  'bloom filter' 'consistent hashing' 자바 '"교착 상태"' 'site:demo 인덱스' > "$out/search-queries.txt"
uris "$port" "/api/search?q=" "$out/search-queries.txt" > "$out/search-uris.txt"
uris "$port" "/api/suggest?q=" "$here/load-prefixes.txt" > "$out/suggest-uris.txt"
h2load -c 4 -m 4 -t 1 -D 5 -i "$out/search-uris.txt" >/dev/null   # warm-up

# capacity and unloaded latency
h2load -c 4 -m 4 -t 1 -D 10 -i "$out/search-uris.txt" --log-file "$out/ov-capacity.log" > "$out/ov-capacity.txt"
cap=$(python3 "$here/load-stats.py" "$out/ov-capacity.log" | sed -E 's/.*req\/s=([0-9]+).*/\1/')
half=$(( cap / 2 )); clients=50
h2load -c 10 -t 1 --rps $(( half / 10 > 0 ? half / 10 : 1 )) -D 10 -i "$out/search-uris.txt" \
  --log-file "$out/ov-unloaded.log" > "$out/ov-unloaded.txt"
echo "search capacity (closed loop): $(stats "$out/ov-capacity.log")"
echo "search at half capacity, unloaded: $(stats --status 200 "$out/ov-unloaded.log")"

# normal suggest traffic for the whole spike and recovery: 200 req/s
h2load -c 4 -t 1 --rps 50 -D 50 -i "$out/suggest-uris.txt" --log-file "$out/ov-suggest.log" > "$out/ov-suggest.txt" &
suggest_pid=$!
spike_start=$(date +%s.%N)
h2load -c $clients -m 8 -t 1 --rps $(( cap * 10 / clients )) -D 30 -i "$out/search-uris.txt" \
  --log-file "$out/ov-spike.log" > "$out/ov-spike.txt"
after_start=$(date +%s.%N)
h2load -c 10 -t 1 --rps $(( half / 10 > 0 ? half / 10 : 1 )) -D 15 -i "$out/search-uris.txt" \
  --log-file "$out/ov-after.log" > "$out/ov-after.txt"
wait "$suggest_pid"

echo "offered $(( cap * 10 )) search req/s for 30 s (10x capacity $cap)"
echo "spike, all answers:      $(stats "$out/ov-spike.log")"
echo "spike, admitted (200):   $(stats --status 200 "$out/ov-spike.log")"
grep -E "^requests:|^status codes:|timeout|errored" "$out/ov-spike.txt" || true
echo "suggest beside it:       $(stats "$out/ov-suggest.log")"
echo "after the spike, per second (search at half capacity):"
stats --per-second --origin "$after_start" "$out/ov-after.log"
echo "server: $(curl -s "http://127.0.0.1:$port/metrics" | grep -E '^chatda_http_requests_total\{.*(status="(500|503|429)")' | tr '\n' ' ')"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^(chatda_admission_(limit|shed_total)|chatda_search_(cancelled|abandoned)_total|jvm_memory_used_bytes\{area="heap"|jvm_memory_max_bytes\{area="heap")' || true
kill -0 "$server_pid" && echo "server alive after the spike (heap capped by -Xmx)"
