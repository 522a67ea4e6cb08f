#!/usr/bin/env bash
# CPU of the crawler's two HTTP clients fetching every HTML page of gimp-help-ko (served by nginx on loopback):
# HttpURLConnection ("blocking", the http transport) against java.net.http ("async", the https transport), each
# in a fresh JVM with the launcher's batch flags (C1 only, serial GC) and its own class-data archive, alternated.
# Usage: bench/scripts/fetch-clients.sh [rounds]   (env WORK=dir with pkg/root as crawl-gimp.sh leaves it; THREADS=4;
#        MODES="blocking async" by default, or any of blocking async async-direct async-http1: FetchClients says which)
# Needs: nginx, GNU time, bc.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
WORK=${WORK:?set WORK to a directory with pkg/root (see crawl-gimp.sh)}
DOCROOT=$WORK/pkg/root/usr/share/gimp/2.0/help/ko
[ -f "$DOCROOT/index.html" ] || { echo "no $DOCROOT/index.html" >&2; exit 2; }
./mvnw -q -B -o -pl bench -am install -DskipTests >/dev/null
CP=$WORK/fetch-clients.jar   # class-data archives need a jar on the class path, not a directory
jar cf "$CP" -C bench/target/classes io/chatda/bench/crawl
. bench/scripts/gimp-site.sh
mkdir -p "$WORK/fetch-nginx"
serve_site "$WORK/fetch-nginx" "$DOCROOT"
(cd "$DOCROOT" && find . -name '*.html' | sort | sed "s#^\./#http://127.0.0.1:$PORT/#") > "$WORK/fetch-urls.txt"
FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
for mode in ${MODES:-blocking async}; do   # class-data archives, as the launcher keeps them
  rm -f "$WORK/fetch-$mode.jsa"
  java "${FLAGS[@]}" -XX:ArchiveClassesAtExit="$WORK/fetch-$mode.jsa" -cp "$CP" io.chatda.bench.crawl.FetchClients \
    "$mode" "$WORK/fetch-urls.txt" "${THREADS:-4}" >/dev/null 2>&1
done
for ((i = 1; i <= ROUNDS; i++)); do
  for mode in ${MODES:-blocking async}; do
    out=$(/usr/bin/time -f "%e %U %S" java "${FLAGS[@]}" -XX:SharedArchiveFile="$WORK/fetch-$mode.jsa" -cp "$CP" \
      io.chatda.bench.crawl.FetchClients "$mode" "$WORK/fetch-urls.txt" "${THREADS:-4}" 2>&1)
    read -r wall user sys <<< "$(tail -1 <<< "$out")"
    echo "round $i $(head -1 <<< "$out"); process: wall $wall s, cpu $(echo "$user + $sys" | bc) s"
  done
done
