//! Writes a synthetic match file of N events, to try touchline (and its
//! benchmarks) at scale. The mix resembles real event data: mostly passes
//! and carries with locations, some shots with xG, a few goals, cards,
//! substitutions, reviews and quotes.
//!
//! ```text
//! cargo run --release --example synth -- 1000000 > /tmp/synth-1m.json
//! cargo run --release --example synth -- 10000 --seed 7 -o /tmp/synth-10k.json
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use touchline::model::Match;
use touchline::synth::synthesize;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut n = 10_000usize;
    let mut seed = 42u64;
    let mut out: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            "-o" | "--out" => out = args.next(),
            other => match other.replace('_', "").parse() {
                Ok(v) => n = v,
                Err(_) => {
                    eprintln!("usage: synth [N] [--seed S] [-o FILE]");
                    return ExitCode::from(2);
                }
            },
        }
    }
    let game = synthesize(n, seed);
    let result = match out {
        Some(path) => std::fs::File::create(&path).and_then(|f| write(&game, BufWriter::new(f))),
        None => write(&game, BufWriter::new(io::stdout().lock())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(game: &Match, mut w: impl Write) -> io::Result<()> {
    serde_json::to_writer(&mut w, game)?;
    w.write_all(b"\n")?;
    w.flush()
}
