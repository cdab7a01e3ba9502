//! Reading just enough of one file to list it: serde_json over a buffered
//! reader, stopped (by a visitor that returns early) as soon as the
//! description is complete, so the rest of the file is never read.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::Deserializer as _;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::open_data::MatchListEntry;
use super::{Entry, Format, Origin, competition_label};
use crate::import::LoadOptions;
use crate::import::openfootball;
use crate::model::{FinalResult, Side};
use crate::text::sanitize_line;

/// Why a file cannot be listed; it displays as a sentence that says what
/// was expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DescribeError {
    /// The operating system could not read it.
    #[error("cannot read it: {detail}")]
    Unreadable {
        /// What kind of failure.
        kind: std::io::ErrorKind,
        /// The operating system's words for it.
        detail: String,
    },
    /// The file is over the size limit.
    #[error(
        "file is {size} bytes, larger than the limit of {limit} bytes (raise it with --max-size)"
    )]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Nothing but white space.
    #[error("the file is empty, expected a match file")]
    Empty,
    /// It does not start as JSON does.
    #[error("not JSON: expected a match file (an object) or StatsBomb events (an array)")]
    NotJson,
    /// The JSON breaks off or goes wrong before the description is
    /// complete; serde_json's message, at its line and column when known.
    #[error("{}", match position {
        Some((line, column)) => format!("line {line}, column {column}: {message}"),
        None => message.clone(),
    })]
    Json {
        /// 1-based line and column.
        position: Option<(usize, usize)>,
        /// What serde_json found.
        message: String,
    },
    /// A match file of another format version.
    #[error("\"format\" is {0}, expected 1 (this touchline reads match file format 1)")]
    Format(String),
    /// A match file's events with no `match` object.
    #[error("missing field \"match\", expected the match's teams and facts")]
    NoMatch,
    /// A match file's `match` without the name of one side.
    #[error("\"match\" has no {0} team name, expected {0}.name")]
    NoTeamName(Side),
    /// StatsBomb events whose first events name fewer than two teams.
    #[error(
        "StatsBomb events naming fewer than two teams in their first {HEAD_EVENTS} events, expected both teams' \"Starting XI\""
    )]
    FewTeams,
    /// A folder under the one scanned that cannot be listed.
    #[error("cannot list this folder: {detail}")]
    Folder {
        /// What kind of failure.
        kind: std::io::ErrorKind,
        /// The operating system's words for it.
        detail: String,
    },
}

impl DescribeError {
    fn io(error: &std::io::Error) -> Self {
        DescribeError::Unreadable {
            kind: error.kind(),
            detail: error.to_string(),
        }
    }
}

/// What a file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Described {
    /// A match: a match file or a StatsBomb events file.
    Match(Entry),
    /// The matches of an openfootball tournament file, in kick-off order
    /// (those played; a cancelled match has nothing to replay).
    Tournament(Vec<Entry>),
    /// A StatsBomb match list (`matches/COMP/SEASON.json`).
    MatchList(Vec<MatchListEntry>),
    /// A StatsBomb lineups file.
    Lineups,
    /// JSON that is none of these (a config file, an unrelated array).
    Other,
}

/// How many leading events of a StatsBomb file are searched for the two
/// "Starting XI" events (they are the first two in real files).
const HEAD_EVENTS: usize = 64;

/// Describes the file at `path`, or says why it cannot be listed.
pub fn describe_file(path: &Path, options: LoadOptions) -> Result<Described, DescribeError> {
    let meta = std::fs::metadata(path).map_err(|e| DescribeError::io(&e))?;
    if meta.len() > options.max_size {
        return Err(DescribeError::TooLarge {
            size: meta.len(),
            limit: options.max_size,
        });
    }
    let file = File::open(path).map_err(|e| DescribeError::io(&e))?;
    describe(path, BufReader::with_capacity(16 * 1024, file))
}

/// [`describe_file`] on any reader; `path` is where the entry says it
/// comes from.
pub fn describe(path: &Path, mut reader: impl BufRead) -> Result<Described, DescribeError> {
    skip_bom_and_space(&mut reader)?;
    let first = reader
        .fill_buf()
        .map_err(|e| DescribeError::io(&e))?
        .first()
        .copied();
    match first {
        None => Err(DescribeError::Empty),
        Some(b'{') => {
            let head = reader.fill_buf().map_err(|e| DescribeError::io(&e))?;
            if openfootball::looks_like(&String::from_utf8_lossy(head)) {
                tournament(path, reader)
            } else {
                match_file(path, reader)
            }
        }
        Some(b'[') => statsbomb(path, reader),
        Some(_) => Err(DescribeError::NotJson),
    }
}

fn skip_bom_and_space(reader: &mut impl BufRead) -> Result<(), DescribeError> {
    let mut first = true;
    loop {
        let buf = reader.fill_buf().map_err(|e| DescribeError::io(&e))?;
        if buf.is_empty() {
            return Ok(());
        }
        if first && buf.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
            first = false;
            continue;
        }
        first = false;
        let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let whole = n == buf.len();
        reader.consume(n);
        if !whole {
            return Ok(());
        }
    }
}

/// serde_json's error, its message and its place apart.
fn json_error(error: &serde_json::Error) -> DescribeError {
    let text = error.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m)
        .to_owned();
    DescribeError::Json {
        position: (error.line() != 0).then(|| (error.line(), error.column())),
        message,
    }
}

/// The error a visitor returns to stop reading once it has what it needs.
const STOP: &str = "touchline: description complete";

fn stopped(error: &serde_json::Error) -> bool {
    error.to_string().starts_with(STOP)
}

// ---- match files -----------------------------------------------------------

#[derive(Default)]
struct Top {
    format: Option<Value>,
    info: Option<Value>,
    has_events: bool,
}

struct TopVisitor<'a>(&'a mut Top);

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a match file object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => self.0.format = Some(map.next_value()?),
                "match" => {
                    self.0.info = Some(map.next_value()?);
                    // Everything the list needs is known: stop reading.
                    return Err(de::Error::custom(STOP));
                }
                "events" => {
                    self.0.has_events = true;
                    map.next_value::<IgnoredAny>()?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

fn match_file(path: &Path, reader: impl Read) -> Result<Described, DescribeError> {
    let mut top = Top::default();
    let mut de = serde_json::Deserializer::from_reader(reader);
    if let Err(error) = de.deserialize_map(TopVisitor(&mut top))
        && !stopped(&error)
    {
        return Err(json_error(&error));
    }
    if let Some(format) = &top.format
        && format.as_u64() != Some(1)
    {
        return Err(DescribeError::Format(format.to_string()));
    }
    let Some(info) = top.info else {
        return if top.has_events {
            Err(DescribeError::NoMatch)
        } else {
            // Some other JSON object: not a match file at all.
            Ok(Described::Other)
        };
    };
    let text = |value: &Value, key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(|s| sanitize_line(s.trim()).into_owned())
            .filter(|s| !s.is_empty())
    };
    let team = |side: Side| {
        info.get(side.as_str())
            .and_then(|team| text(team, "name"))
            .ok_or(DescribeError::NoTeamName(side))
    };
    let (home, away) = (team(Side::Home)?, team(Side::Away)?);
    let date = info
        .get("kickoff")
        .and_then(Value::as_str)
        .and_then(|k| chrono::DateTime::parse_from_rfc3339(k).ok())
        .map(|k| k.date_naive());
    let result = info
        .get("result")
        .and_then(|r| serde_json::from_value::<FinalResult>(r.clone()).ok());
    Ok(Described::Match(Entry {
        origin: Origin::File(path.to_path_buf()),
        format: Format::MatchFile,
        date,
        competition: competition_label(
            text(&info, "competition").as_deref(),
            text(&info, "stage").as_deref(),
        ),
        home,
        away,
        result,
    }))
}

// ---- openfootball tournaments ------------------------------------------------

fn tournament(path: &Path, mut reader: impl Read) -> Result<Described, DescribeError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| DescribeError::io(&e))?;
    let name = path.display().to_string();
    let t = openfootball::parse_bytes(&name, &bytes).map_err(|e| {
        let diagnostic = e.diagnostic();
        DescribeError::Json {
            position: diagnostic.position,
            message: diagnostic.message,
        }
    })?;
    let entries = t
        .fixtures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.score.is_played())
        .map(|(index, f)| Entry {
            origin: Origin::Fixture {
                path: path.to_path_buf(),
                index,
            },
            format: Format::OpenFootball,
            date: Some(f.date),
            competition: competition_label(Some(&t.name), Some(&openfootball::stage_label(f))),
            home: sanitize_line(&f.home.name).into_owned(),
            away: sanitize_line(&f.away.name).into_owned(),
            result: f.score.result().map(|result| FinalResult {
                home: result.home,
                away: result.away,
                shootout: f.score.penalties,
            }),
        })
        .collect();
    Ok(Described::Tournament(entries))
}

// ---- StatsBomb arrays --------------------------------------------------------

/// What the first elements of an array said.
#[derive(Default)]
struct Head {
    kind: HeadKind,
    /// Teams of the "Starting XI" events, in order.
    lineups: Vec<String>,
    /// Every team named in the events read, in order.
    teams: Vec<String>,
    list: Vec<MatchListEntry>,
}

#[derive(Default, PartialEq)]
enum HeadKind {
    #[default]
    Empty,
    Events,
    Lineups,
    MatchList,
    Other,
}

struct HeadVisitor<'a>(&'a mut Head);

fn team_name(event: &Value) -> Option<String> {
    let name = event.get("team")?.get("name")?.as_str()?.trim();
    (!name.is_empty()).then(|| sanitize_line(name).into_owned())
}

impl<'de> Visitor<'de> for HeadVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let head = self.0;
        let Some(first) = seq.next_element::<Value>()? else {
            return Ok(());
        };
        if first.get("lineup").is_some() && first.get("team_name").is_some() {
            head.kind = HeadKind::Lineups;
            return Err(de::Error::custom(STOP));
        }
        let listed = first.get("home_team").is_some() || first.get("match_date").is_some();
        if first.get("match_id").is_some() && listed {
            head.kind = HeadKind::MatchList;
            head.list.extend(MatchListEntry::from_value(&first));
            while let Some(value) = seq.next_element::<Value>()? {
                head.list.extend(MatchListEntry::from_value(&value));
            }
            return Ok(());
        }
        if first.get("type").is_none() || first.get("period").is_none() {
            head.kind = HeadKind::Other;
            return Err(de::Error::custom(STOP));
        }
        head.kind = HeadKind::Events;
        let mut event = Some(first);
        let mut read = 0;
        while let Some(value) = event.take() {
            if let Some(team) = team_name(&value) {
                let starting = value
                    .get("type")
                    .and_then(|t| t.get("name"))
                    .and_then(Value::as_str)
                    == Some("Starting XI");
                if starting && !head.lineups.contains(&team) {
                    head.lineups.push(team.clone());
                }
                if !head.teams.contains(&team) {
                    head.teams.push(team);
                }
            }
            read += 1;
            if head.lineups.len() >= 2 || read >= HEAD_EVENTS {
                return Err(de::Error::custom(STOP));
            }
            event = seq.next_element::<Value>()?;
        }
        Ok(())
    }
}

fn statsbomb(path: &Path, reader: impl Read) -> Result<Described, DescribeError> {
    let mut head = Head::default();
    let mut de = serde_json::Deserializer::from_reader(reader);
    let outcome = de.deserialize_seq(HeadVisitor(&mut head));
    match (&outcome, &head.kind) {
        (Err(error), _)
            if !stopped(error)
            // A match list must be read whole; a broken one is unreadable.
            // An events file broken after its teams is still listed: the
            // viewer reports the break when it is opened.
            && (head.kind != HeadKind::Events || head.teams.len() < 2) =>
        {
            return Err(json_error(error));
        }
        _ => {}
    }
    match head.kind {
        HeadKind::Empty | HeadKind::Other => Ok(Described::Other),
        HeadKind::Lineups => Ok(Described::Lineups),
        HeadKind::MatchList => Ok(Described::MatchList(head.list)),
        HeadKind::Events => {
            // The importer makes the first "Starting XI" team home; without
            // those events, the first two teams named stand in.
            let teams = if head.lineups.len() >= 2 {
                head.lineups
            } else {
                head.teams
            };
            let [home, away] =
                <[String; 2]>::try_from(teams.into_iter().take(2).collect::<Vec<_>>())
                    .map_err(|_| DescribeError::FewTeams)?;
            Ok(Described::Match(Entry {
                origin: Origin::File(path.to_path_buf()),
                format: Format::StatsBomb,
                date: None,
                competition: None,
                home,
                away,
                result: None,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe_str(text: &str) -> Result<Described, DescribeError> {
        describe(Path::new("m.json"), text.as_bytes())
    }

    fn entry(text: &str) -> Entry {
        match describe_str(text) {
            Ok(Described::Match(entry)) => entry,
            other => panic!("not a match: {other:?}"),
        }
    }

    #[test]
    fn a_match_file_is_described_from_its_header_alone() {
        // The events after the header are not even valid JSON: they are
        // never read.
        let e = entry(
            "\u{feff}  {\"format\": 1, \"match\": {\"competition\": \"Cup\", \"stage\": \"Final\",
              \"kickoff\": \"2024-05-11T23:30:00-03:00\",
              \"home\": {\"name\": \"Riverside\"}, \"away\": {\"name\": \"Hill\\u0007 Rovers\"},
              \"result\": {\"home\": 2, \"away\": 1}},
             \"events\": [ this is not JSON",
        );
        assert_eq!(e.format, Format::MatchFile);
        assert_eq!(e.home, "Riverside");
        assert!(!e.away.contains('\u{7}'), "sanitised: {:?}", e.away);
        assert_eq!(e.competition.as_deref(), Some("Cup · Final"));
        // The date where it was played, not in UTC.
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2024, 5, 11));
        assert_eq!(
            e.result,
            Some(FinalResult {
                home: 2,
                away: 1,
                shootout: None
            })
        );
    }

    use chrono::NaiveDate;

    #[test]
    fn events_before_the_header_are_skipped_through() {
        let e = entry(
            r#"{"events": [{"kind": "goal", "clock": "3"}], "match": {"home": {"name": "A"}, "away": {"name": "B"}}}"#,
        );
        assert_eq!((e.home.as_str(), e.away.as_str()), ("A", "B"));
        assert_eq!((e.date, e.competition, e.result), (None, None, None));
    }

    #[test]
    fn what_cannot_be_listed_says_why() {
        let reason = |text: &str| describe_str(text).unwrap_err().to_string();
        assert!(reason("").contains("empty"));
        assert!(reason("hello").contains("not JSON"));
        assert!(reason(r#"{"format": 2, "match": {}}"#).contains("expected 1"));
        assert!(reason(r#"{"events": []}"#).contains("missing field \"match\""));
        assert!(reason(r#"{"match": {"home": {"name": "A"}}}"#).contains("away"));
        let broken = reason("{\"match\": {\"home\": \n {\"name\": tru");
        assert!(broken.starts_with("line 2, column"), "{broken}");
    }

    #[test]
    fn other_json_is_recognised_as_not_a_match() {
        assert_eq!(describe_str(r#"{"name": "x"}"#), Ok(Described::Other));
        assert_eq!(describe_str("[1, 2]"), Ok(Described::Other));
        assert_eq!(describe_str("[]"), Ok(Described::Other));
        assert_eq!(
            describe_str(r#"[{"team_id": 1, "team_name": "A", "lineup": []}]"#),
            Ok(Described::Lineups)
        );
        // A match list with dates but no team names is still one.
        let Ok(Described::MatchList(list)) =
            describe_str(r#"[{"match_id": 7, "match_date": "2020-01-31"}]"#)
        else {
            panic!("not a match list");
        };
        assert_eq!(list[0].match_id, 7);
    }

    #[test]
    fn statsbomb_teams_come_from_the_starting_elevens_in_order() {
        let e = entry(
            r#"[{"index": 1, "period": 1, "type": {"name": "Starting XI"}, "team": {"name": "Turkey"}},
                {"index": 2, "period": 1, "type": {"name": "Starting XI"}, "team": {"name": "Italy"}},
                {"index": 3, "period": 1, "type": {"name": "Half Start"}, "team": {"name": "Italy"}},
                not read"#,
        );
        assert_eq!(e.format, Format::StatsBomb);
        assert_eq!((e.home.as_str(), e.away.as_str()), ("Turkey", "Italy"));
        assert_eq!((e.date, e.competition, e.result), (None, None, None));
    }

    #[test]
    fn an_openfootball_file_is_listed_as_its_matches() {
        let text = r#"{"name": "World Cup 1938", "matches": [
            {"round": "Final", "date": "1938-06-19", "team1": "Italy", "team2": "Hungary",
             "score": {"ft": [4, 2], "ht": [3, 1]}},
            {"round": "First round", "date": "1938-06-05", "team1": "Sweden", "team2": "Austria",
             "status": "canceled"},
            {"round": "First round", "date": "1938-06-04", "team1": "Switzerland", "team2": "Germany",
             "score": {"ft": [1, 1], "et": [1, 1]}, "goals1": [], "goals2": []}]}"#;
        let Ok(Described::Tournament(entries)) = describe_str(text) else {
            panic!("not a tournament: {:?}", describe_str(text));
        };
        assert_eq!(entries.len(), 2, "the cancelled match is left out");
        let first = &entries[0];
        assert_eq!(
            first.origin,
            Origin::Fixture {
                path: "m.json".into(),
                index: 0
            }
        );
        assert_eq!(first.format, Format::OpenFootball);
        assert_eq!(
            (first.home.as_str(), first.away.as_str()),
            ("Switzerland", "Germany")
        );
        assert_eq!(first.date, NaiveDate::from_ymd_opt(1938, 6, 4));
        assert_eq!(
            first.competition.as_deref(),
            Some("World Cup 1938 · First round")
        );
        let last = &entries[1];
        assert_eq!(last.origin.path(), Some(Path::new("m.json")));
        assert_eq!(
            last.result,
            Some(FinalResult {
                home: 4,
                away: 2,
                shootout: None
            })
        );
        let broken = describe_str(r#"{"name": "X", "matches": [{"team1": "A", "date": "soon"}]}"#);
        assert!(
            broken
                .unwrap_err()
                .to_string()
                .starts_with("line 1, column")
        );
    }

    #[test]
    fn statsbomb_events_without_two_teams_are_unreadable() {
        let reason = describe_str(
            r#"[{"index": 1, "period": 1, "type": {"name": "Pass"}, "team": {"name": "A"}}]"#,
        )
        .unwrap_err()
        .to_string();
        assert!(reason.contains("fewer than two teams"), "{reason}");
    }
}
