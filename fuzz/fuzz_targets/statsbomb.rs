//! Coverage-guided fuzzing of the StatsBomb importer on its own, with a
//! lineups file: the input is an events file's text, optionally followed
//! by a NUL byte and a lineups file's text (JSON text never holds a raw
//! NUL, so the split is unambiguous). Whatever imports is replayed at every
//! step and its error messages must stay on one line.

#![no_main]

use libfuzzer_sys::fuzz_target;
use touchline::import::statsbomb;
use touchline::replay::Replay;

fuzz_target!(|data: &[u8]| {
    let (events, lineups) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let Ok(events) = std::str::from_utf8(events) else {
        return;
    };
    let lineups = lineups.and_then(|l| std::str::from_utf8(l).ok());
    match statsbomb::parse("events.json", events, lineups.map(|l| ("lineups.json", l))) {
        Ok(loaded) => {
            let replay = Replay::new(loaded.game);
            for step in 0..=replay.steps() {
                let _ = replay.at(step).snapshot();
                let _ = replay.stats_at(step);
            }
            for warning in &loaded.warnings {
                assert!(!warning.to_string().contains('\n'), "{warning}");
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "{message}");
        }
    }
});
