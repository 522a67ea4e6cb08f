#!/usr/bin/env bash
# The whole `chatda crawl` (crawler + Lucene index + link graph) under -Xmx512m over a generated static site of
# N pages (default 100000) served by our own nginx on a free loopback port. Prints progress, the largest heap
# occupancy after a GC, and fails if the JVM runs out of memory.
# Usage: bench/scripts/crawl-memory-cli.sh [PAGES]   (env: WORK=temp dir, CHATDA=./chatda, CONCURRENCY=4)
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=${1:-100000}
CHATDA=${CHATDA:-$PWD/chatda}
WORK=${WORK:-$(mktemp -d)}
echo "work dir: $WORK"
mkdir -p "$WORK/site" "$WORK/nginx-tmp"
python3 - "$PAGES" "$WORK/site" <<'PY'
import os, random, sys
n, root = int(sys.argv[1]), sys.argv[2]
words = ("search engine crawler index query page link robot sitemap 검색 엔진 색인 형태소 분석 문서 "
         "링크 페이지 사전 한국어 영어 mixed text body title heading anchor").split()
for i in range(n):
    path = os.path.join(root, f"p{i}.html")
    if os.path.exists(path):
        continue
    rnd = random.Random(i)
    text = " ".join(rnd.choice(words) for _ in range(80))
    links = "".join(f'<a href="p{j}.html">page {j}</a> ' for j in ((i * 7 + 1) % n, (i * 13 + 5) % n, (i + 1) % n))
    with open(path, "w") as f:
        f.write(f"<!doctype html><html><head><title>Page {i}</title></head><body><h1>Page {i} {rnd.choice(words)}</h1>"
                f"<p>page {i} {text}</p><p>{links}</p></body></html>")
PY
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
T=$WORK/nginx-tmp
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http { include /etc/nginx/mime.types; sendfile on; access_log off;
  client_body_temp_path $T; proxy_temp_path $T; fastcgi_temp_path $T; uwsgi_temp_path $T; scgi_temp_path $T;
  server { listen 127.0.0.1:$PORT; root $WORK/site; } }
CONF
nginx -c "$WORK/nginx.conf" & NGINX=$!
trap 'kill $NGINX 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/p0.html" && break; sleep 0.1; done
rm -rf "$WORK/data"
s=$(date +%s)
CHATDA_JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError -Xlog:gc:file=$WORK/gc.log ${CHATDA_JAVA_OPTS:-}" \
  "$CHATDA" crawl "http://127.0.0.1:$PORT/p0.html" --allow-private --delay 0 --concurrency "${CONCURRENCY:-4}" \
  --max-pages "$PAGES" --max-depth 100000 --data "$WORK/data" > "$WORK/crawl.log" 2>&1 && rc=0 || rc=$?
tail -3 "$WORK/crawl.log"
peak=$(grep -o -- '->[0-9]*M' "$WORK/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
# after a full collection (the serial collector's young collections can end above it when promotion fails)
full=$(grep -- 'Pause Full' "$WORK/gc.log" | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1)
echo "exit $rc after $(( $(date +%s) - s ))s; indexed $(sqlite3 "$WORK/data/crawl.db" 'select count(*) from urls where indexed=1') pages; largest heap after GC ${peak:-?} MB, after a full GC ${full:-none} MB (max 512 MB)"
exit $rc
