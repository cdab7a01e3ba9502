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
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use touchline::model::Match;
use touchline::synth::synthesize;

/// Write a synthetic match file of N events.
#[derive(Parser)]
struct Args {
    /// How many events (underscores allowed: 1_000_000)
    #[arg(default_value = "10000", value_parser = parse_count)]
    events: usize,
    /// Seed of the generator: the same seed writes the same match
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Where to write it [default: standard output]
    #[arg(short, long)]
    out: Option<PathBuf>,
}

fn parse_count(text: &str) -> Result<usize, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("{text:?} is not a number of events"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let game = synthesize(args.events, args.seed);
    let result = match &args.out {
        Some(path) => std::fs::File::create(path).and_then(|f| write(&game, BufWriter::new(f))),
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
