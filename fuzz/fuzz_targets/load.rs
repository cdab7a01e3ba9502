//! Coverage-guided fuzzing of everything that reads a file: any bytes go
//! through format detection, the match-file loader or the StatsBomb
//! importer, and, when they load, the replay engine at every step. The
//! only acceptable outcomes are a match or a LoadError.

#![no_main]

use libfuzzer_sys::fuzz_target;
use touchline::import;
use touchline::replay::Replay;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = import::parse_bytes("fuzz.json", data) {
        let replay = Replay::new(loaded.game);
        for step in 0..=replay.steps() {
            let state = replay.at(step);
            let _ = state.snapshot();
            let _ = replay.stats_at(step);
        }
    }
});
