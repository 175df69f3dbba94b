#!/usr/bin/env bash
# Validates SARIF files with the SARIF Multitool (npm package @microsoft/sarif-multitool, pinned below),
# installing it into .tools/ (git-ignored) when it is missing.
#
#   build/validate-sarif.sh FILE...
#   build/validate-sarif.sh tests/Shipgate.Reporting.Tests/Golden/*.sarif
#
# Runs the JSON schema checks (JSON*), the SARIF specification rules (SARIF*) and GitHub code scanning's
# ingestion rules (GH*). Prints every warning and error; exits 1 if any file has an error-level result.
#
# Notes on the multitool, found by trying it:
# - The Linux package ships a self-contained executable (the .NET runtime is bundled), so no installed
#   runtime is needed; npm's install-script policy may skip its `chmod u+x` postinstall, so we do it here.
# - Its exit code is 0 even when it reports errors, so this script reads the result log it writes instead.
# - It calls the native executable directly: the npm `bin` shim runs through a shell, which splits
#   "Sarif;Ghas" at the semicolon and paths at spaces.
# - It does not report enum values it does not know (e.g. "level": "bogus"); the writer's unit tests pin those.
set -euo pipefail

readonly VERSION="5.7.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly tools="$root/.tools"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi

installed_version() {
  node -p "require('$tools/node_modules/@microsoft/sarif-multitool/package.json').version" 2>/dev/null || true
}

if [ "$(installed_version)" != "$VERSION" ]; then
  echo "Installing @microsoft/sarif-multitool@$VERSION into $tools" >&2
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool@$VERSION" >&2
fi

multitool="$(node -p "require('$tools/node_modules/@microsoft/sarif-multitool')")"
if [ ! -f "$multitool" ]; then
  echo "error: the SARIF Multitool has no executable for this platform ($multitool)" >&2
  exit 2
fi
chmod u+x "$multitool"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
index=0
for file in "$@"; do
  index=$((index + 1))
  if [ ! -f "$file" ]; then
    echo "$file: error: no such file" >&2
    failed=1
    continue
  fi

  log="$work/$index.sarif"
  if ! "$multitool" validate --rule-kind "Sarif;Ghas" --output "$log" "$file" > "$work/$index.txt" 2>&1 || [ ! -s "$log" ]; then
    cat "$work/$index.txt" >&2
    echo "$file: error: the SARIF Multitool did not run" >&2
    failed=1
    continue
  fi

  # The text output has the readable messages; the result log is what we count.
  grep -E ': (error|warning|note) ' "$work/$index.txt" >&2 || true
  errors="$(node - "$log" <<'JS'
const run = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8')).runs[0];
let errors = (run.results ?? []).filter(r => (r.level ?? 'warning') === 'error').length;
for (const invocation of run.invocations ?? []) {
  const notifications = [...(invocation.toolExecutionNotifications ?? []), ...(invocation.toolConfigurationNotifications ?? [])];
  for (const notification of notifications.filter(n => (n.level ?? 'warning') === 'error')) {
    console.error(`error: ${notification.message?.text ?? 'the SARIF Multitool reported a failure'}`);
    errors++;
  }
  if (invocation.executionSuccessful === false) errors++;
}
console.log(errors);
JS
)"

  if [ "$errors" -gt 0 ]; then
    echo "$file: FAILED ($errors errors)" >&2
    failed=1
  else
    echo "$file: valid SARIF 2.1.0"
  fi
done

exit "$failed"
