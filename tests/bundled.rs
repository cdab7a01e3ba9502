//! The bundled England 1-2 France match: it loads cleanly, tells every
//! moment of the report, and its quotes are the speakers' own words.

use touchline::import;
use touchline::model::{Detail, GoalMethod, Side};
use touchline::replay::{Phase, Replay};

fn replay() -> Replay {
    let loaded = import::bundled();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    Replay::new(loaded.game)
}

fn labels(replay: &Replay, step: usize, side: Side) -> Vec<String> {
    replay
        .at(step)
        .scorers(side)
        .iter()
        .map(|s| s.label())
        .collect()
}

#[test]
fn the_bundled_match_ends_1_2_with_the_right_scorers() {
    let r = replay();
    let end = r.at(r.full_time());
    assert_eq!((end.score().home, end.score().away), (1, 2));
    assert_eq!(end.phase(), Phase::FullTime);
    assert_eq!(labels(&r, r.full_time(), Side::Home), ["Kane 54' (pen)"]);
    assert_eq!(
        labels(&r, r.full_time(), Side::Away),
        ["Tchouaméni 17'", "Giroud 78'"]
    );
    let info = &r.game().info;
    let declared = info.result.unwrap();
    assert_eq!((declared.home, declared.away), (1, 2));
    assert!(info.source.as_deref().unwrap_or("").contains("AFP"));
}

#[test]
fn the_score_moves_at_each_goal() {
    let r = replay();
    let at = |clock: &str| {
        let s = r.at(r.step_at_clock(clock.parse().unwrap())).score();
        (s.home, s.away)
    };
    assert_eq!(at("16"), (0, 0));
    assert_eq!(at("17"), (0, 1));
    assert_eq!(at("54"), (1, 1));
    assert_eq!(at("78"), (1, 2));
    assert_eq!(at("90+11"), (1, 2));
}

#[test]
fn it_opens_at_kick_off_and_halftime_tells_the_upamecano_claim() {
    let r = replay();
    let ko = r.at(r.kick_off());
    assert!(matches!(ko.event().unwrap().detail, Detail::PeriodStart));
    let ht = r
        .game()
        .events
        .iter()
        .find(|e| matches!(e.detail, Detail::PeriodEnd))
        .unwrap();
    assert_eq!(ht.clock.unwrap().to_string(), "45+5");
    assert!(ht.text.as_deref().unwrap().contains("Upamecano"));
}

#[test]
fn every_moment_of_the_report_has_its_own_commentary() {
    let r = replay();
    let events = &r.game().events;
    assert!(
        events
            .iter()
            .all(|e| e.text.as_deref().is_some_and(|t| !t.is_empty()))
    );
    let all_text: String = events
        .iter()
        .filter_map(|e| e.text.as_deref())
        .collect::<Vec<_>>()
        .join("\n");
    for fact in [
        "Rooney",
        "53",
        "1966",
        "Morocco",
        "Brazil",
        "Germany",
        "Spain",
        "Portugal",
        "Lloris",
        "Sampaio",
        "Maguire",
        "extra time",
    ] {
        assert!(all_text.contains(fact), "no commentary mentions {fact}");
    }
    let miss = events
        .iter()
        .find(|e| matches!(e.detail, Detail::PenaltyMiss { .. }))
        .unwrap();
    assert_eq!(miss.player.as_deref(), Some("Harry Kane"));
    assert_eq!(miss.clock.unwrap().to_string(), "84");
    let kane = events
        .iter()
        .find(|e| {
            matches!(
                e.detail,
                Detail::Goal {
                    method: GoalMethod::Penalty,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(kane.clock.unwrap().to_string(), "54");
    let giroud = events
        .iter()
        .find(|e| {
            matches!(
                e.detail,
                Detail::Goal {
                    method: GoalMethod::Header,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(giroud.player.as_deref(), Some("Olivier Giroud"));
}

#[test]
fn quotes_are_attributed_and_henderson_spoke_to_itv() {
    let r = replay();
    let quotes: Vec<_> = r.game().events.iter().flat_map(|e| &e.quotes).collect();
    assert!(quotes.len() >= 10);
    for q in &quotes {
        match q.speaker.as_str() {
            "Jordan Henderson" => assert_eq!(q.source.as_deref(), Some("ITV")),
            "Gareth Southgate" => assert!(q.role.as_deref().unwrap().contains("manager")),
            other => panic!("unexpected speaker {other}"),
        }
        assert!(q.role.is_some());
    }
}

/// With the seed report at hand (CI sets `TOUCHLINE_SHARED_DIR`), every
/// quote must be found in it word for word.
#[test]
fn quotes_are_word_for_word_from_the_seed_report() {
    let Some(shared) = std::env::var_os("TOUCHLINE_SHARED_DIR") else {
        eprintln!(
            "note: TOUCHLINE_SHARED_DIR is not set; checking quotes against the report is left to CI"
        );
        return;
    };
    let path = std::path::Path::new(&shared).join("seed/england-france-2022-report.txt");
    let report = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "TOUCHLINE_SHARED_DIR is set but {} cannot be read: {e}",
            path.display()
        )
    });
    let r = replay();
    for q in r.game().events.iter().flat_map(|e| &e.quotes) {
        assert!(
            report.contains(&q.text),
            "not in the report word for word: {:?}",
            q.text
        );
    }
}

#[test]
fn names_carry_their_accents() {
    let r = replay();
    let names: Vec<&str> = [Side::Home, Side::Away]
        .iter()
        .flat_map(|&s| {
            r.game()
                .info
                .team(s)
                .players
                .iter()
                .map(|p| p.name.as_str())
        })
        .collect();
    for name in [
        "Aurélien Tchouaméni",
        "Ousmane Dembélé",
        "Theo Hernández",
        "Kylian Mbappé",
        "Jules Koundé",
        "Raphaël Varane",
    ] {
        assert!(names.contains(&name), "{name} missing");
    }
    // Full squads: every player named for the match, 25 for England and
    // 24 for France.
    assert_eq!(names.len(), 25 + 24);
}

/// Henderson and Southgate spoke after the match: their words sit on the
/// full-time whistle or after it, never on a moment of play.
#[test]
fn the_post_match_quotes_come_at_full_time_or_after() {
    let r = replay();
    let events = &r.game().events;
    let whistle = events
        .iter()
        .rposition(|e| matches!(e.detail, Detail::PeriodEnd))
        .expect("a final whistle");
    for (i, event) in events.iter().enumerate() {
        if !event.quotes.is_empty() {
            assert!(
                i >= whistle,
                "quotes on {} at {:?}, before the final whistle",
                event.detail.kind_name(),
                event.clock
            );
        }
    }
    let quoted: usize = events[whistle..].iter().map(|e| e.quotes.len()).sum();
    assert_eq!(quoted, 12);
    assert_eq!(r.at(r.full_time()).phase(), Phase::FullTime);
}

/// Every figure the Stats view shows for the bundled match is a count of
/// what the file says, read here from the file's JSON.
#[test]
fn the_bundled_stats_are_what_the_file_says() {
    let doc: serde_json::Value =
        serde_json::from_str(import::BUNDLED_MATCH).expect("the bundled match is JSON");
    let events = doc["events"].as_array().expect("events");
    let count = |side: &str, wanted: &dyn Fn(&serde_json::Value) -> bool| {
        events
            .iter()
            .filter(|e| e["team"] == side && wanted(e))
            .count()
    };
    let kind = |e: &serde_json::Value, k: &str| e["kind"] == k;
    let r = replay();
    let stats = r.stats_at(r.full_time());
    for (side, name, other) in [(Side::Home, "home", "away"), (Side::Away, "away", "home")] {
        let got = stats.side(side);
        let shots = count(name, &|e| {
            (kind(e, "goal") && e["method"] != "own_goal")
                || kind(e, "chance")
                || kind(e, "penalty_miss")
        });
        let on_target = count(name, &|e| {
            (kind(e, "goal") && e["method"] != "own_goal")
                || ((kind(e, "chance") || kind(e, "penalty_miss")) && e["outcome"] == "saved")
        });
        // A penalty is given to a side for the other side's foul.
        let fouls =
            count(name, &|e| kind(e, "foul")) + count(other, &|e| kind(e, "penalty_awarded"));
        let yellow = count(name, &|e| kind(e, "yellow_card"));
        let red = count(name, &|e| kind(e, "red_card") || kind(e, "second_yellow"));
        assert_eq!(
            (
                got.shots,
                got.on_target,
                got.fouls,
                got.yellow_cards,
                got.red_cards
            ),
            (shots, on_target, fouls, yellow, red),
            "{name}"
        );
    }
    // England: the penalty goal, the missed penalty and Rashford's free
    // kick; France: two goals. One foul each way gave a penalty.
    assert_eq!((stats.home.shots, stats.away.shots), (3, 2));
    assert_eq!((stats.home.fouls, stats.away.fouls), (0, 2));
    assert!(!stats.has_xg && !stats.has_passes && !stats.has_possession_time);
}

/// The squads, shirt numbers, starters, the minutes of cards and
/// substitutions, and the match facts agree with StatsBomb's open data for
/// this match (CI sets `TOUCHLINE_SHARED_DIR`).
#[test]
fn squads_and_facts_agree_with_the_statsbomb_open_data() {
    let Some(shared) = std::env::var_os("TOUCHLINE_SHARED_DIR") else {
        eprintln!(
            "note: TOUCHLINE_SHARED_DIR is not set; checking the squads against StatsBomb's open data is left to CI"
        );
        return;
    };
    let data = std::path::Path::new(&shared).join("data/statsbomb-open-data/data");
    let read = |path: std::path::PathBuf| -> serde_json::Value {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "TOUCHLINE_SHARED_DIR is set but {} cannot be read: {e}",
                path.display()
            )
        });
        serde_json::from_str(&text).expect("StatsBomb JSON")
    };
    let lineups = read(data.join("lineups/3869354.json"));
    let matches = read(data.join("matches/43/106.json"));
    let facts = matches
        .as_array()
        .expect("a list of matches")
        .iter()
        .find(|m| m["match_id"] == 3869354)
        .expect("match 3869354");

    let r = replay();
    let info = &r.game().info;
    assert_eq!(
        facts["home_team"]["home_team_name"],
        info.home.name.as_str()
    );
    assert_eq!(
        facts["away_team"]["away_team_name"],
        info.away.name.as_str()
    );
    let result = info.result.expect("a declared result");
    assert_eq!(
        (facts["home_score"].as_u64(), facts["away_score"].as_u64()),
        (Some(u64::from(result.home)), Some(u64::from(result.away)))
    );
    let kickoff = info.kickoff.expect("a kick-off time");
    assert_eq!(
        facts["match_date"],
        kickoff.date_naive().to_string().as_str()
    );
    let stadium = facts["stadium"]["name"].as_str().expect("a stadium");
    assert!(info.venue.as_deref().unwrap().starts_with(stadium));
    let referee = facts["referee"]["name"].as_str().expect("a referee");
    let country = facts["referee"]["country"]["name"]
        .as_str()
        .expect("a country");
    assert_eq!(
        info.referee.as_deref(),
        Some(format!("{referee} ({country})").as_str())
    );
    for (side, key) in [(Side::Home, "home_team"), (Side::Away, "away_team")] {
        let manager = &facts[key]["managers"][0]["name"];
        assert_eq!(
            info.team(side).manager.as_deref(),
            manager.as_str(),
            "{key}"
        );
    }

    // "MM:SS" of elapsed time in a period as the match file writes it.
    let displayed = |elapsed: &str, period: u64| {
        let minute: u32 = elapsed.split(':').next().unwrap().parse().unwrap();
        let shown = minute + 1;
        let end = if period == 1 { 45 } else { 90 };
        if shown > end {
            format!("{end}+{}", shown - end)
        } else {
            shown.to_string()
        }
    };
    let events = &r.game().events;
    for team in lineups.as_array().expect("two teams") {
        let name = team["team_name"].as_str().unwrap();
        let side = if name == info.home.name {
            Side::Home
        } else {
            Side::Away
        };
        let sheet = &info.team(side).players;
        let players = team["lineup"].as_array().unwrap();
        assert_eq!(sheet.len(), players.len(), "{name}: squad size");
        for entry in players {
            let number = entry["jersey_number"].as_u64().unwrap() as u32;
            let full_name = entry["player_name"].as_str().unwrap();
            let player = sheet
                .iter()
                .find(|p| p.number == number)
                .unwrap_or_else(|| panic!("{name}: no number {number} ({full_name})"));
            let surname = player.name.split_whitespace().last().unwrap();
            assert!(
                full_name.split_whitespace().any(|w| w == surname),
                "{name} {number}: {} is not {full_name}",
                player.name
            );
            let positions = entry["positions"].as_array().unwrap();
            let started = positions.iter().any(|p| p["start_reason"] == "Starting XI");
            assert_eq!(player.starter, started, "{}", player.name);
            // A substitute's position is the one he played; one who never
            // came on has none.
            assert_eq!(
                player.position.is_some(),
                !positions.is_empty(),
                "{}",
                player.name
            );
            for on in positions.iter().filter(|p| {
                p["start_reason"]
                    .as_str()
                    .unwrap()
                    .starts_with("Substitution")
            }) {
                let minute = displayed(on["from"].as_str().unwrap(), 2);
                assert!(
                    events.iter().any(|e| matches!(
                        &e.detail,
                        Detail::Substitution { player_in: Some(p), .. } if **p == player.name
                    ) && e.clock.unwrap().to_string() == minute),
                    "{} comes on at {minute}",
                    player.name
                );
            }
            for card in entry["cards"].as_array().unwrap() {
                let minute = displayed(
                    card["time"].as_str().unwrap(),
                    card["period"].as_u64().unwrap(),
                );
                assert_eq!(card["card_type"], "Yellow Card");
                assert!(
                    events
                        .iter()
                        .any(|e| matches!(e.detail, Detail::Card { .. })
                            && e.player.as_deref() == Some(player.name.as_str())
                            && e.clock.unwrap().to_string() == minute),
                    "{} is booked at {minute}",
                    player.name
                );
            }
        }
    }
}
