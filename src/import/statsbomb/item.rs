//! A StatsBomb event placed in the match: its kind, period and clock
//! worked out once, for the converter and the checks that read it.

use super::clock::{bounds, clock_at, period_of, timestamp_ms};
use super::raw::{self, Named};
use crate::model::{Clock, Period};

/// A raw event with its place in the match worked out.
pub(super) struct Item<'r, 'a> {
    pub(super) raw: &'r raw::Event<'a>,
    pub(super) kind: &'r str,
    pub(super) pos: usize,
    pub(super) period: Period,
    /// `None` in the shoot-out only.
    pub(super) clock: Option<Clock>,
    /// Milliseconds since the period began.
    pub(super) timestamp: Option<u64>,
    pub(super) index: Option<i64>,
}

impl Item<'_, '_> {
    /// Events at the same moment: same period and clock (to the second).
    pub(super) fn same_moment(&self, other: &Item<'_, '_>) -> bool {
        self.period == other.period && self.clock == other.clock
    }
}

/// Places a raw event in the match, or says why it cannot be placed
/// (the reason the import report counts it under).
pub(super) fn prepare<'r, 'a>(
    raw: &'r raw::Event<'a>,
    pos: usize,
) -> Result<Item<'r, 'a>, &'static str> {
    let kind = raw
        .kind
        .get()
        .and_then(Named::name)
        .ok_or("no event type (\"type.name\")")?;
    let period = raw
        .period
        .copied()
        .and_then(period_of)
        .ok_or("no period 1 to 5")?;
    let timestamp = raw.timestamp.str().and_then(timestamp_ms);
    let clock = if period == Period::Shootout {
        None
    } else {
        let second = raw.second.copied();
        let from_minute = raw
            .minute
            .copied()
            .and_then(|m| clock_at(period, m, second));
        // An event whose minute lies outside its period (an edited file
        // does this) is placed by its timestamp, which counts from the
        // period's start.
        let from_timestamp = || {
            let seconds = i64::from(bounds(period).0) * 60 + (timestamp? / 1000) as i64;
            clock_at(period, seconds / 60, Some(seconds % 60))
        };
        Some(
            from_minute
                .or_else(from_timestamp)
                .ok_or("no minute within its period")?,
        )
    };
    Ok(Item {
        raw,
        kind,
        pos,
        period,
        clock,
        timestamp,
        index: raw.index.copied(),
    })
}
