//! Match statistics up to a step (spoiler-free by construction):
//! possession, shots, xG, passes, fouls, cards, corners, offsides. Counted from per-side step
//! lists built with the rest of the index, so each figure is a binary
//! search.

use serde::Serialize;

use super::{Replay, Step, count_upto};
use crate::model::{Card, Detail, Event, Side};

/// What a low-level play counts towards, read from its action name
/// ("Pass", "Pass (incomplete)", "Corner", "Foul Committed", "Offside"…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayCount {
    /// A pass; corners are passes too.
    Pass {
        /// Reached a team-mate.
        completed: bool,
        /// Taken from the corner flag.
        corner: bool,
        /// Its receiver was caught offside (counts as an offside too).
        offside: bool,
    },
    /// A foul committed.
    Foul,
    /// Caught offside.
    Offside,
}

impl PlayCount {
    /// Classifies an event for the statistics, if it counts towards one.
    pub fn of(event: &Event) -> Option<Self> {
        match &event.detail {
            Detail::Foul { .. } | Detail::PenaltyAwarded { .. } => Some(PlayCount::Foul),
            Detail::Play {
                action: Some(action),
                ..
            } => Self::of_action(action),
            _ => None,
        }
    }

    /// Classifies an action name, ignoring case.
    pub fn of_action(action: &str) -> Option<Self> {
        let lower = action.to_ascii_lowercase();
        let offside = lower.contains("offside");
        if lower.starts_with("pass") || lower.starts_with("corner") {
            Some(PlayCount::Pass {
                completed: !offside && !lower.contains("incomplete"),
                corner: lower.starts_with("corner"),
                offside,
            })
        } else if offside {
            Some(PlayCount::Offside)
        } else if lower.starts_with("foul") && !lower.starts_with("foul won") {
            // "Foul Won" is the same foul seen from the side fouled: only
            // the side that committed it counts it.
            Some(PlayCount::Foul)
        } else {
            None
        }
    }
}

/// Per-side step lists for the counted plays.
#[derive(Clone, Debug, Default)]
pub(crate) struct Counters {
    passes: [Vec<Step>; 2],
    completed: [Vec<Step>; 2],
    corners: [Vec<Step>; 2],
    fouls: [Vec<Step>; 2],
    offsides: [Vec<Step>; 2],
    /// Cumulative xG after each shot in `Replay::shot_steps`.
    pub(crate) xg_total: [Vec<f32>; 2],
    /// Steps of the events timed in each side's possession, and the
    /// seconds of possession up to and including each.
    possession_steps: [Vec<Step>; 2],
    possession_total: [Vec<f64>; 2],
}

impl Counters {
    pub(crate) fn record(&mut self, step: Step, event: &Event) {
        if let Some(possession) = event.possession {
            let i = possession.team.index();
            let before = self.possession_total[i].last().copied().unwrap_or(0.0);
            self.possession_steps[i].push(step);
            self.possession_total[i].push(before + f64::from(possession.seconds));
        }
        let Some(team) = event.team else {
            return;
        };
        // A penalty is given *to* `team`; the foul was the other side's.
        let side = match event.detail {
            Detail::PenaltyAwarded { .. } => team.opponent(),
            _ => team,
        };
        let i = side.index();
        match PlayCount::of(event) {
            Some(PlayCount::Pass {
                completed,
                corner,
                offside,
            }) => {
                self.passes[i].push(step);
                if offside {
                    self.offsides[i].push(step);
                }
                if completed {
                    self.completed[i].push(step);
                }
                if corner {
                    self.corners[i].push(step);
                }
            }
            Some(PlayCount::Foul) => self.fouls[i].push(step),
            Some(PlayCount::Offside) => self.offsides[i].push(step),
            None => {}
        }
        if event.detail.is_shot() {
            let before = self.xg_total[i].last().copied().unwrap_or(0.0);
            self.xg_total[i].push(before + event.detail.xg().unwrap_or(0.0));
        }
    }
}

/// One side's figures up to a step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TeamStats {
    /// Shots (goals, chances, missed penalties; not own goals).
    pub shots: usize,
    /// Shots that scored or were saved.
    pub on_target: usize,
    /// Expected goals of those shots; 0 when the data has none.
    pub xg: f32,
    /// Passes attempted (corners included).
    pub passes: usize,
    /// Passes that reached a team-mate.
    pub passes_completed: usize,
    /// Fouls committed (including those that gave a penalty).
    pub fouls: usize,
    /// Yellow cards standing (a second yellow counts as a red).
    pub yellow_cards: usize,
    /// Players sent off.
    pub red_cards: usize,
    /// Corners taken.
    pub corners: usize,
    /// Times caught offside.
    pub offsides: usize,
    /// Seconds in possession: the durations of the events of the side's
    /// possessions; 0 when the data does not time its events.
    pub possession_seconds: f64,
}

impl TeamStats {
    /// Share of passes completed, 0 to 1, when any were attempted.
    pub fn pass_accuracy(&self) -> Option<f32> {
        (self.passes > 0).then(|| self.passes_completed as f32 / self.passes as f32)
    }
}

/// Both sides' figures up to a step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct MatchStats {
    /// The home side.
    pub home: TeamStats,
    /// The away side.
    pub away: TeamStats,
    /// Whether the data has shot xG values at all.
    pub has_xg: bool,
    /// Whether the data has passes at all.
    pub has_passes: bool,
    /// Whether the data times its events in possession (StatsBomb's
    /// `possession_team` and `duration`).
    pub has_possession_time: bool,
}

impl MatchStats {
    /// One side's figures.
    pub fn side(&self, side: Side) -> &TeamStats {
        match side {
            Side::Home => &self.home,
            Side::Away => &self.away,
        }
    }

    /// Possession share of `side`, 0 to 1: its share of the time in
    /// possession when the data times its events (StatsBomb's possessions:
    /// the events' `duration` summed by `possession_team`), else its share
    /// of the passes, the usual proxy when nothing is timed. `None` before
    /// either has anything to share.
    pub fn possession(&self, side: Side) -> Option<f32> {
        if self.has_possession_time {
            let total = self.home.possession_seconds + self.away.possession_seconds;
            return (total > 0.0).then(|| (self.side(side).possession_seconds / total) as f32);
        }
        let total = self.home.passes + self.away.passes;
        (total > 0).then(|| self.side(side).passes as f32 / total as f32)
    }
}

impl Replay {
    /// The statistics after `step` events.
    pub fn stats_at(&self, step: usize) -> MatchStats {
        let state = self.at(step);
        let c = &self.counters;
        let cards = state.cards();
        let team = |side: Side| {
            let i = side.index();
            let shots = count_upto(&self.shot_steps[i], step);
            let sent_off = state.sent_off(side).len();
            TeamStats {
                shots,
                on_target: count_upto(&self.on_target_steps[i], step),
                xg: shots.checked_sub(1).map_or(0.0, |last| c.xg_total[i][last]),
                passes: count_upto(&c.passes[i], step),
                passes_completed: count_upto(&c.completed[i], step),
                fouls: count_upto(&c.fouls[i], step),
                yellow_cards: cards
                    .iter()
                    .filter(|b| b.side == Some(side) && b.card == Card::Yellow)
                    .count(),
                red_cards: sent_off,
                corners: count_upto(&c.corners[i], step),
                offsides: count_upto(&c.offsides[i], step),
                possession_seconds: count_upto(&c.possession_steps[i], step)
                    .checked_sub(1)
                    .map_or(0.0, |last| c.possession_total[i][last]),
            }
        };
        MatchStats {
            home: team(Side::Home),
            away: team(Side::Away),
            has_xg: self.has_xg,
            has_passes: !c.passes[0].is_empty() || !c.passes[1].is_empty(),
            has_possession_time: !c.possession_steps[0].is_empty()
                || !c.possession_steps[1].is_empty(),
        }
    }

    /// Cumulative xG of `side` after each of its shots: (step, total).
    pub fn xg_race(
        &self,
        side: Side,
    ) -> impl DoubleEndedIterator<Item = (usize, f32)> + ExactSizeIterator + '_ {
        let i = side.index();
        self.shot_steps[i]
            .iter()
            .zip(&self.counters.xg_total[i])
            .map(|(&s, &xg)| (s as usize, xg))
    }

    /// The `n`th (from 0) of `side`'s shots as [`xg_race`](Self::xg_race)
    /// gives it, in O(1), for views that sample the race.
    pub fn xg_race_nth(&self, side: Side, n: usize) -> Option<(usize, f32)> {
        let i = side.index();
        let step = *self.shot_steps[i].get(n)?;
        let xg = *self.counters.xg_total[i].get(n)?;
        Some((step as usize, xg))
    }

    /// How many shots `side` had taken by `step`.
    pub fn shots_upto(&self, side: Side, step: usize) -> usize {
        count_upto(&self.shot_steps[side.index()], step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clock, Match, MatchInfo, Point, ShotOutcome, Team};

    fn play(minute: u16, side: Side, action: &str) -> Event {
        let mut e = Event::new(
            Clock::minute(minute),
            Detail::Play {
                action: Some(action.into()),
                end_location: Some(Point { x: 50.0, y: 50.0 }),
            },
        );
        e.team = Some(side);
        e
    }

    fn shot(minute: u16, side: Side, xg: f32, outcome: ShotOutcome) -> Event {
        let mut e = Event::new(
            Clock::minute(minute),
            Detail::Chance {
                outcome: Some(outcome),
                xg: Some(xg),
            },
        );
        e.team = Some(side);
        e
    }

    #[test]
    fn timed_possession_is_shared_by_seconds_not_passes() {
        let timed = |mut e: Event, team: Side, seconds: f32| {
            e.possession = Some(crate::model::Possession { team, seconds });
            e
        };
        let mut game = Match::new(MatchInfo::between(Team::named("A"), Team::named("B")));
        game.events = vec![
            timed(play(1, Side::Home, "Pass"), Side::Home, 3.0),
            // A pressure by the away side in the home side's possession
            // counts for the side in possession.
            timed(play(1, Side::Away, "Pressure"), Side::Home, 1.0),
            timed(play(2, Side::Away, "Pass"), Side::Away, 2.0),
            timed(play(3, Side::Away, "Pass"), Side::Away, 2.0),
        ];
        let replay = Replay::new(game);
        assert_eq!(replay.stats_at(0).possession(Side::Home), None);
        let early = replay.stats_at(2);
        assert!(early.has_possession_time);
        assert_eq!(early.possession(Side::Home), Some(1.0));
        let end = replay.stats_at(replay.steps());
        assert_eq!(
            (end.home.possession_seconds, end.away.possession_seconds),
            (4.0, 4.0)
        );
        assert_eq!(end.possession(Side::Away), Some(0.5));
        // By passes it would have been a third for the home side.
        assert_eq!((end.home.passes, end.away.passes), (1, 2));
    }

    #[test]
    fn action_names_are_classified() {
        let pass = |completed, corner, offside| {
            Some(PlayCount::Pass {
                completed,
                corner,
                offside,
            })
        };
        assert_eq!(PlayCount::of_action("Pass"), pass(true, false, false));
        assert_eq!(
            PlayCount::of_action("Pass (incomplete)"),
            pass(false, false, false)
        );
        assert_eq!(PlayCount::of_action("Corner"), pass(true, true, false));
        assert_eq!(
            PlayCount::of_action("Corner (incomplete)"),
            pass(false, true, false)
        );
        assert_eq!(
            PlayCount::of_action("Pass (offside)"),
            pass(false, false, true)
        );
        assert_eq!(
            PlayCount::of_action("Foul Committed"),
            Some(PlayCount::Foul)
        );
        assert_eq!(PlayCount::of_action("Foul Won"), None);
        assert_eq!(PlayCount::of_action("Foul"), Some(PlayCount::Foul));
        assert_eq!(PlayCount::of_action("Offside"), Some(PlayCount::Offside));
        assert_eq!(PlayCount::of_action("Carry"), None);
    }

    #[test]
    fn figures_count_only_up_to_the_step() {
        let mut game = Match::new(MatchInfo::between(Team::named("A"), Team::named("B")));
        game.events = vec![
            play(1, Side::Home, "Pass"),
            play(2, Side::Home, "Pass (incomplete)"),
            play(3, Side::Away, "Pass"),
            shot(4, Side::Home, 0.25, ShotOutcome::Saved),
            play(5, Side::Away, "Corner"),
            shot(6, Side::Home, 0.5, ShotOutcome::OffTarget),
            play(7, Side::Away, "Foul Committed"),
        ];
        let replay = Replay::new(game);
        let at3 = replay.stats_at(3);
        assert_eq!(at3.home.passes, 2);
        assert_eq!(at3.home.passes_completed, 1);
        assert_eq!(at3.home.shots, 0);
        assert_eq!(at3.possession(Side::Home), Some(2.0 / 3.0));
        let end = replay.stats_at(replay.steps());
        assert_eq!(end.home.shots, 2);
        assert_eq!(end.home.on_target, 1);
        assert!((end.home.xg - 0.75).abs() < 1e-6);
        assert_eq!(end.away.corners, 1);
        assert_eq!(end.away.fouls, 1);
        assert!(end.has_xg && end.has_passes);
        let race: Vec<_> = replay.xg_race(Side::Home).collect();
        assert_eq!(race, [(4, 0.25), (6, 0.75)]);
    }
}
