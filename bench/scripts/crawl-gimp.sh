#!/usr/bin/env bash
# Real-site crawl benchmark (issue 5): Debian's gimp-help-ko served by our own nginx on a free loopback port,
# crawled by `chatda crawl` with politeness off and, in the same run, by `wget --recursive --level=inf` as the
# reference. Prints both rates and their ratio (target >= 0.3), checks that every HTML page wget reaches by links
# is in the search index, then kills a second crawl with -9 half-way, resumes it with --resume and checks that the
# index holds the same URLs as the uninterrupted crawl and that no page was fetched twice (crawl store and nginx log).
# Usage: bench/scripts/crawl-gimp.sh   (env: CONCURRENCY=4, WORK=temp dir, CHATDA=./chatda; CHATDA_JAR=copy.jar runs
#        the launcher on a copy of the jar; BASELINE=other-chatda also times that one, right after, for before/after;
#        ROUNDS=3: that many chatda crawls, each between two wget runs, and the median ratio)
# The launcher keeps a class-data sharing archive per command, made by the command's first run and checked by the
# second: two short warm-up crawls (5 pages, untimed) put it in place before the timed runs, as earlier crawls on the
# machine would have.
# Needs: nginx, wget, sqlite3, bc, python3, apt-get download + dpkg (or an unpacked package in $WORK/pkg/root).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CHATDA=${CHATDA:-$ROOT/chatda}
CONCURRENCY=${CONCURRENCY:-4}
WORK=${WORK:-$(mktemp -d)}
echo "work dir: $WORK"
mkdir -p "$WORK/pkg"
if [ ! -d "$WORK/pkg/root" ]; then
  (cd "$WORK/pkg" && apt-get download gimp-help-ko >/dev/null && dpkg -x gimp-help-ko_*.deb root)
fi
DOCROOT=$WORK/pkg/root/usr/share/gimp/2.0/help/ko
[ -f "$DOCROOT/index.html" ] || { echo "no $DOCROOT/index.html" >&2; exit 1; }

. bench/scripts/gimp-site.sh
serve_site "$WORK" "$DOCROOT"
[ -x "$CHATDA" ] && "$CHATDA" version >/dev/null   # builds the launcher's jar now, not inside a timed run
# twice: the first run writes the archive, the second checks it and puts it in place (about 0.2 s, once)
for _ in 1 2; do
  rm -rf "$WORK/warm-up" "$WORK/warm-up-b"
  "$CHATDA" crawl "$SEED" --allow-private --delay 0 --max-pages 5 --data "$WORK/warm-up" >/dev/null 2>&1
  [ -z "${BASELINE:-}" ] || "$BASELINE" crawl "$SEED" --allow-private --delay 0 --max-pages 5 --data "$WORK/warm-up-b" >/dev/null 2>&1
done
echo "load average before the timed runs: $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
log_lines() { wc -l < "$WORK/access.log"; }
html_pages() { find "$1" -name '*.html' | wc -l; }
# wget as the reference, twice around the chatda crawl; "all" is the literal command (it also downloads the
# 2,000 images, fonts and stylesheets), "html" rejects those so wget fetches exactly the pages chatda fetches.
REJECT='*.png,*.jpg,*.jpeg,*.gif,*.svg,*.css,*.js,*.woff,*.woff2,*.ttf,*.eot,*.xml'
wget_run() { # name -> prints seconds
  rm -rf "$WORK/wget-$1"; local s; s=$(now)
  if [ "$1" = all ]; then wget -q --recursive --level=inf --no-parent -P "$WORK/wget-$1" "$SEED" || true
  else wget -q --recursive --level=inf --no-parent -R "$REJECT" -P "$WORK/wget-$1" "$SEED" || true; fi
  echo "$(now) - $s" | bc
}
wa1=$(wget_run all); wh1=$(wget_run html)

s=$(now)
"$CHATDA" crawl "$SEED" --allow-private --delay 0 --concurrency "$CONCURRENCY" --data "$WORK/full" > "$WORK/full.log" 2>&1
chatda_s=$(echo "$(now) - $s" | bc)

if [ -n "${BASELINE:-}" ]; then
  rm -rf "$WORK/baseline"; s=$(now)
  "$BASELINE" crawl "$SEED" --allow-private --delay 0 --concurrency "$CONCURRENCY" --data "$WORK/baseline" > "$WORK/baseline.log" 2>&1
  baseline_s=$(echo "$(now) - $s" | bc)
fi
wa2=$(wget_run all); wh2=$(wget_run html)
echo "load average after the timed runs: $(cut -d' ' -f1-3 /proc/loadavg)"
pages=$(html_pages "$WORK/wget-all")
fetched=$(sqlite3 "$WORK/full/crawl.db" "select count(*) from urls where fetch_count>0")
grep -h "crawl finished" "$WORK/full.log"
grep -h -o "timings: .*" "$WORK/full.log" || true
crawl_rate=$(grep -h -o "pages/s=[0-9.]*" "$WORK/full.log" | head -1 | cut -d= -f2)
wall_all=$(echo "scale=3; ($wa1 + $wa2) / 2" | bc); wall_html=$(echo "scale=3; ($wh1 + $wh2) / 2" | bc)
rate() { echo "scale=1; $1 / $2" | bc; }
r_all=$(rate "$pages" "$wall_all"); r_html=$(rate "$(html_pages "$WORK/wget-html")" "$wall_html")
r_chatda=$(rate "$fetched" "$chatda_s")
printf 'wget (literal, all files): %s HTML pages, %s files, %ss, %s pages/s (runs %ss, %ss)\n' \
  "$pages" "$(find "$WORK/wget-all" -type f | wc -l)" "$wall_all" "$r_all" "$wa1" "$wa2"
printf 'wget (HTML only):          %s pages, %ss, %s pages/s (runs %ss, %ss)\n' \
  "$(html_pages "$WORK/wget-html")" "$wall_html" "$r_html" "$wh1" "$wh2"
printf 'chatda crawl:              %s fetched, %ss whole command (start-up, crawl, index, suggestions), %s pages/s\n' \
  "$fetched" "$chatda_s" "$r_chatda"
printf 'ratio: %s of wget (literal), %s of wget (HTML only); target >= 0.3\n' \
  "$(echo "scale=2; $r_chatda / $r_all" | bc)" "$(echo "scale=2; $r_chatda / $r_html" | bc)"
printf 'the crawl alone (its summary line, %s pages/s): %s of wget (literal), %s of wget (HTML only)\n' \
  "$crawl_rate" "$(echo "scale=2; $crawl_rate / $r_all" | bc)" "$(echo "scale=2; $crawl_rate / $r_html" | bc)"
if [ -n "${BASELINE:-}" ]; then
  b_fetched=$(sqlite3 "$WORK/baseline/crawl.db" "select count(*) from urls where fetch_count>0")
  printf 'baseline %s: %s fetched, %ss whole command, %s pages/s (%s of wget literal); %s\n' "$BASELINE" \
    "$b_fetched" "$baseline_s" "$(rate "$b_fetched" "$baseline_s")" \
    "$(echo "scale=2; $(rate "$b_fetched" "$baseline_s") / $r_all" | bc)" "$(grep -h -o "pages/s=[0-9.]* elapsed=[0-9.]*s" "$WORK/baseline.log" | head -1)"
fi

# more rounds, each chatda crawl between two literal wget runs, so one disturbed run doesn't decide the ratio
ROUNDS=${ROUNDS:-3}
ratios=$(echo "scale=3; $r_chatda / $r_all" | bc)
for ((round = 2; round <= ROUNDS; round++)); do
  wa=$(wget_run all)
  rm -rf "$WORK/round"; s=$(now)
  "$CHATDA" crawl "$SEED" --allow-private --delay 0 --concurrency "$CONCURRENCY" --data "$WORK/round" > "$WORK/round.log" 2>&1
  cs=$(echo "$(now) - $s" | bc)
  wb=$(wget_run all)
  f=$(sqlite3 "$WORK/round/crawl.db" "select count(*) from urls where fetch_count>0")
  rw=$(rate "$pages" "$(echo "scale=3; ($wa + $wb) / 2" | bc)"); rc=$(rate "$f" "$cs")
  r=$(echo "scale=3; $rc / $rw" | bc)
  printf 'round %d: wget (literal) %s pages/s (runs %ss, %ss), chatda %s fetched in %ss, %s pages/s: ratio %s; %s\n' \
    "$round" "$rw" "$wa" "$wb" "$f" "$cs" "$rc" "$r" "$(grep -h -o "timings: .*" "$WORK/round.log" || true)"
  ratios="$ratios $r"
done
median=$(printf '%s\n' $ratios | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "whole command / wget (literal), per round: $ratios; median $median (target >= 0.3); load now $(cut -d' ' -f1-3 /proc/loadavg)"

# reachable set: every HTML page wget saved, as a URL, vs the URLs in chatda's search index
JAVA_CP="$(dirname "${CHATDA_JAR:-$ROOT/app/target/chatda.jar}")/lib/*"
(cd "$WORK/wget-all/127.0.0.1:$PORT" && find . -name '*.html' | sed "s#^\./#http://127.0.0.1:$PORT/#" | sort) > "$WORK/reachable.urls"
java -cp "$JAVA_CP" bench/scripts/crawl-index-urls.java "$WORK/full/index" > "$WORK/full.index.urls"
if diff "$WORK/reachable.urls" "$WORK/full.index.urls" > "$WORK/reachable.diff"; then
  echo "reachable: all $(wc -l < "$WORK/reachable.urls") HTML pages wget reached are in the index, and nothing else"
else
  echo "reachable: index and wget DIFFER (see $WORK/reachable.diff):"; head -20 "$WORK/reachable.diff"; exit 1
fi

# kill -9 half-way, then --resume
before=$(log_lines)
"$CHATDA" crawl "$SEED" --allow-private --delay 0 --concurrency "$CONCURRENCY" --data "$WORK/killed" > "$WORK/killed.log" 2>&1 & PID=$!
half=$((fetched / 2)); n=0
while kill -0 $PID 2>/dev/null; do
  n=$(sqlite3 "$WORK/killed/crawl.db" "select count(*) from urls where fetch_count>0" 2>/dev/null || echo 0)
  if [ "${n:-0}" -ge "$half" ]; then kill -9 $PID; break; fi
  sleep 0.05
done
wait $PID 2>/dev/null || true
echo "killed (-9) at $n of $fetched pages fetched"
"$CHATDA" crawl --resume --allow-private --delay 0 --concurrency "$CONCURRENCY" --data "$WORK/killed" > "$WORK/resumed.log" 2>&1
grep -h "crawl finished" "$WORK/resumed.log"
java -cp "$JAVA_CP" bench/scripts/crawl-index-urls.java "$WORK/killed/index" > "$WORK/killed.index.urls"
sqlite3 "$WORK/full/crawl.db" "select url from urls where indexed=1 order by url" > "$WORK/full.store.urls"
sqlite3 "$WORK/killed/crawl.db" "select url from urls where indexed=1 order by url" > "$WORK/killed.store.urls"
twice=$(sqlite3 "$WORK/killed/crawl.db" "select count(*) from urls where fetch_count>1")
# every GET of an HTML page nginx logged during the killed and the resumed crawls, counted per path
repeated=$(tail -n +"$((before + 1))" "$WORK/access.log" | awk '$6 == "\"GET" && $7 ~ /\.html$/ {print $7}' | sort | uniq -d | wc -l)
ok=1
if diff -q "$WORK/full.index.urls" "$WORK/killed.index.urls" >/dev/null; then
  echo "resume: search index holds the same $(wc -l < "$WORK/killed.index.urls") URLs as the uninterrupted crawl"
else echo "resume: search index URLs DIFFER"; diff "$WORK/full.index.urls" "$WORK/killed.index.urls" | head; ok=0; fi
if diff -q "$WORK/full.store.urls" "$WORK/killed.store.urls" >/dev/null; then
  echo "resume: crawl store marks the same $(wc -l < "$WORK/killed.store.urls") URLs indexed"
else echo "resume: crawl store URLs DIFFER"; ok=0; fi
echo "resume: pages with fetch_count > 1 in the crawl store: $twice"
echo "resume: HTML paths nginx served more than once across the killed and resumed crawls: $repeated"
[ "$ok" = 1 ] && [ "$twice" = 0 ]
