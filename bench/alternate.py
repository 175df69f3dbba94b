#!/usr/bin/env python3
"""Times whole commands side by side: alternate.py N 'CMD1' 'CMD2' ...

Runs the commands round-robin N times (reversing the order every other round, after one untimed run each), so a
machine whose load drifts treats them alike, and prints the median, mean and 10th percentile of wall time in ms.
Used for start-up comparisons of two builds, where hyperfine's one-command-after-another runs drift apart.
"""
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    started = time.perf_counter()
    subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - started) * 1000


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: alternate.py ROUNDS 'COMMAND' ['COMMAND'...]")
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    times = {command: [] for command in commands}
    for command in commands:
        run(command)
    for i in range(rounds):
        for command in commands if i % 2 == 0 else reversed(commands):
            times[command].append(run(command))
    for command in commands:
        ordered = sorted(times[command])
        print(f"{statistics.median(ordered):8.1f} ms median {statistics.mean(ordered):8.1f} mean"
              f"  p10 {ordered[len(ordered) // 10]:7.1f}  {command}")


if __name__ == "__main__":
    main()
