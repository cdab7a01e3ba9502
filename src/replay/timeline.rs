//! The match's running time: one axis, in milliseconds from the first
//! kick-off, that runs through every period and the breaks between them,
//! so that a clock can run over the whole match at one pace.
//!
//! ```text
//!  1st half            half-time (15')   2nd half               …
//!  |---- 0 .. 49:00 ----|~~~~~~~~~~~~~~~~|---- 64:00 .. 115:xx ---|
//!  clock 1' .. 45+5'                      clock 46' .. 90+11'
//! ```
//!
//! Each event is placed on the axis by its period and [`Clock`]: its
//! period's start on the axis plus how far its clock is into the period.
//! A period lasts until its last event; a break lasts its nominal length
//! ([`break_before`]). Times never go backwards from one step to the next
//! (a file may order a "46'" after a "45+3'" of the same half), so a clock
//! that has reached a step's time has reached every earlier step's.
//!
//! Data with minutes only say *in which minute* a moment happened: its
//! time on the axis is the start of that minute (when a clock showing
//! minutes first reads it), and [`Timeline::happened_by`] gives the end of
//! it, when the moment has surely happened, for watching alongside a
//! broadcast without spoilers.

use std::time::Duration;

use super::Replay;
use crate::model::{Clock, Detail, Period};

/// A point on the match's running time: milliseconds from the first
/// kick-off, breaks included (see the [module](self)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatchTime(u64);

impl MatchTime {
    /// The first kick-off.
    pub const ZERO: Self = Self(0);

    /// A time `millis` milliseconds after the first kick-off.
    pub const fn from_millis(millis: u64) -> Self {
        Self(millis)
    }

    /// Milliseconds after the first kick-off.
    pub const fn millis(self) -> u64 {
        self.0
    }

    /// `duration` later.
    pub fn after(self, duration: Duration) -> Self {
        let millis = u64::try_from(duration.as_millis()).unwrap_or(u64::MAX);
        Self(self.0.saturating_add(millis))
    }

    /// How long after `earlier` this is (zero when it is not after).
    pub fn since(self, earlier: MatchTime) -> Duration {
        Duration::from_millis(self.0.saturating_sub(earlier.0))
    }
}

/// How finely the data time their moments, and so how the clock shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Minutes and seconds (StatsBomb's data, or a file with `"17:42"`).
    Seconds,
    /// Minutes only (`"17"`, `"45+2"`).
    Minutes,
}

impl Resolution {
    /// The smallest change the clock shows, in milliseconds.
    pub const fn grain_millis(self) -> u64 {
        match self {
            Resolution::Seconds => 1_000,
            Resolution::Minutes => 60_000,
        }
    }
}

/// How long the break before `period` lasts on the running time: 15
/// minutes of half-time, 5 before extra time and before a shoot-out, 1
/// while the teams change ends in extra time (the Laws allow a drinks
/// break there, not an interval).
pub const fn break_before(period: Period) -> Duration {
    match period {
        Period::First => Duration::ZERO,
        Period::Second => Duration::from_secs(15 * 60),
        Period::ExtraFirst | Period::Shootout => Duration::from_secs(5 * 60),
        Period::ExtraSecond => Duration::from_secs(60),
    }
}

/// What a clock on the running time reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockReading {
    /// Before the first kick-off.
    BeforeKickOff,
    /// A period is being played; the clock has seconds only where the data
    /// have them ([`Resolution`]).
    Playing {
        /// The period.
        period: Period,
        /// The clock as fans read it.
        clock: Clock,
    },
    /// Between two periods.
    Break {
        /// The period that has ended.
        after: Period,
        /// The period to come.
        next: Period,
        /// How long the break has lasted, in match time, to the clock's
        /// grain; `None` when it is not timed (watching alongside a
        /// broadcast waits for the fan to see the kick-off).
        elapsed: Option<Duration>,
    },
    /// The shoot-out, which has no clock.
    Shootout,
    /// After the last period.
    Over,
}

/// One period on the running time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    period: Period,
    /// Where it starts on the running time.
    start: u64,
    /// Its clock at the start, as [`Clock::seconds`] in milliseconds.
    base: u64,
    /// Until its last event.
    length: u64,
    /// How long after its time a moment of the period may have happened:
    /// a second with seconds, a minute without, nothing in a shoot-out.
    grain: u64,
    /// Its first and last steps.
    first_step: usize,
    last_step: usize,
    /// The step of the whistle that starts it, when that opens it.
    kick_off: Option<usize>,
}

impl Span {
    fn end(&self) -> u64 {
        self.start + self.length
    }
}

/// Every step placed on the running time, with the periods and breaks:
/// what a running clock needs to know of a match. Built once per match,
/// four bytes per event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    spans: Vec<Span>,
    /// Per event (step - 1), its time in milliseconds; never decreasing.
    times: Vec<u32>,
    resolution: Resolution,
}

/// A clock's position in its period, in milliseconds (as
/// [`Clock::seconds`]).
fn clock_millis(clock: Clock) -> u64 {
    u64::from(clock.seconds()) * 1_000
}

/// A period's clock at its start: 46' is 45:00 played.
fn base_millis(period: Period) -> u64 {
    u64::from(period.first_minute().saturating_sub(1)) * 60_000
}

impl Timeline {
    /// Places every event of `replay` on the running time.
    pub fn new(replay: &Replay) -> Self {
        let events = &replay.game().events;
        let mut spans: Vec<Span> = Vec::new();
        let mut times = Vec::with_capacity(events.len());
        let mut any_seconds = false;
        let mut minutes_only = false;
        let mut latest = 0u64;
        for (i, event) in events.iter().enumerate() {
            let step = i + 1;
            if spans.last().is_none_or(|span| span.period != event.period) {
                if let Some(span) = spans.last_mut() {
                    span.grain = grain(span.period, minutes_only);
                }
                minutes_only = false;
                let start = spans.last().map_or(0, |span| {
                    let pause = break_before(event.period).as_millis() as u64;
                    span.end() + pause
                });
                latest = latest.max(start);
                spans.push(Span {
                    period: event.period,
                    start,
                    base: base_millis(event.period),
                    length: 0,
                    grain: 0,
                    first_step: step,
                    last_step: step,
                    kick_off: matches!(event.detail, Detail::PeriodStart).then_some(step),
                });
            }
            let Some(span) = spans.last_mut() else {
                continue;
            };
            if let Some(clock) = event.clock {
                let into = clock_millis(clock).saturating_sub(span.base);
                latest = latest.max(span.start + into);
                any_seconds |= clock.second.is_some();
                minutes_only |=
                    clock.second.is_none() && !matches!(event.detail, Detail::PeriodStart);
            }
            span.length = latest - span.start;
            span.last_step = step;
            times.push(u32::try_from(latest).unwrap_or(u32::MAX));
        }
        if let Some(span) = spans.last_mut() {
            span.grain = grain(span.period, minutes_only);
        }
        Self {
            spans,
            times,
            resolution: if any_seconds {
                Resolution::Seconds
            } else {
                Resolution::Minutes
            },
        }
    }

    /// The number of steps placed: the match's events.
    pub fn steps(&self) -> usize {
        self.times.len()
    }

    /// How the clock shows: with seconds when the data have them.
    pub fn resolution(&self) -> Resolution {
        self.resolution
    }

    /// The time of `step` (clamped to the last): when a clock on the
    /// running time reaches it. Step 0, before anything, is the first
    /// kick-off.
    pub fn at(&self, step: usize) -> MatchTime {
        let step = step.min(self.times.len());
        MatchTime(step.checked_sub(1).map_or(0, |i| u64::from(self.times[i])))
    }

    /// When the moment at `step` has surely happened: the end of its
    /// minute (or second) on the running time. A period's opening whistle
    /// is the moment a fan syncs to, so it happens at its time.
    pub fn happened_by(&self, step: usize) -> MatchTime {
        let Some(span) = self.span_of_step(step) else {
            return self.at(step);
        };
        if span.kick_off == Some(step) {
            return self.at(step);
        }
        MatchTime(self.at(step).0 + span.grain)
    }

    /// The last step whose time is at or before `time` (0 when none).
    pub fn last_step_at(&self, time: MatchTime) -> usize {
        self.times.partition_point(|&t| u64::from(t) <= time.0)
    }

    /// Where the last period ends on the running time.
    pub fn end(&self) -> MatchTime {
        MatchTime(self.spans.last().map_or(0, Span::end))
    }

    /// The periods played, in order.
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.spans.iter().map(|span| span.period)
    }

    /// The period after `period` in this match, if one is played.
    pub fn period_after(&self, period: Period) -> Option<Period> {
        self.spans
            .iter()
            .map(|span| span.period)
            .find(|&p| p > period)
    }

    /// The period that `step` belongs to (step 0: the first).
    pub fn period_of(&self, step: usize) -> Option<Period> {
        self.span_of_step(step.max(1)).map(|span| span.period)
    }

    /// Where `period` starts on the running time.
    pub fn start_of(&self, period: Period) -> Option<MatchTime> {
        self.span(period).map(|span| MatchTime(span.start))
    }

    /// The steps of `period`, first and last.
    pub fn steps_of(&self, period: Period) -> Option<(usize, usize)> {
        self.span(period)
            .map(|span| (span.first_step, span.last_step))
    }

    /// The step of the whistle that opens `period`, when the data have one
    /// first.
    pub fn kick_off_of(&self, period: Period) -> Option<usize> {
        self.span(period).and_then(|span| span.kick_off)
    }

    fn span(&self, period: Period) -> Option<&Span> {
        self.spans.iter().find(|span| span.period == period)
    }

    fn span_of_step(&self, step: usize) -> Option<&Span> {
        let i = self.spans.partition_point(|span| span.last_step < step);
        self.spans.get(i).filter(|span| span.first_step <= step)
    }

    /// The last step of `period` that has surely happened by `time` (see
    /// [`Timeline::happened_by`]); the step before the period when none
    /// has, and never before its kick-off once `time` has reached it.
    pub fn happened_in(&self, period: Period, time: MatchTime) -> usize {
        let Some(span) = self.span(period) else {
            return self.last_step_at(time);
        };
        let before = span.first_step - 1;
        if time.0 < span.start {
            return before;
        }
        let range = &self.times[span.first_step - 1..span.last_step];
        let found = before + range.partition_point(|&t| u64::from(t) + span.grain <= time.0);
        let kicked_off = span.kick_off.unwrap_or(before);
        found.max(kicked_off).min(span.last_step)
    }

    /// What a clock at `time` reads.
    pub fn reading(&self, time: MatchTime) -> ClockReading {
        let t = time.0;
        let i = self.spans.partition_point(|span| span.end() < t);
        let Some(span) = self.spans.get(i) else {
            return ClockReading::Over;
        };
        if t >= span.start {
            return self.reading_in(span, t);
        }
        match i.checked_sub(1).map(|j| &self.spans[j]) {
            None => ClockReading::BeforeKickOff,
            Some(before) => {
                let grain = self.resolution.grain_millis();
                let elapsed = (t - before.end()) / grain * grain;
                ClockReading::Break {
                    after: before.period,
                    next: span.period,
                    elapsed: Some(Duration::from_millis(elapsed)),
                }
            }
        }
    }

    /// What a clock at `time` reads in `period`, whether or not the
    /// period's moments reach that far: the clock of a fan watching along,
    /// which must not give away when the period ends. Before the period's
    /// start it reads as at its start.
    pub fn reading_in_period(&self, period: Period, time: MatchTime) -> ClockReading {
        match self.span(period) {
            Some(span) => self.reading_in(span, time.0.max(span.start)),
            None => self.reading(time),
        }
    }

    fn reading_in(&self, span: &Span, t: u64) -> ClockReading {
        if span.period == Period::Shootout {
            return ClockReading::Shootout;
        }
        let millis = span.base + (t - span.start);
        let played = millis / 60_000;
        let end = u64::from(span.period.first_minute() - 1 + span.period.nominal_minutes());
        let (minute, added) = if played >= end {
            (end, (played - end + 1).min(u64::from(u16::MAX)))
        } else {
            (played + 1, 0)
        };
        let second = match self.resolution {
            Resolution::Seconds => Some(((millis / 1_000) % 60) as u8),
            Resolution::Minutes => None,
        };
        ClockReading::Playing {
            period: span.period,
            clock: Clock {
                minute: minute as u16,
                added: added as u16,
                second,
            },
        }
    }

    /// The first time after `time` at which [`Timeline::reading`] reads
    /// differently; `None` when it never will (the shoot-out, after the
    /// last period).
    pub fn next_change(&self, time: MatchTime) -> Option<MatchTime> {
        let t = time.0;
        let grain = self.resolution.grain_millis();
        let i = self.spans.partition_point(|span| span.end() < t);
        let span = self.spans.get(i)?;
        if t < span.start {
            let before = i.checked_sub(1).map(|j| &self.spans[j]);
            let Some(before) = before else {
                return Some(MatchTime(span.start));
            };
            let elapsed = t - before.end();
            let next = before.end() + (elapsed / grain + 1) * grain;
            return Some(MatchTime(next.min(span.start)));
        }
        if span.period == Period::Shootout {
            return None;
        }
        let millis = span.base + (t - span.start);
        let next = t + ((millis / grain + 1) * grain - millis);
        // Past the period's end the break begins.
        Some(MatchTime(next.min(span.end() + 1)))
    }

    /// How far (0 to 1) a clock at `time` is from `from`'s time to `to`'s:
    /// how far along its way the ball is between two actions. 0 when they
    /// share a time.
    pub fn progress(&self, from: usize, to: usize, time: MatchTime) -> f32 {
        let (a, b) = (self.at(from).0, self.at(to).0);
        if b <= a {
            return 0.0;
        }
        let done = time.0.clamp(a, b) - a;
        (done as f64 / (b - a) as f64) as f32
    }
}

fn grain(period: Period, minutes_only: bool) -> u64 {
    match (period, minutes_only) {
        (Period::Shootout, _) => 0,
        (_, true) => Resolution::Minutes.grain_millis(),
        (_, false) => Resolution::Seconds.grain_millis(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;

    fn bundled() -> (Replay, Timeline) {
        let replay = Replay::new(import::bundled().game);
        let timeline = Timeline::new(&replay);
        (replay, timeline)
    }

    fn parse(json: &str) -> Replay {
        Replay::new(import::parse_bytes("t.json", json.as_bytes()).unwrap().game)
    }

    const MIN: u64 = 60_000;

    #[test]
    fn the_bundled_match_runs_through_half_time() {
        let (replay, timeline) = bundled();
        assert_eq!(timeline.resolution(), Resolution::Minutes);
        assert_eq!(timeline.steps(), replay.steps());
        // Kick-off at 0; Tchouaméni's 17' goal at 16:00 played.
        assert_eq!(timeline.at(1), MatchTime::ZERO);
        assert_eq!(timeline.at(2).millis(), 16 * MIN);
        // The first half ends at 45+5' (49:00 played), half-time lasts 15
        // minutes, and the second half's 46' is 45:00 on its own clock.
        let (_, last_first) = timeline.steps_of(Period::First).unwrap();
        assert_eq!(timeline.at(last_first).millis(), 49 * MIN);
        let second = timeline.start_of(Period::Second).unwrap();
        assert_eq!(second.millis(), (49 + 15) * MIN);
        assert_eq!(timeline.at(last_first + 1), second);
        // 90+11' is 55 minutes into the second half.
        assert_eq!(timeline.end().millis(), (49 + 15 + 55) * MIN);
        let mut previous = MatchTime::ZERO;
        for step in 0..=replay.steps() {
            assert!(timeline.at(step) >= previous, "step {step}");
            previous = timeline.at(step);
        }
    }

    #[test]
    fn readings_name_the_minute_the_break_and_the_end() {
        let (_, timeline) = bundled();
        let playing = |period, minute, added| ClockReading::Playing {
            period,
            clock: Clock::stoppage(minute, added),
        };
        let at = |millis| timeline.reading(MatchTime::from_millis(millis));
        assert_eq!(at(0), playing(Period::First, 1, 0));
        assert_eq!(at(16 * MIN + 59_999), playing(Period::First, 17, 0));
        assert_eq!(at(44 * MIN), playing(Period::First, 45, 0));
        assert_eq!(at(49 * MIN), playing(Period::First, 45, 5));
        assert_eq!(
            at(52 * MIN + 30_000),
            ClockReading::Break {
                after: Period::First,
                next: Period::Second,
                elapsed: Some(Duration::from_secs(3 * 60)),
            }
        );
        assert_eq!(at(64 * MIN), playing(Period::Second, 46, 0));
        assert_eq!(at(119 * MIN), playing(Period::Second, 90, 11));
        assert_eq!(at(119 * MIN + 1), ClockReading::Over);
        // In its period, the clock runs on past the period's last moment.
        let first =
            |millis| timeline.reading_in_period(Period::First, MatchTime::from_millis(millis));
        assert_eq!(first(49 * MIN + 59_999), playing(Period::First, 45, 5));
        assert_eq!(first(50 * MIN), playing(Period::First, 45, 6));
        assert_eq!(
            timeline.reading_in_period(Period::Second, MatchTime::ZERO),
            playing(Period::Second, 46, 0)
        );
    }

    #[test]
    fn the_next_change_is_the_next_minute_or_the_break() {
        let (_, timeline) = bundled();
        let next = |millis| {
            timeline
                .next_change(MatchTime::from_millis(millis))
                .map(MatchTime::millis)
        };
        assert_eq!(next(0), Some(MIN));
        assert_eq!(next(16 * MIN + 5), Some(17 * MIN));
        // At the whistle the next change is the break's start.
        assert_eq!(next(49 * MIN), Some(49 * MIN + 1));
        assert_eq!(next(49 * MIN + 1), Some(50 * MIN));
        assert_eq!(next(63 * MIN + 10), Some(64 * MIN));
        assert_eq!(next(119 * MIN + 1), None);
        for millis in [0, 16 * MIN + 5, 49 * MIN, 50 * MIN + 7, 63 * MIN + 10] {
            let t = MatchTime::from_millis(millis);
            let changed = timeline.next_change(t).unwrap();
            assert_ne!(timeline.reading(t), timeline.reading(changed), "{millis}");
            let just_before = MatchTime::from_millis(changed.millis() - 1);
            assert_eq!(
                timeline.reading(t),
                timeline.reading(just_before),
                "{millis}"
            );
        }
    }

    #[test]
    fn seconds_show_where_the_data_have_them() {
        let replay = parse(
            r#"{"match": {"home": {"name": "H"}, "away": {"name": "A"}},
                "events": [
                  {"kind": "period_start", "clock": "1:00"},
                  {"kind": "goal", "clock": "17:42", "team": "home", "player": "P"},
                  {"kind": "period_end", "clock": "45+1:30"}
                ]}"#,
        );
        let timeline = Timeline::new(&replay);
        assert_eq!(timeline.resolution(), Resolution::Seconds);
        assert_eq!(timeline.at(2).millis(), 16 * MIN + 42_000);
        assert_eq!(
            timeline.reading(timeline.at(2)),
            ClockReading::Playing {
                period: Period::First,
                clock: "17:42".parse().unwrap(),
            }
        );
        // A moment timed to the second has surely happened a second on.
        assert_eq!(timeline.happened_by(2).millis(), 16 * MIN + 43_000);
        assert_eq!(timeline.happened_by(1), MatchTime::ZERO, "the kick-off");
        let next = timeline.next_change(timeline.at(2)).unwrap();
        assert_eq!(next.millis(), 16 * MIN + 43_000);
    }

    #[test]
    fn minutes_only_have_surely_happened_when_their_minute_is_over() {
        let (_, timeline) = bundled();
        assert_eq!(timeline.happened_by(2).millis(), 17 * MIN);
        assert_eq!(timeline.happened_in(Period::First, MatchTime::ZERO), 1);
        let goal_minute = MatchTime::from_millis(16 * MIN + 59_999);
        assert_eq!(timeline.happened_in(Period::First, goal_minute), 1);
        assert_eq!(
            timeline.happened_in(Period::First, MatchTime::from_millis(17 * MIN)),
            2
        );
        // Before the second half's kick-off, nothing of it.
        let (first, _) = timeline.steps_of(Period::Second).unwrap();
        assert_eq!(
            timeline.happened_in(Period::Second, MatchTime::from_millis(60 * MIN)),
            first - 1
        );
        assert_eq!(
            timeline.happened_in(Period::Second, timeline.start_of(Period::Second).unwrap()),
            first,
            "its kick-off"
        );
    }

    #[test]
    fn a_clock_out_of_order_never_sends_the_time_back() {
        let replay = parse(
            r#"{"match": {"home": {"name": "H"}, "away": {"name": "A"}},
                "events": [
                  {"kind": "period_start", "clock": "1", "period": "1H"},
                  {"kind": "note", "clock": "45+3", "period": "1H"},
                  {"kind": "note", "clock": "46", "period": "1H"},
                  {"kind": "period_end", "clock": "46", "period": "1H"},
                  {"kind": "period_start", "clock": "30", "period": "2H"},
                  {"kind": "period_end", "clock": "90", "period": "2H"}
                ]}"#,
        );
        let timeline = Timeline::new(&replay);
        assert_eq!(timeline.at(3), timeline.at(2));
        // A second half "starting" at 30' starts at its own start.
        assert_eq!(timeline.at(5), timeline.start_of(Period::Second).unwrap());
    }

    #[test]
    fn a_shoot_out_has_no_clock_and_no_progress() {
        let replay = parse(
            r#"{"match": {"home": {"name": "H"}, "away": {"name": "A"}},
                "events": [
                  {"kind": "period_start", "clock": "1"},
                  {"kind": "period_end", "clock": "90", "period": "2H"},
                  {"kind": "period_start", "period": "PSO"},
                  {"kind": "shootout_kick", "period": "PSO", "team": "home", "player": "P", "outcome": "scored"},
                  {"kind": "shootout_kick", "period": "PSO", "team": "away", "player": "Q", "outcome": "saved"}
                ]}"#,
        );
        let timeline = Timeline::new(&replay);
        let start = timeline.start_of(Period::Shootout).unwrap();
        assert_eq!(timeline.at(5), start);
        assert_eq!(timeline.reading(start), ClockReading::Shootout);
        assert_eq!(timeline.next_change(start), None);
        assert_eq!(timeline.happened_by(5), start);
        assert_eq!(timeline.progress(4, 5, start), 0.0);
        assert_eq!(
            timeline.period_after(Period::Second),
            Some(Period::Shootout)
        );
    }

    #[test]
    fn progress_follows_the_clock_between_two_steps() {
        let (_, timeline) = bundled();
        let half = MatchTime::from_millis(8 * MIN);
        assert!((timeline.progress(1, 2, half) - 0.5).abs() < 1e-6);
        assert_eq!(timeline.progress(1, 2, MatchTime::ZERO), 0.0);
        assert_eq!(
            timeline.progress(1, 2, MatchTime::from_millis(99 * MIN)),
            1.0
        );
    }

    #[test]
    fn an_empty_match_has_one_time() {
        let replay = Replay::new(crate::model::Match::new(crate::model::MatchInfo::between(
            crate::model::Team::named("H"),
            crate::model::Team::named("A"),
        )));
        let timeline = Timeline::new(&replay);
        assert_eq!(timeline.at(0), MatchTime::ZERO);
        assert_eq!(timeline.at(5), MatchTime::ZERO);
        assert_eq!(timeline.end(), MatchTime::ZERO);
        assert_eq!(timeline.reading(MatchTime::ZERO), ClockReading::Over);
        assert_eq!(timeline.period_of(0), None);
    }
}
