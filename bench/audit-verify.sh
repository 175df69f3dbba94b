#!/usr/bin/env bash
# Times `shipgate audit verify` on a generated export of N entries (default 1,000,000) with a signed checkpoint
# every CHECKPOINT_EVERY entries (default 256, as the gate writes it: AuditCheckpointPolicy.Default) and after the last.
# Every checkpoint's signature is verified. Target: under 10 s for 1,000,000 entries.
# Usage: bench/audit-verify.sh [ENTRIES] [CHECKPOINT_EVERY]   (export goes to bench/corpus/, git-ignored)
# Needs: hyperfine (apt-get install hyperfine); falls back to a single timed run without it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
entries=${1:-1000000}
every=${2:-256}
dir=bench/corpus/audit
export_file=$dir/export-$entries-$every.jsonl
key=$dir/key-$entries-$every.pem
mkdir -p "$dir" bench/results

cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"  # as installed; SHIPGATE_CLI reuses a published binary
if [ ! -s "$export_file" ]; then
  dotnet run -c Release --project bench/Shipgate.Benchmarks -- generate-audit-export "$entries" "$export_file" "$key" "$every"
fi
echo "export: $export_file ($(du -h "$export_file" | cut -f1), $(wc -l < "$export_file") lines)"

# Sanity: it verifies, and a one-byte edit in the middle is caught.
$cli audit verify "$export_file" --public-key "$key"
tampered=$dir/tampered-$entries-$every.jsonl
python3 - "$export_file" "$tampered" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = len(lines) // 2
while not lines[i].startswith('{"seq"'):
    i += 1
lines[i] = lines[i].replace('"outcome":"success"', '"outcome":"failure"', 1)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
if $cli audit verify "$tampered" --public-key "$key"; then echo "tampered export verified?!"; exit 1; fi

echo "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 3 --export-markdown bench/results/audit-verify.md \
    "$cli audit verify $export_file --public-key $key"
fi
# CPU (user + sys) and peak RSS of one run: the figures to read on a shared machine.
/usr/bin/time -f "audit verify: wall %e s, user %U s, sys %S s, peak RSS %M KB" $cli audit verify "$export_file" --public-key "$key"
echo "load average after timing: $(cut -d' ' -f1-3 /proc/loadavg)"
