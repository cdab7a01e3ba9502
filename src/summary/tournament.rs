//! What `touchline tournaments` and `touchline tournament NAME --table`
//! print: the bundled tournaments, and a tournament's group tables and
//! results up to a day, as text for people or one JSON object for
//! scripts. Both are built from a [`TournamentView`] without spoilers, so
//! nothing after the day asked for is in them.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Score;
use crate::model::tournament::Tournament;
use crate::replay::tournament::{FixtureView, Row, TournamentView};
use crate::text;

/// One line per tournament: short name, full name, matches and dates.
pub fn list(tournaments: &[(&str, &Tournament)]) -> String {
    let name_width = tournaments
        .iter()
        .map(|(_, t)| text::width(&t.name))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (short, t) in tournaments {
        let dates = match t.dates() {
            Some((first, last)) => format!("{first} to {last}"),
            None => "no matches".to_owned(),
        };
        let matches = t.fixtures.len();
        let _ = writeln!(
            out,
            "{short:<9} {}{} {matches:>3} {}  {dates}",
            t.name,
            " ".repeat(name_width - text::width(&t.name)),
            if matches == 1 { "match  " } else { "matches" }
        );
    }
    text::sanitize(&out).into_owned()
}

/// The day a table report is for: the one asked for, else the day of the
/// last match reached (the last match of all by default).
pub fn report_date(view: &TournamentView, asked: Option<NaiveDate>) -> Option<NaiveDate> {
    asked.or_else(|| {
        view.fixtures
            .iter()
            .filter(|f| f.reached)
            .map(|f| f.date)
            .max()
    })
}

/// The results of the matches reached, in kick-off order; matches not
/// played (cancelled, awarded) are not results.
fn results(view: &TournamentView) -> impl Iterator<Item = &FixtureView> {
    view.fixtures
        .iter()
        .filter(|f| f.reached && f.result.as_ref().is_some_and(|r| r.scores.is_played()))
}

/// The tables and results as text.
pub fn table_text(view: &TournamentView, at: Option<NaiveDate>) -> String {
    let mut out = String::new();
    let played = results(view).count();
    let _ = write!(out, "{}", view.name);
    match report_date(view, at) {
        Some(day) => {
            let _ = write!(out, " · up to {day}");
        }
        None => out.push_str(" · before the first match"),
    }
    let _ = writeln!(
        out,
        " · {played} {} played",
        if played == 1 { "match" } else { "matches" }
    );
    for table in &view.tables {
        out.push('\n');
        table_lines(&mut out, &table.name, &table.rows);
    }
    if played > 0 {
        out.push_str("\nResults\n");
        let round_width = results(view)
            .map(|f| text::width(&f.round))
            .max()
            .unwrap_or(0);
        let group_width = results(view)
            .map(|f| f.group.as_deref().map_or(0, text::width))
            .max()
            .unwrap_or(0);
        for f in results(view) {
            let group = f.group.as_deref().unwrap_or("");
            let _ = writeln!(
                out,
                "{}  {}{}  {}{}  {}",
                f.date,
                f.round,
                " ".repeat(round_width - text::width(&f.round)),
                group,
                " ".repeat(group_width - text::width(group)),
                result_line(f)
            );
        }
    }
    text::sanitize(&out).into_owned()
}

/// "Argentina 2-2 France, 3-3 after extra time, 4-2 on penalties".
pub fn result_line(f: &FixtureView) -> String {
    let Some(scores) = f.result.as_ref().map(|r| r.scores) else {
        return format!("{} v {}", f.home.name, f.away.name);
    };
    let pair = |s: Score| format!("{}-{}", s.home, s.away);
    let mut line = match scores.ft.or(scores.et) {
        Some(score) => format!("{} {} {}", f.home.name, pair(score), f.away.name),
        None => format!("{} v {}", f.home.name, f.away.name),
    };
    if let (Some(et), Some(_)) = (scores.et, scores.ft) {
        let _ = write!(line, ", {} after extra time", pair(et));
    }
    if let Some(p) = scores.penalties {
        let _ = write!(line, ", {} on penalties", pair(p));
    }
    line
}

fn table_lines(out: &mut String, name: &str, rows: &[Row]) {
    let team_width = rows
        .iter()
        .map(|r| text::width(&r.team))
        .max()
        .unwrap_or(0)
        .max(text::width(name).saturating_sub(4));
    let _ = writeln!(
        out,
        "{name}{}   P  W  D  L   F   A   GD  Pts",
        " ".repeat((team_width + 4).saturating_sub(text::width(name)))
    );
    let mut rank = 0;
    for (i, row) in rows.iter().enumerate() {
        if !row.level {
            rank = i + 1;
        }
        let level = row.level || rows.get(i + 1).is_some_and(|next| next.level);
        let _ = writeln!(
            out,
            "{rank:>2}  {}{} {:>3}{:>3}{:>3}{:>3} {:>3} {:>3} {:>4} {:>4}{}",
            row.team,
            " ".repeat(team_width - text::width(&row.team)),
            row.played,
            row.won,
            row.drawn,
            row.lost,
            row.goals_for,
            row.against,
            signed(row.difference()),
            row.points,
            if level { "  level" } else { "" }
        );
    }
}

/// A goal difference as tables print it: "+4", "0", "-2".
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

#[derive(Serialize)]
struct Report<'a> {
    tournament: &'a str,
    at: Option<NaiveDate>,
    groups: Vec<Group<'a>>,
    results: Vec<ResultLine<'a>>,
}

#[derive(Serialize)]
struct Group<'a> {
    name: &'a str,
    table: &'a [Row],
}

#[derive(Serialize)]
struct ResultLine<'a> {
    date: NaiveDate,
    round: &'a str,
    group: Option<&'a str>,
    home: &'a str,
    away: &'a str,
    score: Option<[u32; 2]>,
    extra_time: Option<[u32; 2]>,
    penalties: Option<[u32; 2]>,
}

/// The tables and results as one JSON object: `score` is the score after
/// normal time, `extra_time` after extra time (`null` when none was
/// played), `penalties` the shoot-out.
pub fn table_json(view: &TournamentView, at: Option<NaiveDate>) -> String {
    let pair = |s: Option<Score>| s.map(|s| [s.home, s.away]);
    let report = Report {
        tournament: &view.name,
        at: report_date(view, at),
        groups: view
            .tables
            .iter()
            .map(|t| Group {
                name: &t.name,
                table: &t.rows,
            })
            .collect(),
        results: results(view)
            .map(|f| {
                let scores = f.result.as_ref().map(|r| r.scores).unwrap_or_default();
                ResultLine {
                    date: f.date,
                    round: &f.round,
                    group: f.group.as_deref(),
                    home: &f.home.name,
                    away: &f.away.name,
                    score: pair(scores.ft),
                    extra_time: pair(scores.et),
                    penalties: pair(scores.penalties),
                }
            })
            .collect(),
    };
    // Serializing plain data into a String cannot fail.
    let mut json = serde_json::to_string_pretty(&report).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::openfootball::bundled;
    use crate::replay::tournament::{cursor_at_date, last_cursor, view};

    fn wc2022() -> Tournament {
        bundled::find("wc2022").unwrap().load().unwrap()
    }

    #[test]
    fn the_json_has_exactly_the_documented_shape() {
        let t = wc2022();
        let day: NaiveDate = "2022-11-29".parse().unwrap();
        let v = view(&t, cursor_at_date(&t, day), false);
        let json: serde_json::Value = serde_json::from_str(&table_json(&v, Some(day))).unwrap();
        let keys = |v: &serde_json::Value| {
            let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        assert_eq!(keys(&json), ["at", "groups", "results", "tournament"]);
        assert_eq!(json["tournament"], "World Cup 2022");
        assert_eq!(json["at"], "2022-11-29");
        let group_b = &json["groups"][1];
        assert_eq!(keys(group_b), ["name", "table"]);
        assert_eq!(group_b["name"], "Group B");
        let england = &group_b["table"][0];
        assert_eq!(
            keys(england),
            [
                "against", "drawn", "for", "lost", "played", "points", "team", "won"
            ]
        );
        assert_eq!(england["team"], "England");
        assert_eq!(england["points"], 7);
        assert_eq!(england["for"], 9);
        let results = json["results"].as_array().unwrap();
        assert_eq!(results.len(), 36, "every match up to 29 November");
        let first = &results[0];
        assert_eq!(
            keys(first),
            [
                "away",
                "date",
                "extra_time",
                "group",
                "home",
                "penalties",
                "round",
                "score"
            ]
        );
        assert_eq!(first["score"], serde_json::json!([0, 2]));
        assert_eq!(first["extra_time"], serde_json::Value::Null);
    }

    #[test]
    fn the_final_reads_with_extra_time_and_penalties() {
        let t = wc2022();
        let v = view(&t, last_cursor(&t), false);
        let json: serde_json::Value = serde_json::from_str(&table_json(&v, None)).unwrap();
        let last = json["results"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            last,
            serde_json::json!({"date": "2022-12-18", "round": "Final", "group": null,
                "home": "Argentina", "away": "France", "score": [2, 2],
                "extra_time": [3, 3], "penalties": [4, 2]})
        );
        assert_eq!(json["at"], "2022-12-18");
        let text = table_text(&v, None);
        assert!(
            text.contains("Argentina 2-2 France, 3-3 after extra time, 4-2 on penalties"),
            "{text}"
        );
        assert!(text.starts_with("World Cup 2022 · up to 2022-12-18 · 64 matches played"));
    }

    #[test]
    fn the_text_table_marks_teams_the_rules_leave_level() {
        let t = bundled::find("wc1990").unwrap().load().unwrap();
        let v = view(&t, last_cursor(&t), false);
        let text = table_text(&v, None);
        let group_f: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Group F"))
            .take(5)
            .collect();
        assert!(group_f[1].starts_with(" 1  England"), "{group_f:?}");
        assert!(group_f[2].starts_with(" 2  Ireland") && group_f[2].ends_with("level"));
        assert!(group_f[3].starts_with(" 2  Netherlands") && group_f[3].ends_with("level"));
        assert!(group_f[4].starts_with(" 4  Egypt") && !group_f[4].ends_with("level"));
    }

    #[test]
    fn before_the_first_match_the_tables_are_empty_and_there_are_no_results() {
        let t = wc2022();
        let day: NaiveDate = "2022-01-01".parse().unwrap();
        let v = view(&t, cursor_at_date(&t, day), false);
        let json: serde_json::Value = serde_json::from_str(&table_json(&v, Some(day))).unwrap();
        assert_eq!(json["results"], serde_json::json!([]));
        assert_eq!(json["groups"][0]["table"][0]["played"], 0);
        assert!(table_text(&v, Some(day)).contains("0 matches played"));
        let v = view(&t, None, false);
        assert!(table_text(&v, None).contains("before the first match"));
    }

    #[test]
    fn the_list_names_every_tournament_with_its_dates() {
        let t = wc2022();
        let list = list(&[("wc2022", &t)]);
        assert_eq!(
            list,
            "wc2022    World Cup 2022  64 matches  2022-11-20 to 2022-12-18\n"
        );
    }
}
