#!/usr/bin/env bash
# Search latency over ~100,000 documents: the gimp-help-ko and python3.11-doc pages replicated with
# variations (SearchLatency's Javadoc), p50/p99 with 1 and 8 client threads for chatda's full
# pipeline and, in the same run, for plain BM25 on the body. The index is kept in $WORK and reused.
# Needs what eval-search.sh needs (it downloads the same packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/chatda-eval-search}
DOCS=${DOCS:-100000}
mkdir -p "$WORK/pkg"
(cd "$WORK/pkg"
 [ -d root/usr/share/gimp ] || { apt-get download gimp-help-ko >/dev/null && dpkg -x gimp-help-ko_*.deb root; }
 [ -d root/usr/share/doc/python3.11/html ] || { apt-get download python3.11-doc >/dev/null && dpkg -x python3.11-doc_*.deb root; })
./mvnw -q -B -o install -DskipTests -pl hangul,suggest,crawl,search,server,app
./mvnw -q -B -o -pl bench package -DskipTests
./mvnw -q -B -o -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
java -Xmx1500m -cp "bench/target/classes:$(cat "$WORK/cp.txt")" io.chatda.bench.search.SearchLatency \
  "$WORK/latency-index" "$DOCS" \
  "gimp-help-ko=$WORK/pkg/root/usr/share/gimp/2.0/help/ko" \
  "python-doc=$WORK/pkg/root/usr/share/doc/python3.11/html"
