#!/usr/bin/env bash
# Two builds of chatda crawling gimp-help-ko side by side: the same nginx-served site, `chatda crawl` with politeness off,
# the builds alternating, so both meet the same moments of a shared machine. Prints each run's wall and CPU
# (user + system) seconds from /usr/bin/time and the command's own phase timings.
# Usage: bench/scripts/crawl-ab.sh A.jar B.jar [pairs]   (each jar with its lib/ beside it, e.g. a copy of app/target;
#        env WORK=dir holding pkg/root, the unpacked package, as crawl-gimp.sh leaves it; CONCURRENCY=4)
# Needs: nginx, GNU time (/usr/bin/time), bc.
set -euo pipefail
cd "$(dirname "$0")/../.."
A=$1 B=$2 PAIRS=${3:-3}
WORK=${WORK:?set WORK to a directory with pkg/root (see crawl-gimp.sh)}
DOCROOT=$WORK/pkg/root/usr/share/gimp/2.0/help/ko
[ -f "$DOCROOT/index.html" ] || { echo "no $DOCROOT/index.html" >&2; exit 2; }
. bench/scripts/gimp-site.sh
mkdir -p "$WORK/ab-nginx"
serve_site "$WORK/ab-nginx" "$DOCROOT"
crawl() { # jar data-dir [more args]
  local jar=$1 data=$2; shift 2
  rm -rf "$data"
  CHATDA_JAR=$jar ./chatda crawl "$SEED" --allow-private --delay 0 --concurrency "${CONCURRENCY:-4}" --data "$data" "$@"
}
# twice each: the launcher's class-data archive is written by one run and checked by the next
for jar in "$A" "$B" "$A" "$B"; do crawl "$jar" "$WORK/ab-warm" --max-pages 5 >/dev/null 2>&1; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= PAIRS; i++)); do
  for jar in "$A" "$B"; do
    /usr/bin/time -f "%e %U %S" -o "$WORK/ab.time" bash -c "$(declare -f crawl); SEED=$SEED; crawl $jar $WORK/ab-data" \
      > "$WORK/ab.log" 2>&1
    read -r wall user sys < "$WORK/ab.time"
    echo "$jar: wall $wall s, cpu $(echo "$user + $sys" | bc) s; $(grep -o 'timings: .*' "$WORK/ab.log" | sed 's/timings: //')"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
