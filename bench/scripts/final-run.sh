#!/usr/bin/env bash
# The benchmarks behind the suggest, crawl and serving targets, one after another, from a clean clone of HEAD
# (so uncommitted work in the checkout cannot change what is measured); everything goes to stdout.
# Usage: bench/scripts/final-run.sh   (env: GIMP_PKG=an unpacked gimp-help-ko root, to skip its download)
# Needs what SuggestProfile (hunspell-ko, wamerican), crawl-gimp.sh and load-*.sh need.
set -uo pipefail
cd "$(dirname "$0")/../.."
rev=$(git rev-parse --short HEAD)
rm -rf /tmp/final && git clone -q "$PWD" /tmp/final/src && cd /tmp/final/src
echo "== snapshot $rev; $(uptime)"
./mvnw -q -B install -DskipTests -Dfuzz.skip 2>&1 | tail -5
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=/tmp/final/bench.cp 2>&1 | tail -3
mkdir -p /tmp/final/app && cp -r app/target/chatda.jar app/target/lib /tmp/final/app/
echo "== suggest profile; $(uptime)"
java -Xmx3g -cp "bench/target/classes:$(cat /tmp/final/bench.cp)" io.chatda.bench.suggest.SuggestProfile 20 2>&1 | head -14
echo "== suggest JMH (3 x 3 s warm-up, 4 x 3 s measured); $(uptime)"
java -cp "bench/target/classes:$(cat /tmp/final/bench.cp)" org.openjdk.jmh.Main 'SuggestBench.lookup$' -f 1 2>&1 \
  | grep -E '^(build|expected)|SuggestBench.lookup'
if [ -d "${GIMP_PKG:-}" ]; then mkdir -p /tmp/final/gimp/pkg && cp -r "$GIMP_PKG" /tmp/final/gimp/pkg/root; fi
echo "== crawl gimp; $(uptime)"
CHATDA=/tmp/final/src/chatda CHATDA_JAR=/tmp/final/app/chatda.jar WORK=/tmp/final/gimp bash bench/scripts/crawl-gimp.sh 2>&1 | grep -v '^W:'
echo "== capacity; $(uptime)"
CHATDA_CMD="java -Xmx512m -Xms512m -jar /tmp/final/app/chatda.jar" OUT=/tmp/final/cap bash bench/scripts/load-capacity.sh 18901 /tmp/final/capdata 2>&1
echo "== overload; $(uptime)"
CHATDA_CMD="java -Xmx512m -Xms512m -jar /tmp/final/app/chatda.jar" OUT=/tmp/final/ov bash bench/scripts/load-overload.sh 18902 /tmp/final/ovdata 2>&1
echo "== done; $(uptime)"
