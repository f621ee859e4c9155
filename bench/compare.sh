#!/usr/bin/env bash
# Extraction speed side by side: factlint's quantity grammar against quantulum3 (Python), over the
# same sample of the news corpus, one core each.
#
#   bench/compare.sh                    # a 1 MB sample spread over the whole corpus
#   SAMPLE_KB=4096 bench/compare.sh     # a bigger sample (quantulum3 needs ~1 min a MB)
#   QUANTULUM_BUDGET=60 bench/compare.sh  # stop quantulum3 after this many seconds (default 300)
#
# quantulum3 is installed with pip into a throwaway virtual environment, removed on exit. Reads
# ../shared/corpus/news (or $FACTLINT_CORPUS) when present and says so when it is not. Never fails
# on timings; exits 2 only when a build or the bench fails.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
CORPUS="${FACTLINT_CORPUS:-$ROOT/../shared/corpus/news}"
SAMPLE_KB="${SAMPLE_KB:-1024}"
BUDGET="${QUANTULUM_BUDGET:-300}"

if [ ! -d "$CORPUS" ]; then
    echo "corpus not found at $CORPUS: nothing to compare"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample="$work/sample"
mkdir -p "$sample"

# Every k-th file (sorted), so that each source of the corpus is in the sample.
files=$(find "$CORPUS" -maxdepth 1 -type f | sort)
count=$(printf '%s\n' "$files" | wc -l)
total_kb=$(find "$CORPUS" -maxdepth 1 -type f -printf '%s\n' | awk '{s += $1} END {print int(s / 1024)}')
step=$(awk -v t="$total_kb" -v s="$SAMPLE_KB" 'BEGIN {k = int(t / s); print (k < 1 ? 1 : k)}')
printf '%s\n' "$files" | awk -v k="$step" 'NR % k == 0' | while read -r f; do cp "$f" "$sample/"; done
sample_files=$(find "$sample" -type f | wc -l)
sample_bytes=$(find "$sample" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
echo "corpus: $CORPUS ($count files); sample: one file in $step, $sample_files files, $(awk -v b="$sample_bytes" 'BEGIN {printf "%.2f", b / 1048576}') MB"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "=== quantulum3 (pip, throwaway venv) ==="
if ! python3 -m venv "$work/venv" > /dev/null 2>&1; then
    echo "python3 -m venv failed: no quantulum3 figure"
    q_rate=""
elif ! "$work/venv/bin/pip" install --quiet quantulum3 > "$work/pip.log" 2>&1; then
    echo "pip install quantulum3 failed (see below): no quantulum3 figure"
    tail -5 "$work/pip.log"
    q_rate=""
else
    "$work/venv/bin/python" - "$sample" "$BUDGET" > "$work/q.txt" 2> "$work/q.err" << 'EOF'
import os, sys, time, warnings
warnings.filterwarnings("ignore")
from importlib.metadata import version
from quantulum3 import parser

folder, budget = sys.argv[1], float(sys.argv[2])
texts = []
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
        texts.append(f.read())
parser.parse("warm up: 5% of $3 million")  # loads its unit tables outside the timing
done = 0
found = 0
start = time.perf_counter()
for text in texts:
    found += len(parser.parse(text))
    done += len(text.encode("utf-8"))
    if time.perf_counter() - start > budget:
        break
elapsed = time.perf_counter() - start
print(f"version {version('quantulum3')}")
print(f"bytes {done}")
print(f"seconds {elapsed:.3f}")
print(f"quantities {found}")
print(f"rate {done / 1048576 / elapsed:.4f}")
EOF
    if [ -s "$work/q.txt" ]; then
        q_rate=$(sed -n 's/^rate //p' "$work/q.txt")
        echo "quantulum3 $(sed -n 's/^version //p' "$work/q.txt") (without its optional classifier):" \
            "$(sed -n 's/^quantities //p' "$work/q.txt") quantities in" \
            "$(awk -v b="$(sed -n 's/^bytes //p' "$work/q.txt")" 'BEGIN {printf "%.2f", b / 1048576}') MB," \
            "$(sed -n 's/^seconds //p' "$work/q.txt") s: $q_rate MB/s"
    else
        echo "quantulum3 did not run:"
        tail -5 "$work/q.err"
        q_rate=""
    fi
fi

echo
echo "=== factlint (cargo bench --bench throughput over the same sample) ==="
FACTLINT_CORPUS="$sample" FACTLINT_BENCH_ONLY=scan,check FACTLINT_BENCH_PASSES=5 \
    cargo bench --bench throughput > "$work/f.txt" 2> "$work/f.err" || {
    echo "cargo bench failed:" >&2
    tail -20 "$work/f.err" >&2
    exit 2
}
f_scan=$(awk -F'|' '/^\| scan/ {gsub(/ /, "", $3); print $3}' "$work/f.txt")
f_check=$(awk -F'|' '/^\| check_text/ {gsub(/ /, "", $3); print $3}' "$work/f.txt")
echo "factlint scan (quantity extraction): $f_scan MB/s; check_text (everything, rules included): $f_check MB/s"

echo
echo "| extractor (one core) | MB/s | × quantulum3 |"
echo "| --- | ---: | ---: |"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.0f×", a / b; else print "—"}'; }
if [ -n "$q_rate" ]; then
    echo "| quantulum3 parser.parse | $q_rate | 1× |"
fi
echo "| factlint parse::scan::scan | $f_scan | $(ratio "$f_scan" "${q_rate:-0}") |"
echo "| factlint check_text (figures, claims, rules) | $f_check | $(ratio "$f_check" "${q_rate:-0}") |"
