#!/usr/bin/env bash
# Coverage-guided fuzzing of the file readers with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh TARGET SECONDS [STATSBOMB_DIR]
#
# TARGET is `load` (any bytes through format detection, the match-file
# loader or the StatsBomb importer) or `statsbomb` (the importer with a
# lineups file). The seed corpus is rebuilt first from the bundled match,
# the project's fixtures and, when given, slices of the real StatsBomb
# files (fuzz/corpus is ignored by git: the real files are not ours to
# copy). cargo-fuzz wants nightly features; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain build it. Install it once with `cargo install cargo-fuzz`.
# Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

target="${1:?usage: scripts/fuzz.sh TARGET SECONDS [STATSBOMB_DIR]}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS [STATSBOMB_DIR]}"
statsbomb_dir="${3:-${TOUCHLINE_STATSBOMB_DIR:-}}"

cargo run --quiet --release --example fuzz_seeds -- fuzz/corpus ${statsbomb_dir:+"$statsbomb_dir"}

cd fuzz
# No sanitizer: the project has no unsafe code, and ASan would halve the
# speed; debug assertions (overflow checks included) stay on.
RUSTC_BOOTSTRAP=1 exec cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=131072 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
