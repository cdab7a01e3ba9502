//! The checks that look across events, once every event is converted:
//! match order, unique ids, reviews that overturn an earlier event, and a
//! declared result that agrees with the events.

use std::collections::{HashMap, HashSet};

use serde_json::value::RawValue;

use super::raw::RawResultOnly;
use crate::import::diagnostic::{Diagnostic, LoadError, Source};
use crate::model::{Detail, Event, FinalResult, KickOutcome, Score};
use crate::text::sanitize_line;

/// Files should list events in match order; one that does not still loads,
/// sorted by period and clock with file order kept for ties. `offset_of`
/// gives where the event at a file index starts.
pub(super) fn sort_into_match_order(
    src: Source<'_>,
    events: &mut Vec<Event>,
    offset_of: impl Fn(usize) -> usize,
    warnings: &mut Vec<Diagnostic>,
) -> Order {
    let Some(i) = first_out_of_order(events) else {
        return Order::AsInFile;
    };
    warnings.push(src.at(
        offset_of(i + 1),
        "event is out of match order; events are loaded sorted by period and clock",
    ));
    let mut paired: Vec<(Event, u32)> = events.drain(..).zip(0u32..).collect();
    paired.sort_by_key(|(e, _)| e.order_key());
    let mut original = Vec::with_capacity(paired.len());
    for (event, index) in paired {
        events.push(event);
        original.push(index);
    }
    Order::Sorted(original)
}

/// The index of the last event before the first one that comes too early.
pub(super) fn first_out_of_order(events: &[Event]) -> Option<usize> {
    events
        .windows(2)
        .position(|pair| pair[1].order_key() < pair[0].order_key())
}

/// Where each loaded event stood in the file.
pub(super) enum Order {
    /// Loaded as listed.
    AsInFile,
    /// Sorted: the file index of each loaded event.
    Sorted(Vec<u32>),
}

impl Order {
    /// The file index of the loaded event `i`.
    pub(super) fn original(&self, i: usize) -> usize {
        match self {
            Order::AsInFile => i,
            Order::Sorted(original) => original.get(i).map_or(i, |&o| o as usize),
        }
    }
}

/// Ids are unique and every review overturns an earlier event.
pub(super) fn check_references(
    src: Source<'_>,
    events: &[Event],
    offset_of: impl Fn(usize) -> usize,
) -> Result<(), LoadError> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, event) in events.iter().enumerate() {
        if let Some(id) = &event.id {
            if let Some(&first) = ids.get(&**id) {
                let (line, _) = src.position(offset_of(first));
                return Err(LoadError::Refused(src.at(
                    offset_of(i),
                    format!(
                        "duplicate id \"{}\", first used on line {line}, expected each id once",
                        sanitize_line(id)
                    ),
                )));
            }
            ids.insert(id, i);
        }
    }
    for (i, event) in events.iter().enumerate() {
        if let Detail::Var {
            overturns: Some(target),
            ..
        } = &event.detail
        {
            let shown = sanitize_line(target);
            match ids.get(&**target) {
                None => {
                    return Err(LoadError::Refused(src.at(
                        offset_of(i),
                        format!(
                            "\"overturns\" names no event: no event has id \"{shown}\", expected the id of an earlier event"
                        ),
                    )));
                }
                Some(&t) if t >= i => {
                    return Err(LoadError::Refused(src.at(
                        offset_of(i),
                        format!(
                            "\"overturns\" names event \"{shown}\", which comes later, expected an earlier event"
                        ),
                    )));
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

/// The declared result and where it stands, read from the raw `match`.
pub(super) fn declared_result(src: Source<'_>, info: &RawValue) -> Option<(FinalResult, usize)> {
    let raw: RawResultOnly<'_> = serde_json::from_str(info.get()).ok()?;
    let raw = raw.result?;
    let declared = serde_json::from_str(raw.get()).ok()?;
    Some((declared, src.offset_of_slice(raw.get())))
}

/// The declared result, at `offset`, agrees with what the events give.
pub(super) fn check_result(
    src: Source<'_>,
    events: &[Event],
    declared: FinalResult,
    offset: usize,
) -> Result<(), LoadError> {
    let (derived, shootout) = result_of(events);
    let shootout_matches = match (declared.shootout, shootout) {
        (None, _) => true,
        (Some(d), Some(s)) => d == s,
        (Some(_), None) => false,
    };
    if derived.home == declared.home && derived.away == declared.away && shootout_matches {
        return Ok(());
    }
    let fmt_pens =
        |s: Option<Score>| s.map_or(String::new(), |s| format!(", {}-{} pens", s.home, s.away));
    Err(LoadError::Refused(src.at(
        offset,
        format!(
            "declared result {}-{}{} does not match the events, which give {}-{}{}; expected the two to agree",
            declared.home,
            declared.away,
            fmt_pens(declared.shootout),
            derived.home,
            derived.away,
            fmt_pens(shootout),
        ),
    )))
}

/// The score the events give at the end, and the shoot-out tally once a
/// kick has been taken: every goal counts for its team unless a review
/// overturns it (reviews name earlier events only: [`check_references`]
/// has made sure). These are the replay engine's rules, counted once here
/// because loading does not run the engine; a test holds the two to the
/// same answers.
fn result_of(events: &[Event]) -> (Score, Option<Score>) {
    let overturned: HashSet<&str> = events
        .iter()
        .filter_map(|event| match &event.detail {
            Detail::Var {
                overturns: Some(target),
                ..
            } => Some(&**target),
            _ => None,
        })
        .collect();
    let mut goals = [0u32; 2];
    let mut kicks = [0u32; 2];
    let mut any_kick = false;
    for event in events {
        let Some(side) = event.team else {
            continue;
        };
        match event.detail {
            Detail::Goal { .. }
                if !event
                    .id
                    .as_deref()
                    .is_some_and(|id| overturned.contains(id)) =>
            {
                goals[side.index()] += 1;
            }
            Detail::ShootoutKick { outcome } => {
                if outcome == KickOutcome::Scored {
                    kicks[side.index()] += 1;
                }
                any_kick = true;
            }
            _ => {}
        }
    }
    let score = |[home, away]: [u32; 2]| Score { home, away };
    (score(goals), any_kick.then(|| score(kicks)))
}
