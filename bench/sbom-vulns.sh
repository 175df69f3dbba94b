#!/usr/bin/env bash
# What keeping advisory text in the OSV store costs, and what `sbom --vulnerabilities` costs, in one run:
#   the bench/gen-osv.py dataset in two variants — "full": every record with realistic, varied details (200–3,000
#   characters of seeded pseudo-random words), 2–8 reference URLs and CWE ids; "lean": the same records without them,
#   which is what the store kept before it kept them —, each imported into a fresh database (size, CPU, peak RSS),
#   then `scan --only deps` of the generated lockfile against each database, and `sbom` of the lockfile without and
#   with `--vulnerabilities` (full database). GNU time for CPU (user + sys) and peak RSS; one run each.
# Usage: bench/sbom-vulns.sh [RECORDS] [PACKAGES]   (default 100000 5000; about 2 minutes on an idle 2-core machine,
#   data generation included; generated data in bench/corpus/sbom-vulns-RECORDS-PACKAGES is reused by later runs)
# Needs: GNU time (apt-get install time), python3. SHIPGATE_CLI names the binary (default: build/publish.sh's).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
records=${1:-100000}
packages=${2:-5000}
data=bench/corpus/sbom-vulns-$records-$packages
results=bench/results
mkdir -p "$results"
for tool in /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install time python3"; exit 2; }
done

cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"
if [ -f "$data/lean/project/package-lock.json" ]; then
  echo "== reusing generated data in $data"
else
  python3 bench/gen-osv.py "$data/full" --records "$records" --packages "$packages"
  python3 - "$data" <<'PY'
import json, os, random, shutil, sys, zipfile
data = sys.argv[1]
rng = random.Random(5)
words = ("the a an of to in is that for on with as by when an attacker can crafted request input header path value "
         "parser function allows remote denial service memory buffer overflow injection cross site scripting user "
         "authentication bypass token session cookie version versions prior fixed upgrade patch release affected "
         "package library module server client data file directory traversal regular expression backtracking").split()
shutil.copytree(os.path.join(data, "full", "project"), os.path.join(data, "lean", "project"), dirs_exist_ok=True)
for ecosystem in sorted(os.listdir(os.path.join(data, "full", "osv"))):
    source = os.path.join(data, "full", "osv", ecosystem, "all.zip")
    full_records, lean_records = [], []
    with zipfile.ZipFile(source) as archive:
        for entry in archive.namelist():
            rec = json.loads(archive.read(entry))
            size = rng.randint(200, 3000)
            text = []
            while sum(len(w) + 1 for w in text) < size:
                text.append(rng.choice(words))
            rec["details"] = " ".join(text).capitalize() + "."
            rec["references"] = [{"type": rng.choice(["ADVISORY", "WEB", "FIX", "PACKAGE"]),
                                  "url": "https://example.invalid/%s/%x" % (rec["id"], rng.getrandbits(48))}
                                 for _ in range(rng.randint(2, 8))]
            rec["database_specific"]["cwe_ids"] = ["CWE-%d" % rng.randint(20, 1400) for _ in range(rng.randint(0, 2))]
            full_records.append((entry, json.dumps(rec)))
            for key in ("details", "references"):
                rec.pop(key)
            rec["database_specific"].pop("cwe_ids")
            lean_records.append((entry, json.dumps(rec)))
    for variant, items in (("full", full_records), ("lean", lean_records)):
        folder = os.path.join(data, variant, "osv", ecosystem)
        os.makedirs(folder, exist_ok=True)
        with zipfile.ZipFile(os.path.join(folder, "all.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for entry, text in items:
                archive.writestr(entry, text)
    print(f"{ecosystem}: full and lean variants", flush=True)
PY
fi

measure_prefix=sbom-vulns measure_width=26
# shellcheck source=bench/lib/measure.sh
source bench/lib/measure.sh

for variant in lean full; do
  rm -f "$data/$variant.db"
  echo "== import, $variant"
  measure "import-$variant" "$cli" db import "$data/$variant"/osv/*/all.zip --db "$data/$variant.db"
done
size_lean=$(stat -c %s "$data/lean.db")
size_full=$(stat -c %s "$data/full.db")
for variant in lean full; do
  echo "== scan --only deps, $variant database"
  measure "scan-$variant" "$cli" scan "$data/$variant/project" --only deps --db "$data/$variant.db" --quiet --format json --output /dev/null
done
echo "== sbom without and with --vulnerabilities"
measure sbom "$cli" sbom "$data/full/project" --output "$results/sbom-vulns-plain.cdx.json"
measure sbom-vulnerabilities "$cli" sbom "$data/full/project" --vulnerabilities --db "$data/full.db" --output "$results/sbom-vulns.cdx.json"
count=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["vulnerabilities"]), "vulnerabilities,", sum(len(v["affects"]) for v in d["vulnerabilities"]), "affects")' "$results/sbom-vulns.cdx.json")

echo
echo "== summary ($records records, $packages packages; $count; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
python3 - "$size_lean" "$size_full" "$cpu_import_lean" "$cpu_import_full" "$cpu_scan_lean" "$cpu_scan_full" "$cpu_sbom" "$cpu_sbom_vulnerabilities" <<'PY'
import sys
lean, full, il, ifu, sl, sf, sb, sv = (float(x) for x in sys.argv[1:])
print(f"database: lean {lean / 2**20:.1f} MiB, full {full / 2**20:.1f} MiB ({full / lean:.2f}x)")
print(f"import CPU: full {ifu / il:.2f}x lean;  scan CPU: full database {sf / sl:.2f}x lean")
print(f"sbom --vulnerabilities: {sv / sb:.2f}x the CPU of sbom without")
PY
