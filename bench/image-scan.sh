#!/usr/bin/env bash
# Wall time and peak memory of `shipgate image scan` on a generated ~1 GB image, in one run:
#   1. docker save archive, plain layers (the common CI case: `docker save -o app.tar`)
#   2. OCI archive, gzip layers (what registries serve; decompression included)
#   3. --list-packages on the docker archive (inventory only, no secret scan)
#   4. the docker archive again with vulnerability matching (IMG006) against a generated Debian:12 OSV store
#      (bench/gen-image-osv.py, 6,000 records, imported once with `db import`)
# Runs 1-3 point SHIPGATE_OSV_DB at a missing file, so no user database is picked up.
# Usage: bench/image-scan.sh [MIB] [LAYERS]   (default 1024 MiB, 24 layers; images go to bench/corpus/, git-ignored)
# Needs: python3, GNU time (/usr/bin/time). Targets: < 15 s and < 300 MB peak RSS for 1 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mib=${1:-1024}
layers=${2:-24}
corpus=bench/corpus
results=bench/results
mkdir -p "$corpus" "$results"
[ -x /usr/bin/time ] || { echo "missing GNU time: apt-get install time"; exit 2; }

cli="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"  # as installed; SHIPGATE_CLI reuses a published binary

docker_tar=$corpus/image-$mib-docker.tar
oci_tar=$corpus/image-$mib-oci-gzip.tar
[ -f "$docker_tar" ] || python3 bench/gen-image.py "$docker_tar" --mib "$mib" --layers "$layers" --format docker
[ -f "$oci_tar" ] || python3 bench/gen-image.py "$oci_tar" --mib "$mib" --layers "$layers" --format oci-gzip

measure() {
  local name=$1; shift
  # Warm the page cache once so the figure is the scanner, not the disk.
  cat "$docker_tar" "$oci_tar" > /dev/null
  /usr/bin/time -v "$@" > "$results/image-$name.out" 2> "$results/image-$name.time" || true
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$results/image-$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$results/image-$name.time" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$results/image-$name.time")
  printf '%-28s wall %-10s CPU %6s s  peak RSS %6d MB\n' "$name" "$wall" "$cpu" $((rss / 1024))
}

osv_zip=$corpus/image-osv-debian12.zip
osv_db=$corpus/image-osv.db
[ -f "$osv_zip" ] || python3 bench/gen-image-osv.py "$osv_zip"
[ -f "$osv_db" ] || "$cli" db import "$osv_zip" --db "$osv_db" > /dev/null
export SHIPGATE_OSV_DB=$corpus/no-such-osv.db

echo "image: $(du -hL "$docker_tar" | cut -f1) docker archive, $(du -hL "$oci_tar" | cut -f1) OCI gzip archive, $layers layers"
measure docker-scan $cli image scan "$docker_tar" --quiet -f json -o "$results/image-docker.json"
measure oci-gzip-scan $cli image scan "$oci_tar" --quiet -f json -o "$results/image-oci.json"
measure docker-list-packages $cli image scan "$docker_tar" --list-packages -f json -o "$results/image-packages.json"
measure docker-scan-with-db $cli image scan "$docker_tar" --quiet --db "$osv_db" -f json -o "$results/image-docker-vulns.json"
echo "IMG006 findings with the generated database: $(grep -o '"ruleId": *"IMG006"' "$results/image-docker-vulns.json" | wc -l)"
