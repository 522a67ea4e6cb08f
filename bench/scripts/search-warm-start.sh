#!/usr/bin/env bash
# Warm start: how much slower the first 100 searches after `chatda serve` starts are than the next 100,
# with the warm-up before listening (--warm-up-searches 300, the default) and without it (0), in one run.
# Data: the bundled demo corpus imported into a fresh data directory. Queries: the demo pages' titles
# and a few mixed ones, each searched once per round over h2c with curl; the figure is the server's
# own `tookMs` (curl's start-up is not in it). Prints mean and p90 of each round and the ratio.
# Needs: curl, python3. Usage: bench/scripts/search-warm-start.sh [ROUNDS] (default 3 starts per mode)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
WORK=$(mktemp -d /tmp/chatda-warm.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
./chatda import app/src/main/resources/demo-corpus --site demo --data "$WORK/data" >/dev/null
{ grep -h -m1 '^# ' app/src/main/resources/demo-corpus/*.md | sed 's/^# //'
  printf '%s\n' "데드락" "레디스 캐시" "deadlock 예방" "교착상태가 발생하는 조건" "python 리스트" "쿠버네티스" \
    "hash table" "이진 탐색" "garbage collection" "트랜잭션 격리"; } | head -100 > "$WORK/queries.txt"

one_start() { # one_start WARMUP -> prints "first_mean first_p90 next_mean next_p90"
  ./chatda serve --data "$WORK/data" --port 0 --rate-limit-search off --warm-up-searches "$1" > "$WORK/serve.log" 2>&1 &
  local pid=$! url=""
  for _ in $(seq 1 600); do
    url=$(grep -oE 'http://localhost:[0-9]+' "$WORK/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$WORK/serve.log" >&2; kill "$pid"; exit 1; }
  for round in first next; do
    while IFS= read -r q; do
      curl -s --http2-prior-knowledge -G "$url/api/search" --data-urlencode "q=$q" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["tookMs"])'
    done < "$WORK/queries.txt" > "$WORK/$round.txt"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$WORK/first.txt" "$WORK/next.txt" <<'PY'
import sys, statistics
def stats(path):
    xs = sorted(float(l) for l in open(path))
    return statistics.mean(xs), xs[int(0.9 * (len(xs) - 1))]
f, n = stats(sys.argv[1]), stats(sys.argv[2])
print(f"{f[0]:.2f} {f[1]:.2f} {n[0]:.2f} {n[1]:.2f}")
PY
}

printf '| warm-up searches | start | first 100 mean ms | first 100 p90 ms | next 100 mean ms | next 100 p90 ms | mean ratio |\n|---|---|---|---|---|---|---|\n'
for r in $(seq 1 "$ROUNDS"); do
  for warm in 0 300; do
    read -r fm fp nm np < <(one_start "$warm")
    python3 -c "print(f'| $warm | $r | $fm | $fp | $nm | $np | {$fm/$nm:.2f} |')"
  done
done
