#!/usr/bin/env bash
# Known-item search evaluation (SearchEval), chatda against a plain Lucene + nori peer built in the
# same run from the same documents.
#
# Corpora (Debian packages, unpacked with apt-get download + dpkg -x; the demo corpus is in the repo):
#   gimp-help-ko   Korean GIMP manual (HTML; about a quarter of its pages have Korean titles)
#   debian-faq-ko  Korean Debian FAQ (HTML, one page per chapter)
#   python-doc     English Python 3.11 docs (HTML; Sphinx's _sources/_static left out)
#   demo           chatda's bundled demo notes (Markdown, Korean and English CS topics)
# All are read through chatda's FileImporter into ONE chatda index (confusion across corpora counts)
# and one peer index; figures are reported per corpus and pooled ("all").
#
# Queries are generated deterministically (EVAL_SEED, default 42, mixed with a CRC-32 of each page's
# corpus-relative URL and the kind) from each page whose cleaned title (no site suffix, no section
# number) is unique in its corpus, using only the page's text and the hand lists in
# bench/src/main/resources/io/chatda/bench/search (never chatda's analysers or glosses):
#   Korean titles   title-variant  the title with one change: particles stripped (or an object
#                                  particle added), one word dropped, or two words written together
#                   remembered     2-3 of the page's top tf-idf Hangul body nouns, not from the title
#                   mixed          one of the two above with one word switched Korean<->English via
#                                  terms-ko-en.txt; mixed-absent = the new word is not on the page
#   English titles  title, partial (a third of the words dropped, rest shuffled),
#                   body (eight consecutive body words), loanword (the title in Korean through
#                   terms-ko-en.txt and loanwords-en-ko.txt, titles with at least half the words mapped)
# Each query is in the "tune" or "held-out" half by the parity of CRC-32("corpus/url|kind"); tune ranking
# on the tune half only and read the held-out half to check it generalises.
#
# Prints: corpus | kind | half | n | MRR@10, success@1, zero-result rate for chatda and the peer.
# Env: EVAL_CORPORA=gimp-help-ko,demo  restrict corpora (quick runs)
#      EVAL_VERBOSE=1                  list tune-half queries chatda doesn't answer first
#      EVAL_EXAMPLES=N                 print N tune-half queries of each kind
#      EVAL_SEED=N                     another draw of queries (halves stay put)
#      EVAL_DUMP=file                  write every query's chatda results (URLs, scores, snippets) to diff two builds
#      WORK=dir                        downloads and index (default /tmp/chatda-eval-search)
# Needs: apt-get download, dpkg (apt-get update once on a fresh machine); Maven offline repo populated.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/chatda-eval-search}
ROOT="$WORK/pkg/root"
mkdir -p "$WORK/pkg"

wanted() { [ -z "${EVAL_CORPORA:-}" ] || [[ ",$EVAL_CORPORA," == *",$1,"* ]]; }

# unpack PACKAGE when DIR is missing
unpack() {
  [ -d "$ROOT/$2" ] || (cd "$WORK/pkg" && apt-get download "$1" >/dev/null && dpkg -x "$1"_*.deb root)
}

ARGS=()
if wanted gimp-help-ko; then
  unpack gimp-help-ko usr/share/gimp/2.0/help/ko
  ARGS+=("gimp-help-ko=$ROOT/usr/share/gimp/2.0/help/ko")
fi
if wanted debian-faq-ko; then
  unpack debian-faq-ko usr/share/doc/debian/FAQ/ko
  ARGS+=("debian-faq-ko=$ROOT/usr/share/doc/debian/FAQ/ko")
fi
if wanted python-doc; then
  unpack python3.11-doc usr/share/doc/python3.11/html
  ARGS+=("python-doc=$ROOT/usr/share/doc/python3.11/html")
fi
if wanted demo; then
  ARGS+=("demo=$PWD/app/src/main/resources/demo-corpus")
fi
[ ${#ARGS[@]} -gt 0 ] || { echo "EVAL_CORPORA matches no corpus: $EVAL_CORPORA" >&2; exit 2; }

./mvnw -q -B -o install -DskipTests -pl hangul,suggest,crawl,search,server,app
./mvnw -q -B -o -pl bench package -DskipTests
./mvnw -q -B -o -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
java -cp "bench/target/classes:$(cat "$WORK/cp.txt")" io.chatda.bench.search.SearchEval "$WORK/index" "${ARGS[@]}"
