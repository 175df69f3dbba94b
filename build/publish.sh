#!/usr/bin/env bash
# Publishes the shipgate command as users install it: framework-dependent, ReadyToRun (precompiled, so start-up does
# not wait for the JIT), for this machine's runtime identifier. Prints the path of the executable on its last line.
# Usage: build/publish.sh [OUTPUT_DIR]   (default artifacts/shipgate)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/shipgate}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "publish: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=osx ;;
  *) echo "publish: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
dotnet publish "$root/src/Shipgate.Cli" -c Release -r "$os-$arch" --self-contained false \
  -p:PublishReadyToRun=true -o "$out" -nologo -v q >&2
echo "$out/shipgate"
