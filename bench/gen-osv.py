#!/usr/bin/env python3
"""Generates an OSV dataset and a large lockfile for the dependency benchmarks.

Usage: gen-osv.py OUT_DIR [--records 300000] [--packages 5000] [--seed 11]

Writes OUT_DIR/osv/<ecosystem>/all.zip (OSV export layout, one JSON record per entry) across eight ecosystems, and
OUT_DIR/project/package-lock.json (lockfile v3) with --packages npm packages, about a fifth of which have advisories
(the rest are clean, as in real projects). Records look like real ones: GHSA ids with CVE aliases, CVSS v3.1 and
some v4.0 vectors, ECOSYSTEM ranges with one to three intervals, explicit version lists on a third of them,
details text, references, some withdrawn. Everything is synthetic; nothing is downloaded.
"""
import argparse
import json
import os
import random
import zipfile

ECOSYSTEMS = [("npm", 0.30), ("PyPI", 0.18), ("Maven", 0.14), ("Go", 0.10), ("crates.io", 0.06),
              ("NuGet", 0.06), ("RubyGems", 0.08), ("Packagist", 0.08)]
SYLLABLES = "ab ac ad al an ar as at be ca ce co da de di do el en er es fa fi fo ga ge go ha he hi in io is ja ka ke " \
            "ki la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to ul un ur va ve vi " \
            "xa xe ya yo za ze zo".split()


def name(rng, ecosystem, i):
    base = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + f"-{i}"
    if ecosystem == "Maven":
        return f"org.{base[:6]}:{base}"
    if ecosystem == "Go":
        return f"github.com/{base[:5]}/{base}"
    if ecosystem == "Packagist":
        return f"{base[:5]}/{base}"
    return base


def version(rng):
    return f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def vector(rng):
    if rng.random() < 0.2:
        return {"type": "CVSS_V4", "score": "CVSS:4.0/AV:%s/AC:%s/AT:%s/PR:%s/UI:%s/VC:%s/VI:%s/VA:%s/SC:%s/SI:%s/SA:%s" % (
            rng.choice("NALP"), rng.choice("LH"), rng.choice("NP"), rng.choice("NLH"), rng.choice("NPA"),
            rng.choice("HLN"), rng.choice("HLN"), rng.choice("HLN"), rng.choice("HLN"), rng.choice("HLN"), rng.choice("HLN"))}
    return {"type": "CVSS_V3", "score": "CVSS:3.1/AV:%s/AC:%s/PR:%s/UI:%s/S:%s/C:%s/I:%s/A:%s" % (
        rng.choice("NALP"), rng.choice("LH"), rng.choice("NLH"), rng.choice("NR"), rng.choice("UC"),
        rng.choice("HLN"), rng.choice("HLN"), rng.choice("HLN"))}


def record(rng, n, ecosystem, package):
    points = sorted({version(rng) for _ in range(rng.randint(2, 6))}, key=vkey)
    events = [{"introduced": "0"}]
    for i, v in enumerate(points[:6]):
        events.append({"fixed": v} if i % 2 == 0 else {"introduced": v})
    affected = {"package": {"ecosystem": ecosystem, "name": package},
                "ranges": [{"type": "ECOSYSTEM", "events": events}],
                "database_specific": {"source": "https://example.invalid/advisories/%d" % n}}
    if rng.random() < 0.33:
        affected["versions"] = sorted({version(rng) for _ in range(rng.randint(5, 40))}, key=vkey)
    ghsa = "GHSA-%04x-%04x-%04x" % (rng.getrandbits(16), rng.getrandbits(16), n & 0xFFFF)
    rec = {
        "schema_version": "1.6.0",
        "id": f"{ghsa}-{n}",
        "modified": "2024-%02d-%02dT%02d:00:00Z" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)),
        "published": "2023-%02d-%02dT00:00:00Z" % (rng.randint(1, 12), rng.randint(1, 28)),
        "aliases": [f"CVE-{rng.randint(2015, 2025)}-{n + 10000}"],
        "summary": f"Synthetic issue {n} in {package}",
        "details": "Generated advisory text. " * rng.randint(5, 40),
        "severity": [vector(rng)] if rng.random() < 0.85 else [],
        "affected": [affected],
        "references": [{"type": "WEB", "url": f"https://example.invalid/{n}"}, {"type": "PACKAGE", "url": f"https://example.invalid/p/{package}"}],
        "database_specific": {"severity": rng.choice(["LOW", "MODERATE", "HIGH", "CRITICAL"]), "cwe_ids": ["CWE-79"]},
    }
    if rng.random() < 0.01:
        rec["withdrawn"] = "2024-06-01T00:00:00Z"
    return rec


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--records", type=int, default=300_000)
    parser.add_argument("--packages", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "project"), exist_ok=True)
    n = 0
    npm_vulnerable = []
    for ecosystem, share in ECOSYSTEMS:
        count = int(args.records * share) if ecosystem != ECOSYSTEMS[-1][0] else args.records - n
        names = [name(rng, ecosystem, i) for i in range(max(1, count // 3))]
        if ecosystem == "npm":
            npm_vulnerable = names
        folder = os.path.join(args.out, "osv", ecosystem)
        os.makedirs(folder, exist_ok=True)
        with zipfile.ZipFile(os.path.join(folder, "all.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for _ in range(count):
                rec = record(rng, n, ecosystem, rng.choice(names))
                archive.writestr(rec["id"] + ".json", json.dumps(rec))
                n += 1
        print(f"{ecosystem}: {count} records", flush=True)

    packages = {"": {"name": "bench-app", "version": "1.0.0", "dependencies": {}}}
    vulnerable = rng.sample(npm_vulnerable, min(len(npm_vulnerable), args.packages // 5))
    clean = [f"clean-package-{i}" for i in range(args.packages - len(vulnerable))]
    for i, package in enumerate(vulnerable + clean):
        packages[f"node_modules/{package}"] = {
            "version": version(rng),
            "resolved": f"https://registry.npmjs.org/{package}/-/{package}-1.0.0.tgz",
            "integrity": "sha512-" + "A" * 86 + "==",
            "dev": i % 7 == 0,
        }
        if i < 200:
            packages[""]["dependencies"][package] = "^1.0.0"
    with open(os.path.join(args.out, "project", "package-lock.json"), "w") as f:
        json.dump({"name": "bench-app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}, f, indent=2)
    print(f"lockfile: {len(packages) - 1} packages ({len(vulnerable)} with advisories)")


if __name__ == "__main__":
    main()
