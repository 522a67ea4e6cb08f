#!/bin/sh
# Regenerates hangul/src/main/resources/io/chatda/hangul/cmudict.bin.gz (the CMU Pronouncing
# Dictionary, aligned letter by letter, plus letter-to-sound rules; see BuildCmudict.java) from
# the npm package cmu-pronouncing-dictionary. Needs npm and a JDK 17+. Run from the repository
# root. The package itself is not kept.
set -e
VERSION=${CMUDICT_NPM_VERSION:-3.0.0}
OUT=hangul/src/main/resources/io/chatda/hangul/cmudict.bin.gz
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "cmu-pronouncing-dictionary@$VERSION" >/dev/null && tar xzf ./*.tgz)
java -Xmx2g hangul/tools/BuildCmudict.java "$TMP/package/index.js" "$OUT.new"
mv "$OUT.new" "$OUT"
ls -l "$OUT"
