#!/usr/bin/env bash
# Times whole commands side by side on one generated corpus, in one run:
#   shipgate secrets  vs  ripgrep with the same keyword set (the practical speed limit)
#   vs  git secrets --scan  vs  secretlint (npm, on a subset: it is much slower)
# Usage: [SHIPGATE_CLI=PATH] bench/compare-secrets.sh [MIB]   (default 500; corpus goes to bench/corpus/, git-ignored)
# Needs: hyperfine, ripgrep, git-secrets (apt), node/npm; installs secretlint into bench/.tools/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mib=${1:-500}
corpus=bench/corpus/src-$mib
results=bench/results
mkdir -p "$results"

for tool in hyperfine rg git-secrets; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine ripgrep git-secrets"; exit 2; }
done

# ReadyToRun, as installed; SHIPGATE_CLI=/path/to/shipgate reuses a binary published already.
cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"

[ -d "$corpus" ] || python3 bench/gen-corpus.py "$corpus" --mib "$mib"
# git-secrets scans through git: give it a repository with the corpus committed.
if [ ! -d "$corpus/.git" ]; then
  (cd "$corpus" && git init -q && git add -A && git -c user.name=b -c user.email=b@b commit -qm corpus && git secrets --register-aws >/dev/null)
fi

# The same keyword set for ripgrep as the prefilter uses.
$cli rules list --format json | python3 -c 'import json,sys; [print(k) for r in json.load(sys.stdin) for k in r.get("keywords", [])]' | sort -u > "$results/keywords.txt"

# secretlint on a 5% subset (whole files), scaled in the report.
if [ ! -x bench/.tools/node_modules/.bin/secretlint ]; then
  npm install --prefix bench/.tools --no-audit --no-fund secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null
fi
cat > bench/.tools/.secretlintrc.json <<'JSON'
{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }
JSON
subset=bench/corpus/subset-$mib
if [ ! -d "$subset" ]; then
  mkdir -p "$subset"
  find "$corpus" -path "$corpus/.git" -prune -o -type f -name 'file*' -print | awk 'NR % 20 == 0' | while read -r f; do cp "$f" "$subset/"; done
fi
subset_mib=$(du -sm "$subset" | cut -f1)

hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$results/secrets-tree.md" --export-json "$results/secrets-tree.json" \
  -n "shipgate secrets" "$cli secrets $corpus --quiet --format json --output /dev/null" \
  -n "rg (same keywords)" "rg -i -F -c -f $results/keywords.txt $corpus" \
  -n "git secrets --scan" "cd $corpus && git secrets --scan -r . >/dev/null 2>&1"

hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$results/secrets-subset.md" \
  -n "shipgate secrets (subset)" "$cli secrets $subset --quiet --format json --output /dev/null" \
  -n "secretlint (subset)" "cd bench/.tools && ./node_modules/.bin/secretlint --secretlintrc .secretlintrc.json '$root/$subset/**/*' >/dev/null"

# A real source tree as well (the generated corpus is keyword-dense on purpose): the Python standard library of this
# machine's python3 unless REAL_TREE names another folder. Both tools skip its binary files (.pyc, .so).
real=${REAL_TREE:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
real_mib=$(du -sm "$real" | cut -f1)
hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$results/secrets-real.md" \
  -n "shipgate secrets (real tree)" "$cli secrets $real --quiet --format json --output /dev/null" \
  -n "rg (same keywords, real tree)" "rg -i -F -c -f $results/keywords.txt $real"

echo "corpus: $mib MiB; subset for secretlint: $subset_mib MiB; real tree: $real ($real_mib MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$results/secrets-tree.md" "$results/secrets-subset.md" "$results/secrets-real.md"
