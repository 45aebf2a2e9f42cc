#!/usr/bin/env bash
# Builds the reader fuzzer (libFuzzer + AddressSanitizer) and runs it.
#
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     default: 600 seconds
#
# It compiles AnnotextCore's model types and AnnotextIngest as two modules with swiftc, outside
# SwiftPM, so `swift build` of the package stays plain. Work files go to Fuzz/.work (corpus,
# crash reproducers, objects); a crash leaves `crash-*` there and a non-zero exit code.
# Reproduce one with: Fuzz/.work/reader-fuzzer Fuzz/.work/crash-...
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$here/.work"
seconds="${1:-600}"
shift || true
mkdir -p "$work/obj" "$work/corpus"

flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6
    -I "$work/obj" -I "$root/Sources/CLibXML2" -I /usr/include/libxml2)

binary="$work/reader-fuzzer"
stale=yes
if [ -x "$binary" ] && [ -z "$(find "$root/Sources/AnnotextIngest" "$root/Sources/AnnotextCore/Model" "$here/ReaderFuzzer" \
    -name '*.swift' -newer "$binary" | head -1)" ]; then
    stale=no
fi

if [ "$stale" = yes ]; then
# Only the model: the readers need nothing else from AnnotextCore (and the rest wants the
# lexicon-embedding build plugin).
swiftc "${flags[@]}" -module-name AnnotextCore -emit-module -emit-module-path "$work/obj/AnnotextCore.swiftmodule" \
    -c "$root"/Sources/AnnotextCore/Model/*.swift -wmo -o "$work/obj/AnnotextCore.o"
mapfile -t ingest < <(find "$root/Sources/AnnotextIngest" -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name AnnotextIngest -emit-module -emit-module-path "$work/obj/AnnotextIngest.swiftmodule" \
    -c "${ingest[@]}" -wmo -o "$work/obj/AnnotextIngest.o"
swiftc "${flags[@]}" -module-name ReaderFuzzer -c "$here/ReaderFuzzer/ReaderFuzzer.swift" -wmo -o "$work/obj/ReaderFuzzer.o"
swiftc -sanitize=fuzzer,address "$work"/obj/*.o -lxml2 -o "$binary"
fi

# Seeds: the reader fixtures, each under every format byte.
if [ -z "$(ls -A "$work/corpus")" ]; then
    i=0
    for fixture in "$root"/Tests/AnnotextIngestTests/Fixtures/*; do
        for format in 0 1 2 3 4; do
            { printf "\\x0$format"; head -c 60000 "$fixture"; } >"$work/corpus/seed-$i-$format"
        done
        i=$((i + 1))
    done
fi

cd "$work"
exec ./reader-fuzzer -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
    -print_final_stats=1 "$@" corpus
