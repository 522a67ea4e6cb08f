#!/usr/bin/env bash
# Load test 1, capacity: /api/suggest with a realistic prefix mix (load-prefixes.txt) over h2c with many
# streams per connection, against the trivial /health route of the same server as the ceiling, in one run,
# alternating so machine noise hits both. Usage: bench/scripts/load-capacity.sh [PORT] [DATA_DIR]
# (env: N requests per run, default 200000; H2LOAD_FLAGS connections/streams/threads, default "-c 4 -m 16 -t 1")
. "$(dirname "${BASH_SOURCE[0]}")/load-common.sh"
port="${1:-18080}"; data="${2:-/tmp/chatda-load-data}"
start_server "$port" "$data"
uris "$port" "/api/suggest?q=" "$here/load-prefixes.txt" > "$out/suggest-uris.txt"

n="${N:-200000}"; read -r -a flags <<< "${H2LOAD_FLAGS:--c 4 -m 16 -t 1}"   # same flags for both routes
# warm-up: JIT and caches
h2load "${flags[@]}" -n 50000 -i "$out/suggest-uris.txt" >/dev/null
h2load "${flags[@]}" -n 50000 "http://127.0.0.1:$port/health" >/dev/null
for round in 1 2; do
  h2load "${flags[@]}" -n "$n" -i "$out/suggest-uris.txt" --log-file "$out/cap-suggest-$round.log" >"$out/cap-suggest-$round.txt"
  h2load "${flags[@]}" -n "$n" "http://127.0.0.1:$port/health" --log-file "$out/cap-noop-$round.log" >"$out/cap-noop-$round.txt"
  echo "round $round suggest: $(grep -E '^finished in' "$out/cap-suggest-$round.txt")"
  echo "round $round suggest: $(stats "$out/cap-suggest-$round.log")"
  echo "round $round no-op:   $(grep -E '^finished in' "$out/cap-noop-$round.txt")"
  echo "round $round no-op:   $(stats "$out/cap-noop-$round.log")"
done
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^chatda_admission_(limit|shed_total)' || true
