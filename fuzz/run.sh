#!/usr/bin/env bash
# Runs one factlint fuzz target for a while with one job, its corpus seeded from the project's
# fixtures and rule pack. See fuzz/README.md.
#
#   fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#
# TARGET is scan, check, rule or config; SECONDS defaults to 600. Crashes and hangs land in
# fuzz/artifacts/TARGET/; the corpus grows in fuzz/corpus/TARGET/ (both ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
root=..
target=${1:?usage: fuzz/run.sh scan|check|rule|config [seconds] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))

corpus=corpus/$target
mkdir -p "$corpus" "artifacts/$target"

# Copies each file into the corpus under the SHA-1 of its content, as libFuzzer names entries.
seed_files() {
  local f
  for f in "$@"; do
    [ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ] || continue
    cp "$f" "$corpus/$(sha1sum "$f" | cut -c1-40)"
  done
}

# Each rule example (`- bad: …` / `- good: …`) as a seed of its own: short, and every rule's shape.
seed_examples() {
  local line tmp
  tmp=$(mktemp)
  grep -hE '^[[:space:]]*- (bad|good): ' "$root"/rules/*.yml | sed -E 's/^[[:space:]]*- (bad|good): //; s/^"(.*)"$/\1/' |
    while IFS= read -r line; do
      printf '%s\n' "$line" >"$tmp"
      seed_files "$tmp"
    done
  rm -f "$tmp"
}

case $target in
  scan | check)
    dict=dicts/text.dict
    max_len=8192
    mapfile -t files < <(find "$root/fixtures" seeds/check -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \))
    seed_files "${files[@]}"
    seed_examples
    ;;
  rule)
    dict=dicts/yaml.dict
    max_len=8192
    mapfile -t files < <(find "$root/rules" "$root/fixtures/rule-packs" -type f -name '*.yml')
    seed_files "${files[@]}"
    ;;
  config)
    dict=dicts/yaml.dict
    max_len=4096
    mapfile -t files < <(find "$root/fixtures" seeds/config -type f \( -name '.factlint.yml' -o -path 'seeds/config/*' \))
    seed_files "${files[@]}"
    ;;
  *)
    echo "unknown target $target: scan, check, rule or config" >&2
    exit 2
    ;;
esac

echo "fuzzing $target for ${seconds}s from $(ls "$corpus" | wc -l) corpus entries" >&2
# One job, one worker: the machine is shared. libFuzzer writes the job's log to fuzz-0.log.
exec cargo +nightly fuzz run "$target" "$corpus" -- \
  -dict="$dict" -max_len="$max_len" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -jobs=1 -workers=1 -print_final_stats=1 "$@"
