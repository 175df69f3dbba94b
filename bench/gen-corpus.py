#!/usr/bin/env python3
"""Generates a source-like corpus for the secret-scanning benchmarks.

Usage: gen-corpus.py OUT_DIR [--mib 500] [--secret-every 20000] [--seed 7]

Files look like code, config and logs (identifiers, strings, comments, base64 blobs, UUIDs, hashes) so
keyword prefilters see realistic near-misses. A few secret-shaped values are planted (generated here,
random on every run); they are fake and grant nothing. The corpus is never committed (bench/corpus/ is
git-ignored).
"""
import argparse
import base64
import os
import random
import string
import uuid

WORDS = ("config user value token_count request response handler client server session cache build deploy "
         "password_policy secret_name api_version key_id retry timeout logger metrics buffer stream parse "
         "render update delete create account github slack stripe aws azure google docker kube").split()
ALNUM = string.ascii_letters + string.digits


def rand(alphabet, n, rng):
    return "".join(rng.choice(alphabet) for _ in range(n))


def line(rng):
    kind = rng.random()
    w = rng.choice
    if kind < 0.30:
        return f"    {w(WORDS)}_{w(WORDS)} = {w(WORDS)}.{w(WORDS)}({w(WORDS)}, {rng.randint(0, 9999)})"
    if kind < 0.45:
        return f'    "{w(WORDS)}": "{w(WORDS)}-{rand(string.ascii_lowercase, 8, rng)}",'
    if kind < 0.55:
        return f"    # {w(WORDS)} {w(WORDS)} {w(WORDS)} {w(WORDS)} {w(WORDS)}"
    if kind < 0.62:
        return f'    {w(WORDS)}_id = "{uuid.UUID(int=rng.getrandbits(128))}"'
    if kind < 0.68:
        return f'    "integrity": "sha512-{base64.b64encode(rng.randbytes(48)).decode()}",'
    if kind < 0.72:
        return f"    {w(WORDS)}_hash = \"{rng.randbytes(20).hex()}\""
    if kind < 0.80:
        return f"2026-11-22T03:{rng.randint(10, 59)}:00Z INFO {w(WORDS)} {w(WORDS)} took {rng.randint(1, 900)}ms"
    if kind < 0.85:
        return f"    {w(WORDS)} = os.environ[\"{w(WORDS).upper()}_TOKEN\"]"
    return f"    if {w(WORDS)} and not {w(WORDS)}: return {w(WORDS)}"


def secret(rng):
    choice = rng.randrange(4)
    if choice == 0:
        return f'    aws_access_key_id = "AKIA{rand(string.ascii_uppercase + "234567", 16, rng)}"'
    if choice == 1:
        return f'    slack_hook = "https://hooks.slack.com/services/T{rand(string.ascii_uppercase + string.digits, 10, rng)}/B{rand(string.ascii_uppercase + string.digits, 10, rng)}/{rand(ALNUM, 24, rng)}"'
    if choice == 2:
        return f'    stripe_key = "sk_live_{rand(ALNUM, 32, rng)}"'
    return f"    DATABASE_URL = \"postgres://app:{rand(ALNUM, 18, rng)}@db.internal:5432/app\""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--mib", type=int, default=500)
    parser.add_argument("--secret-every", type=int, default=20000, help="one planted secret per N lines")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = args.mib * 1024 * 1024
    written = 0
    index = 0
    planted = 0
    lines_done = 0
    exts = [".py", ".js", ".cs", ".go", ".yaml", ".json", ".log", ".env", ".properties", ".ts"]
    while written < target:
        sub = os.path.join(args.out, f"pkg{index // 200:04d}", f"mod{index // 20 % 10}")
        os.makedirs(sub, exist_ok=True)
        path = os.path.join(sub, f"file{index:06d}{exts[index % len(exts)]}")
        size = rng.randint(4_000, 120_000)
        parts = []
        count = 0
        while count < size:
            lines_done += 1
            text = secret(rng) if lines_done % args.secret_every == 0 else line(rng)
            planted += lines_done % args.secret_every == 0
            parts.append(text)
            count += len(text) + 1
        data = "\n".join(parts) + "\n"
        with open(path, "w") as handle:
            handle.write(data)
        written += len(data)
        index += 1
    print(f"wrote {written / 1048576:.0f} MiB in {index} files, {planted} planted secrets, to {args.out}")


if __name__ == "__main__":
    main()
