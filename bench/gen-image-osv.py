#!/usr/bin/env python3
"""Generates a Debian:12 OSV export matching the packages of bench/gen-image.py's image, for the image-scan benchmark.

Usage: gen-image-osv.py OUT.zip [--records 6000] [--sources 1500] [--seed 7]

The image's dpkg database has binaries pkg0..pkg399 built from sources src0..src133 (version 1.<i>.0-<i % 7>+deb12u1).
Records name --sources source packages (the image's 134 among them), Debian-style: DEBIAN-CVE ids with a CVE alias,
one ECOSYSTEM range (introduced 0, fixed at a dpkg version above or below the installed one), a CVSS v3.1 vector on
some. Everything is synthetic; nothing is downloaded.
"""
import argparse
import json
import random
import zipfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--records", type=int, default=6000)
    parser.add_argument("--sources", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(args.records):
            source = rng.randrange(args.sources)
            binary = source * 3 if source < 134 else source
            fixed = f"1.{binary + rng.choice([-2, 5])}.0-1+deb12u{rng.randint(1, 4)}"
            record = {
                "id": f"DEBIAN-CVE-2026-{n:05d}",
                "modified": "2026-11-30T00:00:00Z",
                "published": "2026-06-01T00:00:00Z",
                "aliases": [f"CVE-2026-{n:05d}"],
                "summary": f"synthetic advisory {n} for src{source}",
                "affected": [{
                    "package": {"ecosystem": "Debian:12", "name": f"src{source}"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": fixed}]}],
                }],
            }
            if rng.random() < 0.4:
                record["severity"] = [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}]
            archive.writestr(record["id"] + ".json", json.dumps(record))


if __name__ == "__main__":
    main()
