//! The StatsBomb open-data importer: an events file (a JSON array of about
//! 4,000 events) and, optionally, its lineups file become a [`Match`].
//!
//! [`Match`]: crate::model::Match
//!
//! # How it reads
//! One pass of serde_json over the text into borrowed structs that hold
//! only the fields used (the private `raw` module); everything else is
//! skipped by serde without being built, and a field of the wrong type
//! costs only that field. No `serde_json::Value`, no second parse.
//!
//! # Mapping
//! - Home is the team of the first "Starting XI" event in match order,
//!   away the other; its `tactics.lineup` gives the starters with their
//!   shirt numbers and positions, and the lineups file adds substitutes.
//! - Names: the lineups file's nickname when it has one ("Pedri"), else
//!   its full name; without a lineups file, the names in the events.
//! - Clock: `minute`/`second` are elapsed time; 22:10 is 23', and past a
//!   period's nominal end it is stoppage time (first half 45:30 is 45+1',
//!   second half 90:05 is 90+1', extra time 105+n and 120+n). An event
//!   whose minute lies outside its period is placed by its `timestamp`.
//!   The shoot-out (period 5) has no clock. Events are sorted by period,
//!   clock, timestamp and index, because real files are not in order.
//! - Shots: outcome "Goal" is a goal (method penalty, free kick or header
//!   from the shot's type and body part, else open play) with its xG and
//!   the key pass's player as the assist; a missed penalty is a
//!   `penalty_miss` (with the goalkeeper of the same moment); other shots
//!   are chances with their xG and outcome. Period 5 shots are shoot-out
//!   kicks and never count in the score.
//! - Own goals: an "Own Goal Against" (the defender, who is named as the
//!   player) and its "Own Goal For" (the side credited) make one goal.
//! - Cards from `foul_committed.card` and `bad_behaviour.card`; "Second
//!   Yellow" sends off. Substitutions from `substitution.replacement`.
//! - Each period's "Half Start" and "Half End" (both teams record one)
//!   become one `period_start` and one `period_end`.
//! - Fouls stay plays: as key moments they would bury the timeline in
//!   two dozen free kicks a match. A foul that gives a penalty adds a
//!   `penalty_awarded` for the other side, and a card adds a card.
//! - Every other event, known or not, is a `play` named by its type, with
//!   its location and end location turned so that x runs from the home
//!   goal line (0) to the away one (100) whoever acted.
//! - Key moments get a line of commentary written from the data.
//!
//! What cannot be used (no period, no usable minute, a goal without a
//! scorer…) is skipped and counted by reason in the [`ImportReport`], and
//! `validate` lists it.
//!
//! [`ImportReport`]: crate::import::ImportReport

mod clock;
mod commentary;
mod convert;
mod item;
mod lineups;
mod raw;
mod report;
mod sides;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Loaded;
use super::diagnostic::{Diagnostic, LoadError, Source, bare_message};
use raw::{Array, Lenient};

/// Whether a file's text is a StatsBomb events file rather than a match
/// file: its JSON starts with an array, where a match file is an object.
pub fn looks_like(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('[')
}

/// Imports an events file's text, with a lineups file's `(name, text)`
/// when there is one. Text that is not JSON, or not an array of objects,
/// is an error naming the file, line and column; anything else loads.
pub fn parse(name: &str, text: &str, lineups: Option<(&str, &str)>) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let events: Array<raw::Event<'_>> =
        parse_array(name, text, "a JSON array of StatsBomb events")?;
    if events.items.is_empty() {
        return Err(LoadError::Refused(Diagnostic {
            file: name.to_owned(),
            position: None,
            message: "the array holds no event objects, expected StatsBomb events".to_owned(),
        }));
    }
    let lineups = match lineups {
        Some((lineups_name, lineups_text)) => Some(lineups::parse(
            lineups_name,
            lineups_text
                .strip_prefix('\u{FEFF}')
                .unwrap_or(lineups_text),
        )?),
        None => None,
    };
    let converted = convert::convert(name, &events, lineups.as_ref())?;
    Ok(Loaded {
        game: converted.game,
        warnings: converted.warnings,
        report: Some(converted.report),
    })
}

/// The lineups file that belongs with an events file, when it sits where
/// the open data puts it (`…/events/ID.json` beside `…/lineups/ID.json`)
/// or beside it by name (`X_events.json` and `X_lineups.json`).
pub fn find_lineups(events: &Path) -> Option<PathBuf> {
    let file = events.file_name()?.to_str()?;
    let dir = events.parent()?;
    let mut candidates = Vec::new();
    if dir.file_name().and_then(|d| d.to_str()) == Some("events") {
        candidates.push(dir.parent()?.join("lineups").join(file));
    }
    if let Some(stem) = file.strip_suffix("_events.json") {
        candidates.push(dir.join(format!("{stem}_lineups.json")));
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// Reads a top-level array in one pass, turning serde_json's failures into
/// errors with the file's line and column.
fn parse_array<'a, T: Lenient<'a>>(
    name: &str,
    text: &'a str,
    expected: &str,
) -> Result<Array<T>, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Array::<T>::deserialize(&mut de).and_then(|array| de.end().map(|()| array));
    result.map_err(|error| {
        let src = Source { name, text };
        let offset = src.offset_of(0, error.line(), error.column());
        let mut message = bare_message(&error);
        if message.starts_with("invalid type") {
            // serde's wording ends in "expected a JSON array of objects";
            // say what kind of file was expected.
            let found = message.split(',').next().unwrap_or("invalid type");
            message = format!("{found}, expected {expected}");
        }
        LoadError::Malformed(src.at(offset, message))
    })
}
