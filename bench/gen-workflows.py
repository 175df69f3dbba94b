#!/usr/bin/env python3
"""Generates a synthetic tree of GitHub Actions workflows for bench/workflows.sh.

Each workflow is 60-120 lines and mixes what real ones hold: several triggers, env, a matrix, jobs with
checkout/setup/cache steps, multi-line run: scripts with expressions, reusable-workflow calls, and (in one in
five) a risky pattern so the rules have findings to report. Deterministic for a given seed.

Usage: gen-workflows.py OUT_DIR [--count N] [--seed S]
"""
import argparse
import os
import random

SHA = "11bd71901bbe5b1630ceea73d27597364c9af683"
ACTIONS = [
    f"actions/checkout@{SHA} # v4.2.2",
    "actions/setup-node@v4",
    f"actions/setup-python@{SHA} # v5.3.0",
    "actions/cache@v4",
    f"actions/upload-artifact@{SHA} # v4.4.3",
    "docker/login-action@v3",
    "softprops/action-gh-release@v2",
]
TRIGGERS = [
    "  push:\n    branches: [main]\n",
    "  pull_request:\n    branches: [main]\n",
    "  workflow_dispatch:\n    inputs:\n      target:\n        type: string\n",
    "  schedule:\n    - cron: '0 3 * * 1'\n",
    "  issues:\n    types: [opened]\n",
    "  pull_request_target:\n",
]


def step(rng, i):
    kind = rng.random()
    if kind < 0.45:
        uses = rng.choice(ACTIONS)
        text = f"      - name: step {i}\n        uses: {uses}\n"
        if uses.startswith("actions/checkout") and rng.random() < 0.5:
            text += "        with:\n          persist-credentials: false\n"
        elif uses.startswith("actions/setup-node"):
            text += "        with:\n          node-version: ${{ matrix.node }}\n"
        return text
    lines = [
        "npm ci",
        "npm test -- --reporter dot",
        'echo "sha=${{ github.sha }}" >> "$GITHUB_OUTPUT"',
        'echo "Building ${{ github.ref_name }}"',
        "make -j4 build",
        'if [ -n "$TARGET" ]; then ./deploy.sh "$TARGET"; fi',
        "python -m pip install -r requirements.txt",
        'curl -fsSL "https://example.com/install.sh" -o install.sh',
    ]
    body = "".join(f"          {rng.choice(lines)}\n" for _ in range(rng.randint(2, 6)))
    text = f"      - name: step {i}\n        id: s{i}\n"
    if rng.random() < 0.3:
        text += "        env:\n          TARGET: ${{ inputs.target }}\n"
    return text + "        run: |\n" + body


def workflow(rng, n):
    triggers = "".join(rng.sample(TRIGGERS, rng.randint(1, 3)))
    out = [f"name: generated {n}\non:\n{triggers}"]
    if rng.random() < 0.6:
        out.append("permissions:\n  contents: read\n")
    out.append("env:\n  CI: true\n  LEVEL: info\n")
    out.append("jobs:\n")
    for j in range(rng.randint(2, 4)):
        if rng.random() < 0.1:
            out.append(f"  call{j}:\n    uses: org/shared/.github/workflows/build.yml@v1\n    secrets: inherit\n")
            continue
        out.append(f"  job{j}:\n    name: job {j}\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n")
        if rng.random() < 0.5:
            out.append("    strategy:\n      matrix:\n        node: [18, 20, 22]\n")
        out.append("    steps:\n")
        for i in range(rng.randint(3, 7)):
            out.append(step(rng, i))
        if rng.random() < 0.2:
            out.append('      - name: risky\n        run: echo "${{ github.event.issue.title }}"\n')
    return "".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = os.path.join(args.out, ".github", "workflows")
    os.makedirs(target, exist_ok=True)
    for n in range(args.count):
        with open(os.path.join(target, f"wf-{n:05d}.yml"), "w", encoding="utf-8") as f:
            f.write(workflow(rng, n))


if __name__ == "__main__":
    main()
