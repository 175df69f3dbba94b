#!/usr/bin/env bash
# Generates a CycloneDX and an SPDX document with `shipgate sbom` and validates both; exits 1 on any error.
#
#   build/validate-sbom.sh [PROJECT_DIR]     (default: the SBOM test fixture project)
#
# - CycloneDX: the strict JSON validator of @cyclonedx/cyclonedx-library (the official CycloneDX 1.6 JSON schema,
#   which the library ships; it needs ajv, ajv-formats and ajv-formats-draft2019).
# - SPDX: ajv-cli against build/schemas/spdx-2.3-document.schema.json. The official spdx-schema.json is not published
#   in any npm or apt package, and CI may not download from other URLs, so that schema is written from the SPDX 2.3
#   specification for the clauses Shipgate emits (see its description).
# Tools are installed with npm, pinned, into .tools/sbom (git-ignored) when missing. Set SHIPGATE_CLI to run another
# build of the CLI (default: the Release build in src/Shipgate.Cli/bin).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly tools="$root/.tools/sbom"
readonly packages=("@cyclonedx/cyclonedx-library@10.3.0" "ajv@8.20.0" "ajv-formats@3.0.1" "ajv-formats-draft2019@1.6.1" "ajv-cli@5.0.0")
project="${1:-$root/tests/Shipgate.Dependencies.Tests/Fixtures/Sbom/project}"
read -r -a cli <<< "${SHIPGATE_CLI:-dotnet $root/src/Shipgate.Cli/bin/Release/net10.0/shipgate.dll}"

if [ ! -f "$tools/node_modules/ajv-cli/package.json" ] || [ ! -f "$tools/node_modules/@cyclonedx/cyclonedx-library/package.json" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{ "private": true }' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --save-exact --ignore-scripts "${packages[@]}" >/dev/null)
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"${cli[@]}" sbom "$project" --format cyclonedx --output "$out/bom.cdx.json"
"${cli[@]}" sbom "$project" --format spdx --output "$out/bom.spdx.json"

status=0
cat > "$out/validate-cdx.js" <<'JS'
const { Validation, Spec } = require(process.argv[2] + '/node_modules/@cyclonedx/cyclonedx-library');
const fs = require('fs');
(async () => {
  const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
  const errors = await validator.validate(fs.readFileSync(process.argv[3], 'utf8'));
  if (errors === null) { console.log(process.argv[3] + ': valid CycloneDX 1.6'); return; }
  console.error(process.argv[3] + ': invalid CycloneDX 1.6');
  console.error(JSON.stringify(errors, null, 2));
  process.exitCode = 1;
})().catch(e => { console.error(e); process.exitCode = 1; });
JS
node "$out/validate-cdx.js" "$tools" "$out/bom.cdx.json" || status=1

"$tools/node_modules/.bin/ajv" validate --spec=draft7 --strict=false --all-errors -c ajv-formats \
  -s "$root/build/schemas/spdx-2.3-document.schema.json" -d "$out/bom.spdx.json" || status=1

if [ "$status" -ne 0 ]; then
  echo "validate-sbom: SBOM validation failed" >&2
fi
exit "$status"
