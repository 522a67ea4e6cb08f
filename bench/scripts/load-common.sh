# Shared helpers of the load-* scripts (sourced). Needs h2load (apt-get install -y nghttp2-client) and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-/tmp/chatda-load}"
mkdir -p "$out"
rm -f "$out"/*.log   # h2load appends to --log-file

# start_server PORT DATA_DIR: runs `chatda demo` with rate limits off (one load generator is one client)
# and a fixed heap; waits until /ready answers.
start_server() {
  local port="$1" data="$2"
  # CHATDA_CMD overrides the launcher, e.g. "java -Xmx512m -jar /tmp/chatda.jar" while a rebuild is broken
  CHATDA_JAVA_OPTS="${CHATDA_JAVA_OPTS:--Xmx512m -Xms512m}" ${CHATDA_CMD:-"$root/chatda"} demo --port "$port" --data "$data" \
    --rate-limit-search off --rate-limit-suggest off >"$out/server.log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log"; echo "server died" >&2; exit 1; }
    sleep 0.5
  done
  echo "server never became ready" >&2; exit 1
}

# stats LOGFILE...: req/s over the log's span, status counts and p50/p99/p99.9 of h2load --log-file logs
stats() {
  python3 "$here/load-stats.py" "$@"
}

# uris PORT PATH_PREFIX FILE: writes one full URI per line for each query in FILE
uris() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys, urllib.parse
port, prefix, path = sys.argv[1], sys.argv[2], sys.argv[3]
for line in open(path, encoding='utf-8'):
    q = line.rstrip('\n')
    if q and not q.startswith('#'):
        print(f"http://127.0.0.1:{port}{prefix}{urllib.parse.quote(q)}")
PY
}
