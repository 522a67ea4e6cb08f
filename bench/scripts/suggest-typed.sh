#!/usr/bin/env bash
# Typed input on real corpora (TypedInputEval): chatda's completion engine beside Lucene's
# AnalyzingInfixSuggester and FuzzySuggester on the same candidates (the app's suggestion sources, no
# query log), success@10 per kind of input (IME states, initials, English layout, typos, second words,
# English prefixes) and pooled. Corpora: the demo corpus and Debian's gimp-help-ko (apt-get download +
# dpkg -x, as eval-search.sh), each imported into its own data directory with `chatda import`.
# Usage: bench/scripts/suggest-typed.sh     Env: WORK=dir (default /tmp/chatda-eval-search)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/chatda-eval-search}
ROOT="$WORK/pkg/root"
GIMP="$ROOT/usr/share/gimp/2.0/help/ko"
mkdir -p "$WORK/pkg"
[ -d "$GIMP" ] || (cd "$WORK/pkg" && apt-get download gimp-help-ko >/dev/null && dpkg -x gimp-help-ko_*.deb root)
./mvnw -q -B -o -pl bench -am install -DskipTests -Dfuzz.skip
./mvnw -q -B -o -pl bench dependency:build-classpath -Dmdep.outputFile=/tmp/suggest-typed.cp
# this worktree's classes, never the shared ~/.m2 snapshot jars other checkouts may have installed since
OWN=$(for m in hangul suggest crawl search server app; do printf '%s:' "$PWD/$m/target/classes"; done)
CP="bench/target/classes:${OWN}$(tr ':' '\n' < /tmp/suggest-typed.cp | grep -v '/io/chatda/' | paste -sd:)"
for corpus in demo gimp-help-ko; do
  rm -rf "$WORK/typed-$corpus"
done
./chatda import app/src/main/resources/demo-corpus --data "$WORK/typed-demo" | tail -1
./chatda import "$GIMP" --data "$WORK/typed-gimp-help-ko" | tail -1
echo "commit $(git rev-parse --short HEAD); $(uptime)"
java -Xmx2g -cp "$CP" io.chatda.bench.suggest.TypedInputEval "demo=$WORK/typed-demo" "gimp-help-ko=$WORK/typed-gimp-help-ko"
