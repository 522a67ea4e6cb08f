#!/usr/bin/env bash
# Real-site crawl benchmark: Debian's gimp-help-ko served by nginx on loopback, crawled by chatda
# (politeness off) and by wget --recursive as the reference; prints both pages/s and the ratio
# (target >= 0.3). Then kills a crawl half-way, resumes it and compares the URL sets.
# Needs: nginx, wget, dpkg, apt-get download; the chatda launcher built (./chatda).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-$(mktemp -d)}
PORT=${PORT:-18080}
mkdir -p "$WORK/pkg" && cd "$WORK/pkg"
[ -d root ] || { apt-get download gimp-help-ko >/dev/null; dpkg -x gimp-help-ko_*.deb root; }
DOCROOT=$(dirname "$(find "$WORK/pkg/root" -name index.html -path '*ko*' | head -1)")
cd - >/dev/null
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2; daemon off; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http { access_log off; include /etc/nginx/mime.types; sendfile on;
  server { listen 127.0.0.1:$PORT; root $DOCROOT; } }
CONF
nginx -c "$WORK/nginx.conf" & NGINX=$!
trap 'kill $NGINX 2>/dev/null || true' EXIT
sleep 1
SEED=http://127.0.0.1:$PORT/index.html

start=$(date +%s.%N)
wget -q --recursive --level=inf --no-parent -P "$WORK/wget" "$SEED" || true
wget_s=$(echo "$(date +%s.%N) - $start" | bc)
wget_pages=$(find "$WORK/wget" -name '*.html' | wc -l)

start=$(date +%s.%N)
./chatda crawl "$SEED" --allow-private --delay 0 --data "$WORK/full" | tee "$WORK/full.log"
chatda_s=$(echo "$(date +%s.%N) - $start" | bc)
chatda_pages=$(sqlite3 "$WORK/full/crawl.db" "select count(*) from urls where fetch_count>0")
indexed=$(sqlite3 "$WORK/full/crawl.db" "select count(*) from urls where indexed=1")

wget_rate=$(echo "scale=1; $wget_pages / $wget_s" | bc)
chatda_rate=$(echo "scale=1; $chatda_pages / $chatda_s" | bc)
echo "wget:   $wget_pages pages in ${wget_s}s = $wget_rate pages/s"
echo "chatda: $chatda_pages fetched, $indexed indexed in ${chatda_s}s = $chatda_rate pages/s"
echo "ratio:  $(echo "scale=2; $chatda_rate / $wget_rate" | bc) (target >= 0.3)"

# kill -9 half-way, then resume
./chatda crawl "$SEED" --allow-private --delay 0 --data "$WORK/killed" > "$WORK/killed.log" 2>&1 & PID=$!
half=$((chatda_pages / 2))
while kill -0 $PID 2>/dev/null; do
  n=$(sqlite3 "$WORK/killed/crawl.db" "select count(*) from urls where fetch_count>0" 2>/dev/null || echo 0)
  [ "$n" -ge "$half" ] && { kill -9 $PID; break; }
  sleep 0.05
done
wait $PID 2>/dev/null || true
./chatda crawl --resume --allow-private --delay 0 --data "$WORK/killed" > "$WORK/resumed.log"
sqlite3 "$WORK/full/crawl.db" "select url from urls where indexed=1 order by url" > "$WORK/full.urls"
sqlite3 "$WORK/killed/crawl.db" "select url from urls where indexed=1 order by url" > "$WORK/killed.urls"
twice=$(sqlite3 "$WORK/killed/crawl.db" "select count(*) from urls where fetch_count>1")
if diff -q "$WORK/full.urls" "$WORK/killed.urls" >/dev/null; then echo "resume: same $(wc -l < "$WORK/full.urls") URLs"; else echo "resume: URL sets DIFFER"; exit 1; fi
echo "resume: pages fetched twice: $twice"
