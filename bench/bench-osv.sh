#!/usr/bin/env bash
# Dependencies / OSV benchmark, whole commands in one run:
#   import of a generated OSV dataset (>= 300,000 records, eight ecosystems, export zips),
#   warm scan + match of a 5,000-package lockfile (hyperfine, start-up included),
#   the same scan with no database (parsing, supply-chain rules, report and start-up only),
#   CPU time (user + sys) and peak memory of each (/usr/bin/time).
# Usage: bench/bench-osv.sh [RECORDS] [PACKAGES]   (default 300000 5000)
#   Generated data goes to bench/corpus/osv-RECORDS-PACKAGES (git-ignored) and is reused by later runs; so is the
#   imported database when SHIPGATE_BENCH_REUSE_DB=1 (skips the two import steps). A default run takes about 2 minutes
#   on an idle 2-core machine once the data exists (the first run also generates it: about 1 minute more).
#   Smaller sizes for a quick check: bench/bench-osv.sh 30000 1000
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

cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"  # as installed; SHIPGATE_CLI reuses a published binary
if [ -f "$data/project/package-lock.json" ]; then
  echo "== reusing generated data in $data"
else
  python3 bench/gen-osv.py "$data" --records "$records" --packages "$packages"
fi

measure_prefix=osv measure_width=34
# shellcheck source=bench/lib/measure.sh
source bench/lib/measure.sh

db="$data/osv.db"
if [ "${SHIPGATE_BENCH_REUSE_DB:-0}" = 1 ] && [ -f "$db" ]; then
  echo "== reusing the imported database $db"
else
  rm -f "$db"
  echo "== import (cold database)"
  measure import "$cli" db import "$data"/osv/*/all.zip --db "$db"
  cat "$results/osv-import.out"
  echo "== re-import (incremental, nothing changed)"
  measure reimport "$cli" db import "$data"/osv/*/all.zip --db "$db"
fi
ls -l "$db"

scan=("$cli" scan "$data/project" --only deps --db "$db" --quiet --format json)
echo "== warm scan + match ($packages packages)"
hyperfine --warmup 1 --runs 5 -i --export-json "$results/osv-scan.json" "${scan[*]} --output /dev/null"
measure scan "${scan[@]}" --output "$results/osv-scan-report.json"
findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$results/osv-scan-report.json")
echo "findings: $findings"
echo "== baseline: the same scan with no database (parsing, rules, report and start-up only)"
nodb=("$cli" scan "$data/project" --only deps --db /nonexistent/osv.db --quiet --format json --output /dev/null)
hyperfine --warmup 1 --runs 5 -i --export-json "$results/osv-scan-nodb.json" "${nodb[*]}"
measure scan-no-db "${nodb[@]}"
measure startup "$cli" version

mean() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"; }
echo
echo "== summary ($records records, $packages packages, $findings findings; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
echo "warm scan mean wall (hyperfine): $(mean "$results/osv-scan.json") s   target < 1 s, peak RSS < 300 MB"
echo "no-database scan mean wall:      $(mean "$results/osv-scan-nodb.json") s"
python3 -c "print(f'matching costs {$cpu_scan / $cpu_scan_no_db:.2f}x the CPU of the scan without a database')"
if [ -n "${cpu_import:-}" ]; then
  python3 -c "print(f'incremental re-import: {$cpu_reimport / $cpu_import:.2f}x the CPU of the cold import (target: import < 60 s)')"
fi
