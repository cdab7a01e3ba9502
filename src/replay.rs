//! The replay engine: pure functions of a [`Match`] and a step, with no
//! terminal, clock or I/O.
//!
//! Autoplay's clock is [`Playhead`]: the match on one running time
//! ([`Timeline`]), held for reading ([`hold`]), and a clock that runs on
//! it at a speed or alongside a broadcast, all driven by instants the
//! caller passes in.
//!
//! Step `0` is before the first event; step `n` is after the `n`th event
//! (`events[n - 1]` is the current one). Nothing is stored per step:
//! building a [`Replay`] sorts the few events that change the state (goals,
//! reviews, shots, cards, substitutions) into per-side lists of steps, and
//! every question about a step is a binary search in those lists. A seek is
//! therefore O(log n) in time and costs nothing in memory, even at a
//! million events; lists such as the scorers cost O(log n + what they list).

pub mod filter;
pub mod hold;
pub mod navigator;
mod playback;
pub mod playhead;
mod state;
mod stats;
pub mod timeline;
pub mod tournament;

/// Where the match stands: defined with the model, which names it.
pub use crate::model::Phase;
pub use filter::{EventFilter, Only, Scope};
pub use hold::{BigMoment, PausePolicy};
pub use navigator::{Navigator, Stops};
pub use playback::{MAX_WAIT, MIN_WAIT, Playback, SPEEDS};
pub use playhead::{Activity, PlaySettings, Playhead, Stopped, SyncOffset, Tick, WatchStatus};
pub use state::{BookedCard, Scorer, Snapshot, State, SubstitutionMade};
pub use stats::{MatchStats, PlayCount, TeamStats};
pub use timeline::{ClockReading, MatchTime, Resolution, Timeline};

use std::collections::HashMap;

use crate::model::{Clock, Detail, Match, Period, Side};

/// Step numbers are stored as `u32` to halve the index's size; a match file
/// with four billion events is refused by the size limit long before.
type Step = u32;

/// Where a goal stands: when it was scored and whether a review struck it
/// off. It carries its packed time (see [`Replay::time_at`]) so the
/// progress bar places goals without reading the events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GoalEntry {
    pub(crate) step: Step,
    pub(crate) side: Side,
    pub(crate) struck_off_at: Option<Step>,
    time: u32,
}

/// A card shown, with what it was and its packed time, as for goals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CardEntry {
    pub(crate) step: Step,
    pub(crate) card: crate::model::Card,
    rescinded_at: Option<Step>,
    time: u32,
}

impl GoalEntry {
    /// The period and clock seconds the goal was scored at.
    pub(crate) fn time(&self) -> (Period, u32) {
        unpack_time(self.time)
    }
}

impl CardEntry {
    /// The period and clock seconds the card was shown at.
    pub(crate) fn time(&self) -> (Period, u32) {
        unpack_time(self.time)
    }
}

/// A match ready to be replayed: the match plus the index that answers
/// "what is the state at step k" by binary search.
#[derive(Clone, Debug)]
pub struct Replay {
    game: Match,
    goals: Vec<GoalEntry>,
    goal_steps: [Vec<Step>; 2],
    struck_off_steps: [Vec<Step>; 2],
    shot_steps: [Vec<Step>; 2],
    on_target_steps: [Vec<Step>; 2],
    shootout_taken: [Vec<Step>; 2],
    shootout_scored: [Vec<Step>; 2],
    cards: Vec<CardEntry>,
    substitutions: Vec<Step>,
    quoted: Vec<Step>,
    key_steps: Vec<Step>,
    /// Per event, its period and seconds on the clock, packed (see
    /// [`Replay::time_at`]): what drawing searches by minute, kept apart
    /// from the events so a search touches four bytes a probe instead of
    /// an event's cache lines.
    times: Vec<u32>,
    final_whistle: Option<Step>,
    counters: stats::Counters,
    has_xg: bool,
    /// Scores stated without their goals, in match order (see
    /// [`Detail::StatedScore`]).
    stated: Vec<StatedEntry>,
}

/// A score stated at a step, and the shoot-out tally with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StatedEntry {
    pub(crate) step: Step,
    pub(crate) score: crate::model::Score,
    pub(crate) shootout: Option<crate::model::Score>,
}

/// Bits below a packed time's period.
const PERIOD_SHIFT: u32 = 29;

/// A period and [`Clock::seconds`] (0 without a clock) in one `u32`, the
/// period above: packed times order as events do.
fn pack_time(period: Period, clock: Option<Clock>) -> u32 {
    let seconds = clock.map_or(0, Clock::seconds).min((1 << PERIOD_SHIFT) - 1);
    ((period as u32) << PERIOD_SHIFT) | seconds
}

fn unpack_time(packed: u32) -> (Period, u32) {
    let period = Period::ALL[(packed >> PERIOD_SHIFT) as usize];
    (period, packed & ((1 << PERIOD_SHIFT) - 1))
}

fn count_upto(steps: &[Step], step: usize) -> usize {
    steps.partition_point(|&s| (s as usize) <= step)
}

impl Replay {
    /// Indexes a match. Events must be in match order (loaders sort them);
    /// a review naming an unknown or later event is ignored here (loaders
    /// refuse such files).
    pub fn new(game: Match) -> Self {
        let mut replay = Self {
            goals: Vec::new(),
            goal_steps: Default::default(),
            struck_off_steps: Default::default(),
            shot_steps: Default::default(),
            on_target_steps: Default::default(),
            shootout_taken: Default::default(),
            shootout_scored: Default::default(),
            cards: Vec::new(),
            substitutions: Vec::new(),
            quoted: Vec::new(),
            key_steps: Vec::new(),
            times: Vec::new(),
            final_whistle: None,
            counters: stats::Counters::default(),
            has_xg: false,
            stated: Vec::new(),
            game,
        };
        replay.index();
        replay
    }

    fn index(&mut self) {
        // Only the events a VAR review overturns need finding by id. A map
        // of every id would be the largest thing built here, and at a
        // million events its random writes miss the cache on nearly every
        // insert; the reviewed ids are a handful, gathered first.
        let mut by_id: HashMap<&str, Option<usize>> = self
            .game
            .events
            .iter()
            .filter_map(|e| match &e.detail {
                Detail::Var {
                    overturns: Some(target),
                    ..
                } => Some((&**target, None)),
                _ => None,
            })
            .collect();
        let mut goal_at: HashMap<usize, usize> = HashMap::new();
        let mut card_at: HashMap<usize, usize> = HashMap::new();
        let mut last_period_end: Option<(Step, Period)> = None;
        let mut latest_period = Period::First;
        for (i, event) in self.game.events.iter().enumerate() {
            let step = (i + 1) as Step;
            if let Some(found) = event.id.as_deref().and_then(|id| by_id.get_mut(id)) {
                found.get_or_insert(i);
            }
            self.times.push(pack_time(event.period, event.clock));
            if event.is_key() {
                self.key_steps.push(step);
            }
            if !event.quotes.is_empty() {
                self.quoted.push(step);
            }
            latest_period = latest_period.max(event.period);
            self.counters.record(step, event);
            self.has_xg |= event.detail.xg().is_some();
            let side = event.team.unwrap_or(Side::Home);
            if event.detail.is_shot() {
                self.shot_steps[side.index()].push(step);
                let on_target = match &event.detail {
                    Detail::Goal { .. } => true,
                    Detail::Chance { outcome, .. } | Detail::PenaltyMiss { outcome, .. } => {
                        *outcome == Some(crate::model::ShotOutcome::Saved)
                    }
                    _ => false,
                };
                if on_target {
                    self.on_target_steps[side.index()].push(step);
                }
            }
            match &event.detail {
                Detail::Goal { .. } if event.team.is_some() => {
                    goal_at.insert(i, self.goals.len());
                    self.goals.push(GoalEntry {
                        step,
                        side,
                        struck_off_at: None,
                        time: pack_time(event.period, event.clock),
                    });
                    self.goal_steps[side.index()].push(step);
                }
                Detail::ShootoutKick { outcome } if event.team.is_some() => {
                    self.shootout_taken[side.index()].push(step);
                    if *outcome == crate::model::KickOutcome::Scored {
                        self.shootout_scored[side.index()].push(step);
                    }
                }
                Detail::Card { card, .. } if event.player.is_some() => {
                    card_at.insert(i, self.cards.len());
                    self.cards.push(CardEntry {
                        step,
                        card: *card,
                        rescinded_at: None,
                        time: pack_time(event.period, event.clock),
                    });
                }
                Detail::Substitution { .. } => self.substitutions.push(step),
                Detail::StatedScore { score, shootout } => self.stated.push(StatedEntry {
                    step,
                    score: *score,
                    shootout: *shootout,
                }),
                Detail::PeriodEnd => last_period_end = Some((step, event.period)),
                Detail::Var {
                    overturns: Some(target),
                    ..
                } => {
                    let Some(&Some(t)) = by_id.get(&**target) else {
                        continue;
                    };
                    if let Some(&g) = goal_at.get(&t) {
                        let goal = &mut self.goals[g];
                        if goal.struck_off_at.is_none() {
                            goal.struck_off_at = Some(step);
                            self.struck_off_steps[goal.side.index()].push(step);
                        }
                    } else if let Some(&c) = card_at.get(&t) {
                        let card = &mut self.cards[c];
                        card.rescinded_at.get_or_insert(step);
                    }
                }
                _ => {}
            }
        }
        // The last whistle is full time only if nothing of a later period
        // (a shoot-out after extra time) follows it.
        self.final_whistle = last_period_end
            .filter(|&(_, period)| period >= latest_period)
            .map(|(step, _)| step);
    }

    /// The last score stated at or before `step`, if any.
    pub(crate) fn stated_at(&self, step: usize) -> Option<&StatedEntry> {
        let i = self.stated.partition_point(|s| (s.step as usize) <= step);
        i.checked_sub(1).map(|i| &self.stated[i])
    }

    /// The match being replayed.
    pub fn game(&self) -> &Match {
        &self.game
    }

    /// The period of the event at `step` and its [`Clock::seconds`] (0
    /// without a clock), from a compact copy made when indexing: for
    /// binary searches by time that would otherwise read the events
    /// themselves, scattered over a large match's memory.
    pub fn time_at(&self, step: usize) -> Option<(Period, u32)> {
        self.times
            .get(step.checked_sub(1)?)
            .copied()
            .map(unpack_time)
    }

    /// The first step of `period` or a later one (`steps() + 1` when there
    /// is none), found in the compact times.
    pub fn first_step_of(&self, period: Period) -> usize {
        self.times
            .partition_point(|&t| t >> PERIOD_SHIFT < period as u32)
            + 1
    }

    /// Number of events; the last step.
    pub fn steps(&self) -> usize {
        self.game.events.len()
    }

    /// The state after `step` events (clamped to the last step).
    pub fn at(&self, step: usize) -> State<'_> {
        State::new(self, step.min(self.steps()))
    }

    /// The step a fan lands on at kick-off: just after the first
    /// `period_start`, or after the first event when there is none.
    pub fn kick_off(&self) -> usize {
        self.game
            .events
            .iter()
            .position(|e| matches!(e.detail, Detail::PeriodStart))
            .map_or(self.steps().min(1), |i| i + 1)
    }

    /// The last step: full time.
    pub fn full_time(&self) -> usize {
        self.steps()
    }

    /// The step after every event up to and including `clock`: `"54"` takes
    /// in all of the 54th minute, `"45"` stops before first-half stoppage
    /// time. The period is the clock's default one.
    pub fn step_at_clock(&self, clock: Clock) -> usize {
        self.step_at(clock.default_period(), clock)
    }

    /// Like [`Replay::step_at_clock`] in a given period.
    pub fn step_at(&self, period: Period, clock: Clock) -> usize {
        let limit = Clock {
            second: Some(clock.second.unwrap_or(u8::MAX)),
            ..clock
        };
        self.game
            .events
            .partition_point(|e| e.order_key() <= (period, Some(limit)))
    }

    /// The next step after `step` at which a goal is scored.
    pub fn next_goal(&self, step: usize) -> Option<usize> {
        let i = self.goals.partition_point(|g| (g.step as usize) <= step);
        self.goals.get(i).map(|g| g.step as usize)
    }

    /// The last step before `step` at which a goal was scored.
    pub fn prev_goal(&self, step: usize) -> Option<usize> {
        let i = self.goals.partition_point(|g| (g.step as usize) < step);
        i.checked_sub(1).map(|i| self.goals[i].step as usize)
    }

    /// The next key moment (anything but a low-level play) after `step`.
    pub fn next_key(&self, step: usize) -> Option<usize> {
        let i = self.key_steps.partition_point(|&s| (s as usize) <= step);
        self.key_steps.get(i).map(|&s| s as usize)
    }

    /// The last key moment before `step`, or step 0.
    pub fn prev_key(&self, step: usize) -> Option<usize> {
        if step == 0 {
            return None;
        }
        let i = self.key_steps.partition_point(|&s| (s as usize) < step);
        Some(i.checked_sub(1).map_or(0, |i| self.key_steps[i] as usize))
    }

    /// Steps of the key moments, in order.
    pub fn key_steps(&self) -> impl ExactSizeIterator<Item = usize> + DoubleEndedIterator + '_ {
        self.key_steps.iter().map(|&s| s as usize)
    }

    /// Whether the match reaches extra time.
    pub fn has_extra_time(&self) -> bool {
        // Events are in period order: a binary search finds the first
        // event after normal time.
        let events = &self.game.events;
        let i = events.partition_point(|e| e.period < Period::ExtraFirst);
        events.get(i).is_some_and(|e| e.period.is_extra_time())
    }

    /// Steps at which goals were scored, with the step that struck each one
    /// off, if any.
    pub fn goal_steps(&self) -> impl Iterator<Item = (usize, Option<usize>)> + '_ {
        self.goals
            .iter()
            .map(|g| (g.step as usize, g.struck_off_at.map(|s| s as usize)))
    }

    /// Every goal in match order, with what the progress bar needs.
    pub(crate) fn goal_entries(&self) -> &[GoalEntry] {
        &self.goals
    }

    /// Every card in match order, likewise.
    pub(crate) fn card_entries(&self) -> &[CardEntry] {
        &self.cards
    }

    /// The goals scored at `steps` (a range of steps), as
    /// [`goal_steps`](Self::goal_steps) gives them; found by binary search.
    pub fn goals_in(
        &self,
        steps: std::ops::Range<usize>,
    ) -> impl DoubleEndedIterator<Item = (usize, Option<usize>)> + ExactSizeIterator + '_ {
        let from = self
            .goals
            .partition_point(|g| (g.step as usize) < steps.start);
        let to = self
            .goals
            .partition_point(|g| (g.step as usize) < steps.end);
        self.goals[from..to.max(from)]
            .iter()
            .map(|g| (g.step as usize, g.struck_off_at.map(|s| s as usize)))
    }

    /// The step at which the review overturning the event at `step`
    /// happened, if one did.
    pub fn overturned_at(&self, step: usize) -> Option<usize> {
        let step32 = step as Step;
        if let Ok(i) = self.goals.binary_search_by_key(&step32, |g| g.step) {
            return self.goals[i].struck_off_at.map(|s| s as usize);
        }
        if let Ok(i) = self.cards.binary_search_by_key(&step32, |c| c.step) {
            return self.cards[i].rescinded_at.map(|s| s as usize);
        }
        None
    }
}
