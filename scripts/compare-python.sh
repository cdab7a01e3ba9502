#!/usr/bin/env bash
# Side-by-side timings of touchline and the Python tools fans and analysts
# use on StatsBomb open data (kloppy, statsbombpy), on the same real files.
# Run by hand, not in CI:
#
#   scripts/compare-python.sh [DATA_DIR] [RUNS]
#
# DATA_DIR defaults to ../shared/data/statsbomb; RUNS (default 15) is how
# many times each whole process runs. The Python tools go into a virtual
# environment under target/, installed from PyPI on first use.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  echo "error: peak memory is read with GNU time, expected at /usr/bin/time (apt-get install time)" >&2
  exit 1
fi
data=$(cd "${1:-../shared/data/statsbomb}" && pwd)
runs=${2:-15}
venv=target/compare-venv

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet kloppy statsbombpy
fi
cargo build --release --quiet
touchline=$PWD/target/release/touchline

"$venv/bin/python" - "$data" "$runs" "$touchline" <<'PY'
import json, os, statistics, subprocess, sys, time

data, runs, touchline = sys.argv[1], int(sys.argv[2]), sys.argv[3]
py = sys.executable
stems = sorted(f[: -len("_events.json")] for f in os.listdir(data) if f.endswith("_events.json"))

def whole_process(cmd):
    """Median, min and max wall time over runs, and the peak RSS of one
    more run under GNU time: a child forked from this Python starts with
    Python's own pages, so its rusage would count them."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)[:200]} failed")
    timed = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, check=True)
    peak = int(timed.stderr.decode().split()[-1])
    return statistics.median(times), min(times), max(times), peak

def in_process(code, setup, n):
    import timeit
    t = timeit.repeat(code, setup=setup, repeat=n, number=1)
    return statistics.median(t), min(t), max(t)

KLOPPY = "from kloppy import statsbomb; statsbomb.load(event_data={ev!r}, lineup_data={lu!r})"
SBPY = ("import json, pandas as pd; from statsbombpy import entities as ents; "
        "from statsbombpy.sb import filter_and_group_events; "
        "evs = ents.events(json.load(open({ev!r})), 0); "
        "g = filter_and_group_events(evs, {{}}, 'dataframe', True); "
        "pd.concat([pd.DataFrame(v) for v in g.values()], ignore_index=True, sort=True)")

print(f"{runs} runs each; wall time median (min-max); peak RSS (GNU time)\n")
for stem in stems:
    ev = os.path.join(data, f"{stem}_events.json")
    lu = os.path.join(data, f"{stem}_lineups.json")
    print(f"== {stem} ({os.path.getsize(ev) / 1e6:.1f} MB)")
    rows = {}
    rows["touchline summary --json"] = whole_process([touchline, "summary", ev, "--json"])
    rows["python json.load"] = whole_process([py, "-c", f"import json; json.load(open({ev!r}))"])
    rows["statsbombpy events"] = whole_process([py, "-c", SBPY.format(ev=ev)])
    rows["kloppy statsbomb.load"] = whole_process([py, "-c", KLOPPY.format(ev=ev, lu=lu)])
    base = rows["touchline summary --json"][0]
    for name, (med, lo, hi, rss) in rows.items():
        print(f"  {name:26} {med*1000:8.1f} ms ({lo*1000:.1f}-{hi*1000:.1f})  {rss/1024:6.1f} MiB  {med/base:6.1f}x touchline")
    n = max(3, runs // 3)
    setup = f"import json; from kloppy import statsbomb"
    k = in_process(f"statsbomb.load(event_data={ev!r}, lineup_data={lu!r})", setup, n)
    j = in_process(f"json.load(open({ev!r}))", "import json", n)
    print(f"  in process: json.load {j[0]*1000:.1f} ms, kloppy {k[0]*1000:.1f} ms (median of {n})\n")
PY
