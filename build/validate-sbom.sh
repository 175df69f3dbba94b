#!/usr/bin/env bash
# Generates CycloneDX and SPDX documents with `shipgate sbom` and validates them; exits 1 on any error.
#
#   build/validate-sbom.sh [PROJECT_DIR [OSV_DIR]]
#
# PROJECT_DIR defaults to the SBOM test fixture project, OSV_DIR to its folder of OSV records
# (tests/Shipgate.Dependencies.Tests/Fixtures/Sbom/osv), which is imported into a temporary database with
# `shipgate db import` so the CycloneDX document carries `vulnerabilities` (`sbom --vulnerabilities`); the document
# without them is validated too, and the one with them must list at least one.
#
# - CycloneDX: the strict JSON validator of @cyclonedx/cyclonedx-library (the official CycloneDX 1.6 JSON schema,
#   which the library ships; it needs ajv, ajv-formats and ajv-formats-draft2019).
# - SPDX: ajv-cli against build/schemas/spdx-2.3-document.schema.json. The official spdx-schema.json is not published
#   in any npm or apt package, and CI may not download from other URLs, so that schema is written from the SPDX 2.3
#   specification for the clauses Shipgate emits (see its description).
# - SPDX, second check: the official SPDX tool, `pyspdxtools -i FILE` of the PyPI package spdx-tools (pinned), which
#   parses the document and validates it against the SPDX 2.3 specification (exit 1 on any issue). It is installed
#   into a venv in .tools/spdx when missing (installing python3-venv with apt-get first when running as root and the
#   venv module is missing), else with `pip install --target`. When it cannot be installed at all (no PyPI access),
#   the check is skipped with a warning, unless SHIPGATE_REQUIRE_SPDX_TOOLS=1 makes that an error.
# The npm tools are installed, pinned, into .tools/sbom (git-ignored) when missing. Set SHIPGATE_CLI to run another
# build of the CLI (default: the Release build in src/Shipgate.Cli/bin).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly tools="$root/.tools/sbom"
readonly packages=("@cyclonedx/cyclonedx-library@10.3.0" "ajv@8.20.0" "ajv-formats@3.0.1" "ajv-formats-draft2019@1.6.1" "ajv-cli@5.0.0")
readonly spdx_tools="$root/.tools/spdx"
readonly spdx_package="spdx-tools==0.8.5"
project="${1:-$root/tests/Shipgate.Dependencies.Tests/Fixtures/Sbom/project}"
osv="${2:-$root/tests/Shipgate.Dependencies.Tests/Fixtures/Sbom/osv}"
read -r -a cli <<< "${SHIPGATE_CLI:-dotnet $root/src/Shipgate.Cli/bin/Release/net10.0/shipgate.dll}"

if [ ! -f "$tools/node_modules/ajv-cli/package.json" ] || [ ! -f "$tools/node_modules/@cyclonedx/cyclonedx-library/package.json" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{ "private": true }' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --save-exact --ignore-scripts "${packages[@]}" >/dev/null)
fi

# Prints the command that runs pyspdxtools (installing spdx-tools first when needed); fails when it cannot be had.
spdx_validator() {
  local pip_args=(-q --disable-pip-version-check --no-input --retries 0 --timeout 20)
  if [ -x "$spdx_tools/venv/bin/python" ] && "$spdx_tools/venv/bin/python" -c 'import spdx_tools' 2>/dev/null; then
    echo "$spdx_tools/venv/bin/python -m spdx_tools.spdx.clitools.pyspdxtools"; return 0
  fi
  if [ -d "$spdx_tools/target/spdx_tools" ]; then
    echo "env PYTHONPATH=$spdx_tools/target python3 -m spdx_tools.spdx.clitools.pyspdxtools"; return 0
  fi
  command -v python3 >/dev/null || return 1
  mkdir -p "$spdx_tools"
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "validate-sbom: installing python3-venv with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv >/dev/null 2>&1; } || true
  fi
  rm -rf "$spdx_tools/venv"
  if python3 -m venv "$spdx_tools/venv" >/dev/null 2>&1 \
    && "$spdx_tools/venv/bin/python" -m pip install "${pip_args[@]}" "$spdx_package" >/dev/null 2>&1; then
    echo "$spdx_tools/venv/bin/python -m spdx_tools.spdx.clitools.pyspdxtools"; return 0
  fi
  rm -rf "$spdx_tools/venv" "$spdx_tools/target"
  if python3 -m pip install "${pip_args[@]}" --target "$spdx_tools/target" "$spdx_package" >/dev/null 2>&1; then
    echo "env PYTHONPATH=$spdx_tools/target python3 -m spdx_tools.spdx.clitools.pyspdxtools"; return 0
  fi
  rm -rf "$spdx_tools/target"
  return 1
}

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"${cli[@]}" db import "$osv" --db "$out/osv.db" >/dev/null
"${cli[@]}" sbom "$project" --format cyclonedx --output "$out/bom.cdx.json"
"${cli[@]}" sbom "$project" --format cyclonedx --vulnerabilities --db "$out/osv.db" --output "$out/bom.vulns.cdx.json"
"${cli[@]}" sbom "$project" --format spdx --output "$out/bom.spdx.json"

status=0
cat > "$out/validate-cdx.js" <<'JS'
const { Validation, Spec } = require(process.argv[2] + '/node_modules/@cyclonedx/cyclonedx-library');
const fs = require('fs');
(async () => {
  const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
  for (const file of process.argv.slice(3)) {
    const text = fs.readFileSync(file, 'utf8');
    const errors = await validator.validate(text);
    if (errors !== null) {
      console.error(file + ': invalid CycloneDX 1.6');
      console.error(JSON.stringify(errors, null, 2));
      process.exitCode = 1;
      continue;
    }
    const vulnerabilities = JSON.parse(text).vulnerabilities;
    if (file.includes('.vulns.') && !(Array.isArray(vulnerabilities) && vulnerabilities.length > 0)) {
      console.error(file + ': valid CycloneDX 1.6, but without the vulnerabilities it should carry');
      process.exitCode = 1;
      continue;
    }
    console.log(file + ': valid CycloneDX 1.6' + (vulnerabilities ? ` (${vulnerabilities.length} vulnerabilities)` : ''));
  }
})().catch(e => { console.error(e); process.exitCode = 1; });
JS
node "$out/validate-cdx.js" "$tools" "$out/bom.cdx.json" "$out/bom.vulns.cdx.json" || status=1

"$tools/node_modules/.bin/ajv" validate --spec=draft7 --strict=false --all-errors -c ajv-formats \
  -s "$root/build/schemas/spdx-2.3-document.schema.json" -d "$out/bom.spdx.json" || status=1

if validator="$(spdx_validator)"; then
  read -r -a pyspdxtools <<< "$validator"
  if "${pyspdxtools[@]}" -i "$out/bom.spdx.json"; then
    echo "$out/bom.spdx.json: valid SPDX 2.3 (pyspdxtools, $spdx_package)"
  else
    status=1
  fi
elif [ "${SHIPGATE_REQUIRE_SPDX_TOOLS:-0}" = 1 ]; then
  echo "validate-sbom: cannot install $spdx_package (python3 with venv or pip, and access to PyPI, are needed)" >&2
  status=1
else
  echo "validate-sbom: warning: $spdx_package could not be installed (no PyPI access?), so the SPDX document was checked with ajv only; set SHIPGATE_REQUIRE_SPDX_TOOLS=1 to make this an error" >&2
fi

if [ "$status" -ne 0 ]; then
  echo "validate-sbom: SBOM validation failed" >&2
fi
exit "$status"
