#!/usr/bin/env python3
"""Prints the figures of the last `cargo bench` runs as Markdown table rows:
each benchmark's median time per iteration and the fastest and slowest of
its samples (each sample's mean), from criterion's own records under
target/criterion. The figures in BENCHMARKS.md come from it.

    scripts/criterion-table.py [GROUP...]

With no GROUP it prints every group (frame, key_to_frame, seek, index,
load, statsbomb_import, tournament).
"""

import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "target", "criterion")


def human(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.1f} ns"


def rows(group):
    base = os.path.join(ROOT, group)
    for dirpath, _, files in sorted(os.walk(base)):
        if os.path.basename(dirpath) != "new" or "sample.json" not in files:
            continue
        with open(os.path.join(dirpath, "sample.json")) as f:
            sample = json.load(f)
        with open(os.path.join(dirpath, "estimates.json")) as f:
            median = json.load(f)["median"]["point_estimate"]
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        per_iter = [t / n for t, n in zip(sample["times"], sample["iters"])]
        name = bench["full_id"]
        throughput = bench.get("throughput") or {}
        extra = ""
        if "Bytes" in throughput:
            mib_s = throughput["Bytes"] / (median / 1e9) / 2**20
            extra = f" | {mib_s:.0f} MiB/s"
        yield name, f"| `{name}` | {human(median)} | {human(min(per_iter))} – {human(max(per_iter))}{extra} |"


def main():
    groups = sys.argv[1:] or sorted(os.listdir(ROOT))
    for group in groups:
        if not os.path.isdir(os.path.join(ROOT, group)):
            continue
        print(f"\n{group}\n")
        print("| benchmark | median | min – max |")
        print("|---|---|---|")
        for _, row in sorted(rows(group)):
            print(row)


if __name__ == "__main__":
    main()
