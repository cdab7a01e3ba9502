//! The StatsBomb importer against the three real matches in the shared data
//! directory (named by `TOUCHLINE_STATSBOMB_DIR`, which `.ci/run` sets) and
//! against the project's own StatsBomb-format fixtures, written by hand for
//! what the real files lack: extra time, a shoot-out, a second yellow,
//! stoppage-time goals in every period, events out of order and malformed
//! events.
//!
//! Without the variable the real-match tests check the fixtures instead and
//! say so; with the variable set to a missing directory they fail.

use std::path::{Path, PathBuf};

use touchline::import::{self, ImportReport, LoadOptions, Loaded};
use touchline::model::{
    Card, Clock, Detail, FinalResult, GoalMethod, KickOutcome, Match, Period, Score, ShotOutcome,
    Side,
};
use touchline::replay::{Phase, Replay};

const ENV: &str = "TOUCHLINE_STATSBOMB_DIR";

/// The real-data directory, `None` (with a notice) when the variable is not
/// set. A variable naming no directory is a broken setup, not a skip.
fn real_dir() -> Option<PathBuf> {
    match std::env::var_os(ENV) {
        None => {
            eprintln!(
                "notice: {ENV} is not set, so the three real StatsBomb matches are not checked; \
                 checking the project's own StatsBomb fixtures instead \
                 (.ci/run sets it to ../shared/data/statsbomb)"
            );
            None
        }
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.is_dir(),
                "{ENV}={} is not a directory: the real StatsBomb matches cannot be checked",
                dir.display()
            );
            Some(dir)
        }
    }
}

fn real_events(dir: &Path, stem: &str) -> PathBuf {
    let path = dir.join(format!("{stem}_events.json"));
    assert!(path.is_file(), "{} is missing", path.display());
    path
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/statsbomb")
        .join(name)
}

fn load(path: &Path) -> Loaded {
    import::load_path(path, LoadOptions::default())
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

fn report(loaded: &Loaded) -> &ImportReport {
    loaded
        .report
        .as_ref()
        .expect("a StatsBomb import has a report")
}

/// Scorer labels per side at full time, as the scoreboard shows them.
fn scorers(game: &Match) -> [Vec<String>; 2] {
    let replay = Replay::new(game.clone());
    let end = replay.at(replay.full_time());
    Side::BOTH.map(|side| end.scorers(side).iter().map(|s| s.label()).collect())
}

fn final_score(game: &Match) -> (Score, Option<Score>) {
    let replay = Replay::new(game.clone());
    let end = replay.at(replay.full_time());
    (end.score(), end.shootout())
}

fn goals(game: &Match) -> Vec<(&str, Side, Clock, GoalMethod)> {
    game.events
        .iter()
        .filter_map(|e| match e.detail {
            Detail::Goal { method, .. } => Some((
                e.player.as_deref().unwrap_or("?"),
                e.team.expect("goals have a side"),
                e.clock.expect("goals have a clock"),
                method,
            )),
            _ => None,
        })
        .collect()
}

fn at(minute: u16, added: u16, second: u8) -> Clock {
    Clock {
        minute,
        added,
        second: Some(second),
    }
}

fn counts(report: &ImportReport) -> (usize, usize, usize, usize) {
    (
        report.events_read,
        report.events_loaded,
        report.merged_total(),
        report.skipped_total(),
    )
}

/// The invariants every import keeps: the counts add up, events are in
/// match order, every location is on the pitch, goals sit at the end of
/// the goal they went into, and the shoot-out has no clock.
fn check_invariants(loaded: &Loaded) {
    let r = report(loaded);
    assert_eq!(
        r.events_read,
        r.events_loaded + r.merged_total() + r.skipped_total(),
        "{r:?}"
    );
    let events = &loaded.game.events;
    assert!(
        events
            .windows(2)
            .all(|w| w[0].order_key() <= w[1].order_key()),
        "events are not in match order"
    );
    for e in events {
        let points = [
            e.location,
            match e.detail {
                Detail::Play { end_location, .. } => end_location,
                _ => None,
            },
        ];
        for p in points.into_iter().flatten() {
            assert!(
                (0.0..=100.0).contains(&p.x) && (0.0..=100.0).contains(&p.y),
                "{p:?} is off the pitch"
            );
        }
        assert_eq!(e.clock.is_none(), e.period == Period::Shootout, "{e:?}");
        if let (Detail::Goal { .. }, Some(side), Some(p)) = (&e.detail, e.team, e.location) {
            // x runs from the home goal (0) to the away goal (100): a goal
            // for the home side goes in at the away end, own goals too.
            match side {
                Side::Home => assert!(p.x > 50.0, "home goal at {p:?}: {e:?}"),
                Side::Away => assert!(p.x < 50.0, "away goal at {p:?}: {e:?}"),
            }
        }
        if e.is_key() {
            assert!(e.text.is_some(), "a key moment without commentary: {e:?}");
        }
    }
}

/// Writing the match file and loading it gives the same state at every
/// step as the import itself.
fn assert_round_trip(loaded: &Loaded) {
    let written = loaded.game.to_json_pretty();
    let reloaded = import::parse_bytes("converted.json", written.as_bytes())
        .unwrap_or_else(|e| panic!("the converted match file does not load: {e}"));
    assert!(
        reloaded.warnings.is_empty(),
        "the converted file has warnings: {:?}",
        reloaded.warnings
    );
    assert!(reloaded.report.is_none(), "a match file is not an import");
    let direct = Replay::new(loaded.game.clone());
    let via_file = Replay::new(reloaded.game);
    assert_eq!(direct.steps(), via_file.steps());
    for step in 0..=direct.steps() {
        assert_eq!(
            direct.at(step).snapshot(),
            via_file.at(step).snapshot(),
            "the states differ at step {step}"
        );
    }
}

// --- the three real matches ---------------------------------------------

// Counts: `jq -r '.[].type.name' FILE | sort | uniq -c` gives the types.
// Every element is read; merged are the two "Starting XI" (team sheets),
// the second "Half Start" and "Half End" of each period (both teams record
// one) and any "Own Goal For" (counted with its "Own Goal Against");
// everything else loads, and nothing is skipped. Events: one per loaded
// element, plus one card event for each foul that carried a card (jq:
// `[.[] | select(.foul_committed.card)] | length`).

#[test]
fn turkey_0_italy_3() {
    let Some(dir) = real_dir() else {
        return cup_final_extra_time_and_shootout();
    };
    let loaded = load(&real_events(&dir, "3788741_turkey_italy"));
    let game = &loaded.game;
    assert_eq!(game.info.home.name, "Turkey");
    assert_eq!(game.info.away.name, "Italy");
    assert_eq!(final_score(game), (Score { home: 0, away: 3 }, None));
    assert_eq!(
        game.info.result,
        Some(FinalResult {
            home: 0,
            away: 3,
            shootout: None
        })
    );
    assert_eq!(
        scorers(game),
        [
            vec![],
            vec![
                "Demiral 53' (og)".to_owned(),
                "Immobile 66'".to_owned(),
                "Insigne 79'".to_owned()
            ]
        ]
    );
    // Demiral's own goal: 52:12 elapsed in the second half, for Italy.
    let own_goal = goals(game)[0];
    assert_eq!(
        own_goal,
        (
            "Merih Demiral",
            Side::Away,
            at(53, 0, 12),
            GoalMethod::OwnGoal
        )
    );
    // Insigne's goal came from Immobile's key pass.
    let insigne = game
        .events
        .iter()
        .find(|e| e.player.as_deref() == Some("Lorenzo Insigne") && e.detail.kind_name() == "goal")
        .expect("Insigne scores");
    assert!(matches!(
        &insigne.detail,
        Detail::Goal { assist: Some(a), xg: Some(_), .. } if &**a == "Ciro Immobile"
    ));
    // 3,803 elements: 2 Starting XI, 2 + 2 duplicate half markers and one
    // Own Goal For merged; 2 foul cards add 2 events.
    assert_eq!(counts(report(&loaded)), (3803, 3796, 7, 0));
    assert_eq!(game.events.len(), 3798);
    // The lineups file sits beside the events and gives the substitutes.
    assert_eq!(game.info.home.players.len(), 23);
    assert_eq!(
        game.info.home.players.iter().filter(|p| p.starter).count(),
        11
    );
    check_invariants(&loaded);
    assert_round_trip(&loaded);
}

#[test]
fn barcelona_2_girona_2_with_the_red_card_and_the_goal_at_45() {
    let Some(dir) = real_dir() else {
        return cup_final_second_yellow_sends_off();
    };
    let loaded = load(&real_events(&dir, "15986_girona_barcelona"));
    let game = &loaded.game;
    assert_eq!(game.info.home.name, "Barcelona");
    assert_eq!(game.info.away.name, "Girona");
    assert_eq!(final_score(game), (Score { home: 2, away: 2 }, None));
    assert_eq!(
        scorers(game),
        [
            vec!["Messi 19'".to_owned(), "Piqué 63'".to_owned()],
            vec!["Stuani 45'".to_owned(), "Stuani 51'".to_owned()]
        ]
    );
    let all = goals(game);
    // 44:29 elapsed is the 45th minute, still in normal time.
    assert_eq!(
        all[1],
        (
            "Cristhian Stuani",
            Side::Away,
            at(45, 0, 29),
            GoalMethod::OpenPlay
        )
    );
    assert_eq!(all[3].3, GoalMethod::Header, "Piqué's goal is a header");

    // Lenglet's straight red at 32:36 elapsed.
    let replay = Replay::new(game.clone());
    let red = game
        .events
        .iter()
        .position(|e| {
            matches!(
                e.detail,
                Detail::Card {
                    card: Card::Red,
                    ..
                }
            )
        })
        .expect("a red card");
    let red_event = &game.events[red];
    assert_eq!(red_event.player.as_deref(), Some("Clément Lenglet"));
    assert_eq!(red_event.clock, Some(at(33, 0, 36)));
    assert!(replay.at(red).sent_off(Side::Home).is_empty());
    assert_eq!(replay.at(red + 1).sent_off(Side::Home), ["Clément Lenglet"]);
    let end = replay.at(replay.full_time());
    assert_eq!(end.sent_off(Side::Home), ["Clément Lenglet"]);
    assert!(end.sent_off(Side::Away).is_empty());
    // Eight yellows and the red.
    assert_eq!(end.cards().len(), 9);
    assert_eq!(end.phase(), Phase::FullTime);

    // 4,027 elements: 2 Starting XI and 2 + 2 half markers merged; 7 foul
    // cards (of 9 cards; 2 are for bad behaviour) add 7 events.
    assert_eq!(counts(report(&loaded)), (4027, 4021, 6, 0));
    assert_eq!(game.events.len(), 4028);
    check_invariants(&loaded);
    assert_round_trip(&loaded);
}

#[test]
fn barcelona_alaves_follows_the_edited_file_3_1() {
    let Some(dir) = real_dir() else {
        return messy_file_loads_what_it_can_and_counts_the_rest();
    };
    let loaded = load(&real_events(&dir, "15946_barcelona_alaves"));
    let game = &loaded.game;
    assert_eq!(game.info.away.name, "Deportivo Alavés");
    // The real match ended 3-0; the file carries an extra own-goal pair
    // (see the data README), and the importer follows the file.
    assert_eq!(final_score(game), (Score { home: 3, away: 1 }, None));
    assert_eq!(
        scorers(game),
        [
            vec![
                "Messi 64'".to_owned(),
                "Coutinho 83'".to_owned(),
                "Messi 90+2'".to_owned()
            ],
            vec!["Pacheco 90' (og)".to_owned()]
        ]
    );
    let all = goals(game);
    assert_eq!(
        all[0].3,
        GoalMethod::FreeKick,
        "Messi's first is a free kick"
    );
    // The edited pair says period 2 but minute 44:51, before the half
    // began; its timestamp (44:51 into the half) places it at 89:51.
    assert_eq!(
        all[2],
        (
            "Fernando Pacheco",
            Side::Away,
            at(90, 0, 51),
            GoalMethod::OwnGoal
        )
    );
    assert_eq!(all[3].2, at(90, 2, 42));
    // 4,009 elements: 2 Starting XI, 2 + 2 half markers and the Own Goal
    // For merged; one foul card adds an event.
    assert_eq!(counts(report(&loaded)), (4009, 4002, 7, 0));
    assert_eq!(game.events.len(), 4003);
    check_invariants(&loaded);
    assert_round_trip(&loaded);
}

#[test]
fn real_files_load_without_their_lineups_too() {
    let Some(dir) = real_dir() else {
        return fixture_loads_without_lineups();
    };
    for (stem, score) in [
        ("3788741_turkey_italy", Score { home: 0, away: 3 }),
        ("15986_girona_barcelona", Score { home: 2, away: 2 }),
        ("15946_barcelona_alaves", Score { home: 3, away: 1 }),
    ] {
        let path = real_events(&dir, stem);
        let bytes = std::fs::read(&path).expect("readable");
        // `parse_bytes` never looks for a lineups file.
        let loaded = import::parse_bytes(stem, &bytes).expect("loads");
        assert_eq!(final_score(&loaded.game).0, score, "{stem}");
        assert!(
            loaded.game.info.home.players.iter().all(|p| p.starter),
            "{stem}: without lineups only the starting eleven is known"
        );
        check_invariants(&loaded);
    }
}

// --- the project's fixtures -----------------------------------------------

#[test]
fn cup_final_extra_time_and_shootout() {
    let loaded = load(&fixture("cup_final_events.json"));
    let game = &loaded.game;
    assert_eq!(game.info.home.name, "Northfield Rovers");
    assert_eq!(game.info.home.code.as_deref(), Some("NOR"));
    assert_eq!(game.info.away.name, "Southport Athletic");

    // A goal in stoppage time of every period.
    let all = goals(game);
    assert_eq!(
        all,
        [
            ("Felipe", Side::Home, at(45, 2, 20), GoalMethod::FreeKick),
            (
                "Sven Aaltonen",
                Side::Away,
                at(90, 3, 40),
                GoalMethod::Header
            ),
            (
                "Luca Ferretti",
                Side::Away,
                at(105, 1, 40),
                GoalMethod::Penalty
            ),
            ("Kwame", Side::Home, at(120, 2, 30), GoalMethod::OwnGoal),
        ]
    );
    let periods: Vec<Period> = game
        .events
        .iter()
        .filter(|e| e.detail.kind_name() == "goal")
        .map(|e| e.period)
        .collect();
    assert_eq!(
        periods,
        [
            Period::First,
            Period::Second,
            Period::ExtraFirst,
            Period::ExtraSecond
        ]
    );
    assert_eq!(
        scorers(game),
        [
            vec!["Felipe 45+2'".to_owned(), "Kwame 120+2' (og)".to_owned()],
            vec![
                "Aaltonen 90+3'".to_owned(),
                "Ferretti 105+1' (pen)".to_owned()
            ]
        ]
    );
    // The header was set up by the pass just before it.
    assert!(game.events.iter().any(|e| matches!(
        &e.detail,
        Detail::Goal { assist: Some(a), .. } if &**a == "Luca Ferretti"
    )));

    // The shoot-out: ten kicks, 4-3, never in the score.
    let kicks: Vec<KickOutcome> = game
        .events
        .iter()
        .filter_map(|e| match e.detail {
            Detail::ShootoutKick { outcome } => Some(outcome),
            _ => None,
        })
        .collect();
    assert_eq!(kicks.len(), 10);
    assert_eq!(
        final_score(game),
        (Score { home: 2, away: 2 }, Some(Score { home: 4, away: 3 }))
    );
    assert_eq!(
        game.info.result,
        Some(FinalResult {
            home: 2,
            away: 2,
            shootout: Some(Score { home: 4, away: 3 })
        })
    );
    let replay = Replay::new(game.clone());
    assert!(replay.has_extra_time());
    assert_eq!(replay.at(replay.full_time()).phase(), Phase::FullTime);

    // One period start and one end per period, though both teams send one.
    let starts = game
        .events
        .iter()
        .filter(|e| matches!(e.detail, Detail::PeriodStart))
        .count();
    let ends = game
        .events
        .iter()
        .filter(|e| matches!(e.detail, Detail::PeriodEnd))
        .count();
    assert_eq!((starts, ends), (5, 5));
    let half_time = game
        .events
        .iter()
        .position(|e| matches!(e.detail, Detail::PeriodEnd))
        .expect("half time");
    assert_eq!(replay.at(half_time + 1).phase().code(), "HT");

    // Penalties: one awarded each way, the home one missed.
    let awarded: Vec<(Side, Option<&str>, Option<&str>)> = game
        .events
        .iter()
        .filter_map(|e| match &e.detail {
            Detail::PenaltyAwarded { fouled, fouler } => {
                Some((e.team?, fouler.as_deref(), fouled.as_deref()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        awarded,
        [
            (Side::Away, Some("Jonny Pike"), Some("Sven Aaltonen")),
            (Side::Home, Some("Kwame"), Some("Danny Whitlow")),
        ]
    );
    let miss = game
        .events
        .iter()
        .find(|e| e.detail.kind_name() == "penalty_miss")
        .expect("a missed penalty");
    assert_eq!(miss.player.as_deref(), Some("Felipe"));
    assert!(matches!(
        &miss.detail,
        Detail::PenaltyMiss { outcome: Some(ShotOutcome::Saved), keeper: Some(k), .. } if &**k == "Ruben Hale"
    ));

    // 55 elements: 2 Starting XI, 5 + 5 duplicate half markers and the Own
    // Goal For merged; 42 load, and the 2 carded fouls give two events
    // each (the foul and its card): 44 events. A penalty foul becomes its
    // penalty alone, so that it counts as one foul.
    assert_eq!(counts(report(&loaded)), (55, 42, 13, 0));
    assert_eq!(game.events.len(), 44);
    // Four "Foul Committed" (three by Southport, one by Northfield), each
    // also recorded as a "Foul Won" by the other side.
    let end = Replay::new(game.clone()).stats_at(game.events.len());
    assert_eq!((end.home.fouls, end.away.fouls), (1, 3));
    check_invariants(&loaded);
    assert_round_trip(&loaded);
}

#[test]
fn cup_final_second_yellow_sends_off() {
    let game = load(&fixture("cup_final_events.json")).game;
    let replay = Replay::new(game.clone());
    let second = game
        .events
        .iter()
        .position(|e| {
            matches!(
                e.detail,
                Detail::Card {
                    card: Card::SecondYellow,
                    ..
                }
            )
        })
        .expect("a second yellow");
    assert_eq!(game.events[second].player.as_deref(), Some("Tomas Brand"));
    assert_eq!(game.events[second].clock, Some(at(76, 0, 0)));
    assert!(replay.at(second).sent_off(Side::Away).is_empty());
    assert_eq!(replay.at(second + 1).sent_off(Side::Away), ["Tomas Brand"]);
    let end = replay.at(replay.full_time());
    assert_eq!(end.sent_off(Side::Away), ["Tomas Brand"]);
    assert!(end.sent_off(Side::Home).is_empty());
    assert_eq!(end.substitutions().len(), 2);
}

#[test]
fn cup_final_team_sheets_come_from_xi_and_lineups() {
    let game = load(&fixture("cup_final_events.json")).game;
    let sheet = |side: Side| -> Vec<(u32, String, Option<String>, bool)> {
        game.info
            .team(side)
            .players
            .iter()
            .map(|p| (p.number, p.name.clone(), p.position.clone(), p.starter))
            .collect()
    };
    let p = |n: u32, name: &str, pos: Option<&str>, starter: bool| {
        (n, name.to_owned(), pos.map(str::to_owned), starter)
    };
    assert_eq!(
        sheet(Side::Home),
        [
            p(1, "Oskar Lindqvist", Some("GK"), true),
            // The lineups file's nickname wins over the full name.
            p(4, "Jonny Pike", Some("RCB"), true),
            p(8, "Marta Okonkwo-Reyes", Some("CM"), true),
            p(10, "Felipe", Some("CAM"), true),
            p(9, "Ivo Kranjčar", Some("ST"), true),
            p(14, "Danny Whitlow", Some("RW"), false),
            p(23, "Harvey Stone", None, false),
        ]
    );
    // Six starters and two substitutes, one of whom never comes on.
    assert_eq!(sheet(Side::Away).len(), 8);
}

#[test]
fn cup_final_is_sorted_although_the_file_is_not() {
    let text = std::fs::read_to_string(fixture("cup_final_events.json")).expect("fixture");
    // The file lists the 120+2' own goal and the 90+3' goal early.
    let own_goal_in_file = text.find("Own Goal For").expect("in the file");
    let kick_off_in_file = text.find("Half End").expect("in the file");
    assert!(own_goal_in_file < kick_off_in_file);

    let game = load(&fixture("cup_final_events.json")).game;
    let kinds: Vec<&str> = game.events.iter().map(|e| e.detail.kind_name()).collect();
    assert_eq!(kinds.first(), Some(&"period_start"));
    assert_eq!(kinds.last(), Some(&"period_end"));
    let own_goal = game
        .events
        .iter()
        .position(|e| {
            matches!(
                e.detail,
                Detail::Goal {
                    method: GoalMethod::OwnGoal,
                    ..
                }
            )
        })
        .expect("own goal");
    assert_eq!(game.events[own_goal + 1].detail.kind_name(), "period_end");
    assert_eq!(game.events[own_goal + 1].period, Period::ExtraSecond);
}

#[test]
fn cup_final_locations_face_one_way() {
    let game = load(&fixture("cup_final_events.json")).game;
    let play = |player: &str, action: &str| {
        game.events
            .iter()
            .find(|e| {
                e.player.as_deref() == Some(player)
                    && matches!(&e.detail, Detail::Play { action: Some(a), .. } if &**a == action)
            })
            .unwrap_or_else(|| panic!("{player} {action}"))
    };
    // Home: StatsBomb (60, 40) on 120 x 80 is the centre spot.
    let home = play("Marta Okonkwo-Reyes", "Pass");
    assert_eq!(home.location.map(|p| (p.x, p.y)), Some((50.0, 50.0)));
    // Away: (12, 20) in their own direction is near the home goal from the
    // home side's view, in the other half of the width.
    let away = play("Kwame", "Pass");
    assert_eq!(away.location.map(|p| (p.x, p.y)), Some((90.0, 75.0)));
    assert!(matches!(
        away.detail,
        Detail::Play { end_location: Some(p), .. } if (p.x, p.y) == (75.0, 25.0)
    ));
}

#[test]
fn lineups_are_found_in_the_open_data_layout_and_given_by_hand() {
    let dir = std::env::temp_dir().join(format!("touchline-statsbomb-{}", std::process::id()));
    let (events_dir, lineups_dir) = (dir.join("data/events"), dir.join("data/lineups"));
    std::fs::create_dir_all(&events_dir).expect("temp dir");
    std::fs::create_dir_all(&lineups_dir).expect("temp dir");
    let events = events_dir.join("9001.json");
    std::fs::copy(fixture("cup_final_events.json"), &events).expect("copy");
    std::fs::copy(
        fixture("cup_final_lineups.json"),
        lineups_dir.join("9001.json"),
    )
    .expect("copy");
    let found = import::statsbomb::find_lineups(&events);
    let loaded = load(&events);
    let nickname = loaded.game.info.home.players[1].name.clone();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found, Some(lineups_dir.join("9001.json")));
    assert_eq!(nickname, "Jonny Pike");

    // Given explicitly, the lineups file may have any name.
    let loaded = import::load_path_with_lineups(
        &fixture("messy_events.json"),
        Some(&fixture("cup_final_lineups.json")),
        LoadOptions::default(),
    )
    .expect("loads");
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("does not name both teams")),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn fixture_loads_without_lineups() {
    let text = std::fs::read_to_string(fixture("cup_final_events.json")).expect("fixture");
    let loaded = import::statsbomb::parse("cup.json", &text, None).expect("loads");
    let home = &loaded.game.info.home;
    // Names as the events give them, and only the eleven who started.
    assert_eq!(home.players[3].name, "Felipe Andrade Souza");
    assert!(home.players.iter().all(|p| p.starter));
    assert_eq!(
        final_score(&loaded.game),
        (Score { home: 2, away: 2 }, Some(Score { home: 4, away: 3 }))
    );
    assert_eq!(scorers(&loaded.game)[1][0], "Aaltonen 90+3'");
    check_invariants(&loaded);
    assert_round_trip(&loaded);
}

#[test]
fn messy_file_loads_what_it_can_and_counts_the_rest() {
    // The fixture starts with a byte-order mark and uses CRLF line ends.
    let path = fixture("messy_events.json");
    let bytes = std::fs::read(&path).expect("fixture");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let loaded = load(&path);
    let r = report(&loaded);
    // Element by element (see the fixture): 6 merged (2 Starting XI, the
    // second team's Half Start and Half End of both halves), 12 skipped,
    // 15 loaded.
    assert_eq!(counts(r), (33, 15, 6, 12));
    let skipped: Vec<(&str, usize)> = r.skipped.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    assert_eq!(
        skipped,
        [
            ("Own Goal For without a matching Own Goal Against", 1),
            ("Shot without a team of the match", 1),
            ("Substitution without a team of the match", 1),
            ("goal without a player", 1),
            ("no event type (\"type.name\")", 1),
            ("no minute within its period", 2),
            ("no period 1 to 5", 2),
            ("not a JSON object", 3),
        ]
    );
    // `validate` prints the warnings: one per reason, and one per kind of
    // field that was ignored.
    let messages: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        messages.contains(&"skipped 3 events: not a JSON object (first: element 6 of the array)")
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("a \"location\" of the wrong type"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("a \"shot\" field of the wrong type"))
    );
    assert!(messages.iter().any(|m| m.contains("card without a player")));
    assert_eq!(messages.len(), 11);

    let game = &loaded.game;
    assert_eq!(game.events.len(), 15);
    let find = |action: &str| {
        game.events
            .iter()
            .find(|e| matches!(&e.detail, Detail::Play { action: Some(a), .. } if &**a == action))
            .unwrap_or_else(|| panic!("no {action}"))
    };
    // Unknown types are plays named by their type.
    assert_eq!(find("Drone Sighting").team, Some(Side::Home));
    // A location of the wrong type is dropped, the event kept.
    assert_eq!(find("Pressure").location, None);
    // A repeated key keeps its last value (minute 33 elapsed: 34').
    assert_eq!(find("Clearance").clock, Some(at(34, 0, 0)));
    // A minute outside its period falls back on the timestamp.
    assert_eq!(find("Ball Recovery").clock, Some(at(4, 0, 0)));
    assert_eq!(find("Interception").clock, Some(at(56, 0, 0)));
    // Control characters from the file never reach the model.
    let dribbler = find("Dribble").player.as_deref().expect("named");
    assert_eq!(dribbler, "Zoë \"Ace\" Quill\u{241B}[31m");
    // The xG of the wrong type is dropped; the chance stays.
    assert!(game.events.iter().any(|e| matches!(
        e.detail,
        Detail::Chance {
            outcome: Some(ShotOutcome::Saved),
            xg: None
        }
    )));
    // The goal listed after full time in the file is sorted into place.
    assert_eq!(scorers(game), [vec!["Costa 41'".to_owned()], vec![]]);
    let replay = Replay::new(game.clone());
    assert_eq!(replay.at(replay.full_time()).phase(), Phase::FullTime);
    check_invariants(&loaded);
    assert_round_trip(&loaded);
}

#[test]
fn statsbomb_files_are_recognised_by_content() {
    assert!(import::statsbomb::looks_like("[]"));
    assert!(import::statsbomb::looks_like("\u{FEFF} \r\n\t[{}]"));
    assert!(!import::statsbomb::looks_like("{\"format\": 1}"));
    assert!(!import::statsbomb::looks_like("  "));
}

fn error_of(bytes: &[u8]) -> String {
    match import::parse_bytes("bad.json", bytes) {
        Ok(_) => panic!(
            "loaded, expected an error: {}",
            String::from_utf8_lossy(bytes)
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn broken_files_are_errors_with_file_line_and_column() {
    assert_eq!(
        error_of(b"[\n  {\"period\": 1,}\n]"),
        "bad.json:2:16: not valid JSON: trailing comma"
    );
    assert_eq!(
        error_of(b"[\n  {\"period\": 1"),
        "bad.json:2:14: the file ends too soon (EOF while parsing an object), expected the rest of the JSON document"
    );
    assert_eq!(
        error_of(b"[nope]"),
        "bad.json:1:3: not valid JSON: expected ident"
    );
    assert_eq!(
        error_of(b"[{\"period\": 1}] [2]"),
        "bad.json:1:17: not valid JSON: trailing characters"
    );
    assert_eq!(
        error_of(b"[]"),
        "bad.json: the array holds no event objects, expected StatsBomb events"
    );
    assert_eq!(
        error_of(b"[1, \"two\", null]"),
        "bad.json: the array holds no event objects, expected StatsBomb events"
    );
    assert_eq!(
        error_of(b"[{\"period\": 1, \"minute\": 3}]"),
        "bad.json: no event names a team, expected StatsBomb events (a JSON array of event objects with \"team\")"
    );

    let events = std::fs::read_to_string(fixture("cup_final_events.json")).expect("fixture");
    let lineups_error =
        |text: &str| match import::statsbomb::parse("e.json", &events, Some(("l.json", text))) {
            Ok(_) => panic!("loaded a broken lineups file: {text}"),
            Err(e) => e.to_string(),
        };
    assert_eq!(
        lineups_error("{\"team_id\": 1}"),
        "l.json:1:1: invalid type: map, expected a JSON array of StatsBomb lineups"
    );
    assert_eq!(
        lineups_error("[{]"),
        "l.json:1:3: not valid JSON: key must be a string"
    );
}

#[test]
fn a_lineups_file_is_only_for_statsbomb_events() {
    let dir = std::env::temp_dir().join(format!("touchline-sb-lineups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let events = dir.join("final_events.json");
    std::fs::copy(fixture("cup_final_events.json"), &events).expect("copy");
    // A lineups file found on its own that is broken costs only the names.
    std::fs::write(dir.join("final_lineups.json"), "not json").expect("write");
    let loaded = import::load_path(&events, LoadOptions::default());
    let given = import::load_path_with_lineups(
        &events,
        Some(&dir.join("final_lineups.json")),
        LoadOptions::default(),
    );
    let bundled = dir.join("match.json");
    std::fs::write(&bundled, import::BUNDLED_MATCH).expect("write");
    let for_match_file = import::load_path_with_lineups(
        &bundled,
        Some(&fixture("cup_final_lineups.json")),
        LoadOptions::default(),
    );
    std::fs::remove_dir_all(&dir).ok();

    let loaded = loaded.expect("the events still load");
    assert!(
        loaded.warnings.iter().any(|w| w
            .to_string()
            .contains("final_lineups.json:1:2: not valid JSON")
            && w.message.ends_with("the match loads without it")),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(
        loaded.game.info.home.players[1].name,
        "Jonathan Alistair Pike"
    );
    // Named by the user, a broken lineups file is an error.
    let given = given.expect_err("a broken lineups file was accepted");
    assert!(
        given.to_string().contains("final_lineups.json:1:2:"),
        "{given}"
    );
    let for_match_file = for_match_file.expect_err("lineups for a match file");
    assert!(
        for_match_file.to_string().contains("is a match file"),
        "{for_match_file}"
    );
}

/// Small deterministic generator for the mutation loops.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Whatever the bytes, the importer returns; and whatever it returns as a
/// match converts to a match file that loads.
fn survives(bytes: &[u8]) {
    if let Ok(loaded) = import::parse_bytes("mutant.json", bytes) {
        if loaded.report.is_some() {
            let written = loaded.game.to_json_pretty();
            if let Err(e) = import::parse_bytes("converted.json", written.as_bytes()) {
                panic!(
                    "an import converts to a broken match file: {e}\n{}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
        let replay = Replay::new(loaded.game);
        let _ = replay.at(replay.full_time()).snapshot();
    }
}

#[test]
fn truncated_files_never_panic() {
    for name in ["messy_events.json", "cup_final_events.json"] {
        let bytes = std::fs::read(fixture(name)).expect("fixture");
        let stride = if bytes.len() > 10_000 { 13 } else { 1 };
        for end in (0..bytes.len()).step_by(stride) {
            survives(&bytes[..end]);
        }
    }
}

#[test]
fn flipped_bytes_never_panic() {
    let mut state = 0x5EED_u64;
    for name in ["messy_events.json", "cup_final_events.json"] {
        let original = std::fs::read(fixture(name)).expect("fixture");
        for _ in 0..1500 {
            let mut bytes = original.clone();
            for _ in 0..1 + xorshift(&mut state) % 4 {
                let at = (xorshift(&mut state) % bytes.len() as u64) as usize;
                // Structural characters and digits make the most mischief.
                let pool = b"{}[]\":,0123456789-.e \x00\x1b\xff";
                bytes[at] = pool[(xorshift(&mut state) % pool.len() as u64) as usize];
            }
            survives(&bytes);
        }
    }
}

/// The importer never descends into what it does not read, so nesting far
/// past any parser's limit costs no stack: the file is refused, plainly.
#[test]
fn deeply_nested_statsbomb_files_are_refused_without_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        error_of(deep.as_bytes()),
        "bad.json: the array holds no event objects, expected StatsBomb events"
    );
    let unclosed = "[".repeat(100_000);
    assert_eq!(
        error_of(unclosed.as_bytes()),
        "bad.json:1:100000: the file ends too soon (EOF while parsing a list), expected the rest of the JSON document"
    );
    let in_a_field = format!(
        r#"[{{"team": {{"id": 1, "name": "A"}}, "x-deep": {}{}}}]"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(import::parse_bytes("bad.json", in_a_field.as_bytes()).is_err());
}

/// StatsBomb's on-target shots are goals, saves and saves onto the post;
/// "Saved Off Target" is a save of a shot that was going wide.
#[test]
fn a_save_of_a_shot_going_wide_is_not_on_target() {
    let shot = |index: u32, (id, team): (u32, &str), outcome: &str| {
        format!(
            r#"{{"index": {index}, "period": 1, "timestamp": "00:10:0{index}.000", "minute": 10, "second": {index},
               "type": {{"name": "Shot"}}, "team": {{"id": {id}, "name": "{team}"}}, "player": {{"id": {index}, "name": "P{index}"}},
               "shot": {{"statsbomb_xg": 0.1, "outcome": {{"name": "{outcome}"}}}}}}"#
        )
    };
    let text = format!(
        "[{}, {}, {}, {}]",
        shot(1, (1, "Home"), "Saved"),
        shot(2, (1, "Home"), "Saved Off Target"),
        shot(3, (1, "Home"), "Saved To Post"),
        shot(4, (2, "Away"), "Goal"),
    );
    let loaded = import::statsbomb::parse("shots.json", &text, None).expect("loads");
    let replay = Replay::new(loaded.game);
    let end = replay.stats_at(replay.steps());
    assert_eq!((end.home.shots, end.home.on_target), (3, 2));
    assert_eq!((end.away.shots, end.away.on_target), (1, 1));
}
