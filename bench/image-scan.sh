#!/usr/bin/env bash
# Wall time and peak memory of `shipgate image scan` on a generated ~1 GB image, in one run:
#   1. docker save archive, plain layers (the common CI case: `docker save -o app.tar`)
#   2. OCI archive, gzip layers (what registries serve; decompression included)
#   3. --list-packages on the docker archive (inventory only, no secret scan)
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

cli="$("$root/build/publish.sh" "$root/bench/corpus/bin")"  # ReadyToRun, as installed

docker_tar=$corpus/image-$mib-docker.tar
oci_tar=$corpus/image-$mib-oci-gzip.tar
[ -f "$docker_tar" ] || python3 bench/gen-image.py "$docker_tar" --mib "$mib" --layers "$layers" --format docker
[ -f "$oci_tar" ] || python3 bench/gen-image.py "$oci_tar" --mib "$mib" --layers "$layers" --format oci-gzip

measure() {
  local name=$1; shift
  # Warm the page cache once so the figure is the scanner, not the disk.
  cat "$docker_tar" "$oci_tar" > /dev/null
  /usr/bin/time -v "$@" > "$results/image-$name.out" 2> "$results/image-$name.time" || true
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$results/image-$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$results/image-$name.time" | awk '{print $NF}')
  printf '%-28s wall %-10s peak RSS %6d MB\n' "$name" "$wall" $((rss / 1024))
}

echo "image: $(du -h "$docker_tar" | cut -f1) docker archive, $(du -h "$oci_tar" | cut -f1) OCI gzip archive, $layers layers"
measure docker-scan $cli image scan "$docker_tar" --quiet -f json -o "$results/image-docker.json"
measure oci-gzip-scan $cli image scan "$oci_tar" --quiet -f json -o "$results/image-oci.json"
measure docker-list-packages $cli image scan "$docker_tar" --list-packages -f json -o "$results/image-packages.json"
