#!/usr/bin/env bash
# Times the workflow audit on a synthetic tree of N GitHub Actions workflows (default 5,000) and, separately,
# the CLI's start-up (shipgate version), then reports the time per workflow after start-up.
# Optionally also times another tree of workflows given as the second argument (e.g. a checkout of a peer's corpus).
# Usage: bench/workflows.sh [N] [EXTRA_TREE]     (tree goes to bench/corpus/workflows-N/, git-ignored)
# Needs: hyperfine (apt-get install hyperfine), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-5000}
extra=${2:-}
tree=bench/corpus/workflows-$count
results=bench/results
mkdir -p "$results"

command -v hyperfine >/dev/null || { echo "missing hyperfine: apt-get install hyperfine"; exit 2; }

cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"  # as installed; SHIPGATE_CLI reuses a published binary

[ -d "$tree" ] || python3 bench/gen-workflows.py "$tree" --count "$count"
bytes=$(du -sb "$tree" | cut -f1)

commands=(-n "shipgate version" "$cli version"
          -n "shipgate scan --only workflows ($count files)" "$cli scan --only workflows $tree --quiet --no-gitignore --format json --output /dev/null")
if [ -n "$extra" ]; then
  commands+=(-n "shipgate scan --only workflows (extra tree)" "$cli scan --only workflows $extra --quiet --no-gitignore --format json --output /dev/null")
fi

# Exit code 1 means findings were reported, which the generated tree has on purpose.
hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$results/workflows.md" --export-json "$results/workflows.json" "${commands[@]}"

python3 - "$results/workflows.json" "$count" "$bytes" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"]
count, size = int(sys.argv[2]), int(sys.argv[3])
startup, scan = data[0]["mean"], data[1]["mean"]
cpu = lambda r: r["user"] + r["system"]
per = (scan - startup) / count * 1000
per_cpu = (cpu(data[1]) - cpu(data[0])) / count * 1000
print(f"start-up (shipgate version): {startup*1000:.0f} ms wall, {cpu(data[0])*1000:.0f} ms CPU")
print(f"scan of {count} workflows ({size/1e6:.1f} MB): {scan:.2f} s wall, {cpu(data[1]):.2f} s CPU")
print(f"after start-up: {per:.2f} ms wall and {per_cpu:.2f} ms CPU per workflow (target < 5 ms)")
PY
cat "$results/workflows.md"
