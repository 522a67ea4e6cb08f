#!/usr/bin/env bash
# Crawls a generated site of N pages (default 100000) served in-process, under -Xmx512m.
# Usage: bench/scripts/crawl-memory.sh [PAGES]
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=${1:-100000}
./mvnw -q -B -o -pl crawl test-compile
CP=$(./mvnw -q -B -o -pl crawl dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
DB=$(mktemp -d)/crawl.db
java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "crawl/target/test-classes:crawl/target/classes:$CP" io.chatda.crawl.GeneratedSiteBench "$PAGES" "$DB"
