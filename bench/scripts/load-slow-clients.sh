#!/usr/bin/env bash
# Load test 3, slow clients: suggest throughput and latency with and without 1,000 extra connections
# that sit idle (500) or trickle a request header one byte every 5 s (500, slowloris).
# Usage: bench/scripts/load-slow-clients.sh [PORT] [DATA_DIR]
. "$(dirname "${BASH_SOURCE[0]}")/load-common.sh"
port="${1:-18082}"; data="${2:-/tmp/chatda-load-data}"
ulimit -n 8192
start_server "$port" "$data"
uris "$port" "/api/suggest?q=" "$here/load-prefixes.txt" > "$out/suggest-uris.txt"
flags=(-c 4 -m 16 -t 1 -n 100000)
h2load "${flags[@]}" -i "$out/suggest-uris.txt" >/dev/null   # warm-up
h2load "${flags[@]}" -i "$out/suggest-uris.txt" --log-file "$out/slow-before.log" >/dev/null
python3 - "$port" 1000 60 > "$out/slow-clients.txt" 2>&1 <<'PY' &
import socket, sys, time
port, n, seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    if i % 2:
        s.sendall(b"GET /api/suggest?q=a HTTP/1.1\r\nHost: x\r\n")
    socks.append(s)
print("opened", len(socks), flush=True)
end = time.time() + seconds
while time.time() < end:
    time.sleep(5)
    alive = 0
    for i, s in enumerate(socks):
        if s is None:
            continue
        try:
            if i % 2:
                s.sendall(b"X")
            alive += 1
        except OSError:
            socks[i] = None
    print("still open", alive, flush=True)
PY
slow_pid=$!
sleep 8
h2load "${flags[@]}" -i "$out/suggest-uris.txt" --log-file "$out/slow-during.log" >/dev/null
echo "without slow clients: $(stats "$out/slow-before.log")"
echo "with 1000 slow/idle:  $(stats "$out/slow-during.log")"
echo "health under slow clients: $(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "http://127.0.0.1:$port/health")"
wait "$slow_pid"; tail -3 "$out/slow-clients.txt"
