#!/usr/bin/env python3
"""Whole-process figures for BENCHMARKS.md, measured the way a user meets
them, by running the release binary:

- start to first frame: touchline starts in a pseudo-terminal of 120x40
  and the clock stops when the first whole frame has been written to it
  (its footer ends the frame);
- `touchline summary FILE --json`: wall time, and peak memory (maximum
  resident set, from GNU time);
- idle: CPU time the paused viewer uses over ten seconds, from the
  kernel's per-task run time (/proc/PID/schedstat, in nanoseconds).

    scripts/measure.py [--runs N] [--idle-seconds S] [FILE...]

With no FILE it measures the bundled match and the StatsBomb files in
../shared/data/statsbomb. Build first: `cargo build --release`. A
synthetic file of N events comes from
`cargo run --release --example synth -- N -o FILE`.
"""

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "touchline")
# The last hint of the footer: once it is on the screen the frame is whole.
FRAME_END = b"help"


def spawn_in_pty(args, cols=120, rows=40):
    """Starts the viewer on a new pseudo-terminal; returns (proc, master)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", TOUCHLINE_CONFIG="")
    proc = subprocess.Popen(
        [BINARY, *args], stdin=slave, stdout=slave, stderr=slave, env=env,
        start_new_session=True,
    )
    os.close(slave)
    return proc, master


def read_until(master, needle, deadline):
    seen = b""
    while needle not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {needle!r} on the screen; saw {seen[-200:]!r}")
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    return seen


def quit_viewer(proc, master):
    os.write(master, b"q")
    try:
        proc.wait(timeout=10)
    finally:
        os.close(master)


def first_frame(args):
    start = time.perf_counter()
    proc, master = spawn_in_pty(args)
    read_until(master, FRAME_END, time.monotonic() + 30)
    elapsed = time.perf_counter() - start
    quit_viewer(proc, master)
    return elapsed


def summary(path):
    cmd = [BINARY, "summary", *([path] if path else []), "--json"]
    env = dict(os.environ, TOUCHLINE_CONFIG="")
    start = time.perf_counter()
    run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {run.stderr.decode()}")
    return elapsed


def peak_rss(path):
    """KiB. Through GNU time, whose own small image is what the child
    starts from: a child forked from Python would count Python's."""
    cmd = [BINARY, "summary", *([path] if path else []), "--json"]
    env = dict(os.environ, TOUCHLINE_CONFIG="")
    run = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=env, check=True)
    return int(run.stderr.decode().split()[-1])


def idle_cpu(args, seconds):
    """Nanoseconds on a CPU over `seconds` while the viewer sits paused."""
    proc, master = spawn_in_pty(args)
    read_until(master, FRAME_END, time.monotonic() + 30)
    time.sleep(1)  # let the first frame's work end

    def run_ns():
        total = 0
        for task in os.listdir(f"/proc/{proc.pid}/task"):
            with open(f"/proc/{proc.pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        return total

    before = run_ns()
    # Drain what the terminal is sent meanwhile, as a terminal would.
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], end - time.monotonic())
        if ready:
            os.read(master, 65536)
    used = run_ns() - before
    quit_viewer(proc, master)
    return used


def fmt(values, unit="ms", scale=1000):
    med = statistics.median(values) * scale
    return f"{med:.1f} {unit} ({min(values) * scale:.1f}-{max(values) * scale:.1f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    opts = parser.parse_args()
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    files = opts.files
    if not files:
        data = os.path.join(ROOT, "..", "shared", "data", "statsbomb")
        files = [None] + sorted(
            os.path.join(data, f) for f in os.listdir(data) if f.endswith("_events.json")
        )
    print(f"{opts.runs} runs each: median (min-max)\n")
    for path in files:
        name = os.path.basename(path) if path else "bundled match"
        args = [path] if path else []
        size = f", {os.path.getsize(path) / 1e6:.1f} MB" if path else ""
        print(f"== {name}{size}")
        frames = [first_frame(args) for _ in range(opts.runs)]
        print(f"  start to first frame (120x40):  {fmt(frames)}")
        runs = [summary(path) for _ in range(opts.runs)]
        rss = max(peak_rss(path) for _ in range(3))
        print(f"  summary --json, whole process:  {fmt(runs)}, peak RSS {rss / 1024:.1f} MiB")
        if path is None or opts.idle_seconds > 0 and path == files[-1]:
            ns = idle_cpu(args, opts.idle_seconds)
            print(f"  idle, paused, over {opts.idle_seconds:.0f} s:       {ns / 1e6:.2f} ms of CPU")
        print()


if __name__ == "__main__":
    main()
