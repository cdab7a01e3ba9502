//! Byte-level mutations (bit flips, cuts, splices, insertions) of the
//! bundled match and of real StatsBomb files must never panic a loader:
//! every outcome is a match or a one-line error naming the file.
//!
//! Cases: `TOUCHLINE_FUZZ_CASES` (default 300; CI runs thousands). Real
//! files come from `TOUCHLINE_STATSBOMB_DIR` when it is set.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use touchline::import;
use touchline::replay::Replay;

#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Cut { at: usize },
    Splice { from: usize, len: usize, to: usize },
    Insert { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Positions are fractions of the length, scaled when applied, so one
    // strategy serves files of any size.
    let pos = any::<u32>();
    prop_oneof![
        4 => (pos, 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at: at as usize, bit }),
        1 => pos.prop_map(|at| Mutation::Cut { at: at as usize }),
        2 => (pos, 1usize..64, pos).prop_map(|(from, len, to)| Mutation::Splice { from: from as usize, len, to: to as usize }),
        2 => (pos, prop::sample::select(b"{}[]\",:0\\-e.\x00\xff\x1b".to_vec())).prop_map(|(at, byte)| Mutation::Insert { at: at as usize, byte }),
        2 => (pos, 1usize..32).prop_map(|(at, len)| Mutation::Delete { at: at as usize, len }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let scale = |p: usize| p % bytes.len();
    match *m {
        Mutation::Flip { at, bit } => {
            let i = scale(at);
            bytes[i] ^= 1 << bit;
        }
        Mutation::Cut { at } => {
            let i = scale(at);
            bytes.truncate(i);
        }
        Mutation::Splice { from, len, to } => {
            let (from, to) = (scale(from), scale(to));
            let chunk: Vec<u8> = bytes[from..(from + len).min(bytes.len())].to_vec();
            bytes.splice(to..to, chunk);
        }
        Mutation::Insert { at, byte } => {
            let i = scale(at);
            bytes.insert(i, byte);
        }
        Mutation::Delete { at, len } => {
            let i = scale(at);
            let end = (i + len).min(bytes.len());
            bytes.drain(i..end);
        }
    }
}

fn cases() -> u32 {
    std::env::var("TOUCHLINE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// Loads mutated copies of `original` and checks the outcome's shape.
fn fuzz(name: &str, original: &[u8], cases: u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = prop::collection::vec(mutation(), 1..6);
    runner
        .run(&strategy, |mutations| {
            let mut bytes = original.to_vec();
            for m in &mutations {
                apply(&mut bytes, m);
            }
            match import::parse_bytes(name, &bytes) {
                Ok(loaded) => {
                    let replay = Replay::new(loaded.game);
                    let end = replay.at(replay.steps());
                    let _ = end.snapshot();
                    let _ = replay.stats_at(replay.steps());
                }
                Err(e) => {
                    let message = e.to_string();
                    prop_assert!(message.starts_with(&format!("{name}:")), "{message}");
                    prop_assert!(!message.contains('\n'), "{message}");
                    prop_assert!(!message.chars().any(char::is_control), "{message:?}");
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
}

#[test]
fn mutated_bundled_matches_never_panic() {
    fuzz("bundled.json", import::BUNDLED_MATCH.as_bytes(), cases());
}

#[test]
fn mutated_real_statsbomb_files_never_panic() {
    let Some(dir) = std::env::var_os("TOUCHLINE_STATSBOMB_DIR") else {
        eprintln!("note: TOUCHLINE_STATSBOMB_DIR is not set; real-file mutations run in CI");
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with("_events.json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        // Real files are 3 MB: fewer cases each, so CI stays within time.
        fuzz("real.json", &bytes, (cases() / 10).max(20));
        seen += 1;
    }
    assert_eq!(
        seen,
        3,
        "expected three real events files in {}",
        dir.display()
    );
}
