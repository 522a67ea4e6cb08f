#!/bin/sh
# Regenerates hangul/src/main/resources/io/chatda/hangul/english-lexicon.txt.
# Needs Debian's scowl package (apt-get install scowl). Run from the repository root.
set -e
S=/usr/share/dict/scowl
OUT=hangul/src/main/resources/io/chatda/hangul/english-lexicon.txt
{
  sed -n '1,/^# The words after/p' "$OUT"
  cat $S/english-words.10 $S/english-words.20 $S/american-words.10 $S/american-words.20 \
      $S/english-upper.10 $S/english-upper.35 \
    | iconv -f latin1 -t utf-8 | tr 'A-Z' 'a-z' | grep -E '^[a-z]+$' | sort -u
  echo "# tech"
  tr ' ' '\n' < hangul/tools/tech-words.txt | grep -v '^$' | sort -u
} > "$OUT.new"
mv "$OUT.new" "$OUT"
