#!/usr/bin/env bash
# Publishes the shipgate command as users install it: self-contained (no .NET runtime needed on the target) and
# compiled ahead of time as one composite ReadyToRun image of Shipgate, its libraries and the runtime, so start-up and
# short scans do not wait for the JIT (a staged scan took 241 ms against 316 ms for a framework-dependent
# ReadyToRun build, bench/README.md). Takes two to three minutes; about 160 MB.
# Prints the path of the executable on its last line.
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
dotnet publish "$root/src/Shipgate.Cli" -c Release -r "$os-$arch" --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" -nologo -v q >&2
echo "$out/shipgate"
