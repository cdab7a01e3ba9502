//! Truth tests from the bundled openfootball data: tables, finals and
//! goals checked against what happened, and every match of every bundled
//! tournament replayed to the end through the match viewer's own engine.

use touchline::import::openfootball::{bundled, fixture_match};
use touchline::model::tournament::Tournament;
use touchline::model::{Detail, GoalMethod, Score, Side};
use touchline::replay::Replay;
use touchline::replay::tournament::{cursor_at_date, last_cursor, view};

fn load(short: &str) -> Tournament {
    bundled::find(short).unwrap().load().unwrap()
}

/// (team, points, for, against, level) of a group at the end.
fn final_table(t: &Tournament, group: &str) -> Vec<(String, u32, u32, u32, bool)> {
    let v = view(t, last_cursor(t), false);
    v.tables
        .iter()
        .find(|table| table.name == group)
        .unwrap()
        .rows
        .iter()
        .map(|r| (r.team.clone(), r.points, r.goals_for, r.against, r.level))
        .collect()
}

fn fixture_index(t: &Tournament, home: &str, away: &str) -> usize {
    t.fixtures
        .iter()
        .position(|f| f.home.name == home && f.away.name == away)
        .unwrap_or_else(|| panic!("no {home} v {away} in {}", t.name))
}

fn s(home: u32, away: u32) -> Score {
    Score { home, away }
}

#[test]
fn world_cup_2022_group_b() {
    let t = load("wc2022");
    assert_eq!(
        final_table(&t, "Group B"),
        [
            ("England".to_owned(), 7, 9, 2, false),
            ("USA".to_owned(), 5, 2, 1, false),
            ("Iran".to_owned(), 3, 4, 7, false),
            ("Wales".to_owned(), 1, 1, 6, false)
        ]
    );
}

/// Two points for a win; Romania and Argentina level on points and goal
/// difference, Romania ahead on goals scored (4 to 3).
#[test]
fn world_cup_1990_group_b() {
    let t = load("wc1990");
    assert_eq!(
        final_table(&t, "Group B"),
        [
            ("Cameroon".to_owned(), 4, 3, 5, false),
            ("Romania".to_owned(), 3, 4, 3, false),
            ("Argentina".to_owned(), 3, 3, 2, false),
            ("Soviet Union".to_owned(), 2, 4, 4, false)
        ]
    );
    // Ireland and the Netherlands could not be separated: lots were drawn.
    let f = final_table(&t, "Group F");
    assert_eq!(
        (f[1].0.as_str(), f[2].0.as_str(), f[2].4),
        ("Ireland", "Netherlands", true)
    );
}

#[test]
fn world_cup_2022_final_3_3_after_extra_time_4_2_on_penalties() {
    let t = load("wc2022");
    let i = fixture_index(&t, "Argentina", "France");
    let game = fixture_match(&t, i).unwrap();
    let goals: Vec<(String, String, Side, bool)> = game
        .events
        .iter()
        .filter_map(|e| match e.detail {
            Detail::Goal { method, .. } => Some((
                e.player.as_deref().unwrap().to_owned(),
                e.clock.unwrap().display().to_string(),
                e.team.unwrap(),
                method == GoalMethod::Penalty,
            )),
            _ => None,
        })
        .collect();
    let expected = [
        ("Lionel Messi", "23'", Side::Home, true),
        ("Ángel Di María", "36'", Side::Home, false),
        ("Kylian Mbappé", "80'", Side::Away, true),
        ("Kylian Mbappé", "81'", Side::Away, false),
        ("Lionel Messi", "108'", Side::Home, false),
        ("Kylian Mbappé", "118'", Side::Away, true),
    ];
    let expected: Vec<(String, String, Side, bool)> = expected
        .iter()
        .map(|(p, c, side, pen)| ((*p).to_owned(), (*c).to_owned(), *side, *pen))
        .collect();
    assert_eq!(goals, expected);
    let replay = Replay::new(game);
    let end = replay.at(replay.steps());
    assert_eq!(end.score(), s(3, 3));
    assert_eq!(end.shootout(), Some(s(4, 2)));
    assert!(replay.has_extra_time());
    // 2-2 at the end of normal time, 2-0 at half-time.
    let at_whistle = |period| {
        let step = replay
            .game()
            .events
            .iter()
            .position(|e| e.period == period && e.detail == Detail::PeriodEnd)
            .unwrap();
        replay.at(step + 1).score()
    };
    assert_eq!(at_whistle(touchline::model::Period::First), s(2, 0));
    assert_eq!(at_whistle(touchline::model::Period::Second), s(2, 2));
}

#[test]
fn world_cup_2026_final_won_in_extra_time() {
    let t = load("wc2026");
    let i = fixture_index(&t, "Spain", "Argentina");
    assert_eq!(i, t.fixtures.len() - 1, "the last match");
    let f = &t.fixtures[i];
    assert_eq!(f.round, "Final");
    assert_eq!((f.score.ft, f.score.et), (Some(s(0, 0)), Some(s(1, 0))));
    let replay = Replay::new(fixture_match(&t, i).unwrap());
    let end = replay.at(replay.steps());
    assert_eq!(end.score(), s(1, 0));
    assert_eq!(end.shootout(), None);
    let scorers = end.scorers(Side::Home);
    assert_eq!(scorers.len(), 1);
    assert_eq!(scorers[0].player, "Ferran Torres");
    assert_eq!(scorers[0].label(), "Torres 106'");
    assert_eq!(
        replay
            .game()
            .info
            .kickoff
            .map(|k| k.to_rfc3339())
            .as_deref(),
        Some("2026-07-19T15:00:00-04:00")
    );
    let v = view(&t, last_cursor(&t), false);
    let final_round = v.bracket.rounds.last().unwrap();
    assert_eq!(final_round.ties[0].winner.as_deref(), Some("Spain"));
}

#[test]
fn euro_2024_germany_5_scotland_1_with_rudigers_own_goal_for_scotland() {
    let t = load("euro2024");
    let i = fixture_index(&t, "Germany", "Scotland");
    assert_eq!(i, 0, "the opening match");
    let game = fixture_match(&t, i).unwrap();
    let own_goal = game
        .events
        .iter()
        .find(|e| {
            matches!(
                e.detail,
                Detail::Goal {
                    method: GoalMethod::OwnGoal,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(own_goal.player.as_deref(), Some("Rüdiger"));
    assert_eq!(own_goal.team, Some(Side::Away));
    let replay = Replay::new(game);
    let end = replay.at(replay.steps());
    assert_eq!(end.score(), s(5, 1));
    let scotland = end.scorers(Side::Away);
    assert_eq!(scotland[0].label(), "Rüdiger 87' (og)");
    assert_eq!(
        end.scorers(Side::Home)
            .iter()
            .map(|sc| sc.label())
            .collect::<Vec<_>>(),
        [
            "Wirtz 10'",
            "Musiala 19'",
            "Havertz 45+1' (pen)",
            "Füllkrug 68'",
            "Can 90+3'"
        ]
    );
    // The group table on the evening of the opening match.
    let v = view(&t, cursor_at_date(&t, "2024-06-14".parse().unwrap()), false);
    let group_a = &v.tables[0];
    assert_eq!(group_a.rows[0].team, "Germany");
    assert_eq!((group_a.rows[0].goals_for, group_a.rows[0].against), (5, 1));
    assert_eq!(group_a.rows[3].team, "Scotland");
}

/// Every match of every bundled tournament, converted and replayed with
/// the viewer's engine, ends with the score and shoot-out its file states;
/// a match whose goals are not all recorded never shows a score the file
/// does not state.
#[test]
fn every_bundled_match_replays_to_its_stated_score() {
    let mut matches = 0;
    let mut without_scorers = 0;
    for b in bundled::BUNDLED {
        let t = b.load().unwrap();
        for (i, f) in t.fixtures.iter().enumerate() {
            let game = fixture_match(&t, i).unwrap();
            let replay = Replay::new(game);
            let end = replay.at(replay.steps());
            let what = format!("{} {} v {}", t.name, f.home.name, f.away.name);
            let Some(result) = f.score.result() else {
                assert_eq!(end.score(), Score::default(), "{what}");
                continue;
            };
            matches += 1;
            assert_eq!(end.score(), result, "{what}");
            assert_eq!(end.shootout(), f.score.penalties, "{what}");
            if !f.goals_add_up() {
                without_scorers += 1;
                let stated = [Some(Score::default()), f.score.ht, f.score.ft, f.score.et];
                for step in 0..=replay.steps() {
                    let score = Some(replay.at(step).score());
                    assert!(stated.contains(&score), "{what} at step {step}: {score:?}");
                }
            }
        }
    }
    assert_eq!(
        matches, 1183,
        "every match played, 1938's cancelled one aside"
    );
    eprintln!("{without_scorers} matches replay without their scorers");
    assert!(without_scorers > 500, "{without_scorers}");
}

/// CI has the shared copy of the openfootball data: the bundled files are
/// the same bytes.
#[test]
fn the_bundled_files_are_the_shared_copy() {
    let Some(shared) = std::env::var_os("TOUCHLINE_SHARED_DIR") else {
        eprintln!(
            "note: TOUCHLINE_SHARED_DIR is not set; comparing with the shared copy is left to CI"
        );
        return;
    };
    let root = std::path::Path::new(&shared).join("data/openfootball");
    for b in bundled::BUNDLED {
        let path = root.join(b.path);
        let shared = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "TOUCHLINE_SHARED_DIR is set but {} cannot be read: {e}",
                path.display()
            )
        });
        assert!(shared == b.text, "{} differs from the shared copy", b.path);
    }
}
