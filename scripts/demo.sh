#!/usr/bin/env bash
# Sets up what is missing, builds annotext, ingests the bundled Corpus/ into a fresh corpus,
# then shows a search and the concept summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product annotext
bin=.build/release/annotext
export ANNOTEXT_DB="${ANNOTEXT_DB:-demo.sqlite}"
rm -f "$ANNOTEXT_DB" "$ANNOTEXT_DB-wal" "$ANNOTEXT_DB-shm"
echo; echo "\$ annotext ingest Corpus/"
"$bin" ingest Corpus/
echo; echo "\$ annotext search alliance --limit 10"
"$bin" search alliance --limit 10
echo; echo "\$ annotext concepts"
"$bin" concepts
