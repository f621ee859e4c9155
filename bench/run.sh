#!/usr/bin/env bash
# Benchmarks factlint: the in-process throughput bench, the whole CLI over the news corpus
# (wall time, CPU, peak RSS), and the start-up time of one short article; ends with a summary
# table of the figures against their targets (bench/compare.sh gives the quantulum3 ratio).
#
#   bench/run.sh            # everything
#   FACTLINT_CORPUS=DIR bench/run.sh
#   STARTUP_RUNS=50 CLI_RUNS=9 bench/run.sh
#
# Reads ../shared/corpus/news when present (says so when it is not). Never fails on timings;
# exits non-zero only when a build fails or the CLI reports trouble (exit code 2).
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
BIN="$ROOT/target/release/factlint"
CORPUS="${FACTLINT_CORPUS:-$ROOT/../shared/corpus/news}"
STARTUP_RUNS="${STARTUP_RUNS:-50}"
CLI_RUNS="${CLI_RUNS:-5}"
cli_median=""
cli_peak_mb=""
startup_median=""
status=0

section() { printf '\n=== %s ===\n' "$1"; }

section "build (release)"
cargo build --release --bin factlint || { echo "release build failed" >&2; exit 2; }

section "cargo bench --bench throughput"
benchlog=$(mktemp)
cargo bench --bench throughput | tee "$benchlog" || { echo "bench failed" >&2; status=2; }

section "CLI over the corpus"
if [ ! -d "$ROOT/../shared" ] && [ -z "${FACTLINT_CORPUS:-}" ]; then
    echo "../shared is absent (looked for $ROOT/../shared): skipping the CLI corpus run"
elif [ ! -d "$CORPUS" ]; then
    echo "corpus not found at $CORPUS: skipping the CLI corpus run"
else
    files=$(find "$CORPUS" -type f | wc -l)
    bytes=$(find "$CORPUS" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    echo "corpus: $CORPUS ($files files, $(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}') MB)"
    echo "command: $BIN check $CORPUS --format json > /dev/null   ($CLI_RUNS runs; the page cache warmed by one run first)"
    timelog=$(mktemp)
    if [ -x /usr/bin/time ]; then
        "$BIN" check "$CORPUS" --format json > /dev/null 2>&1
        walls=()
        peak=0
        for _ in $(seq "$CLI_RUNS"); do
            /usr/bin/time -v "$BIN" check "$CORPUS" --format json > /dev/null 2> "$timelog"
            rc=$?
            w=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timelog" \
                | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}')
            walls+=("$w")
            r=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$timelog")
            [ "${r:-0}" -gt "$peak" ] && peak=$r
        done
        cli_median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
        cli_peak_mb=$(awk -v k="$peak" 'BEGIN {printf "%.1f", k / 1024}')
        echo "wall times: ${walls[*]} s; median $cli_median s; peak RSS over the runs $cli_peak_mb MB"
        echo "last run:"
        # /usr/bin/time -v reports the child's exit status; its own rc is the child's.
        wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timelog")
        rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$timelog")
        cpu=$(sed -n 's/^\s*Percent of CPU this job got: //p' "$timelog")
        user=$(sed -n 's/^\s*User time (seconds): //p' "$timelog")
        sys=$(sed -n 's/^\s*System time (seconds): //p' "$timelog")
        secs=$(echo "$wall" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}')
        echo "exit code: $rc (0 clean, 1 findings, 2 trouble)"
        echo "wall time: $wall  (user ${user}s, sys ${sys}s, CPU $cpu)"
        awk -v b="$bytes" -v f="$files" -v s="$secs" 'BEGIN {
            if (s > 0) printf "throughput: %.2f MB/s, %.0f files/s (whole process, wall clock)\n", b / 1048576 / s, f / s }'
        echo "peak RSS: ${rss} KB ($(awk -v k="${rss:-0}" 'BEGIN {printf "%.1f", k / 1024}') MB)"
        grep -v '^\s' "$timelog" | grep -v '^Command' | head -20 | sed 's/^/stderr: /'
    else
        echo "/usr/bin/time not found: wall time only, no peak RSS"
        start=$(date +%s%N)
        "$BIN" check "$CORPUS" --format json > /dev/null 2> "$timelog"
        rc=$?
        end=$(date +%s%N)
        echo "exit code: $rc (0 clean, 1 findings, 2 trouble)"
        echo "wall time: $(awk -v ns=$((end - start)) 'BEGIN {printf "%.3f s", ns / 1e9}')"
        head -20 "$timelog" | sed 's/^/stderr: /'
    fi
    rm -f "$timelog"
    if [ "$rc" -ge 2 ]; then
        echo "the CLI reported trouble (exit $rc)" >&2
        status=2
    fi
fi

section "start-up: one short article, $STARTUP_RUNS runs"
short=$(find "$ROOT/fixtures" -maxdepth 1 -type f -name '*.txt' -size +512c -size -2k 2> /dev/null | sort | head -1)
tmp=""
if [ -z "$short" ]; then
    tmp=$(mktemp --suffix=.txt)
    cat > "$tmp" << 'EOF'
Council tax to rise next year

The council said its share of the bill would rise from 26% to 31% next April.
Officials declined to comment on the plan, which affects 12,400 homes.
EOF
    short="$tmp"
    echo "no short article in fixtures/; using a generated one ($short)"
fi
echo "article: $short ($(wc -c < "$short") bytes)"
echo "command: $BIN check $short --format json > /dev/null"
if command -v hyperfine > /dev/null 2>&1; then
    hyperfine --warmup 3 --runs "$STARTUP_RUNS" --ignore-failure --shell=none \
        "$BIN check $short --format json"
elif command -v python3 > /dev/null 2>&1; then
    # Timed from Python around each run: a shell loop would also time a `date` process.
    startup_median=$(python3 - "$BIN" "$short" "$STARTUP_RUNS" << 'PY'
import statistics, subprocess, sys, time
binary, article, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
command = [binary, "check", article, "--format", "json"]
subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"python3 perf_counter around each run: mean {statistics.mean(times):.2f} ms, min {times[0]:.2f} ms, "
      f"median {statistics.median(times):.2f} ms, max {times[-1]:.2f} ms over {runs} runs", file=sys.stderr)
print(f"{statistics.median(times):.2f}")
PY
    )
else
    "$BIN" check "$short" --format json > /dev/null 2>&1 # warm the page cache
    samples=()
    for _ in $(seq "$STARTUP_RUNS"); do
        start=$(date +%s%N)
        "$BIN" check "$short" --format json > /dev/null 2>&1
        end=$(date +%s%N)
        samples+=($((end - start)))
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk -v runs="$STARTUP_RUNS" '
        { t[NR] = $1; s += $1 }
        END { printf "hyperfine not installed; date +%%s%%N loop: mean %.2f ms, min %.2f ms, median %.2f ms, max %.2f ms over %d runs\n",
              s / NR / 1e6, t[1] / 1e6, t[int((NR + 1) / 2)] / 1e6, t[NR] / 1e6, runs }'
    startup_median=$(printf '%s\n' "${samples[@]}" | sort -n | awk '{t[NR] = $1} END {printf "%.2f", t[int((NR + 1) / 2)] / 1e6}')
fi
[ -n "$tmp" ] && rm -f "$tmp"

section "summary"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"
row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }
lib=$(awk -F'|' '/^\| check_text/ {gsub(/ /, "", $3); gsub(/ /, "", $4); gsub(/^ +| +$/, "", $5); gsub(/^ +| +$/, "", $6); print $3 "|" $4 "|" $5 "|" $6}' "$benchlog")
scan=$(awk -F'|' '/^\| scan/ {gsub(/ /, "", $3); print $3}' "$benchlog")
echo "| figure | measured | target |"
echo "| --- | ---: | ---: |"
row "library, \`check_text\` over the corpus, one thread" "$(echo "$lib" | cut -d'|' -f1) MB/s" "≥ 100 MB/s"
row "the quantity grammar alone (\`scan\`), one thread" "${scan:-?} MB/s" "—"
row "articles per second (one thread)" "$(echo "$lib" | cut -d'|' -f2)" "—"
row "time per article, p50 / p99" "$(echo "$lib" | cut -d'|' -f3) / $(echo "$lib" | cut -d'|' -f4)" "—"
row "whole CLI over the corpus, all $(nproc) cores (median wall)" "${cli_median:-?} s" "≤ 0.5 s"
row "start-up and one short article (median)" "${startup_median:-see above} ms" "≤ 5 ms"
row "peak memory, CLI over the corpus" "${cli_peak_mb:-?} MB" "≤ 50 MB"
row "quantulum3 over the same text" "run bench/compare.sh" "factlint ≥ 1000×"
rm -f "$benchlog"

exit "$status"
