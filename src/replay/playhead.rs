//! The match clock that runs: where autoplay (or watching alongside a
//! broadcast) stands at any wall-clock instant, as a pure function of the
//! instants the caller passes in. Nothing here reads the time; the tests
//! drive it with a synthetic clock.
//!
//! The viewer asks [`Playhead::update`] at an instant and gets a [`Tick`]:
//! the step reached, the clock to show, how far the ball is along the
//! current action, whether anything on screen changed, and when to ask
//! again (`None`: nothing will change without the fan, so the loop can
//! sleep on its input). Between the deadlines it names nothing changes.
//!
//! # Autoplay
//!
//! The clock runs on the match's running time ([`Timeline`]) at the
//! chosen speed, `speed` match seconds per second, breaks included, and
//! each stop (what the [`Navigator`] stops at) is reached when the clock
//! reaches its time. Two things can hold it up:
//!
//! - **Time to read.** A moment stays on screen for its [`hold`] before a
//!   later one may replace it. The clock runs on meanwhile, but stops just
//!   short of the next stop's time and waits there (several moments in one
//!   minute of a file timed in minutes are read one after another, the
//!   clock standing on that minute). Plays (passes, carries...) hold for
//!   nothing: when the clock passes several in one frame they are all
//!   reached, in order, and only the last is drawn; a key moment is never
//!   replaced before its hold is over.
//! - **Pauses.** The [`PausePolicy`] stops autoplay on a goal (or every
//!   big moment); a stop is reported in [`Tick::stopped`] and the moment
//!   counts as read.
//!
//! **Skip quiet** (on by default): when the clock would run more than
//! [`QUIET_SPELL`] of wall time with nothing to show, it runs on for
//! [`RUN_IN`] (or the moment's hold, if longer), then fast-forwards
//! visibly over [`FAST_FORWARD`] to [`LEAD_IN`] (at the chosen speed)
//! before the next stop, and runs into it at speed. A break is a quiet
//! spell like any other: with skip quiet on, half-time passes in a few
//! seconds (the whistle's hold, then the fast-forward); with it off, it
//! lasts its nominal length ([`break_before`]) at the chosen speed, 15
//! minutes at 1x and 15 seconds at 60x, the clock counting the break.
//!
//! A late wake (the process was suspended, the machine slept) does not
//! rush through the match: autoplay resumes where it was, as if paused.
//!
//! # Watching along
//!
//! For a delayed broadcast or a recording: [`Playhead::watch_along`]
//! waits, showing nothing of the period to come, until the fan presses
//! [`Playhead::sync`] at the kick-off they see. From then the clock runs
//! at 1x on the wall clock, and a moment appears only once it has surely
//! happened on their screen ([`Timeline::happened_by`]: the end of its
//! second, or of its minute for data timed in minutes). Nudges move the
//! sync ([`Playhead::nudge`]); a nudge back hides again what the clock has
//! not reached. At the end of each period it waits for the next kick-off
//! in the same way; a shoot-out, which has no clock, shows one kick per
//! press. Pausing freezes the synced clock, for a recording paused with
//! it. The step is always the synced one, whatever the navigator's
//! cursor says: nothing beyond the synced clock is shown.
//!
//! [`break_before`]: super::timeline::break_before
//! [`hold`]: super::hold::hold

use std::fmt;
use std::time::{Duration, Instant};

use super::hold::{self, BigMoment, PausePolicy};
use super::timeline::{ClockReading, MatchTime, Timeline};
use super::{Navigator, SPEEDS};
use crate::model::Period;

/// How long the clock runs at speed after a moment (at least) before a
/// quiet spell is fast-forwarded.
pub const RUN_IN: Duration = Duration::from_secs(1);

/// A spell with nothing to show that would take longer than this at the
/// chosen speed is fast-forwarded when skip quiet is on.
pub const QUIET_SPELL: Duration = Duration::from_secs(6);

/// How long a fast-forward through a quiet spell takes.
pub const FAST_FORWARD: Duration = Duration::from_millis(1_500);

/// How long the clock runs at speed into the next moment after a
/// fast-forward.
pub const LEAD_IN: Duration = Duration::from_secs(2);

/// The shortest wait between two wakes for the clock alone: 25 frames a
/// second, the pitch's frame rate.
pub const FRAME: Duration = Duration::from_millis(40);

/// A wake this much later than asked for is a suspension, not a slow
/// frame: autoplay resumes where it was.
pub const MAX_LAG: Duration = Duration::from_secs(1);

/// The furthest the nudges can move the sync, either way.
pub const MAX_NUDGE: Duration = Duration::from_secs(3 * 60 * 60);

/// How the fan likes autoplay: the speed, skipping quiet spells, where
/// to stop, and the bell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaySettings {
    /// Match seconds per second, one of [`SPEEDS`].
    pub speed: u32,
    /// Fast-forward through quiet spells (see the [module](self)).
    pub skip_quiet: bool,
    /// Where autoplay stops by itself.
    pub pause: PausePolicy,
    /// Ring on goals reached while playing or watching along.
    pub bell: bool,
}

impl Default for PlaySettings {
    /// 1x, skipping quiet spells, never stopping, no bell.
    fn default() -> Self {
        Self {
            speed: 1,
            skip_quiet: true,
            pause: PausePolicy::Off,
            bell: false,
        }
    }
}

/// Why autoplay stopped by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The pause policy names the moment reached.
    At(BigMoment),
    /// Nothing left to reach: the last stop, or the end of watching along.
    End,
}

/// The sync's offset from the fan's kick-off press, moved by nudges:
/// positive when the clock runs ahead of the press.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct SyncOffset(i64);

impl SyncOffset {
    /// The offset in milliseconds.
    pub const fn millis(self) -> i64 {
        self.0
    }
}

/// `+0:05`, `-1:00`: minutes and seconds, signed.
impl fmt::Display for SyncOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let seconds = self.0.unsigned_abs() / 1_000;
        write!(f, "{sign}{}:{:02}", seconds / 60, seconds % 60)
    }
}

/// Where watching along stands, for the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WatchStatus {
    /// The period being watched, or waited for.
    pub period: Period,
    /// Waiting for the fan to press at this period's kick-off.
    pub waiting: bool,
    /// Frozen with the fan's recording.
    pub paused: bool,
    /// The nudges since the kick-off press.
    pub offset: SyncOffset,
}

/// What the playhead is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    /// Standing still at the step.
    Paused,
    /// Autoplay.
    Playing,
    /// Watching along with a broadcast.
    Watching(WatchStatus),
}

/// The answer to [`Playhead::update`] at an instant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    /// The step reached: the moment on screen.
    pub step: usize,
    /// Where the clock stands on the running time.
    pub time: MatchTime,
    /// What the clock reads.
    pub clock: ClockReading,
    /// How far (0 to 1) the clock is from the step's time to the next
    /// stop's: where the pitch draws the ball along the action. Always 0
    /// watching along, where the ball's way would tell of the next moment.
    pub progress: f32,
    /// Whether autoplay's clock is running, and so the ball moving
    /// (never watching along: see `progress`).
    pub moving: bool,
    /// Whether the step or the clock's reading changed since the last
    /// tick.
    pub redraw: bool,
    /// When to ask again; `None` when nothing changes without the fan.
    pub wake_at: Option<Instant>,
    /// A goal was reached and the bell is on.
    pub ring: bool,
    /// Autoplay (or watching along) stopped by itself at this tick.
    pub stopped: Option<Stopped>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Paused {
        clock: MatchTime,
        /// How much of the step's hold has been served.
        held: Duration,
    },
    Playing(Run),
    Watching(Watch),
}

/// Autoplay's anchors: when the step went on screen, and the clock's
/// last known point (moved by speed changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    shown_at: Instant,
    from: Instant,
    clock: MatchTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Watch {
    period: Period,
    /// When the fan saw the period's kick-off; `None` while waiting.
    synced_at: Option<Instant>,
    /// The nudges, in milliseconds.
    nudge: i64,
    paused_at: Option<Instant>,
}

/// The clock's way from the step to the next stop, while playing: at
/// speed, perhaps a fast-forward through a quiet spell, and capped short
/// of the next stop until it is due.
#[derive(Clone, Copy, Debug)]
struct Plan {
    from: Instant,
    /// The clock at `from`, in milliseconds.
    start: f64,
    /// Match milliseconds per wall second.
    speed: f64,
    /// A fast-forward: wall seconds after `from` when it begins, and the
    /// clock at its start and end.
    fast_forward: Option<(f64, f64, f64)>,
    floor: u64,
    cap: u64,
    next: usize,
    target: MatchTime,
    due: Instant,
}

fn secs_between(from: Instant, to: Instant) -> f64 {
    if to >= from {
        (to - from).as_secs_f64()
    } else {
        -(from - to).as_secs_f64()
    }
}

fn instant_after(from: Instant, secs: f64) -> Instant {
    if secs.is_finite() && secs > 0.0 {
        from.checked_add(Duration::from_secs_f64(secs.min(1e9)))
            .unwrap_or(from)
    } else {
        from
    }
}

impl Plan {
    /// The clock, uncapped, `x` wall seconds after `from`, and its rate.
    fn raw(&self, x: f64) -> (f64, f64) {
        let ff = FAST_FORWARD.as_secs_f64();
        match self.fast_forward {
            Some((begins, at, to)) if x >= begins => {
                if x < begins + ff {
                    let rate = (to - at) / ff;
                    (at + rate * (x - begins), rate)
                } else {
                    (to + self.speed * (x - begins - ff), self.speed)
                }
            }
            _ => (self.start + self.speed * x.max(0.0), self.speed),
        }
    }

    /// The clock at `now`, capped, and whether it is running.
    fn clock(&self, now: Instant) -> (MatchTime, f64) {
        let (raw, rate) = self.raw(secs_between(self.from, now));
        let clock = (raw.floor().max(0.0) as u64).clamp(self.floor, self.cap.max(self.floor));
        let rate = if clock >= self.cap { 0.0 } else { rate };
        (MatchTime::from_millis(clock), rate)
    }

    /// When the current leg of the clock's way ends after `now`.
    fn leg_end(&self, now: Instant) -> Option<Instant> {
        let (begins, _, _) = self.fast_forward?;
        let x = secs_between(self.from, now);
        [begins, begins + FAST_FORWARD.as_secs_f64()]
            .into_iter()
            .find(|&edge| edge > x)
            .map(|edge| instant_after(self.from, edge))
    }
}

/// Autoplay and watching along for one match: see the [module](self).
#[derive(Clone, Debug)]
pub struct Playhead {
    timeline: Timeline,
    settings: PlaySettings,
    step: usize,
    mode: Mode,
    /// The step and reading of the last tick, to tell whether to redraw.
    shown: Option<(usize, ClockReading)>,
    /// When the last tick asked to be woken, to tell a suspension.
    expected: Option<Instant>,
}

impl Playhead {
    /// A paused playhead at the navigator's cursor.
    pub fn new(nav: &Navigator, settings: PlaySettings) -> Self {
        let timeline = Timeline::new(nav.replay());
        let step = nav.step();
        let clock = timeline.at(step);
        let speed = SPEEDS
            .iter()
            .copied()
            .find(|&s| s >= settings.speed)
            .unwrap_or(SPEEDS[SPEEDS.len() - 1]);
        Self {
            timeline,
            settings: PlaySettings { speed, ..settings },
            step,
            mode: Mode::Paused {
                clock,
                held: Duration::ZERO,
            },
            shown: None,
            expected: None,
        }
    }

    /// The match on the running time.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The settings in force.
    pub fn settings(&self) -> PlaySettings {
        self.settings
    }

    /// The step the playhead last reached.
    pub fn step(&self) -> usize {
        self.step
    }

    /// What the playhead is doing.
    pub fn activity(&self) -> Activity {
        match self.mode {
            Mode::Paused { .. } => Activity::Paused,
            Mode::Playing(_) => Activity::Playing,
            Mode::Watching(watch) => Activity::Watching(WatchStatus {
                period: watch.period,
                waiting: watch.synced_at.is_none(),
                paused: watch.paused_at.is_some(),
                offset: SyncOffset(watch.nudge),
            }),
        }
    }

    /// Whether autoplay runs.
    pub fn is_playing(&self) -> bool {
        matches!(self.mode, Mode::Playing(_))
    }

    /// Rebuilds the timeline when the match has changed (a followed file
    /// grew).
    fn refresh(&mut self, nav: &Navigator) {
        if self.timeline.steps() != nav.replay().steps() {
            self.timeline = Timeline::new(nav.replay());
            self.step = self.step.min(self.timeline.steps());
        }
    }

    /// The hold of the moment at `step` at the current speed.
    fn hold(&self, nav: &Navigator, step: usize) -> Duration {
        step.checked_sub(1)
            .and_then(|i| nav.replay().game().events.get(i))
            .map_or(Duration::ZERO, |e| hold::hold(e, self.settings.speed))
    }

    /// The way from the step to the next stop; `None` at the last stop.
    fn plan(&self, nav: &Navigator, run: &Run) -> Option<Plan> {
        let next = nav.next_stop(self.step)?;
        let target = self.timeline.at(next);
        let speed = f64::from(self.settings.speed) * 1_000.0;
        // The clock is past the next stop only when the stops changed
        // under it (a wider filter): those stops are due at once, and the
        // clock does not go back for them.
        let start = run.clock;
        let begin = start.millis() as f64;
        let goal = target.millis() as f64;
        let hold_end =
            secs_between(run.from, run.shown_at) + self.hold(nav, self.step).as_secs_f64();
        let mut reach = ((goal - begin) / speed).max(0.0);
        let mut fast_forward = None;
        if self.settings.skip_quiet {
            // The run-in counts from the later of the moment's showing and
            // the clock's anchor, so that autoplay resumed (or sped up)
            // is seen running before it fast-forwards.
            let begins = hold_end.max(RUN_IN.as_secs_f64());
            let at = begin + speed * begins;
            if (goal - at) / speed > QUIET_SPELL.as_secs_f64() {
                let to = goal - speed * LEAD_IN.as_secs_f64();
                fast_forward = Some((begins, at, to));
                reach = begins + (FAST_FORWARD + LEAD_IN).as_secs_f64();
            }
        }
        Some(Plan {
            from: run.from,
            start: begin,
            speed,
            fast_forward,
            floor: start.millis(),
            cap: if target > start {
                target.millis() - 1
            } else {
                start.millis()
            },
            next,
            target,
            due: instant_after(run.from, reach.max(hold_end)),
        })
    }

    /// The clock at `now` (the step's time when nothing runs).
    fn clock(&self, nav: &Navigator, now: Instant) -> MatchTime {
        match self.mode {
            Mode::Paused { clock, .. } => clock,
            Mode::Playing(run) => self
                .plan(nav, &run)
                .map_or(run.clock, |plan| plan.clock(now).0),
            Mode::Watching(watch) => self.watch_clock(&watch, now),
        }
    }

    /// Starts autoplay at `now` from where the clock stands. At the last
    /// stop there is nothing to play: returns whether it runs. Watching
    /// along, it resumes the synced clock (waiting for a kick-off, only
    /// [`Playhead::sync`] starts it).
    pub fn play(&mut self, nav: &Navigator, now: Instant) -> bool {
        self.refresh(nav);
        self.expected = None;
        match &mut self.mode {
            Mode::Paused { clock, held } => {
                if nav.next_stop(self.step).is_none() {
                    return false;
                }
                let clock = (*clock).max(self.timeline.at(self.step));
                self.mode = Mode::Playing(Run {
                    shown_at: now.checked_sub(*held).unwrap_or(now),
                    from: now,
                    clock,
                });
                true
            }
            Mode::Playing(_) => true,
            Mode::Watching(watch) => {
                if let (Some(paused), Some(synced)) = (watch.paused_at.take(), watch.synced_at) {
                    watch.synced_at = Some(synced + now.saturating_duration_since(paused));
                }
                // Waiting for a kick-off, only the fan's press starts it.
                watch.synced_at.is_some()
            }
        }
    }

    /// Stops autoplay at `now`, keeping the clock where it stands and the
    /// part of the hold already served. Watching along, it freezes the
    /// synced clock until [`Playhead::play`].
    pub fn pause(&mut self, nav: &Navigator, now: Instant) {
        self.refresh(nav);
        self.expected = None;
        match self.mode {
            Mode::Paused { .. } => {}
            Mode::Playing(run) => {
                let clock = self.clock(nav, now);
                let held = now
                    .saturating_duration_since(run.shown_at)
                    .min(self.hold(nav, self.step));
                self.mode = Mode::Paused { clock, held };
            }
            Mode::Watching(ref mut watch) => {
                if watch.synced_at.is_some() {
                    watch.paused_at.get_or_insert(now);
                }
            }
        }
    }

    /// Plays if paused, pauses if playing (see [`Playhead::play`]);
    /// returns whether it runs now.
    pub fn toggle(&mut self, nav: &Navigator, now: Instant) -> bool {
        let running = match self.mode {
            Mode::Paused { .. } => false,
            Mode::Playing(_) => true,
            Mode::Watching(watch) => watch.paused_at.is_none(),
        };
        if running {
            self.pause(nav, now);
            false
        } else {
            self.play(nav, now)
        }
    }

    /// The fan moved the cursor to `step` (keys, a click, a search): the
    /// clock goes to its time, and autoplay, if it runs, goes on from
    /// there. Watching along the cursor is not the fan's to move: returns
    /// `false` and changes nothing.
    pub fn jump(&mut self, step: usize, now: Instant) -> bool {
        let step = step.min(self.timeline.steps());
        let clock = self.timeline.at(step);
        self.expected = None;
        match self.mode {
            Mode::Watching(_) => return false,
            Mode::Paused { .. } => {
                self.mode = Mode::Paused {
                    clock,
                    held: Duration::ZERO,
                }
            }
            Mode::Playing(_) => {
                self.mode = Mode::Playing(Run {
                    shown_at: now,
                    from: now,
                    clock,
                })
            }
        }
        self.step = step;
        true
    }

    /// Changes a setting that shapes the clock's way, keeping the clock
    /// where it stands at `now`.
    fn reshape(&mut self, nav: &Navigator, now: Instant, change: impl FnOnce(&mut PlaySettings)) {
        self.refresh(nav);
        if let Mode::Playing(run) = self.mode {
            let clock = self.clock(nav, now);
            self.mode = Mode::Playing(Run {
                from: now,
                clock,
                ..run
            });
        }
        change(&mut self.settings);
        self.expected = None;
    }

    /// The speed, in match seconds per second.
    pub fn speed(&self) -> u32 {
        self.settings.speed
    }

    /// One speed up (stays at the top); the clock goes on from where it
    /// stands at `now`.
    pub fn faster(&mut self, nav: &Navigator, now: Instant) {
        let i = SPEEDS
            .iter()
            .position(|&s| s == self.settings.speed)
            .unwrap_or(0);
        let speed = SPEEDS[(i + 1).min(SPEEDS.len() - 1)];
        self.reshape(nav, now, |s| s.speed = speed);
    }

    /// One speed down (stays at 1x).
    pub fn slower(&mut self, nav: &Navigator, now: Instant) {
        let i = SPEEDS
            .iter()
            .position(|&s| s == self.settings.speed)
            .unwrap_or(0);
        let speed = SPEEDS[i.saturating_sub(1)];
        self.reshape(nav, now, |s| s.speed = speed);
    }

    /// Turns skipping quiet spells on or off; returns the new setting.
    pub fn toggle_skip_quiet(&mut self, nav: &Navigator, now: Instant) -> bool {
        self.reshape(nav, now, |s| s.skip_quiet = !s.skip_quiet);
        self.settings.skip_quiet
    }

    /// The next pause policy round the cycle; returns it.
    pub fn cycle_pause_policy(&mut self) -> PausePolicy {
        self.settings.pause = self.settings.pause.next();
        self.settings.pause
    }

    /// Turns the bell on goals on or off; returns the new setting.
    pub fn toggle_bell(&mut self) -> bool {
        self.settings.bell = !self.settings.bell;
        self.settings.bell
    }

    /// Where the playhead stands at `now`, moving on to every stop due by
    /// then (see [`Tick`]). The navigator's cursor, when it differs from
    /// the last step reached, is a move of the fan's ([`Playhead::jump`]);
    /// the caller puts the navigator at [`Tick::step`] afterwards.
    pub fn update(&mut self, nav: &Navigator, now: Instant) -> Tick {
        self.refresh(nav);
        if nav.step() != self.step && !matches!(self.mode, Mode::Watching(_)) {
            self.jump(nav.step(), now);
        }
        if let (Mode::Playing(run), Some(expected)) = (&mut self.mode, self.expected) {
            let late = now.saturating_duration_since(expected);
            if late > MAX_LAG {
                run.shown_at += late;
                run.from += late;
            }
        }
        let before = self.step;
        let mut stopped = None;
        let mut wake_at = None;
        let time = match self.mode {
            Mode::Paused { clock, .. } => clock,
            Mode::Playing(_) => {
                let (time, wake, stop) = self.advance(nav, now);
                stopped = stop;
                wake_at = wake;
                time
            }
            Mode::Watching(_) => {
                let (time, wake, stop) = self.follow_sync(nav, now);
                stopped = stop;
                wake_at = wake;
                time
            }
        };
        // Watching along, neither the clock nor the ball may give away
        // what is to come: the clock reads the synced period's time even
        // past its last moment (the whistle shows only once it has surely
        // gone), and the ball rests where the moment left it.
        let (clock, progress) = match self.mode {
            Mode::Watching(Watch {
                synced_at: None,
                period,
                ..
            }) => (self.waiting_reading(period), 0.0),
            Mode::Watching(Watch { period, .. }) => {
                let start = self.timeline.start_of(period).unwrap_or_default();
                let clock = if time < start {
                    self.waiting_reading(period)
                } else {
                    self.timeline.reading_in_period(period, time)
                };
                (clock, 0.0)
            }
            _ => {
                let next = nav.next_stop(self.step);
                let progress = next.map_or(0.0, |n| self.timeline.progress(self.step, n, time));
                (self.timeline.reading(time), progress)
            }
        };
        let moving = match self.mode {
            Mode::Playing(run) => self
                .plan(nav, &run)
                .is_some_and(|plan| plan.clock(now).1 > 0.0),
            _ => false,
        };
        let ring = self.settings.bell
            && self.step > before
            && nav
                .replay()
                .goals_in(before + 1..self.step + 1)
                .next()
                .is_some();
        let redraw = self.shown != Some((self.step, clock));
        self.shown = Some((self.step, clock));
        self.expected = wake_at;
        Tick {
            step: self.step,
            time,
            clock,
            progress,
            moving,
            redraw,
            wake_at,
            ring,
            stopped,
        }
    }

    /// Autoplay: moves through every stop due by `now`; the clock then,
    /// the next wake, and why it stopped, if it did.
    fn advance(
        &mut self,
        nav: &Navigator,
        now: Instant,
    ) -> (MatchTime, Option<Instant>, Option<Stopped>) {
        while let Mode::Playing(run) = self.mode {
            let Some(plan) = self.plan(nav, &run) else {
                let clock = run.clock.max(self.timeline.at(self.step));
                self.mode = Mode::Paused {
                    clock,
                    held: Duration::ZERO,
                };
                return (clock, None, Some(Stopped::End));
            };
            if now < plan.due {
                let (time, rate) = plan.clock(now);
                return (time, Some(self.next_wake(&plan, time, rate, now)), None);
            }
            self.step = plan.next;
            let clock = plan.target.max(run.clock);
            let event = &nav.replay().game().events[plan.next - 1];
            if self.settings.pause.stops_at(event) {
                self.mode = Mode::Paused {
                    clock,
                    held: hold::hold(event, self.settings.speed),
                };
                let moment = BigMoment::of(event).map_or(Stopped::End, Stopped::At);
                return (clock, None, Some(moment));
            }
            if nav.next_stop(plan.next).is_none() {
                self.mode = Mode::Paused {
                    clock,
                    held: Duration::ZERO,
                };
                return (clock, None, Some(Stopped::End));
            }
            self.mode = Mode::Playing(Run {
                shown_at: plan.due,
                from: plan.due,
                clock,
            });
        }
        (self.clock(nav, now), None, None)
    }

    /// The next instant anything on screen changes: the next stop, the
    /// next change of the clock's reading, or a change of pace.
    fn next_wake(&self, plan: &Plan, time: MatchTime, rate: f64, now: Instant) -> Instant {
        let mut wake = plan.due;
        if rate > 0.0 {
            let mut soon = plan.leg_end(now);
            if let Some(change) = self.timeline.next_change(time) {
                // A microsecond over, so that the clock, computed in
                // floating seconds, has surely changed by then.
                let wait = (change.millis() - time.millis()) as f64 / rate + 1e-6;
                let at = instant_after(now, wait);
                soon = Some(soon.map_or(at, |s| s.min(at)));
            }
            if let Some(soon) = soon {
                wake = wake.min(soon.max(now + FRAME));
            }
        }
        wake
    }

    /// Starts watching along at `now`: from the kick-off of the period the
    /// cursor is in (of the next one, at a period's final whistle), which
    /// the playhead waits for, showing nothing of it. Returns whether it
    /// started (a match without events has nothing to watch).
    pub fn watch_along(&mut self, nav: &Navigator) -> bool {
        self.refresh(nav);
        self.expected = None;
        let events = &nav.replay().game().events;
        let period = match self.step.checked_sub(1).and_then(|i| events.get(i)) {
            None => self.timeline.periods().next(),
            Some(event) => {
                let (_, last) = self.timeline.steps_of(event.period).unwrap_or_default();
                let next = self.timeline.period_after(event.period);
                match next {
                    Some(next) if self.step == last && self.is_final_whistle(nav, self.step) => {
                        Some(next)
                    }
                    _ => Some(event.period),
                }
            }
        };
        let Some(period) = period else {
            return false;
        };
        self.mode = Mode::Watching(Watch {
            period,
            synced_at: None,
            nudge: 0,
            paused_at: None,
        });
        self.step = self.waiting_step(nav, period);
        true
    }

    fn is_final_whistle(&self, nav: &Navigator, step: usize) -> bool {
        step.checked_sub(1)
            .and_then(|i| nav.replay().game().events.get(i))
            .is_some_and(|e| matches!(e.detail, crate::model::Detail::PeriodEnd))
    }

    /// What shows while waiting for `period`'s kick-off: the stop before
    /// its first step.
    fn waiting_step(&self, nav: &Navigator, period: Period) -> usize {
        let (first, _) = self.timeline.steps_of(period).unwrap_or((1, 0));
        nav.stop_at_or_before(first.saturating_sub(1))
    }

    fn waiting_reading(&self, period: Period) -> ClockReading {
        let before = self.timeline.periods().take_while(|&p| p < period).last();
        match before {
            None => ClockReading::BeforeKickOff,
            Some(after) => ClockReading::Break {
                after,
                next: period,
                elapsed: None,
            },
        }
    }

    /// Leaves watching along for a paused playhead at the step on screen,
    /// the clock where it stood (short of the next stop).
    pub fn stop_watching(&mut self, nav: &Navigator, now: Instant) {
        self.refresh(nav);
        if let Mode::Watching(_) = self.mode {
            let clock = self.clock(nav, now);
            let ceiling = nav.next_stop(self.step).map_or(clock, |n| {
                MatchTime::from_millis(self.timeline.at(n).millis().saturating_sub(1))
            });
            let clock = clock.min(ceiling).max(self.timeline.at(self.step));
            self.mode = Mode::Paused {
                clock,
                held: Duration::ZERO,
            };
        }
        self.expected = None;
    }

    /// The fan saw the kick-off at `now`: the synced clock starts at the
    /// period's start. In a shoot-out, each press shows the next kick.
    /// Returns whether it did anything (not when already synced in a
    /// period with a clock: nudges move that sync).
    pub fn sync(&mut self, nav: &Navigator, now: Instant) -> bool {
        self.refresh(nav);
        self.expected = None;
        let Mode::Watching(watch) = &mut self.mode else {
            return false;
        };
        let period = watch.period;
        let (first, last) = self.timeline.steps_of(period).unwrap_or_default();
        if period == Period::Shootout {
            if watch.synced_at.is_none() {
                watch.synced_at = Some(now);
            }
            let next = nav.next_stop(self.step).filter(|&n| n <= last);
            match next {
                Some(next) if next >= first => self.step = next,
                _ => return false,
            }
            return true;
        }
        if watch.synced_at.is_some() {
            return false;
        }
        watch.synced_at = Some(now);
        watch.nudge = 0;
        watch.paused_at = None;
        true
    }

    /// Moves the sync by `by` (forwards: the clock runs ahead, showing
    /// more; backwards: it shows less), at most [`MAX_NUDGE`] either way.
    /// Only once synced, in a period with a clock; returns whether it
    /// moved.
    pub fn nudge(&mut self, forwards: bool, by: Duration) -> bool {
        let Mode::Watching(watch) = &mut self.mode else {
            return false;
        };
        if watch.synced_at.is_none() || watch.period == Period::Shootout {
            return false;
        }
        let limit = MAX_NUDGE.as_millis() as i64;
        let by = by.as_millis().min(MAX_NUDGE.as_millis()) as i64;
        let by = if forwards { by } else { -by };
        watch.nudge = (watch.nudge + by).clamp(-limit, limit);
        self.expected = None;
        true
    }

    /// The synced clock at `now`.
    fn watch_clock(&self, watch: &Watch, now: Instant) -> MatchTime {
        let start = self.timeline.start_of(watch.period).unwrap_or_default();
        let Some(synced) = watch.synced_at else {
            return start;
        };
        let now = watch.paused_at.unwrap_or(now);
        let elapsed = now.saturating_duration_since(synced).as_millis() as i64;
        let millis = start.millis() as i64 + elapsed + watch.nudge;
        MatchTime::from_millis(millis.max(0) as u64)
    }

    /// Watching along: the step the synced clock has surely reached at
    /// `now`, the clock, the next wake and whether it ended.
    fn follow_sync(
        &mut self,
        nav: &Navigator,
        now: Instant,
    ) -> (MatchTime, Option<Instant>, Option<Stopped>) {
        let Mode::Watching(watch) = self.mode else {
            return (self.timeline.at(self.step), None, None);
        };
        let Some(synced) = watch.synced_at else {
            self.step = self.waiting_step(nav, watch.period);
            let start = self.timeline.start_of(watch.period).unwrap_or_default();
            return (start, None, None);
        };
        let (_, last) = self.timeline.steps_of(watch.period).unwrap_or_default();
        if watch.period == Period::Shootout {
            let time = self.timeline.at(self.step);
            if self.step >= last {
                return self.watched_to_the_end(time);
            }
            return (time, None, None);
        }
        let time = self.watch_clock(&watch, now);
        let reached = self.timeline.happened_in(watch.period, time);
        self.step = nav.stop_at_or_before(reached);
        if reached >= last && time >= self.timeline.happened_by(last) {
            return match self.timeline.period_after(watch.period) {
                Some(next) => {
                    self.mode = Mode::Watching(Watch {
                        period: next,
                        synced_at: None,
                        nudge: 0,
                        paused_at: None,
                    });
                    (time, None, None)
                }
                None => self.watched_to_the_end(time),
            };
        }
        if watch.paused_at.is_some() {
            return (time, None, None);
        }
        // The wall instant the synced clock reaches a time.
        let start = self.timeline.start_of(watch.period).unwrap_or_default();
        let wall = |t: MatchTime| {
            let millis = t.millis() as i64 - start.millis() as i64 - watch.nudge;
            synced + Duration::from_millis(millis.max(0) as u64)
        };
        let next_moment = self.timeline.happened_by((reached + 1).min(last));
        let mut wake = wall(next_moment.max(time));
        if let Some(change) = self.timeline.next_change(time) {
            wake = wake.min(wall(change).max(now + FRAME));
        }
        (time, Some(wake.max(now)), None)
    }

    fn watched_to_the_end(
        &mut self,
        time: MatchTime,
    ) -> (MatchTime, Option<Instant>, Option<Stopped>) {
        let clock = time
            .min(self.timeline.end())
            .max(self.timeline.at(self.step));
        self.mode = Mode::Paused {
            clock,
            held: Duration::ZERO,
        };
        (clock, None, Some(Stopped::End))
    }
}

/// Whether moving from step `from` to step `to` passes a goal: the bell of
/// `--follow`, which moves on as the file grows rather than by a clock.
pub fn rings_between(nav: &Navigator, from: usize, to: usize) -> bool {
    to > from && nav.replay().goals_in(from + 1..to + 1).next().is_some()
}

#[cfg(test)]
mod tests;
