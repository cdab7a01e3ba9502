//! The progress bar across the whole match: one segment per period (extra
//! time and the shoot-out once reached, or with spoilers shown), markers
//! for goals and cards, the fan's bookmarks, and the cursor. With spoilers
//! hidden it shows nothing ahead of the cursor, not even how long a later
//! period ran; bookmarks are shown wherever they are, since the fan put
//! them there.
//!
//! [`ProgressWidget::step_at`] maps a column back to a moment with the
//! same segments the bar is drawn with, so a click lands where it points.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::line::{draw_str, put_cell};
use super::timeline::BOOKMARK;
use crate::model::Period;
use crate::tui::app::App;

/// `items.partition_point(pred)`, found by galloping from the front: the
/// bar walks its columns left to right and each column's entries follow
/// the last one's, so the probes stay in a few cache lines. A plain binary
/// search over the rest of a million-event match's list jumps across
/// megabytes on every column and waits on memory for most of its probes.
fn partition_point_near<T>(items: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut bound = 1;
    while bound <= items.len() && pred(&items[bound - 1]) {
        bound *= 2;
    }
    let lo = bound / 2;
    let hi = bound.min(items.len());
    lo + items[lo..hi].partition_point(pred)
}

/// Draws the progress bar of an [`App`].
pub struct ProgressWidget<'a> {
    app: &'a App,
    /// Whether a label row is drawn under the bar (bookmarks go there).
    labelled: bool,
}

/// A period's place on the bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Which period.
    pub period: Period,
    /// First column of the bar proper (after the label).
    pub x: u16,
    /// Columns of bar.
    pub width: u16,
    /// Seconds of play the segment stands for.
    pub seconds: u32,
}

/// Seconds a shoot-out gets on the bar, as if it were a short period.
const SHOOTOUT_SECONDS: u32 = 10 * 60;

/// The period after `period` (the shoot-out has none: itself).
fn next_period(period: Period) -> Period {
    let i = Period::ALL.iter().position(|&p| p == period).unwrap_or(0);
    Period::ALL.get(i + 1).copied().unwrap_or(Period::Shootout)
}

impl<'a> ProgressWidget<'a> {
    /// The progress bar of `app`.
    pub fn new(app: &'a App) -> Self {
        Self {
            app,
            labelled: false,
        }
    }

    /// How long `period` lasts on the bar: its nominal length, stretched
    /// by the stoppage time seen so far (all of it with spoilers shown).
    /// Like every search here it reads the replay's compact times.
    fn period_seconds(&self, period: Period) -> u32 {
        if period == Period::Shootout {
            return SHOOTOUT_SECONDS;
        }
        let nominal = u32::from(period.nominal_minutes()) * 60;
        let replay = self.app.replay();
        let limit = if self.app.spoilers_shown() {
            replay.steps()
        } else {
            self.app.step()
        };
        // Events are sorted by period and then clock, so a period's events
        // are one run and its last seen event has the latest clock.
        let first = replay.first_step_of(period);
        let last = (replay.first_step_of(next_period(period)) - 1).min(limit);
        let start = u32::from(period.first_minute().saturating_sub(1)) * 60;
        let longest = (last >= first)
            .then(|| replay.time_at(last))
            .flatten()
            .map_or(0, |(_, seconds)| seconds.saturating_sub(start) + 60);
        nominal.max(longest)
    }

    /// The periods on the bar: both halves always; extra time and the
    /// shoot-out when the match has them and they are revealed.
    pub fn periods(&self) -> Vec<Period> {
        let app = self.app;
        let replay = app.replay();
        let reached = app.state().period().unwrap_or(Period::First);
        Period::ALL
            .into_iter()
            .filter(|&p| match p {
                Period::First | Period::Second => true,
                _ => {
                    let has = |period: Period| {
                        let first = replay.first_step_of(period);
                        replay.time_at(first).is_some_and(|(p, _)| p == period)
                    };
                    let played = has(p) || (p == Period::ExtraSecond && has(Period::ExtraFirst));
                    let revealed = app.spoilers_shown()
                        || reached >= p
                        || (p == Period::ExtraSecond && reached >= Period::ExtraFirst);
                    played && revealed
                }
            })
            .collect()
    }

    /// Splits `area`'s width among the periods, each after its label.
    pub fn segments(&self, area: Rect) -> Vec<Segment> {
        let periods = self.periods();
        let seconds: Vec<u32> = periods.iter().map(|&p| self.period_seconds(p)).collect();
        let total: u64 = seconds.iter().map(|&s| u64::from(s)).sum();
        let labels: u16 = periods.iter().map(|p| p.code().len() as u16 + 2).sum();
        let room = area.width.saturating_sub(labels + 1);
        let mut x = area.x;
        let mut used = 0u64;
        let mut acc = 0u64;
        periods
            .iter()
            .zip(&seconds)
            .map(|(&period, &secs)| {
                acc += u64::from(secs);
                // Cumulative rounding, so the widths add up to `room`.
                let end = (acc * u64::from(room)).checked_div(total).unwrap_or(0);
                let width = (end - used) as u16;
                used = end;
                let label = period.code().len() as u16 + 2;
                let segment = Segment {
                    period,
                    x: x + label,
                    width,
                    seconds: secs,
                };
                x += label + width;
                segment
            })
            .collect()
    }

    /// The column of the event at `step`, if its period is on the bar.
    /// It reads the replay's compact times, not the event: the bar's
    /// binary searches probe it many times a frame.
    fn column(&self, segments: &[Segment], step: usize) -> Option<u16> {
        let time = self.app.replay().time_at(step)?;
        self.column_at(segments, time, step)
    }

    /// The column of a moment at `time` (period, clock seconds) and `step`
    /// (which places a shoot-out's kicks), if its period is on the bar.
    fn column_at(&self, segments: &[Segment], time: (Period, u32), step: usize) -> Option<u16> {
        let (period, seconds) = time;
        let segment = segments.iter().find(|s| s.period == period)?;
        if segment.width == 0 {
            return None;
        }
        let fraction = if period == Period::Shootout {
            let replay = self.app.replay();
            let first = replay.first_step_of(Period::Shootout);
            let count = replay.steps() + 1 - first;
            step.saturating_sub(first) as f64 / count.max(1) as f64
        } else {
            let start = u32::from(period.first_minute().saturating_sub(1)) * 60;
            f64::from(seconds.saturating_sub(start)) / f64::from(segment.seconds.max(1))
        };
        let col = (fraction * f64::from(segment.width)).floor() as u16;
        Some(segment.x + col.min(segment.width - 1))
    }

    /// The first step in `from..=last` drawn right of column `col` (or
    /// `last + 1`): steps are in match order, so their columns never go
    /// down and a binary search finds it.
    fn first_step_after(&self, segments: &[Segment], col: u16, from: usize, last: usize) -> usize {
        let (mut lo, mut hi) = (from, last + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.column(segments, mid).is_none_or(|c| c <= col) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The column of a bookmark at `step`; step 0 sits at the bar's start.
    fn mark_column(&self, segments: &[Segment], step: usize) -> Option<u16> {
        match step {
            0 => segments.first().map(|s| s.x),
            step => self.column(segments, step),
        }
    }

    /// The steps (as event indices) of `period`'s events.
    fn period_events(&self, period: Period) -> std::ops::Range<usize> {
        let events = &self.app.replay().game().events;
        let first = events.partition_point(|e| e.period < period);
        let end = events.partition_point(|e| e.period <= period);
        first..end
    }

    /// The moment the bar shows at column `x` when drawn on `area`: the
    /// last event at or before that point of its period; a period's label
    /// stands for its start, the "1H" label for kick-off, and anything
    /// right of the bar for the last event on it. `None` when the bar is
    /// not drawn at that size or has no periods.
    pub fn step_at(&self, area: Rect, x: u16) -> Option<usize> {
        if area.is_empty() || area.width < MIN_WIDTH {
            return None;
        }
        let segments = self.segments(Rect { height: 1, ..area });
        let first = segments.first()?;
        if x < first.x {
            return Some(self.app.replay().kick_off());
        }
        let at = segments.iter().rposition(|s| s.x <= x)?;
        let segment = segments[at];
        let range = self.period_events(segment.period);
        if x >= segment.x + segment.width {
            return Some(match segments.get(at + 1) {
                // On the next period's label: that period's start.
                Some(next) => {
                    let next = self.period_events(next.period);
                    next.start + usize::from(!next.is_empty())
                }
                None => range.end,
            });
        }
        if range.is_empty() {
            return Some(range.start);
        }
        // The last of the period's steps drawn at or left of `x`; left of
        // the period's first event, the moment before it.
        let after = self.first_step_after(&segments, x, range.start + 1, range.end);
        Some(after - 1)
    }

    fn render_bar(&self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = app.theme();
        let replay = app.replay();
        let segments = self.segments(area);
        let cursor = match app.step() {
            0 => segments.first().map(|s| s.x),
            step => self.column(&segments, step),
        };
        let played_to = cursor.unwrap_or(area.x);
        for segment in &segments {
            let label_x = segment.x - segment.period.code().len() as u16 - 1;
            let label_style = if label_x <= played_to {
                theme.strong()
            } else {
                theme.dim()
            };
            draw_str(
                buf,
                area,
                label_x,
                area.y,
                segment.period.code(),
                label_style,
            );
            for col in segment.x..segment.x + segment.width {
                let (symbol, style) = if col <= played_to {
                    ("━", theme.played())
                } else {
                    ("─", theme.dim())
                };
                put_cell(buf, area, col, area.y, symbol, style);
            }
        }
        // One marker a column, found by a galloping search in the replay's
        // compact lists of goals and cards (which carry their own times),
        // so a frame costs the same at a million events as at a thousand:
        // a goal wins over a card, and of several of a kind the latest.
        let last = if app.spoilers_shown() {
            replay.steps()
        } else {
            app.step()
        };
        let goals = replay.goal_entries();
        let goals = &goals[..goals.partition_point(|g| g.step as usize <= last)];
        let cards = replay.card_entries();
        let cards = &cards[..cards.partition_point(|c| c.step as usize <= last)];
        let (mut goal_from, mut card_from) = (0, 0);
        for segment in &segments {
            for col in segment.x..segment.x + segment.width {
                let left = |time: (Period, u32), step: u32| {
                    self.column_at(&segments, time, step as usize)
                        .is_none_or(|c| c <= col)
                };
                let goal_to = goal_from
                    + partition_point_near(&goals[goal_from..], |g| left(g.time(), g.step));
                let card_to = card_from
                    + partition_point_near(&cards[card_from..], |c| left(c.time(), c.step));
                let goal = goals[goal_from..goal_to].last();
                let card = cards[card_from..card_to].last();
                (goal_from, card_from) = (goal_to, card_to);
                if let Some(goal) = goal {
                    let struck = goal.struck_off_at.is_some_and(|s| app.reveals(s as usize));
                    let (symbol, style) = if struck {
                        ("◌", theme.dim())
                    } else {
                        ("◉", theme.team_mark(Some(goal.side)).patch(theme.strong()))
                    };
                    put_cell(buf, area, col, area.y, symbol, style);
                } else if let Some(card) = card {
                    put_cell(buf, area, col, area.y, "▮", theme.card(card.card));
                }
            }
        }
        if !self.labelled {
            // No label row to put the bookmarks on: they go on the bar.
            for step in app.marks().iter() {
                if let Some(col) = self.mark_column(&segments, step) {
                    put_cell(buf, area, col, area.y, BOOKMARK, theme.bookmark());
                }
            }
        }
        if let Some(col) = cursor {
            let under = buf
                .cell((col, area.y))
                .map(|c| c.symbol().to_owned())
                .unwrap_or_default();
            // A marker under the cursor stays visible, shown reversed.
            let symbol = if under == "━" || under == "─" || under.trim().is_empty() {
                "╋"
            } else {
                &under
            };
            put_cell(buf, area, col, area.y, symbol, theme.cursor());
        }
    }

    fn render_label(&self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let segments = self.segments(area);
        for step in app.marks().iter() {
            if let Some(col) = self.mark_column(&segments, step) {
                draw_str(buf, area, col, area.y, BOOKMARK, app.theme().bookmark());
            }
        }
        let pointer = if app.marks().contains(app.step()) {
            BOOKMARK
        } else {
            "▴"
        };
        let (col, label) = match app.step() {
            0 => (
                segments.first().map_or(area.x, |s| s.x),
                format!("{pointer} before kick-off"),
            ),
            step => {
                let Some(col) = self.column(&segments, step) else {
                    return;
                };
                let clock = app
                    .state()
                    .clock()
                    .map_or_else(|| "pens".to_owned(), |c| c.display().to_string());
                (col, format!("{pointer} {clock}"))
            }
        };
        let width = crate::text::width(&label) as u16;
        let x = col.min(area.right().saturating_sub(width)).max(area.x);
        draw_str(buf, area, x, area.y, &label, app.theme().strong());
    }
}

/// The narrowest bar drawn.
const MIN_WIDTH: u16 = 8;

impl Widget for ProgressWidget<'_> {
    fn render(mut self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() || area.width < MIN_WIDTH {
            return;
        }
        let bar = Rect { height: 1, ..area };
        self.labelled = area.height >= 2;
        self.render_bar(bar, buf);
        if area.height >= 2 {
            let label = Rect {
                y: area.y + 1,
                height: 1,
                ..area
            };
            self.render_label(label, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::partition_point_near;

    #[test]
    fn galloping_finds_the_same_point_as_a_binary_search() {
        for len in 0..70 {
            let items: Vec<usize> = (0..len).collect();
            for split in 0..=len {
                let pred = |&i: &usize| i < split;
                assert_eq!(
                    partition_point_near(&items, pred),
                    items.partition_point(pred),
                    "len {len}, split {split}"
                );
            }
        }
    }
}
