#!/usr/bin/env bash
# The official documents of the demo story: the first page of each kind in Kyrgyz, Russian
# and English as PNG in docs/screenshots/documents/ (to look at), and the time to print
# them (docs/performance.md, "Documents").
#
#   bench/documents.sh [TANDOO_BINARY]      (default: target/release/tandoo)
set -euo pipefail
cd "$(dirname "$0")/.."
tandoo="${1:-${CARGO_TARGET_DIR:-target}/release/tandoo}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tandoo" demo --db "$work/demo.db" --no-serve >/dev/null
out=docs/screenshots/documents
mkdir -p "$out"

refund=CEC-2-2026
for lang in ky ru en; do
    for doc in "protocol 13 13001" "blank-protocol 13 13001" "summary 13" \
               "resolution CEC-161-2025" "resolution CEC-1-2026" "certificate E1-13-03" \
               "refunds $refund"; do
        set -- $doc
        name="$1-$lang"
        [ "$2" = CEC-1-2026 ] && name="resolution-review-$lang"
        "$tandoo" print --db "$work/demo.db" "$@" --lang "$lang" --out "$work/$name.pdf" >/dev/null
        pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/$name.pdf" "$out/$name"
    done
done
ls -la "$out"
