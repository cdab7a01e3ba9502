//! Prints a match's commentary feed, one moment per line, with the score as
//! it stood after each moment: the replay engine without a terminal.
//!
//! ```text
//! cargo run --example commentary                 # the bundled match
//! cargo run --example commentary -- match.json   # any match file
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use touchline::import::{self, LoadOptions};
use touchline::replay::Replay;

fn main() -> ExitCode {
    let loaded = match std::env::args_os().nth(1).map(PathBuf::from) {
        Some(path) => match import::load_path(&path, LoadOptions::default()) {
            Ok(loaded) => loaded,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        None => import::bundled(),
    };
    let replay = Replay::new(loaded.game);
    let info = &replay.game().info;
    println!("{}", info.title());
    for step in 1..=replay.steps() {
        let state = replay.at(step);
        let Some(event) = state.event().filter(|e| e.is_key()) else {
            continue;
        };
        let score = state.score();
        let clock = event
            .clock
            .map_or_else(|| "pens".to_owned(), |c| c.display().to_string());
        println!(
            "{clock:>7}  {}-{}  {}",
            score.home,
            score.away,
            event.text.as_deref().unwrap_or(event.detail.kind_name())
        );
        for quote in &event.quotes {
            println!("{:>16}\"{}\" ({})", "", quote.text, quote.speaker);
        }
    }
    ExitCode::SUCCESS
}
