#!/usr/bin/env bash
# Known-item search evaluation on real sites: Debian's gimp-help-ko (Korean) and python3.11-doc
# (English) HTML, imported through chatda's FileImporter/HtmlExtractor into one index. Every page
# with a unique title is a target; queries are its title, a partial title (a third of the words
# dropped, the rest shuffled) and eight words from the middle of its body. Prints MRR@10 and
# success@1 for chatda's ranking and for plain BM25 on the body field, same index, same run.
# Needs: apt-get download, dpkg; Maven offline repo populated (./mvnw install once).
# EVAL_VERBOSE=1 lists the queries chatda doesn't answer at rank 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/chatda-eval-search}
mkdir -p "$WORK/pkg"
(cd "$WORK/pkg"
 [ -d root/usr/share/gimp ] || { apt-get download gimp-help-ko >/dev/null && dpkg -x gimp-help-ko_*.deb root; }
 [ -d root/usr/share/doc/python3.11/html ] || { apt-get download python3.11-doc >/dev/null && dpkg -x python3.11-doc_*.deb root; })
./mvnw -q -B -o install -DskipTests -pl hangul,suggest,crawl,search,server,app
./mvnw -q -B -o -pl bench package -DskipTests
./mvnw -q -B -o -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
java -cp "bench/target/classes:$(cat "$WORK/cp.txt")" io.chatda.bench.search.SearchEval "$WORK/index" \
  "gimp-help-ko=$WORK/pkg/root/usr/share/gimp/2.0/help/ko" \
  "python-doc=$WORK/pkg/root/usr/share/doc/python3.11/html"
