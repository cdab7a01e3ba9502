//! The derived state at one step: score, shoot-out, scorers, cards,
//! substitutions, shots, period and clock.

use serde::Serialize;

use super::{Replay, count_upto};
use crate::model::{Card, Clock, Detail, Event, GoalMethod, Period, Phase, Score, Side};

/// A goal in a scorers list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scorer<'a> {
    /// Who scored (for an own goal, the opponent who put it in).
    pub player: &'a str,
    /// When.
    pub clock: Option<Clock>,
    /// How.
    pub method: GoalMethod,
    /// The step of the goal.
    #[serde(skip)]
    pub step: usize,
}

impl Scorer<'_> {
    /// As fans write it: `Kane 54' (pen)`.
    pub fn label(&self) -> String {
        let mut text = crate::text::surname(self.player).to_owned();
        if let Some(clock) = self.clock {
            text.push(' ');
            text.push_str(&clock.display().to_string());
        }
        if let Some(suffix) = self.method.suffix() {
            text.push_str(&format!(" ({suffix})"));
        }
        text
    }
}

/// A card that stands at a step.
#[derive(Clone, Debug, PartialEq)]
pub struct BookedCard<'a> {
    /// The event showing it.
    pub event: &'a Event,
    /// Which card.
    pub card: Card,
    /// Whose.
    pub player: &'a str,
    /// Which side.
    pub side: Option<Side>,
}

/// A substitution made by a step.
#[derive(Clone, Debug, PartialEq)]
pub struct SubstitutionMade<'a> {
    /// The event.
    pub event: &'a Event,
    /// Who came on.
    pub player_in: Option<&'a str>,
    /// Who went off.
    pub player_out: Option<&'a str>,
}

/// The state after a number of events: a cheap view into a [`Replay`].
#[derive(Clone, Copy, Debug)]
pub struct State<'a> {
    replay: &'a Replay,
    step: usize,
}

impl<'a> State<'a> {
    pub(super) fn new(replay: &'a Replay, step: usize) -> Self {
        Self { replay, step }
    }

    /// Events applied so far.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The replay this state belongs to.
    pub fn replay(&self) -> &'a Replay {
        self.replay
    }

    /// The event just applied, `None` before the first.
    pub fn event(&self) -> Option<&'a Event> {
        self.step
            .checked_sub(1)
            .and_then(|i| self.replay.game.events.get(i))
    }

    /// The events applied so far.
    pub fn events(&self) -> &'a [Event] {
        &self.replay.game.events[..self.step]
    }

    /// The match clock of the current event.
    pub fn clock(&self) -> Option<Clock> {
        self.event().and_then(|e| e.clock)
    }

    /// The period of the current event.
    pub fn period(&self) -> Option<Period> {
        self.event().map(|e| e.period)
    }

    /// Where the match stands.
    pub fn phase(&self) -> Phase {
        let Some(event) = self.event() else {
            return Phase::PreMatch;
        };
        let r = self.replay;
        if r.final_whistle.is_some_and(|f| self.step >= f as usize) {
            return Phase::FullTime;
        }
        if self.step == r.steps() && event.period == Period::Shootout {
            return Phase::FullTime;
        }
        match event.detail {
            Detail::PeriodEnd => Phase::Break(event.period),
            _ => Phase::Playing(event.period),
        }
    }

    /// Goals that count so far: scored by now and not struck off by now.
    /// A score stated by now (a result without its goals) stands in for
    /// everything before it.
    pub fn score(&self) -> Score {
        let r = self.replay;
        let (from, base) = r
            .stated_at(self.step)
            .map_or((0, Score::default()), |s| (s.step as usize, s.score));
        let since = |steps: &[super::Step]| count_upto(steps, self.step) - count_upto(steps, from);
        let side = |s: Side| {
            let scored = since(&r.goal_steps[s.index()]) as u32;
            let struck_off = since(&r.struck_off_steps[s.index()]) as u32;
            (base.get(s) + scored).saturating_sub(struck_off)
        };
        Score {
            home: side(Side::Home),
            away: side(Side::Away),
        }
    }

    /// The shoot-out tally, once a kick has been taken or a tally stated.
    pub fn shootout(&self) -> Option<Score> {
        let r = self.replay;
        let stated = r
            .stated_at(self.step)
            .and_then(|s| Some((s.step as usize, s.shootout?)));
        let from = stated.map_or(0, |(step, _)| step);
        let since = |steps: &[super::Step]| count_upto(steps, self.step) - count_upto(steps, from);
        let taken: usize = Side::BOTH
            .iter()
            .map(|s| since(&r.shootout_taken[s.index()]))
            .sum();
        let base = match stated {
            Some((_, tally)) => tally,
            None if taken > 0 => Score::default(),
            None => return None,
        };
        Some(Score {
            home: base.home + since(&r.shootout_scored[0]) as u32,
            away: base.away + since(&r.shootout_scored[1]) as u32,
        })
    }

    /// Shoot-out kicks taken by each side.
    pub fn shootout_taken(&self) -> Score {
        let r = self.replay;
        Score {
            home: count_upto(&r.shootout_taken[0], self.step) as u32,
            away: count_upto(&r.shootout_taken[1], self.step) as u32,
        }
    }

    /// Shots by a side so far (goals, chances and missed penalties).
    pub fn shots(&self, side: Side) -> usize {
        count_upto(&self.replay.shot_steps[side.index()], self.step)
    }

    /// Counted goals credited to `side`, in order.
    pub fn scorers(&self, side: Side) -> Vec<Scorer<'a>> {
        let r = self.replay;
        let upto = r.goals.partition_point(|g| (g.step as usize) <= self.step);
        r.goals[..upto]
            .iter()
            .filter(|g| g.side == side)
            .filter(|g| g.struck_off_at.is_none_or(|s| s as usize > self.step))
            .filter_map(|g| {
                let event = &r.game.events[g.step as usize - 1];
                let Detail::Goal { method, .. } = event.detail else {
                    return None;
                };
                Some(Scorer {
                    player: event.player.as_deref().unwrap_or("?"),
                    clock: event.clock,
                    method,
                    step: g.step as usize,
                })
            })
            .collect()
    }

    /// Whether the goal at `goal_step` has been struck off by now.
    pub fn is_struck_off(&self, goal_step: usize) -> bool {
        self.replay
            .overturned_at(goal_step)
            .is_some_and(|s| s <= self.step)
    }

    /// Cards that stand so far, in order.
    pub fn cards(&self) -> Vec<BookedCard<'a>> {
        let r = self.replay;
        let upto = r.cards.partition_point(|c| (c.step as usize) <= self.step);
        r.cards[..upto]
            .iter()
            .filter(|c| c.rescinded_at.is_none_or(|s| s as usize > self.step))
            .filter_map(|c| {
                let event = &r.game.events[c.step as usize - 1];
                let Detail::Card { card, .. } = event.detail else {
                    return None;
                };
                Some(BookedCard {
                    event,
                    card,
                    player: event.player.as_deref()?,
                    side: event.team,
                })
            })
            .collect()
    }

    /// Players sent off so far: a red card, a second yellow, or two yellow
    /// cards for the same player. Each name once, in order.
    pub fn sent_off(&self, side: Side) -> Vec<&'a str> {
        let mut yellows: Vec<&str> = Vec::new();
        let mut off: Vec<&'a str> = Vec::new();
        for card in self.cards().into_iter().filter(|c| c.side == Some(side)) {
            let second_caution = card.card == Card::Yellow && yellows.contains(&card.player);
            if card.card == Card::Yellow {
                yellows.push(card.player);
            }
            if (card.card.sends_off() || second_caution) && !off.contains(&card.player) {
                off.push(card.player);
            }
        }
        off
    }

    /// Substitutions made so far.
    pub fn substitutions(&self) -> Vec<SubstitutionMade<'a>> {
        let r = self.replay;
        let upto = count_upto(&r.substitutions, self.step);
        r.substitutions[..upto]
            .iter()
            .filter_map(|&s| {
                let event = &r.game.events[s as usize - 1];
                let Detail::Substitution {
                    player_in,
                    player_out,
                } = &event.detail
                else {
                    return None;
                };
                Some(SubstitutionMade {
                    event,
                    player_in: player_in.as_deref(),
                    player_out: player_out.as_deref(),
                })
            })
            .collect()
    }

    /// Events with quotes reached so far, newest first.
    pub fn quoted_events(&self) -> impl Iterator<Item = &'a Event> + 'a {
        let r = self.replay;
        let upto = count_upto(&r.quoted, self.step);
        r.quoted[..upto]
            .iter()
            .rev()
            .map(move |&s| &r.game.events[s as usize - 1])
    }

    /// An owned summary of this state, for comparison and for printing.
    pub fn snapshot(&self) -> Snapshot {
        let names = |side| {
            self.scorers(side)
                .into_iter()
                .map(|s| (s.player.to_owned(), s.clock, s.method))
                .collect()
        };
        let owned = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect();
        Snapshot {
            step: self.step,
            phase: self.phase(),
            clock: self.clock(),
            score: self.score(),
            shootout: self.shootout(),
            scorers: [names(Side::Home), names(Side::Away)],
            sent_off: [
                owned(self.sent_off(Side::Home)),
                owned(self.sent_off(Side::Away)),
            ],
            shots: [self.shots(Side::Home), self.shots(Side::Away)],
            cards: self.cards().len(),
            substitutions: self.substitutions().len(),
            event: self.event().cloned(),
        }
    }
}

/// A plain copy of a [`State`], comparable across replays.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Events applied.
    pub step: usize,
    /// Where the match stands.
    pub phase: Phase,
    /// Clock of the current event.
    pub clock: Option<Clock>,
    /// The score.
    pub score: Score,
    /// The shoot-out tally.
    pub shootout: Option<Score>,
    /// Scorers per side (home, away): player, clock, method.
    pub scorers: [Vec<(String, Option<Clock>, GoalMethod)>; 2],
    /// Players sent off per side.
    pub sent_off: [Vec<String>; 2],
    /// Shots per side.
    pub shots: [usize; 2],
    /// Cards standing.
    pub cards: usize,
    /// Substitutions made.
    pub substitutions: usize,
    /// The current event.
    pub event: Option<Event>,
}

#[cfg(test)]
mod stated_score_tests {
    use crate::model::{
        Clock, Detail, Event, GoalMethod, Match, MatchInfo, Period, Score, Side, Team,
    };
    use crate::replay::Replay;

    fn goal(minute: u16, side: Side) -> Event {
        let mut e = Event::new(
            Clock::minute(minute),
            Detail::Goal {
                method: GoalMethod::OpenPlay,
                assist: None,
                xg: None,
            },
        );
        e.team = Some(side);
        e.player = Some("X".into());
        e
    }

    fn stated(
        clock: Option<Clock>,
        period: Period,
        score: Score,
        shootout: Option<Score>,
    ) -> Event {
        Event {
            clock,
            period,
            ..Event::new(Clock::minute(1), Detail::StatedScore { score, shootout })
        }
    }

    /// A stated score stands for everything before it; goals after it
    /// add to it; a stated shoot-out tally shows without any kick.
    #[test]
    fn a_stated_score_replaces_what_came_before_and_goals_add_to_it() {
        let mut game = Match::new(MatchInfo::between(Team::named("A"), Team::named("B")));
        let two_one = Score { home: 2, away: 1 };
        game.events = vec![
            goal(10, Side::Home),
            stated(Some(Clock::minute(90)), Period::Second, two_one, None),
            goal(100, Side::Away),
            stated(
                None,
                Period::Shootout,
                Score { home: 2, away: 2 },
                Some(Score { home: 4, away: 2 }),
            ),
        ];
        let replay = Replay::new(game);
        let at = |step: usize| (replay.at(step).score(), replay.at(step).shootout());
        assert_eq!(at(1), (Score { home: 1, away: 0 }, None));
        assert_eq!(at(2), (two_one, None));
        assert_eq!(at(3), (Score { home: 2, away: 2 }, None));
        assert_eq!(
            at(4),
            (Score { home: 2, away: 2 }, Some(Score { home: 4, away: 2 }))
        );
    }
}
