#!/usr/bin/env bash
# Counts the instructions `check_text` executes over every Nth article of the news corpus
# (valgrind's callgrind, collecting inside `check` of examples/instructions.rs only): the same
# figure on every run, however loaded the machine, so that two builds can be compared exactly.
# Prints the total, instructions per byte, and the functions with the most instructions.
#
#   bench/instructions.sh          # every 8th article (about 3.4 MB; a minute under valgrind)
#   EVERY=4 bench/instructions.sh
#
# Needs valgrind (`apt-get install valgrind`); says so and exits 0 without it or without
# ../shared. Exits 2 only when the build fails.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
CORPUS="${FACTLINT_CORPUS:-$(pwd)/../shared/corpus/news}"
EVERY="${EVERY:-8}"

if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind not found: install it (apt-get install valgrind) to count instructions"
    exit 0
fi
if [ ! -d "$CORPUS" ]; then
    echo "corpus not found at $CORPUS: nothing to count"
    exit 0
fi
cargo build --release --example instructions || { echo "build failed" >&2; exit 2; }

out=$(mktemp)
trap 'rm -f "$out"' EXIT
summary=$(valgrind --tool=callgrind --toggle-collect='instructions::check' --callgrind-out-file="$out" \
    target/release/examples/instructions "$CORPUS" "$EVERY" 2>/dev/null)
bytes=$(printf '%s\n' "$summary" | sed -n 's/.* articles, \([0-9]*\) bytes.*/\1/p' | head -1)
total=$(callgrind_annotate "$out" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ',')
echo "every ${EVERY}th article: $(printf '%s\n' "$summary" | head -1)"
echo "instructions in check_text: $total ($(awk -v t="$total" -v b="$bytes" 'BEGIN {printf "%.1f", t / b}') per byte)"
echo
echo "functions with the most instructions, callees included:"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null \
    | grep -E '^ *[0-9,]+ \([ 0-9.]+%\) .*factlint::' \
    | sed -E "s#$(pwd)/##; s# \\[[^]]*\\]\$##" \
    | awk '{ name = $NF; sub(/.*:/, "", name) } !seen[name]++' | head -20
