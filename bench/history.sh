#!/usr/bin/env bash
# Times the git sources of the secrets scanner on a real repository, in one run:
#   shipgate secrets --history   vs  git cat-file --batch-all-objects --batch   (the issue's target: within 1.5x),
#     on a real repository's full history and on a generated long one (bench/gen-history.py, ~115 MiB of blobs)
#   shipgate secrets --staged    on a typical commit (3 files changed) in the real repository (target: < 300 ms wall)
# Usage: [SHIPGATE_CLI=PATH] [SHIPGATE_CLI_BEFORE=PATH] bench/history.sh [REPO]
#   SHIPGATE_CLI_BEFORE adds an older build to the same hyperfine runs, for before/after figures measured together.
#   REPO (the real history) defaults to a single-branch `git clone --no-local` of this repository in
#   bench/corpus/history-repo (git-ignored), repacked so cat-file reads packed objects as in any clone.
# Needs: hyperfine, git, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=bench/results
mkdir -p "$results"
command -v hyperfine >/dev/null || { echo "missing hyperfine: apt-get install hyperfine"; exit 2; }

# ReadyToRun, as installed; SHIPGATE_CLI=/path/to/shipgate reuses a binary published already.
cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"

# The real repository (this one, small: a few hundred commits) and a generated long history (bench/gen-history.py).
real=bench/corpus/history-repo
if [ ! -d "$real/.git" ]; then
  git clone -q --no-local --single-branch "$root" "$real"
  git -C "$real" gc -q --prune=now
fi
generated=bench/corpus/history-gen
[ -d "$generated/.git" ] || python3 bench/gen-history.py "$generated" >/dev/null
repos=("${1:-$real}" "$generated")

describe() {
  local repo=$1
  local commits objects pack blobs
  commits=$(git -C "$repo" rev-list --count HEAD)
  objects=$(git -C "$repo" cat-file --batch-all-objects --batch-check | wc -l)
  pack=$(git -C "$repo" count-objects -v | awk '/size-pack/ { printf "%.1f", $2 / 1024 }')
  blobs=$(git -C "$repo" rev-list --objects HEAD | cut -d' ' -f1 | git -C "$repo" cat-file --batch-check='%(objecttype) %(objectsize)' \
    | awk '$1 == "blob" { n++; s += $2 } END { printf "%d unique blobs (%.1f MiB)", n, s / 1048576 }')
  echo "$commits commits, $objects objects ($pack MiB packed), $blobs reachable from HEAD"
}

# A typical commit for --staged: three tracked files edited (one new line each), in a scratch clone of the repository.
staged=$root/bench/corpus/staged-repo
rm -rf "$staged"
git clone -q --no-local --single-branch "$real" "$staged"
for f in $(git -C "$staged" ls-files '*.cs' | head -3); do printf '\n// edited for the staged benchmark\n' >> "$staged/$f"; done
git -C "$staged" add -A

# Exit code 1 means findings (both histories hold fake secrets on purpose). Reports go to a scratch file, not
# /dev/null: the report writer locks its output file, and another process may hold a lock on /dev/null.
report=$(mktemp -d)
trap 'rm -rf "$report"' EXIT
before=${SHIPGATE_CLI_BEFORE:-}
names=(real generated)
for i in 0 1; do
  repo=$(cd "${repos[$i]}" && pwd)
  echo "${names[$i]} history ($repo): $(describe "$repo")" | tee "$results/secrets-history-${names[$i]}.txt"
  extra=()
  [ -n "$before" ] && extra=(-n "shipgate before (${names[$i]})" "$before secrets --history $repo --quiet --format json --output $report/before.json")
  hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$results/secrets-history-${names[$i]}.md" \
    --export-json "$results/secrets-history-${names[$i]}.json" \
    -n "shipgate secrets --history (${names[$i]})" "$cli secrets --history $repo --quiet --format json --output $report/after.json" \
    -n "git cat-file --batch-all-objects --batch (${names[$i]})" "git -C $repo cat-file --batch-all-objects --batch > /dev/null" \
    "${extra[@]}"
  /usr/bin/time -f "  shipgate: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
    "$cli" secrets --history "$repo" --quiet --format json --output "$report/after.json" 2>&1 >/dev/null | tail -1 || true
  if [ -n "$before" ]; then
    /usr/bin/time -f "  before:   %e s wall, %U s user, %S s sys, %M KB peak RSS" \
      "$before" secrets --history "$repo" --quiet --format json --output "$report/before.json" 2>&1 >/dev/null | tail -1 || true
  fi
done

hyperfine -N --warmup 3 --runs 20 --ignore-failure --export-markdown "$results/secrets-staged.md" --export-json "$results/secrets-staged.json" \
  -n "shipgate secrets --staged (3 files)" "$cli secrets --staged $staged --quiet --format json --output $report/staged.json" \
  -n "shipgate version (start-up)" "$cli version"

echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import json, sys
results = sys.argv[1]
cpu = lambda r: r["user"] + r["system"]
for name in ("real", "generated"):
    h, g, *b = json.load(open(f"{results}/secrets-history-{name}.json"))["results"]
    print(open(f"{results}/secrets-history-{name}.txt").read().strip())
    print(f"  history: shipgate {h['mean']:.2f} s wall / {cpu(h):.2f} s CPU; cat-file {g['mean']:.2f} s wall / {cpu(g):.2f} s CPU; "
          f"ratio {h['mean'] / g['mean']:.1f}x wall, {cpu(h) / cpu(g):.1f}x CPU (target: within 1.5x)")
    for before in b:
        print(f"  before:  {before['mean']:.2f} s wall / {cpu(before):.2f} s CPU, ratio {before['mean'] / g['mean']:.1f}x wall; "
              f"now {before['mean'] / h['mean']:.2f}x faster (wall), {cpu(before) / cpu(h):.2f}x less CPU")
s, v = json.load(open(f"{results}/secrets-staged.json"))["results"]
print(f"staged (3 files changed): {s['mean'] * 1000:.0f} ms wall (median {s['median'] * 1000:.0f} ms), {cpu(s) * 1000:.0f} ms CPU; "
      f"start-up alone {v['mean'] * 1000:.0f} ms (target: < 300 ms wall)")
PY
