#!/usr/bin/env python3
"""Generates a git repository with a long synthetic history for the secrets history benchmark.

Usage: gen-history.py OUT_DIR [--commits 1500] [--files 300] [--seed 7]

The first commit adds FILES source-like files (the line generator of gen-corpus.py); every later commit edits one
to five of them (rewrites, inserts and deletes a few lines), so each commit introduces new blobs the way real work
does. One commit in fifty plants a fake secret (generated here, random on every run; it grants nothing). Written
with `git fast-import`, then `git gc`, so the objects are packed with deltas like a real repository's. The
repository is never committed (bench/corpus/ is git-ignored).
"""
import argparse
import importlib.util
import os
import random
import subprocess

spec = importlib.util.spec_from_file_location("gen_corpus", os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)


def blob(path, lines):
    data = ("\n".join(lines) + "\n").encode()
    return b"M 100644 inline " + path.encode() + b"\ndata " + str(len(data)).encode() + b"\n" + data + b"\n"


def commit(number, when, message, changes):
    text = message.encode()
    head = (f"commit refs/heads/main\nmark :{number}\nauthor Bench <bench@example.com> {when} +0000\n"
            f"committer Bench <bench@example.com> {when} +0000\ndata {len(text)}\n").encode() + text + b"\n"
    parent = f"from :{number - 1}\n".encode() if number > 1 else b""
    return head + parent + b"".join(changes) + b"\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--commits", type=int, default=1500)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    exts = [".py", ".js", ".cs", ".go", ".yaml", ".json", ".env", ".ts"]
    files = {f"src/mod{i // 25:02d}/file{i:04d}{exts[i % len(exts)]}": [corpus.line(rng) for _ in range(rng.randint(100, 900))]
             for i in range(args.files)}
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    importer = subprocess.Popen(["git", "-C", args.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    when = 1_700_000_000
    importer.stdin.write(commit(1, when, "initial import", [blob(p, lines) for p, lines in files.items()]))
    planted = 0
    for number in range(2, args.commits + 1):
        when += rng.randint(60, 36_000)
        changed = []
        for path in rng.sample(sorted(files), rng.randint(1, 5)):
            lines = files[path]
            for _ in range(rng.randint(1, 12)):
                position = rng.randrange(len(lines))
                action = rng.random()
                if action < 0.5:
                    lines[position] = corpus.line(rng)
                elif action < 0.8:
                    lines.insert(position, corpus.line(rng))
                elif len(lines) > 50:
                    del lines[position]
            if number % 50 == 0 and not changed:
                lines.insert(rng.randrange(len(lines)), corpus.secret(rng))
                planted += 1
            changed.append(blob(path, lines))
        importer.stdin.write(commit(number, when, f"change {number}", changed))
    importer.stdin.close()
    if importer.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", args.out, "gc", "-q"], check=True)
    subprocess.run(["git", "-C", args.out, "checkout", "-q", "main"], check=True)
    print(f"wrote {args.commits} commits over {args.files} files, {planted} planted secrets, to {args.out}")


if __name__ == "__main__":
    main()
