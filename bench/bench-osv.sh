#!/usr/bin/env bash
# Dependencies / OSV benchmark, whole commands in one run:
#   import of a generated OSV dataset (>= 300,000 records, eight ecosystems, export zips),
#   warm scan + match of a 5,000-package lockfile (hyperfine, start-up included),
#   peak memory of both (/usr/bin/time -v).
# Usage: bench/bench-osv.sh [RECORDS] [PACKAGES]   (default 300000 5000; data goes to bench/corpus/osv-*, git-ignored)
# Needs: hyperfine, GNU time (apt-get install hyperfine time), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
records=${1:-300000}
packages=${2:-5000}
data=bench/corpus/osv-$records-$packages
results=bench/results
mkdir -p "$results"
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine time python3"; exit 2; }
done

cli="$("$root/build/publish.sh" "$root/bench/corpus/bin")"  # ReadyToRun, as installed
[ -f "$data/project/package-lock.json" ] || python3 bench/gen-osv.py "$data" --records "$records" --packages "$packages"

db="$data/osv.db"
rm -f "$db"
echo "== import (cold database)"
/usr/bin/time -v $cli db import "$data"/osv/*/all.zip --db "$db" 2> "$results/osv-import.time" | tee "$results/osv-import.txt"
grep -E "Elapsed|Maximum resident" "$results/osv-import.time"
echo "== re-import (incremental, nothing changed)"
/usr/bin/time -v $cli db import "$data"/osv/*/all.zip --db "$db" 2> "$results/osv-reimport.time" >/dev/null
grep -E "Elapsed|Maximum resident" "$results/osv-reimport.time"
ls -l "$db"

scan="$cli scan $data/project --only deps --db $db --quiet --format json --output /dev/null"
echo "== warm scan + match ($packages packages)"
hyperfine --warmup 2 --runs 10 -i --export-json "$results/osv-scan.json" "$scan"
/usr/bin/time -v $scan 2> "$results/osv-scan.time" || true
grep -E "Elapsed|Maximum resident" "$results/osv-scan.time"
$cli scan "$data/project" --only deps --db "$db" --quiet --format json --output "$results/osv-scan-report.json" || true
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("findings:", len(r["findings"]))' "$results/osv-scan-report.json"
echo "== baseline: the same scan with no database (parsing and start-up only)"
hyperfine --warmup 2 --runs 10 -i "$cli scan $data/project --only deps --db /nonexistent.db --quiet --format json --output /dev/null"
