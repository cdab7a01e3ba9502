//! One fixture as a [`Match`] the viewer replays: kick-off, the goals with
//! scorer and minute, the whistles, extra time and the shoot-out result.
//!
//! A fixture whose goals add up to its result replays goal by goal. One
//! whose goals are missing, or do not add up, cannot: any order of its
//! goals would show scores that may never have stood. It replays with the
//! whistles whose score the source states (a half-time whistle only when
//! the half-time score is known) and the stated score just before each
//! ([`Detail::StatedScore`]), with a note that the scorers are not
//! recorded; the goals it does record are named in that note, at the end.

use crate::model::tournament::{Fixture, Tournament};
use crate::model::{
    Clock, Detail, Event, FinalResult, GoalMethod, Match, MatchInfo, Period, Score, Side, Team,
};

/// Where the facts of a converted match come from.
pub const SOURCE: &str = "openfootball (public domain, CC0)";

/// The fixture at `index` of `tournament` as a match; `None` past the end.
pub fn fixture_match(tournament: &Tournament, index: usize) -> Option<Match> {
    let fixture = tournament.fixtures.get(index)?;
    let team = |side: Side| {
        let t = fixture.team(side);
        Team {
            code: t.code.clone(),
            ..Team::named(t.name.clone())
        }
    };
    let mut info = MatchInfo::between(team(Side::Home), team(Side::Away));
    info.competition = Some(tournament.name.clone());
    info.stage = Some(stage_label(fixture));
    info.venue = fixture.ground.clone();
    info.kickoff = fixture.kickoff();
    info.source = Some(SOURCE.to_owned());
    info.result = fixture.score.result().map(|result| FinalResult {
        home: result.home,
        away: result.away,
        shootout: fixture.score.penalties,
    });
    let mut game = Match::new(info);
    game.events = events(fixture);
    Some(game)
}

/// "Group B · Matchday 2", "Final": the group and the round, once each.
pub fn stage_label(fixture: &Fixture) -> String {
    match (&fixture.group, fixture.round.is_empty()) {
        (Some(group), false) if *group != fixture.round => format!("{group} · {}", fixture.round),
        (Some(group), _) => group.clone(),
        (None, false) => fixture.round.clone(),
        (None, true) => "Match".to_owned(),
    }
}

/// "Sunday 18 December 2022 at 18:00 local time".
fn when(fixture: &Fixture) -> String {
    let day = fixture.date.format("%A %-d %B %Y").to_string();
    match (fixture.time, fixture.utc_offset) {
        (Some(time), Some(offset)) => format!("{day} at {} (UTC{offset})", time.format("%H:%M")),
        (Some(time), None) => format!("{day} at {} local time", time.format("%H:%M")),
        (None, _) => day,
    }
}

fn event(clock: Option<Clock>, period: Period, detail: Detail) -> Event {
    Event {
        clock,
        period,
        ..Event::new(Clock::minute(1), detail)
    }
}

fn whistle(clock: Clock, period: Period, start: bool) -> Event {
    let detail = if start {
        Detail::PeriodStart
    } else {
        Detail::PeriodEnd
    };
    event(Some(clock), period, detail)
}

fn stated(clock: Option<Clock>, period: Period, score: Score, text: String) -> Event {
    let mut e = event(
        clock,
        period,
        Detail::StatedScore {
            score,
            shootout: None,
        },
    );
    e.text = Some(text.into());
    e
}

fn score_text(score: Score) -> String {
    format!("{}-{}", score.home, score.away)
}

/// "Schillaci 78' (pen)".
fn goal_label(fixture: &Fixture, i: usize) -> String {
    let goal = &fixture.goals[i];
    let mut label = format!("{} {}", goal.player, goal.clock.display());
    if goal.penalty {
        label.push_str(" (pen)");
    }
    if goal.own_goal {
        label.push_str(" (og)");
    }
    label
}

fn events(fixture: &Fixture) -> Vec<Event> {
    let mut kick_off = whistle(Clock::minute(1), Period::First, true);
    let Some(result) = fixture.score.result() else {
        let mut note = event(
            Some(Clock::minute(1)),
            Period::First,
            Detail::Note { unknown_kind: None },
        );
        let status = fixture.status.as_deref().unwrap_or("no result recorded");
        note.text = Some(format!("Not played ({status}); it was due on {}.", when(fixture)).into());
        return vec![note];
    };
    kick_off.text = Some(format!("Kick-off on {}.", when(fixture)).into());
    let mut out = vec![kick_off];
    if fixture.goals_add_up() {
        goal_by_goal(fixture, &mut out);
    } else {
        stated_only(fixture, result, &mut out);
    }
    if let Some(pens) = fixture.score.penalties {
        out.push(event(None, Period::Shootout, Detail::PeriodStart));
        let mut tally = event(
            None,
            Period::Shootout,
            Detail::StatedScore {
                score: result,
                shootout: Some(pens),
            },
        );
        let text = match fixture.winner() {
            Some(side) => format!(
                "{} win {}-{} on penalties; the kicks are not recorded.",
                fixture.team(side).name,
                pens.get(side),
                pens.get(side.opponent())
            ),
            None => format!(
                "{} on penalties; the kicks are not recorded.",
                score_text(pens)
            ),
        };
        tally.text = Some(text.into());
        out.push(tally);
        out.push(event(None, Period::Shootout, Detail::PeriodEnd));
    }
    out
}

/// The periods of a match whose goals add up: each goal where its minute
/// puts it, the whistles after the last goal of their period. Extra time
/// is played when the source says so, or when a goal was scored in it (two
/// Euro 2024 matches give the score after extra time as `ft`).
fn goal_by_goal(fixture: &Fixture, out: &mut Vec<Event>) {
    let periods = [
        (Period::First, Clock::minute(45)),
        (Period::Second, Clock::minute(90)),
        (Period::ExtraFirst, Clock::minute(105)),
        (Period::ExtraSecond, Clock::minute(120)),
    ];
    let extra_time = fixture.score.et.is_some()
        || fixture
            .goals
            .iter()
            .any(|g| g.clock.default_period().is_extra_time());
    let played = if extra_time { 4 } else { 2 };
    for (n, &(period, nominal_end)) in periods.iter().take(played).enumerate() {
        if n > 0 {
            out.push(whistle(Clock::minute(period.first_minute()), period, true));
        }
        let mut end = nominal_end;
        for (i, goal) in fixture.goals.iter().enumerate() {
            if goal.clock.default_period() != period {
                continue;
            }
            end = end.max(goal.clock);
            let method = if goal.own_goal {
                GoalMethod::OwnGoal
            } else if goal.penalty {
                GoalMethod::Penalty
            } else {
                GoalMethod::OpenPlay
            };
            let mut e = event(
                Some(goal.clock),
                period,
                Detail::Goal {
                    method,
                    assist: None,
                    xg: None,
                },
            );
            e.team = Some(goal.side);
            e.player = Some(fixture.goals[i].player.as_str().into());
            out.push(e);
        }
        let mut end_whistle = whistle(end, period, false);
        // The goals are trusted over a stated score they contradict: in
        // the openfootball files it is the stated score that is wrong.
        let stated = match period {
            Period::First => fixture.score.ht.map(|s| (s, Some(45), "half-time")),
            Period::Second if extra_time => fixture.score.ft.map(|s| (s, Some(90), "full time")),
            _ => None,
        };
        if let Some((stated, upto, when)) = stated {
            let counted = fixture.goals_until(upto);
            if counted != stated {
                end_whistle.text = Some(
                    format!(
                        "The source gives {} at {when}; the goals it records make it {}.",
                        score_text(stated),
                        score_text(counted)
                    )
                    .into(),
                );
            }
        }
        out.push(end_whistle);
    }
}

/// The periods of a match whose goals are not all recorded: a whistle only
/// where the score at it is known, the stated score just before it.
fn stated_only(fixture: &Fixture, result: Score, out: &mut Vec<Event>) {
    let not_recorded = "who scored is not recorded";
    let mut current = Score::default();
    if let Some(ht) = fixture.score.ht {
        if ht != current {
            out.push(stated(
                Some(Clock::minute(45)),
                Period::First,
                ht,
                format!("Half-time score as the source gives it; {not_recorded}."),
            ));
            current = ht;
        }
        out.push(whistle(Clock::minute(45), Period::First, false));
        out.push(whistle(Clock::minute(46), Period::Second, true));
    }
    let mut recorded = String::new();
    if !fixture.goals.is_empty() {
        let named: Vec<String> = (0..fixture.goals.len())
            .map(|i| goal_label(fixture, i))
            .collect();
        recorded = format!(
            " The source names only some of the goals: {}.",
            named.join(", ")
        );
    }
    let normal_time = if fixture.score.et.is_some() {
        fixture.score.ft
    } else {
        Some(result)
    };
    let last = fixture.score.et.is_none();
    let mut whistled = false;
    if let Some(ft) = normal_time {
        if ft != current || last {
            let mut text = format!(
                "{} score as the source gives it; {not_recorded}.",
                if last { "Final" } else { "Full-time" }
            );
            if last {
                text.push_str(&recorded);
            }
            out.push(stated(Some(Clock::minute(90)), Period::Second, ft, text));
        }
        out.push(whistle(Clock::minute(90), Period::Second, false));
        whistled = true;
    }
    if let Some(et) = fixture.score.et {
        if whistled {
            out.push(whistle(Clock::minute(91), Period::ExtraFirst, true));
        }
        let mut text = format!("Score after extra time as the source gives it; {not_recorded}.");
        text.push_str(&recorded);
        out.push(stated(
            Some(Clock::minute(120)),
            Period::ExtraSecond,
            et,
            text,
        ));
        out.push(whistle(Clock::minute(120), Period::ExtraSecond, false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::openfootball::parse;
    use crate::replay::{Phase, Replay};

    fn tournament(matches: &str) -> Tournament {
        parse(
            "t.json",
            &format!("{{\"name\": \"World Cup 2022\", \"matches\": [{matches}]}}"),
        )
        .unwrap()
    }

    /// Every step's score, in order.
    fn scores(game: Match) -> Vec<(Score, Option<Score>)> {
        let replay = Replay::new(game);
        (0..=replay.steps())
            .map(|step| (replay.at(step).score(), replay.at(step).shootout()))
            .collect()
    }

    fn s(home: u32, away: u32) -> Score {
        Score { home, away }
    }

    #[test]
    fn the_final_replays_goal_by_goal_with_extra_time_and_the_shoot_out() {
        let t = tournament(
            r#"{"round": "Final", "date": "2022-12-18", "time": "18:00",
   "team1": "Argentina", "team2": "France",
   "score": {"p": [4, 2], "et": [3, 3], "ft": [2, 2], "ht": [2, 0]},
   "goals1": [{"name": "Lionel Messi", "minute": 23, "penalty": true},
              {"name": "Lionel Messi", "minute": 108},
              {"name": "Ángel Di María", "minute": 36}],
   "goals2": [{"name": "Kylian Mbappé", "minute": 80, "penalty": true},
              {"name": "Kylian Mbappé", "minute": 81},
              {"name": "Kylian Mbappé", "minute": 118, "penalty": true}],
   "ground": "Lusail Iconic Stadium, Lusail"}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        assert_eq!(game.info.stage.as_deref(), Some("Final"));
        assert_eq!(
            game.info.venue.as_deref(),
            Some("Lusail Iconic Stadium, Lusail")
        );
        assert_eq!(game.info.kickoff, None, "no UTC offset in the file");
        let kinds: Vec<String> = game
            .events
            .iter()
            .map(|e| format!("{} {}", e.period, e.detail.kind_name()))
            .collect();
        assert_eq!(
            kinds,
            [
                "1H period_start",
                "1H goal",
                "1H goal",
                "1H period_end",
                "2H period_start",
                "2H goal",
                "2H goal",
                "2H period_end",
                "ET1 period_start",
                "ET1 period_end",
                "ET2 period_start",
                "ET2 goal",
                "ET2 goal",
                "ET2 period_end",
                "PSO period_start",
                "PSO stated_score",
                "PSO period_end"
            ]
        );
        let replay = Replay::new(game);
        let end = replay.at(replay.steps());
        assert_eq!(end.score(), s(3, 3));
        assert_eq!(end.shootout(), Some(s(4, 2)));
        assert_eq!(end.phase(), Phase::FullTime);
        let scorers: Vec<String> = Side::BOTH
            .iter()
            .flat_map(|&side| end.scorers(side))
            .map(|sc| sc.label())
            .collect();
        assert_eq!(
            scorers,
            [
                "Messi 23' (pen)",
                "Di María 36'",
                "Messi 108'",
                "Mbappé 80' (pen)",
                "Mbappé 81'",
                "Mbappé 118' (pen)"
            ]
        );
    }

    #[test]
    fn an_own_goal_counts_for_the_side_it_is_listed_under() {
        let t = tournament(
            r#"{"round": "Matchday 1", "date": "2024-06-14", "team1": "Germany", "team2": "Scotland",
                "score": {"ft": [1, 1], "ht": [1, 0]},
                "goals1": [{"name": "Wirtz", "minute": 10}],
                "goals2": [{"name": "Rüdiger", "minute": 87, "owngoal": true}]}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        let og = game
            .events
            .iter()
            .find(|e| e.player.as_deref() == Some("Rüdiger"))
            .unwrap();
        assert_eq!(og.team, Some(Side::Away));
        assert!(matches!(
            og.detail,
            Detail::Goal {
                method: GoalMethod::OwnGoal,
                ..
            }
        ));
    }

    #[test]
    fn without_its_goals_a_match_shows_only_scores_that_stood() {
        // 1954: no half-time score, no goals: kick-off, then the result.
        let t = tournament(
            r#"{"round": "Matchday 1", "date": "1954-06-17", "team1": "Hungary", "team2": "South Korea",
                "score": {"ft": [9, 0]}}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        assert_eq!(
            scores(game.clone()),
            [
                (s(0, 0), None),
                (s(0, 0), None),
                (s(9, 0), None),
                (s(9, 0), None)
            ]
        );
        let note = game.events[1].text.as_deref().unwrap();
        assert!(note.contains("not recorded"), "{note}");
        assert_eq!(Replay::new(game).at(3).phase(), Phase::FullTime);

        // A half-time score known: it shows at the half-time whistle.
        let t = tournament(
            r#"{"round": "Round of 16", "date": "1990-06-24", "team1": "Brazil", "team2": "Argentina",
                "score": {"ft": [0, 1], "ht": [0, 0]},
                "goals2": [{"name": "Caniggia", "minute": 81}]}"#,
        );
        assert!(
            fixture_match(&t, 0)
                .unwrap()
                .events
                .iter()
                .any(|e| e.player.is_some())
        );

        // Extra time and penalties with only some of the goals named.
        let t = tournament(
            r#"{"round": "Semi-finals", "date": "1990-07-03", "team1": "Italy", "team2": "Argentina",
                "score": {"ft": [1, 1], "et": [1, 1], "p": [3, 4], "ht": [1, 0]},
                "goals1": [{"name": "Schillaci", "minute": 17}]}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        let steps = scores(game.clone());
        assert!(
            steps
                .iter()
                .all(|(score, _)| [s(0, 0), s(1, 0), s(1, 1)].contains(score)),
            "{steps:?}"
        );
        assert_eq!(steps.last(), Some(&(s(1, 1), Some(s(3, 4)))));
        let named = game.events.iter().filter_map(|e| e.text.as_deref());
        assert!(named.clone().any(|t| t.contains("Schillaci 17'")));
        assert!(
            named
                .clone()
                .any(|t| t.contains("Argentina win 4-3 on penalties"))
        );
        assert!(
            !game
                .events
                .iter()
                .any(|e| matches!(e.detail, Detail::Goal { .. }))
        );
    }

    #[test]
    fn a_goal_in_extra_time_brings_extra_time_even_when_the_score_omits_it() {
        let t = tournament(
            r#"{"round": "Round of 16", "date": "2024-06-30", "team1": "England", "team2": "Slovakia",
                "score": {"ft": [2, 1], "ht": [0, 1]},
                "goals1": [{"name": "Bellingham", "minute": 90, "offset": 5}, {"name": "Kane", "minute": 91}],
                "goals2": [{"name": "Schranz", "minute": 25}]}"#,
        );
        let replay = Replay::new(fixture_match(&t, 0).unwrap());
        assert!(replay.has_extra_time());
        assert_eq!(replay.at(replay.steps()).score(), s(2, 1));
    }

    #[test]
    fn a_stated_half_time_score_the_goals_contradict_is_noted() {
        let t = tournament(
            r#"{"round": "Matchday 12", "date": "2022-12-01", "team1": "Japan", "team2": "Spain",
                "score": {"ft": [2, 1], "ht": [0, 0]},
                "goals1": [{"name": "Ritsu Dōan", "minute": 48}, {"name": "Ao Tanaka", "minute": 51}],
                "goals2": [{"name": "Álvaro Morata", "minute": 11}]}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        let half_time = game
            .events
            .iter()
            .find(|e| e.period == Period::First && e.detail == Detail::PeriodEnd)
            .unwrap();
        assert_eq!(
            half_time.text.as_deref(),
            Some("The source gives 0-0 at half-time; the goals it records make it 0-1.")
        );
    }

    #[test]
    fn an_unplayed_match_says_so_and_has_no_result() {
        let t = tournament(
            r#"{"round": "First round", "date": "1938-06-05", "team1": "Sweden", "team2": "Austria", "status": "canceled"}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        assert_eq!(game.info.result, None);
        assert_eq!(game.events.len(), 1);
        assert!(game.events[0].text.as_deref().unwrap().contains("canceled"));
        assert!(fixture_match(&t, 1).is_none());
    }

    #[test]
    fn a_known_offset_gives_the_kick_off_instant() {
        let t = tournament(
            r#"{"round": "Final", "num": 104, "date": "2026-07-19", "time": "15:00 UTC-4",
                "team1": "Spain", "team2": "Argentina", "score": {"et": [1, 0], "ft": [0, 0], "ht": [0, 0]},
                "goals1": [{"name": "Ferran Torres", "minute": "106"}], "goals2": []}"#,
        );
        let game = fixture_match(&t, 0).unwrap();
        assert_eq!(
            game.info.kickoff.map(|k| k.to_rfc3339()).as_deref(),
            Some("2026-07-19T15:00:00-04:00")
        );
        assert_eq!(
            game.info.result,
            Some(FinalResult {
                home: 1,
                away: 0,
                shootout: None
            })
        );
    }
}
