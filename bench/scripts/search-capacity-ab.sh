#!/usr/bin/env bash
# Search capacity of two builds side by side: both run `chatda demo` at once (same corpus, own data dirs), then
# h2load drives the overload script's search mix at each in turn, closed loop, twice, alternating.
# Usage: bench/scripts/search-capacity-ab.sh OLD.jar NEW.jar   (each jar with its lib/ beside it)
. "$(dirname "${BASH_SOURCE[0]}")/load-common.sh"
old="$1"; new="$2"; work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for side in old:18911 new:18912; do
  name="${side%%:*}"; port="${side##*:}"; jar="${!name}"
  java -Xmx512m -Xms512m -jar "$jar" demo --port "$port" --data "$work/$name" \
    --rate-limit-search off --rate-limit-suggest off >"$work/$name.log" 2>&1 & pids+=($!)
done
printf '%s\n' 교착상태 deadlock 'garbage collection' 페이징 'http/2' 해시 테이블 quicksort 스케줄링 메모리 \
  'bloom filter' 'consistent hashing' 자바 '"교착 상태"' 'site:demo 인덱스' > "$work/queries.txt"
for port in 18911 18912; do
  for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/ready" && break; sleep 0.5; done
  uris "$port" "/api/search?q=" "$work/queries.txt" > "$work/uris-$port.txt"
  h2load -c 4 -m 4 -t 1 -D 5 -i "$work/uris-$port.txt" >/dev/null   # warm-up
done
for round in 1 2; do
  for port in 18911 18912; do
    label=$([ "$port" = 18911 ] && echo "old $old" || echo "new $new")
    echo "round $round $label: $(h2load -c 4 -m 4 -t 1 -D 10 -i "$work/uris-$port.txt" \
      | grep -E '^finished in|^status codes' | tr '\n' ' ') load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
