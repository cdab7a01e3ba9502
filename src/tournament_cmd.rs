//! `touchline tournaments` and `touchline tournament NAME|FILE --table`:
//! finding the tournament (bundled, by short name, or a file) and printing
//! what the library's reports make of it. Errors are printed here; the
//! caller writes the output.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use touchline::import::LoadOptions;
use touchline::import::openfootball::{self, bundled};
use touchline::model::tournament::Tournament;
use touchline::replay::tournament::{cursor_at_date, last_cursor, view};
use touchline::summary::tournament as report;
use touchline::text;

use crate::cli::{Cli, TournamentArgs};

/// The bundled tournaments, one a line.
pub fn list() -> Result<String, ExitCode> {
    let mut loaded = Vec::new();
    for b in bundled::BUNDLED {
        // The bundled files are checked by tests; a failure is a build bug.
        let t = b.load().map_err(|e| fail(&e.to_string()))?;
        loaded.push((b.short_name, t));
    }
    let rows: Vec<(&str, &Tournament)> = loaded.iter().map(|(s, t)| (*s, t)).collect();
    Ok(report::list(&rows))
}

/// `touchline tournament NAME|FILE [--table [--at DAY] [--json]]`.
pub fn table(args: &TournamentArgs, options: LoadOptions) -> Result<String, ExitCode> {
    let tournament = find(&args.tournament, options)?;
    if !args.table {
        usage(format!(
            "the tournament screen is not here yet; `touchline tournament {} --table` prints its group tables and results",
            text::sanitize_line(&args.tournament)
        ));
    }
    let cursor = match args.at {
        Some(day) => cursor_at_date(&tournament, day),
        None => last_cursor(&tournament),
    };
    let view = view(&tournament, cursor, false);
    Ok(if args.json {
        report::table_json(&view, args.at)
    } else {
        report::table_text(&view, args.at)
    })
}

/// A bundled tournament by short name, else an openfootball file; an
/// argument that is neither is a usage error naming the short names.
fn find(name: &str, options: LoadOptions) -> Result<Tournament, ExitCode> {
    if let Some(b) = bundled::find(name) {
        return b.load().map_err(|e| fail(&e.to_string()));
    }
    let path = Path::new(name);
    if path.exists() {
        return openfootball::load_path(path, options).map_err(|e| fail(&e.to_string()));
    }
    usage(format!(
        "unknown tournament \"{}\": expected one of {}, or an openfootball tournament file",
        text::sanitize_line(name),
        bundled::names()
    ))
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {}", text::sanitize_line(message));
    ExitCode::FAILURE
}

/// A usage error (exit code 2) in clap's words, under `tournament`.
fn usage(message: String) -> ! {
    let mut command = Cli::command();
    command.build();
    let command = command
        .find_subcommand_mut("tournament")
        .cloned()
        .unwrap_or_else(Cli::command);
    let mut command = command;
    command
        .error(clap::error::ErrorKind::ValueValidation, message)
        .exit()
}
