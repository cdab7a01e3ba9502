use super::*;
use crate::model::Score;
use crate::model::tournament::Fixture;

fn fx(
    date: &str,
    round: &str,
    group: Option<&str>,
    home: &str,
    away: &str,
    ft: Option<(u32, u32)>,
) -> Fixture {
    Fixture {
        num: None,
        round: round.to_owned(),
        group: group.map(str::to_owned),
        date: date.parse().unwrap(),
        time: None,
        utc_offset: None,
        ground: None,
        home: FixtureTeam::named(home),
        away: FixtureTeam::named(away),
        score: Scores {
            ft: ft.map(|(home, away)| Score { home, away }),
            ..Scores::default()
        },
        goals: Vec::new(),
        status: None,
    }
}

/// Two groups of three, semi-finals, a third-place match and a final.
fn mini_cup() -> Tournament {
    let a = Some("Group A");
    let b = Some("Group B");
    let mut third = fx(
        "2022-06-08",
        "Match for third place",
        None,
        "A1",
        "B1",
        Some((1, 1)),
    );
    third.score.penalties = Some(Score { home: 5, away: 4 });
    Tournament::new(
        "World Cup 2022",
        vec![
            fx("2022-06-01", "Matchday 1", a, "A1", "A2", Some((1, 0))),
            fx("2022-06-01", "Matchday 1", b, "B1", "B2", Some((0, 0))),
            fx("2022-06-02", "Matchday 2", a, "A2", "A3", Some((2, 0))),
            fx("2022-06-02", "Matchday 2", b, "B2", "B3", Some((3, 1))),
            fx("2022-06-03", "Matchday 3", a, "A3", "A1", Some((1, 1))),
            fx("2022-06-03", "Matchday 3", b, "B3", "B1", Some((0, 2))),
            fx("2022-06-05", "Semi-finals", None, "B2", "A1", Some((2, 0))),
            fx("2022-06-06", "Semi-finals", None, "A2", "B1", Some((1, 0))),
            third,
            fx("2022-06-09", "Final", None, "A2", "B2", Some((0, 3))),
        ],
    )
}

fn names(view: &TournamentView) -> Vec<String> {
    view.fixtures
        .iter()
        .map(|f| format!("{} v {}", f.home.name, f.away.name))
        .collect()
}

fn table(view: &TournamentView, group: &str) -> Vec<(String, u32, bool)> {
    view.tables
        .iter()
        .find(|t| t.name == group)
        .unwrap_or_else(|| panic!("no {group} in {:?}", view.tables))
        .rows
        .iter()
        .map(|r| (r.team.clone(), r.points, r.level))
        .collect()
}

/// The tournament as a fan at `cursor` could know it: the matches reached
/// as they are, the matches ahead whose pairing is public without their
/// results, and nothing else.
fn masked(t: &Tournament, cursor: Cursor) -> (Tournament, Vec<usize>) {
    let schedule = Schedule::new(t.clone());
    let mut kept = Vec::new();
    let mut fixtures = Vec::new();
    for (i, f) in t.fixtures.iter().enumerate() {
        if !schedule.listed(i, cursor, false) {
            continue;
        }
        let mut f = f.clone();
        if !reached(i, cursor) {
            f.score = Scores::default();
            f.goals.clear();
            f.status = None;
        }
        kept.push(i);
        fixtures.push(f);
    }
    (
        Tournament {
            fixtures,
            ..t.clone()
        },
        kept,
    )
}

/// For every cursor, the view without spoilers is the same with the later
/// matches removed (those not yet public) or stripped of their results
/// (those whose pairing is public); and with the matches after the cursor
/// deleted outright, everything about the matches reached is the same.
pub(crate) fn assert_spoiler_free(t: &Tournament) {
    let cursors = std::iter::once(None).chain((0..t.fixtures.len()).map(Some));
    for cursor in cursors {
        let full = view(t, cursor, false);
        let (masked, kept) = masked(t, cursor);
        let mut again = view(&masked, cursor, false);
        for f in &mut again.fixtures {
            f.index = kept[f.index];
        }
        assert_eq!(full, again, "{} at {cursor:?}", t.name);

        let upto = cursor.map_or(0, |k| k + 1);
        let cut = Tournament {
            fixtures: t.fixtures[..upto].to_vec(),
            ..t.clone()
        };
        let cut_view = view(&cut, cursor, false);
        // What stage a match belongs to is read from the public schedule
        // (1950's final pool is a pool because its teams meet more than
        // once), which the cut tournament lacks.
        let known = |f: &FixtureView| FixtureView {
            stage: Stage::Qualification,
            ..f.clone()
        };
        let reached: Vec<FixtureView> = full
            .fixtures
            .iter()
            .filter(|f| f.reached)
            .map(known)
            .collect();
        let cut_reached: Vec<FixtureView> = cut_view.fixtures.iter().map(known).collect();
        assert_eq!(reached, cut_reached, "{} at {cursor:?}", t.name);
        for table in &cut_view.tables {
            let Some(whole) = full.tables.iter().find(|w| w.name == table.name) else {
                panic!("{} at {cursor:?}: no {} table", t.name, table.name);
            };
            for row in &table.rows {
                let same = whole.rows.iter().find(|r| r.team == row.team).unwrap();
                assert_eq!(
                    (row.played, row.points, row.goals_for, row.against),
                    (same.played, same.points, same.goals_for, same.against),
                    "{} at {cursor:?}",
                    t.name
                );
            }
        }
    }
}

#[test]
fn before_the_first_match_only_the_group_draw_is_known() {
    let t = mini_cup();
    let v = view(&t, None, false);
    assert_eq!(v.fixtures.len(), 6);
    assert!(v.fixtures.iter().all(|f| f.result.is_none() && !f.reached));
    assert_eq!(
        table(&v, "Group A"),
        [
            ("A1".to_owned(), 0, false),
            ("A2".to_owned(), 0, true),
            ("A3".to_owned(), 0, true)
        ]
    );
    assert!(v.bracket.rounds.is_empty());
    assert_eq!(v.days.len(), 3);
    assert_eq!(v.days[0].fixtures, 0..2);
}

#[test]
fn tables_stand_as_they_were_at_the_cursor() {
    let t = mini_cup();
    let v = view(&t, Some(2), false);
    // A2 (2-1) above A1 (1-0) on goals scored.
    assert_eq!(
        table(&v, "Group A"),
        [
            ("A2".to_owned(), 3, false),
            ("A1".to_owned(), 3, false),
            ("A3".to_owned(), 0, false)
        ]
    );
    // B1 v B2 was drawn; B3 has not played.
    assert_eq!(
        table(&v, "Group B"),
        [
            ("B1".to_owned(), 1, false),
            ("B2".to_owned(), 1, true),
            ("B3".to_owned(), 0, false)
        ]
    );
    let reached: Vec<bool> = v.fixtures.iter().map(|f| f.reached).collect();
    assert_eq!(reached, [true, true, true, false, false, false]);
    // Spoilers show results ahead, not a different table.
    let s = view(&t, Some(2), true);
    assert_eq!(s.tables, v.tables);
    assert_eq!(s.fixtures.len(), 10);
    assert!(s.fixtures.iter().all(|f| f.result.is_some()));
}

#[test]
fn a_knockout_tie_is_listed_once_both_teams_are_through() {
    let t = mini_cup();
    // The last group match not reached: no semi-final is known.
    let v = view(&t, Some(4), false);
    assert_eq!(v.fixtures.len(), 6, "{:?}", names(&v));
    // Every group match reached: both semi-finals, without results.
    let v = view(&t, Some(5), false);
    assert_eq!(&names(&v)[6..], ["B2 v A1", "A2 v B1"]);
    assert!(v.fixtures[6..].iter().all(|f| f.result.is_none()));
    assert_eq!(v.bracket.rounds.len(), 1);
    assert_eq!(v.bracket.rounds[0].ties[0].winner, None);
    // One semi-final reached: the final is not known yet.
    let v = view(&t, Some(6), false);
    assert_eq!(v.fixtures.len(), 8);
    assert_eq!(v.bracket.rounds[0].ties[0].winner.as_deref(), Some("B2"));
    // Both: the third-place match and the final.
    let v = view(&t, Some(7), false);
    assert_eq!(&names(&v)[8..], ["A1 v B1", "A2 v B2"]);
    let rounds: Vec<(&str, bool)> = v
        .bracket
        .rounds
        .iter()
        .map(|r| (r.name.as_str(), r.third_place))
        .collect();
    assert_eq!(
        rounds,
        [
            ("Semi-finals", false),
            ("Match for third place", true),
            ("Final", false)
        ]
    );
}

#[test]
fn the_bracket_puts_feeders_together_and_names_the_winners() {
    let t = mini_cup();
    let v = view(&t, last_cursor(&t), false);
    let semis = &v.bracket.rounds[0];
    // The final is A2 v B2: A2's semi first, then B2's.
    let order: Vec<(&str, &str)> = semis
        .ties
        .iter()
        .map(|t| (t.home.as_str(), t.away.as_str()))
        .collect();
    assert_eq!(order, [("A2", "B1"), ("B2", "A1")]);
    let last = v.bracket.rounds.last().unwrap();
    assert_eq!(last.ties[0].feeders, [Some(0), Some(1)]);
    assert_eq!(last.ties[0].winner.as_deref(), Some("B2"));
    // The third-place match went to penalties: A1 won them.
    assert_eq!(v.bracket.rounds[1].ties[0].winner.as_deref(), Some("A1"));
}

#[test]
fn days_move_the_cursor_to_the_end_of_a_day() {
    let t = mini_cup();
    let s = Schedule::new(t.clone());
    assert_eq!(s.next_day(None), Some(1));
    assert_eq!(s.next_day(Some(0)), Some(1));
    assert_eq!(s.next_day(Some(1)), Some(3));
    assert_eq!(s.next_day(Some(9)), None);
    assert_eq!(s.prev_day(Some(3)), Some(1));
    assert_eq!(s.prev_day(Some(2)), Some(1));
    assert_eq!(s.prev_day(Some(1)), None);
    assert_eq!(s.prev_day(None), None);
    assert_eq!(cursor_at_date(&t, "2022-06-02".parse().unwrap()), Some(3));
    assert_eq!(cursor_at_date(&t, "2022-05-01".parse().unwrap()), None);
    assert_eq!(cursor_at_date(&t, "2022-06-04".parse().unwrap()), Some(5));
}

/// 1934's knockout with a replay: the replay appears only once the drawn
/// match is reached, and joins its tie.
fn with_replay() -> Tournament {
    let mut drawn = fx(
        "1934-05-31",
        "Quarter-finals",
        None,
        "Italy",
        "Spain",
        Some((1, 1)),
    );
    drawn.score.et = Some(Score { home: 1, away: 1 });
    Tournament::new(
        "World Cup 1934",
        vec![
            fx(
                "1934-05-27",
                "First round",
                None,
                "Italy",
                "USA",
                Some((7, 1)),
            ),
            fx(
                "1934-05-27",
                "First round",
                None,
                "Spain",
                "Brazil",
                Some((3, 1)),
            ),
            fx(
                "1934-05-27",
                "First round",
                None,
                "Austria",
                "France",
                Some((3, 2)),
            ),
            fx(
                "1934-05-27",
                "First round",
                None,
                "Hungary",
                "Egypt",
                Some((4, 2)),
            ),
            drawn,
            fx(
                "1934-05-31",
                "Quarter-finals",
                None,
                "Austria",
                "Hungary",
                Some((2, 1)),
            ),
            fx(
                "1934-06-01",
                "Quarter-finals, Replays",
                None,
                "Italy",
                "Spain",
                Some((1, 0)),
            ),
            fx(
                "1934-06-03",
                "Semi-finals",
                None,
                "Italy",
                "Austria",
                Some((1, 0)),
            ),
        ],
    )
}

#[test]
fn a_replay_appears_after_the_draw_and_joins_its_tie() {
    let t = with_replay();
    let v = view(&t, Some(3), false);
    assert_eq!(v.fixtures.len(), 6, "both quarter-finals: {:?}", names(&v));
    let v = view(&t, Some(4), false);
    assert_eq!(v.fixtures.len(), 7, "the replay: {:?}", names(&v));
    let quarter = &v.bracket.rounds[1];
    assert_eq!(quarter.name, "Quarter-finals");
    assert_eq!(quarter.ties.len(), 2);
    let replayed = quarter.ties.iter().find(|t| t.home == "Italy").unwrap();
    assert_eq!(replayed.fixtures.len(), 2);
    assert_eq!(replayed.winner, None, "drawn, replay to come");
    let v = view(&t, last_cursor(&t), false);
    let replayed = v.bracket.rounds[1]
        .ties
        .iter()
        .find(|t| t.home == "Italy")
        .unwrap();
    assert_eq!(replayed.winner.as_deref(), Some("Italy"));
    assert_eq!(v.bracket.rounds.len(), 3);
    assert_eq!(v.bracket.rounds[2].ties[0].feeders, [Some(0), Some(1)]);
}

/// 1958's Group 1: a tie for second place, settled by a play-off that is
/// listed only once the group stage is over.
fn with_play_off() -> Tournament {
    let g = Some("Group 1");
    Tournament::new(
        "World Cup 1958",
        vec![
            fx(
                "1958-06-08",
                "Matchday 1",
                g,
                "West Germany",
                "Argentina",
                Some((3, 1)),
            ),
            fx(
                "1958-06-08",
                "Matchday 1",
                g,
                "Northern Ireland",
                "Czechoslovakia",
                Some((1, 0)),
            ),
            fx(
                "1958-06-11",
                "Matchday 2",
                g,
                "West Germany",
                "Czechoslovakia",
                Some((2, 2)),
            ),
            fx(
                "1958-06-11",
                "Matchday 2",
                g,
                "Argentina",
                "Northern Ireland",
                Some((3, 1)),
            ),
            fx(
                "1958-06-15",
                "Matchday 3",
                g,
                "West Germany",
                "Northern Ireland",
                Some((2, 2)),
            ),
            fx(
                "1958-06-15",
                "Matchday 3",
                g,
                "Czechoslovakia",
                "Argentina",
                Some((6, 1)),
            ),
            fx(
                "1958-06-17",
                "Group 1 Play-off",
                None,
                "Northern Ireland",
                "Czechoslovakia",
                Some((2, 1)),
            ),
        ],
    )
}

#[test]
fn a_play_off_belongs_to_its_group_and_the_table_says_level() {
    let t = with_play_off();
    let v = view(&t, Some(4), false);
    assert_eq!(v.fixtures.len(), 6);
    let v = view(&t, Some(5), false);
    assert_eq!(v.fixtures.len(), 7);
    assert_eq!(
        v.fixtures[6].stage,
        Stage::GroupPlayOff("Group 1".to_owned())
    );
    let group = &v.tables[0];
    assert_eq!(group.play_offs, [6]);
    assert!(v.bracket.rounds.is_empty());
    assert_eq!(
        table(&v, "Group 1"),
        [
            ("West Germany".to_owned(), 4, false),
            ("Czechoslovakia".to_owned(), 3, false),
            ("Northern Ireland".to_owned(), 3, true),
            ("Argentina".to_owned(), 2, false)
        ]
    );
}

/// A qualifying play-off before the groups (the Club World Cup 2025): the
/// group matches of the winner are listed only once it is reached.
fn with_qualification() -> Tournament {
    let d = Some("Group D");
    Tournament::new(
        "Club World Cup 2025",
        vec![
            fx(
                "2025-05-31",
                "Qualification, Playoffs",
                None,
                "LAFC",
                "America",
                Some((2, 1)),
            ),
            fx(
                "2025-06-16",
                "Group D",
                d,
                "Flamengo",
                "Esperance",
                Some((2, 0)),
            ),
            fx("2025-06-16", "Group D", d, "Chelsea", "LAFC", Some((2, 0))),
        ],
    )
}

#[test]
fn a_qualifier_keeps_its_winner_out_of_the_group_until_it_is_reached() {
    let t = with_qualification();
    let v = view(&t, None, false);
    assert_eq!(names(&v), ["LAFC v America", "Flamengo v Esperance"]);
    assert_eq!(v.fixtures[0].stage, Stage::Qualification);
    assert_eq!(v.tables[0].rows.len(), 2);
    let v = view(&t, Some(0), false);
    assert_eq!(v.fixtures.len(), 3);
    assert_eq!(v.tables[0].rows.len(), 4);
}

/// 1950: a final pool instead of a final; its matches make a table.
#[test]
fn a_final_pool_is_a_group_table() {
    let mut fixtures = Vec::new();
    let pool = [
        ("Uruguay", "Spain", (2, 2)),
        ("Brazil", "Sweden", (7, 1)),
        ("Brazil", "Spain", (6, 1)),
        ("Uruguay", "Sweden", (3, 2)),
        ("Sweden", "Spain", (3, 1)),
        ("Uruguay", "Brazil", (2, 1)),
    ];
    for (n, (home, away, ft)) in pool.into_iter().enumerate() {
        fixtures.push(fx(
            &format!("1950-07-{:02}", 9 + n),
            "Final Round",
            None,
            home,
            away,
            Some(ft),
        ));
    }
    let t = Tournament::new("World Cup 1950", fixtures);
    let v = view(&t, last_cursor(&t), false);
    assert!(v.bracket.rounds.is_empty());
    assert_eq!(
        table(&v, "Final Round"),
        [
            ("Uruguay".to_owned(), 5, false),
            ("Brazil".to_owned(), 4, false),
            ("Sweden".to_owned(), 2, false),
            ("Spain".to_owned(), 1, false)
        ]
    );
}

#[test]
fn a_match_not_played_shows_its_status_and_counts_for_nothing() {
    let mut canceled = fx("1938-06-05", "First round", None, "Sweden", "Austria", None);
    canceled.status = Some("canceled".to_owned());
    let t = Tournament::new(
        "World Cup 1938",
        vec![
            canceled,
            fx(
                "1938-06-12",
                "Quarter-finals",
                None,
                "Sweden",
                "Cuba",
                Some((8, 0)),
            ),
        ],
    );
    let v = view(&t, Some(0), false);
    let outcome = v.fixtures[0].result.as_ref().unwrap();
    assert_eq!(outcome.status.as_deref(), Some("canceled"));
    assert_eq!((outcome.winner, outcome.scores.is_played()), (None, false));
    assert_eq!(v.fixtures.len(), 2);
}

#[test]
fn no_view_shows_anything_ahead_of_the_cursor() {
    for t in [
        mini_cup(),
        with_replay(),
        with_play_off(),
        with_qualification(),
    ] {
        assert_spoiler_free(&t);
    }
}

#[test]
fn no_view_of_a_bundled_tournament_shows_anything_ahead_of_the_cursor() {
    for bundled in crate::import::openfootball::bundled::BUNDLED {
        assert_spoiler_free(&bundled.load().unwrap());
    }
}

/// The largest file the importer takes, built to be as costly as it can:
/// one group of thousands of teams, one knockout round of thousands of
/// ties. Every view completes (the engine has no step that grows with the
/// square of the matches).
#[test]
fn the_largest_tournament_a_file_may_hold_still_gives_views() {
    let n = crate::import::openfootball::MAX_MATCHES;
    let mut fixtures = Vec::with_capacity(n);
    for i in 0..n / 2 {
        let (home, away) = (format!("G{}", 2 * i), format!("G{}", 2 * i + 1));
        fixtures.push(fx(
            "2030-06-01",
            "Matchday 1",
            Some("Group A"),
            &home,
            &away,
            Some((1, 0)),
        ));
    }
    for i in 0..n / 2 {
        let (home, away) = (format!("G{}", 2 * i), format!("K{i}"));
        fixtures.push(fx(
            "2030-06-02",
            "Round of many",
            None,
            &home,
            &away,
            Some((0, 0)),
        ));
    }
    let t = Tournament::new("Cup 2030", fixtures);
    let schedule = Schedule::new(t.clone());
    for cursor in [None, Some(n / 2 - 1), Some(n - 1)] {
        let v = schedule.view(cursor, false);
        assert_eq!(v.tables[0].rows.len(), n, "{cursor:?}");
    }
    let end = schedule.view(last_cursor(&t), true);
    assert_eq!(end.bracket.rounds[0].ties.len(), n / 2);
}
