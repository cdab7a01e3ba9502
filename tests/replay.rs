//! Properties of the replay engine over generated timelines, checked
//! against a plain fold over the events.

use proptest::prelude::*;
use touchline::model::{
    Card, Clock, Detail, Event, GoalMethod, KickOutcome, Match, MatchInfo, Period, Score, Side,
    Team,
};
use touchline::replay::Replay;

#[derive(Clone, Debug)]
enum Op {
    Goal(Side, GoalMethod),
    /// Overturn the n-th goal so far (modulo how many there are).
    Overturn(usize),
    Chance(Side),
    Card(Side, Card, u8),
    Play,
    Kick(Side, KickOutcome),
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Home), Just(Side::Away)]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (side(), prop_oneof![Just(GoalMethod::OpenPlay), Just(GoalMethod::Penalty), Just(GoalMethod::OwnGoal), Just(GoalMethod::Header)]).prop_map(|(s, m)| Op::Goal(s, m)),
        1 => any::<usize>().prop_map(Op::Overturn),
        2 => side().prop_map(Op::Chance),
        2 => (side(), prop_oneof![Just(Card::Yellow), Just(Card::SecondYellow), Just(Card::Red)], 0u8..4).prop_map(|(s, c, p)| Op::Card(s, c, p)),
        3 => Just(Op::Play),
        2 => (side(), prop_oneof![Just(KickOutcome::Scored), Just(KickOutcome::Saved), Just(KickOutcome::Missed)]).prop_map(|(s, o)| Op::Kick(s, o)),
    ]
}

/// Builds a match in match order: regular events on rising clocks, then
/// the shoot-out kicks.
fn timeline(ops: &[Op], minutes: &[u16]) -> Match {
    let mut game = Match::new(MatchInfo::between(Team::named("Home"), Team::named("Away")));
    let mut goal_ids: Vec<String> = Vec::new();
    let mut kicks = Vec::new();
    let mut regular = 0;
    for op in ops {
        // Clocks never go back, so sorting keeps reviews after their goals.
        let clock = Clock::minute(minutes[regular.min(minutes.len() - 1)]);
        let mut event = match op {
            Op::Goal(side, method) => {
                let id = format!("g{}", goal_ids.len());
                goal_ids.push(id.clone());
                let mut e = Event::new(
                    clock,
                    Detail::Goal {
                        method: *method,
                        assist: None,
                        xg: None,
                    },
                );
                e.id = Some(id.into());
                e.team = Some(*side);
                e.player = Some(format!("Scorer {}", goal_ids.len()).into());
                e
            }
            Op::Overturn(n) if !goal_ids.is_empty() => Event::new(
                clock,
                Detail::Var {
                    decision: None,
                    overturns: Some(goal_ids[n % goal_ids.len()].as_str().into()),
                },
            ),
            Op::Overturn(_) | Op::Play => Event::new(
                clock,
                Detail::Play {
                    action: Some("Pass".into()),
                    end_location: None,
                },
            ),
            Op::Chance(side) => {
                let mut e = Event::new(
                    clock,
                    Detail::Chance {
                        outcome: None,
                        xg: Some(0.1),
                    },
                );
                e.team = Some(*side);
                e
            }
            Op::Card(side, card, player) => {
                let mut e = Event::new(
                    clock,
                    Detail::Card {
                        card: *card,
                        reason: None,
                    },
                );
                e.team = Some(*side);
                e.player = Some(format!("Player {player}").into());
                e
            }
            Op::Kick(side, outcome) => {
                let mut e = Event::new(clock, Detail::ShootoutKick { outcome: *outcome });
                e.clock = None;
                e.period = Period::Shootout;
                e.team = Some(*side);
                e.player = Some("Taker".into());
                kicks.push(e);
                continue;
            }
        };
        event.period = clock.default_period();
        game.events.push(event);
        regular += 1;
    }
    game.events.sort_by_key(Event::order_key);
    game.events.extend(kicks);
    game
}

/// The score by folding over the first `step` events: a goal counts unless
/// a review among those events overturned it.
fn naive_score(game: &Match, step: usize) -> Score {
    let applied = &game.events[..step];
    let overturned: Vec<&str> = applied
        .iter()
        .filter_map(|e| match &e.detail {
            Detail::Var {
                overturns: Some(id),
                ..
            } => Some(&**id),
            _ => None,
        })
        .collect();
    let mut score = Score::default();
    for e in applied {
        if let Detail::Goal { .. } = e.detail {
            if e.id.as_deref().is_some_and(|id| overturned.contains(&id)) {
                continue;
            }
            match e.team {
                Some(Side::Home) => score.home += 1,
                Some(Side::Away) => score.away += 1,
                None => {}
            }
        }
    }
    score
}

fn strategy() -> impl Strategy<Value = (Vec<Op>, Vec<u16>)> {
    (
        prop::collection::vec(op(), 0..120),
        prop::collection::vec(1u16..=120, 1..40).prop_map(|mut m| {
            m.sort_unstable();
            m
        }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_score_is_the_counted_goals_minus_the_overturned_ones((ops, minutes) in strategy()) {
        let game = timeline(&ops, &minutes);
        let replay = Replay::new(game.clone());
        for step in 0..=replay.steps() {
            let state = replay.at(step);
            prop_assert_eq!(state.score(), naive_score(&game, step), "step {}", step);
            for side in Side::BOTH {
                prop_assert_eq!(state.scorers(side).len() as u32, state.score().get(side));
            }
        }
    }

    #[test]
    fn stepping_forward_then_back_returns_the_same_state((ops, minutes) in strategy()) {
        let replay = Replay::new(timeline(&ops, &minutes));
        let forward: Vec<_> = (0..=replay.steps()).map(|s| replay.at(s).snapshot()).collect();
        let mut step = replay.steps();
        for expected in forward.iter().rev() {
            prop_assert_eq!(&replay.at(step).snapshot(), expected);
            step = step.saturating_sub(1);
        }
        // Key-moment navigation is the same walk, skipping plays.
        let mut step = 0;
        while let Some(next) = replay.next_key(step) {
            prop_assert!(next > step);
            prop_assert_eq!(replay.prev_key(next), Some(step));
            prop_assert_eq!(&replay.at(next).snapshot(), &forward[next]);
            step = next;
        }
    }

    #[test]
    fn shootout_kicks_never_change_the_score((ops, minutes) in strategy()) {
        let replay = Replay::new(timeline(&ops, &minutes));
        for step in 1..=replay.steps() {
            let (before, after) = (replay.at(step - 1), replay.at(step));
            if let Some(Detail::ShootoutKick { outcome }) = after.event().map(|e| &e.detail) {
                prop_assert_eq!(before.score(), after.score());
                let scored = |s: Option<Score>| s.map_or(0, |s| s.home + s.away);
                let gained = scored(after.shootout()) - scored(before.shootout());
                prop_assert_eq!(gained, u32::from(*outcome == KickOutcome::Scored));
            }
        }
    }

    #[test]
    fn seeking_agrees_with_a_linear_scan((ops, minutes) in strategy(), query in 1u16..=120) {
        let replay = Replay::new(timeline(&ops, &minutes));
        let events = &replay.game().events;
        let clock = Clock::minute(query);
        let step = replay.step_at_clock(clock);
        let expected = events
            .iter()
            .take_while(|e| e.period < clock.default_period() || (e.period == clock.default_period() && e.clock.is_some_and(|c| c.minute <= query)))
            .count();
        prop_assert_eq!(step, expected);
        for from in 0..=replay.steps() {
            let next = (from..events.len()).find(|&i| matches!(events[i].detail, Detail::Goal { .. })).map(|i| i + 1);
            prop_assert_eq!(replay.next_goal(from), next);
            let prev = (0..from.saturating_sub(1)).rev().find(|&i| matches!(events[i].detail, Detail::Goal { .. })).map(|i| i + 1);
            prop_assert_eq!(replay.prev_goal(from), prev);
        }
    }
}

#[test]
fn a_struck_off_goal_counts_until_the_review_and_never_after() {
    let game = timeline(
        &[
            Op::Goal(Side::Home, GoalMethod::OpenPlay),
            Op::Play,
            Op::Overturn(0),
        ],
        &[10, 11, 12],
    );
    let replay = Replay::new(game);
    assert_eq!(replay.at(1).score().home, 1);
    assert_eq!(replay.at(2).score().home, 1);
    assert_eq!(replay.at(3).score().home, 0);
    assert!(replay.at(3).is_struck_off(1));
    assert!(!replay.at(2).is_struck_off(1));
}

#[test]
fn two_yellows_or_a_second_yellow_send_a_player_off_once() {
    let ops = [
        Op::Card(Side::Away, Card::Yellow, 1),
        Op::Card(Side::Away, Card::Yellow, 1),
        Op::Card(Side::Away, Card::SecondYellow, 1),
        Op::Card(Side::Home, Card::Red, 2),
        Op::Card(Side::Home, Card::Yellow, 3),
    ];
    let replay = Replay::new(timeline(&ops, &[5, 6, 7, 8, 9]));
    let end = replay.at(replay.steps());
    assert_eq!(end.sent_off(Side::Away), ["Player 1"]);
    assert_eq!(end.sent_off(Side::Home), ["Player 2"]);
    assert!(replay.at(1).sent_off(Side::Away).is_empty());
}
