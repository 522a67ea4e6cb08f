#!/usr/bin/env bash
# chatda's completion engine beside Lucene's AnalyzingInfixSuggester and FuzzySuggester, in one run,
# on SuggestBench's 1,000,000 candidates (wamerican + hunspell-ko) and query stream (IME states,
# choseong, wrong layout, one typo): build time, memory, queries/s, p50/p99 and, per kind of query,
# how often the entry a query was made from is in the top 10 (SuggestCompare's Javadoc).
# Then, with SNAPSHOT=1, loading a saved 1M-entry dictionary against building it (SuggestSnapshotLoad).
# Usage: bench/scripts/suggest-compare.sh [rounds]    (default 5 timed rounds of the query stream)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
missing=()
[ -f /usr/share/dict/american-english ] || missing+=(wamerican)
[ -f /usr/share/hunspell/ko.dic ] || missing+=(hunspell-ko)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}"
fi
./mvnw -q -B -o install -DskipTests -Dfuzz.skip -pl hangul,suggest,crawl,search,server,app
./mvnw -q -B -o -pl bench compile dependency:build-classpath -Dmdep.outputFile=/tmp/suggest-compare.cp
CP="bench/target/classes:$(cat /tmp/suggest-compare.cp)"
echo "commit $(git rev-parse --short HEAD); $(uptime)"
java -Xmx6g -cp "$CP" io.chatda.bench.suggest.SuggestCompare "$ROUNDS"
echo "$(uptime)"
if [ "${SNAPSHOT:-0}" = 1 ]; then
  java -Xmx3g -cp "$CP" io.chatda.bench.suggest.SuggestSnapshotLoad 4
  echo "$(uptime)"
fi
