//! The importer for openfootball tournament files (`worldcup.json`,
//! `euro.json`): every match of a tournament with its scores and, where
//! recorded, its goals. Both layouts are read (`{"name", "matches"}` and
//! `{"name", "rounds": [{"name", "matches"}]}`); what the format allows
//! in several forms is normalised here, so a [`Tournament`] has one form
//! for each thing. A file in another shape fails with the file, line and
//! column of the first thing that does not fit.

pub mod bundled;
mod convert;
mod raw;

pub use convert::{SOURCE, fixture_match, stage_label};

use std::path::Path;

use chrono::NaiveTime;

use super::diagnostic::{Diagnostic, LoadError, Source, bare_message};
use super::{LoadOptions, decode_text, read_limited};
use crate::model::tournament::{Fixture, FixtureGoal, FixtureTeam, Scores, Tournament};
use crate::model::{Score, Side};
use crate::text::sanitize_line;
use raw::{RawFile, RawMatch, RawTeam};

/// Whether the first bytes of a file look like an openfootball
/// tournament: an object naming `team1` within `matches` or `rounds`,
/// and none of a match file's own fields.
pub fn looks_like(head: &str) -> bool {
    let body = head.trim_start_matches('\u{feff}').trim_start();
    body.starts_with('{')
        && body.contains("\"team1\"")
        && (body.contains("\"matches\"") || body.contains("\"rounds\""))
        && !body.contains("\"events\"")
        && !body.contains("\"match\"")
}

/// Whether the file at `path` is an openfootball tournament, from its
/// first 4 KiB; a file that cannot be read is not one (loading it then
/// says why).
pub fn is_tournament_file(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(4096);
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    looks_like(&String::from_utf8_lossy(&head))
}

/// A whole-file refusal: the file was read but cannot be what is asked.
fn refused(file: &str, message: impl Into<String>) -> LoadError {
    LoadError::Refused(Diagnostic {
        file: file.to_owned(),
        position: None,
        message: message.into(),
    })
}

/// The error for a tournament file given where one match is expected
/// (the viewer, `summary`, `convert`).
pub fn not_one_match(name: &str) -> LoadError {
    refused(
        name,
        "an openfootball tournament file holds many matches, expected one match; \
         `touchline tournament FILE --table` prints its tables and results, and \
         `touchline DIR` on the folder that holds it lists its matches",
    )
}

/// What `validate` says of a tournament that loads: "openfootball
/// tournament World Cup 2022: 64 matches, 57 with every goal recorded".
pub fn describe(tournament: &Tournament) -> String {
    let played = tournament
        .fixtures
        .iter()
        .filter(|f| f.score.is_played())
        .count();
    let recorded = tournament
        .fixtures
        .iter()
        .filter(|f| f.score.is_played() && f.goals_add_up())
        .count();
    let count = tournament.fixtures.len();
    let mut line = format!(
        "openfootball tournament {}: {count} {}",
        tournament.name,
        if count == 1 { "match" } else { "matches" }
    );
    if played < count {
        line.push_str(&format!(", {} not played", count - played));
    }
    line.push_str(&format!(", {recorded} with every goal recorded"));
    line
}

/// The match at `index` (in kick-off order) of the tournament file at
/// `path`, as the viewer opens it.
pub fn load_fixture(
    path: &Path,
    index: usize,
    options: LoadOptions,
) -> Result<super::Loaded, LoadError> {
    let tournament = load_path(path, options)?;
    let game = fixture_match(&tournament, index).ok_or_else(|| {
        refused(
            &path.display().to_string(),
            format!(
                "has {} matches, expected a match number {index} (the file changed since it was listed?)",
                tournament.fixtures.len()
            ),
        )
    })?;
    Ok(super::Loaded {
        game,
        warnings: Vec::new(),
        report: None,
    })
}

/// Reads and parses the tournament file at `path`.
pub fn load_path(path: &Path, options: LoadOptions) -> Result<Tournament, LoadError> {
    let name = path.display().to_string();
    let bytes = read_limited(path, options)?;
    parse_bytes(&name, &bytes)
}

/// Parses a tournament file's bytes (UTF-8, a byte-order mark allowed).
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Tournament, LoadError> {
    parse(name, decode_text(name, bytes)?)
}

/// Parses a tournament file's text.
pub fn parse(name: &str, text: &str) -> Result<Tournament, LoadError> {
    let src = Source { name, text };
    let body = text.trim_start();
    if !body.starts_with('{') {
        // serde would read an array as a struct's fields in order.
        return Err(LoadError::Malformed(src.at(
            text.len() - body.len(),
            "expected an openfootball tournament: an object with \"name\" and \"matches\" (or \"rounds\")",
        )));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let file: RawFile =
        serde_path_to_error::deserialize(&mut de).map_err(|e| positioned(src, &e))?;
    de.end().map_err(|e| {
        let offset = src.offset_of(0, e.line(), e.column());
        LoadError::Malformed(src.at(offset, bare_message(&e)))
    })?;
    let end = text.trim_end().len().saturating_sub(1);
    let mut fixtures = Vec::new();
    match (file.matches, file.rounds) {
        (Some(matches), None) => {
            for m in matches {
                fixtures.push(fixture(m, None));
            }
        }
        (None, Some(rounds)) => {
            for round in rounds {
                let round_name = clean(&round.name);
                for m in round.matches {
                    fixtures.push(fixture(m, Some(&round_name)));
                }
            }
        }
        (Some(_), Some(_)) => {
            return Err(LoadError::Malformed(src.at(
                end,
                "both \"matches\" and \"rounds\", expected one of the two layouts",
            )));
        }
        (None, None) => {
            return Err(LoadError::Malformed(src.at(
                end,
                "missing field \"matches\", expected the tournament's matches (or \"rounds\" of them)",
            )));
        }
    }
    if fixtures.len() > MAX_MATCHES {
        return Err(LoadError::Malformed(src.at(
            end,
            format!(
                "{} matches, expected a tournament of at most {MAX_MATCHES}",
                fixtures.len()
            ),
        )));
    }
    Ok(Tournament::new(clean(&file.name), fixtures))
}

/// The most matches a tournament file may hold. The largest real one has
/// 104 (the 2026 World Cup); the limit keeps a hostile file from making
/// every step of a tournament screen slow.
pub const MAX_MATCHES: usize = 5_000;

/// A serde error as a diagnostic: at the value that failed (the start of
/// a bad string), prefixed with the path of the field.
fn positioned(src: Source<'_>, error: &serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let inner = error.inner();
    let mut offset = src.offset_of(0, inner.line(), inner.column());
    let mut message = bare_message(inner);
    if inner.classify() == serde_json::error::Category::Data {
        offset = src.start_of_string(offset);
        let path = error.path().to_string();
        if path == "." || path.is_empty() {
            message = format!(
                "{message}; expected an openfootball tournament: an object with \"name\" and \"matches\" (or \"rounds\")"
            );
        } else {
            message = format!("\"{}\": {message}", sanitize_line(&path));
        }
    }
    LoadError::Malformed(src.at(offset, message))
}

fn clean(text: &str) -> String {
    sanitize_line(text.trim()).into_owned()
}

fn team(raw: RawTeam) -> FixtureTeam {
    FixtureTeam {
        name: clean(&raw.name),
        code: raw.code.map(|c| clean(&c)).filter(|c| !c.is_empty()),
    }
}

fn pair(raw: Option<raw::Pair>) -> Option<Score> {
    raw.map(|raw::Pair([home, away])| Score { home, away })
}

/// One match as a fixture. The round comes from the match, else from the
/// round that lists it; a group given only as the round ("Group A", in
/// the Club World Cup) is taken as the group.
fn fixture(m: RawMatch, listed_in: Option<&str>) -> Fixture {
    let round = m
        .round
        .as_deref()
        .map(clean)
        .or_else(|| listed_in.map(str::to_owned))
        .unwrap_or_default();
    let group = m.group.as_deref().map(clean).or_else(|| {
        let lower = round.to_lowercase();
        (lower.starts_with("group ") && !lower.contains("play")).then(|| round.clone())
    });
    let score = m.score.unwrap_or_default();
    let mut goals: Vec<FixtureGoal> = [(Side::Home, m.goals1), (Side::Away, m.goals2)]
        .into_iter()
        .flat_map(|(side, goals)| {
            goals
                .unwrap_or_default()
                .into_iter()
                .map(move |g| (side, g))
        })
        .map(|(side, g)| FixtureGoal {
            player: clean(&g.name),
            clock: g.clock,
            penalty: g.penalty,
            own_goal: g.owngoal,
            side,
        })
        .collect();
    // Sources list a side's goals together and not always in time order;
    // a stable sort keeps the listed order for goals in the same minute.
    goals.sort_by_key(|g| g.clock);
    let (time, utc_offset) = match m.time {
        Some((time, offset)) => (Some(time), offset),
        None => (None::<NaiveTime>, None),
    };
    Fixture {
        num: m.num,
        round,
        group,
        date: m.date,
        time,
        utc_offset,
        ground: m.ground.as_deref().map(clean).filter(|g| !g.is_empty()),
        home: team(m.team1),
        away: team(m.team2),
        score: Scores {
            ht: pair(score.ht),
            ft: pair(score.ft),
            et: pair(score.et),
            penalties: pair(score.p),
        },
        goals,
        status: m.status.as_deref().map(clean).filter(|s| !s.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Clock;

    const MATCHES: &str = r#"{"name": "World Cup 2022",
 "matches": [
  {"round": "Final", "date": "2022-12-18", "time": "18:00",
   "team1": "Argentina", "team2": "France",
   "score": {"p": [4, 2], "et": [3, 3], "ft": [2, 2], "ht": [2, 0]},
   "goals1": [{"name": "Lionel Messi", "minute": 23, "penalty": true},
              {"name": "Lionel Messi", "minute": 108},
              {"name": "Ángel Di María", "minute": 36}],
   "goals2": [{"name": "Kylian Mbappé", "minute": 80, "penalty": true},
              {"name": "Kylian Mbappé", "minute": 81},
              {"name": "Kylian Mbappé", "minute": 118, "penalty": true}],
   "ground": "Lusail Iconic Stadium, Lusail"},
  {"round": "Matchday 1", "date": "2022-11-20", "time": "19:00",
   "team1": "Qatar", "team2": "Ecuador", "score": {"ft": [0, 2]},
   "group": "Group A"}
 ]}"#;

    #[test]
    fn the_matches_layout_reads_in_kick_off_order() {
        let t = parse("wc.json", MATCHES).unwrap();
        assert_eq!(t.name, "World Cup 2022");
        assert_eq!(t.fixtures.len(), 2);
        assert_eq!(t.fixtures[0].home.name, "Qatar");
        assert_eq!(t.fixtures[0].group.as_deref(), Some("Group A"));
        let f = &t.fixtures[1];
        assert_eq!(f.score.penalties, Some(Score { home: 4, away: 2 }));
        assert_eq!(f.time, NaiveTime::from_hms_opt(18, 0, 0));
        assert_eq!(f.utc_offset, None);
        let order: Vec<(&str, u16)> = f
            .goals
            .iter()
            .map(|g| (g.player.as_str(), g.clock.minute))
            .collect();
        assert_eq!(
            order,
            [
                ("Lionel Messi", 23),
                ("Ángel Di María", 36),
                ("Kylian Mbappé", 80),
                ("Kylian Mbappé", 81),
                ("Lionel Messi", 108),
                ("Kylian Mbappé", 118)
            ]
        );
    }

    #[test]
    fn the_rounds_layout_takes_the_round_from_its_list() {
        let t = parse(
            "euro.json",
            r#"{"name": "Euro 2024", "rounds": [{"name": "Matchday 1", "matches": [
                {"num": 1, "date": "2024-06-14", "time": "21:00",
                 "team1": {"name": "Germany", "code": "GER"},
                 "team2": {"name": "Scotland", "code": "SCO"},
                 "score": {"ft": [5, 1], "ht": [3, 0]},
                 "goals1": [{"name": "Can", "minute": 90, "offset": 3}],
                 "goals2": [{"name": "Rüdiger", "minute": 87, "owngoal": true}],
                 "group": "Group A"}]}]}"#,
        )
        .unwrap();
        let f = &t.fixtures[0];
        assert_eq!(f.round, "Matchday 1");
        assert_eq!(f.num, Some(1));
        assert_eq!(f.home.code.as_deref(), Some("GER"));
        let og = &f.goals[0];
        assert_eq!(
            (og.player.as_str(), og.own_goal, og.side),
            ("Rüdiger", true, Side::Away)
        );
        assert_eq!(f.goals[1].clock, Clock::stoppage(90, 3));
    }

    #[test]
    fn a_group_given_as_the_round_is_the_group() {
        let t = parse(
            "cwc.json",
            r#"{"name": "Club World Cup 2025", "matches": [
                {"round": "Group A", "date": "2025-06-14", "time": "20:00",
                 "team1": "Al Ahly SC (EGY)", "team2": "Inter Miami CF (USA)", "score": {"ft": [0, 0]}},
                {"round": "Group 2 Play-off", "date": "2025-06-20",
                 "team1": "A", "team2": "B", "score": {}}]}"#,
        )
        .unwrap();
        assert_eq!(t.fixtures[0].group.as_deref(), Some("Group A"));
        assert_eq!(t.fixtures[1].group, None);
        assert!(!t.fixtures[1].score.is_played());
    }

    #[test]
    fn unplayed_matches_have_no_score() {
        let t = parse(
            "wc.json",
            r#"{"name": "World Cup 1938", "matches": [
                {"round": "First round", "date": "1938-06-05", "team1": "Sweden",
                 "team2": "Austria", "status": "canceled"}]}"#,
        )
        .unwrap();
        let f = &t.fixtures[0];
        assert!(!f.score.is_played());
        assert_eq!(f.status.as_deref(), Some("canceled"));
        assert_eq!(f.time, None);
    }

    #[test]
    fn names_pass_the_sanitiser() {
        let t = parse(
            "wc.json",
            r#"{"name": "Cup\u001b]0;x\u0007", "matches": [
                {"round": "R", "date": "1938-06-05", "team1": "A\u0007", "team2": "B",
                 "goals1": [{"name": "Evil\u001b[2J", "minute": 3}], "score": {"ft": [1, 0]}}]}"#,
        )
        .unwrap();
        let all = format!(
            "{} {} {}",
            t.name, t.fixtures[0].home.name, t.fixtures[0].goals[0].player
        );
        assert!(!all.chars().any(char::is_control), "{all:?}");
    }

    #[test]
    fn another_shape_fails_at_a_line_and_column() {
        let error = |text: &str| parse("t.json", text).unwrap_err().to_string();
        let e = error("{\"name\": \"X\",\n \"matches\": [{\"date\": \"2022-13-01\"}]}");
        assert!(e.starts_with("t.json:2:"), "{e}");
        assert!(
            e.contains("\"matches[0].date\": invalid date \"2022-13-01\""),
            "{e}"
        );
        let e = error(
            "{\"name\": \"X\", \"matches\": [\n {\"date\": \"2022-12-01\", \"team1\": \"A\", \"team2\": \"B\",\n  \"goals1\": [{\"name\": \"P\", \"minute\": \"ninety\"}]}]}",
        );
        assert!(e.starts_with("t.json:3:"), "{e}");
        assert!(e.contains("invalid minute \"ninety\""), "{e}");
        let e = error("{\"name\": \"X\"}");
        assert!(e.contains("missing field \"matches\""), "{e}");
        let e = error("{\"name\": \"X\", \"matches\": [], \"rounds\": []}");
        assert!(e.contains("both \"matches\" and \"rounds\""), "{e}");
        let e = error("[1, 2]");
        assert!(e.starts_with("t.json:1:1"), "{e}");
        assert!(e.contains("expected an openfootball tournament"), "{e}");
        let e = error(
            "{\"name\": \"X\", \"matches\": [{\"date\": \"2022-12-01\", \"team1\": \"A\", \"team2\": \"B\", \"score\": {\"ft\": [1, 2, 3]}}]}",
        );
        assert!(e.contains("\"matches[0].score.ft\""), "{e}");
        let e = error("{\"name\": \"X\", \"matches\": [");
        assert!(e.contains("ends too soon"), "{e}");
    }

    #[test]
    fn a_tournament_where_one_match_is_expected_is_refused_with_a_pointer() {
        let e = crate::import::parse_bytes("wc.json", MATCHES.as_bytes()).unwrap_err();
        assert!(
            e.to_string().contains("touchline tournament FILE --table"),
            "{e}"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("worldcup.json");
        std::fs::write(&path, MATCHES).unwrap();
        assert!(is_tournament_file(&path));
        let e = crate::import::load_path(&path, LoadOptions::default()).unwrap_err();
        assert!(e.to_string().contains("many matches"), "{e}");
        assert_eq!(
            load_path(&path, LoadOptions::default())
                .unwrap()
                .fixtures
                .len(),
            2
        );
        let t = parse("wc.json", MATCHES).unwrap();
        assert_eq!(
            describe(&t),
            "openfootball tournament World Cup 2022: 2 matches, 1 with every goal recorded"
        );
    }

    #[test]
    fn a_file_of_more_matches_than_any_tournament_is_refused() {
        let one = r#"{"round": "R", "date": "2030-01-01", "team1": "A", "team2": "B"}"#;
        let file = |n: usize| {
            format!(
                "{{\"name\": \"Big\", \"matches\": [{}]}}",
                vec![one; n].join(",")
            )
        };
        assert_eq!(
            parse("big.json", &file(MAX_MATCHES))
                .unwrap()
                .fixtures
                .len(),
            MAX_MATCHES
        );
        let e = parse("big.json", &file(MAX_MATCHES + 1))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("5001 matches, expected a tournament of at most 5000"),
            "{e}"
        );
    }

    #[test]
    fn detection_tells_tournaments_from_match_files() {
        assert!(looks_like(MATCHES));
        assert!(looks_like(
            "\u{feff}{\n  \"name\": \"Euro 2024\",\n  \"rounds\": [{\"name\": \"Matchday 1\", \"matches\": [{\"team1\": {"
        ));
        assert!(!looks_like(crate::import::BUNDLED_MATCH));
        assert!(!looks_like("[{\"team1\": 1, \"matches\": 2}]"));
        assert!(!looks_like("{\"name\": \"config\"}"));
    }
}
