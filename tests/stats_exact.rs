//! Every figure of the Stats view, for the three real StatsBomb matches in
//! the shared data directory (`TOUCHLINE_STATSBOMB_DIR`), at half time and
//! at full time, against a count written here from the raw StatsBomb JSON
//! with StatsBomb's own definitions. The expected numbers never go through
//! the project's importer: the raw file is read as plain JSON values.
//!
//! The definitions (StatsBomb open-data event specification):
//! - possession: the share of the events' `duration` whose
//!   `possession_team` is the side (StatsBomb's possession chains, timed by
//!   the events that make them up);
//! - shots: `Shot` events outside a shoot-out; on target: outcome `Goal`,
//!   `Saved` or `Saved To Post` (`Saved Off Target` was going wide);
//!   xG: the sum of their `statsbomb_xg`;
//! - passes: `Pass` events; completed: a pass without an outcome;
//!   corners: passes of type `Corner`;
//! - offsides: passes with outcome `Pass Offside` and `Offside` events;
//! - fouls: `Foul Committed` events (never `Foul Won`, the same foul seen
//!   from the other side);
//! - cards: the `card` of `Foul Committed` and `Bad Behaviour` events;
//!   `Second Yellow` and `Red Card` are red cards.
//!
//! Each figure is compared as the Stats view writes it (its rounding) and,
//! for counts, as the number itself.

use std::path::{Path, PathBuf};

use serde_json::Value;
use touchline::import::{self, LoadOptions};
use touchline::model::{Detail, Period, Side};
use touchline::replay::{MatchStats, Replay};

const ENV: &str = "TOUCHLINE_STATSBOMB_DIR";
const STEMS: [&str; 3] = [
    "3788741_turkey_italy",
    "15986_girona_barcelona",
    "15946_barcelona_alaves",
];

/// The directory of the real files; `None` (with a notice) when the
/// variable is unset outside CI. Set but missing, or unset in CI, fails.
fn real_dir() -> Option<PathBuf> {
    match std::env::var_os(ENV) {
        None if std::env::var_os("CI").is_some() => {
            panic!("{ENV} is not set in CI: the exact statistics cannot be checked")
        }
        None => {
            eprintln!(
                "notice: {ENV} is not set, so the Stats view's figures are not checked against \
                 the real StatsBomb matches (.ci/run sets it to ../shared/data/statsbomb)"
            );
            None
        }
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.is_dir(),
                "{ENV}={} is not a directory: the exact statistics cannot be checked",
                dir.display()
            );
            Some(dir)
        }
    }
}

/// One side's figures counted from the raw events.
#[derive(Debug, Default)]
struct Counted {
    possession_seconds: f64,
    shots: usize,
    on_target: usize,
    xg: f64,
    passes: usize,
    completed: usize,
    corners: usize,
    offsides: usize,
    fouls: usize,
    yellow: usize,
    red: usize,
}

fn name_at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v str> {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_str)
}

/// Counts `team`'s figures over the raw events of periods `1..=last`.
fn count(events: &[Value], team: &str, last: u64) -> Counted {
    let mut c = Counted::default();
    for e in events {
        let period = e["period"].as_u64().expect("every event has a period");
        if period > last || period == 5 {
            continue;
        }
        if name_at(e, &["possession_team", "name"]) == Some(team) {
            c.possession_seconds += e.get("duration").and_then(Value::as_f64).unwrap_or(0.0);
        }
        if name_at(e, &["team", "name"]) != Some(team) {
            continue;
        }
        let kind = name_at(e, &["type", "name"]).expect("every event has a type");
        match kind {
            "Shot" => {
                c.shots += 1;
                let outcome = name_at(e, &["shot", "outcome", "name"]);
                if matches!(outcome, Some("Goal" | "Saved" | "Saved To Post")) {
                    c.on_target += 1;
                }
                c.xg += e["shot"]["statsbomb_xg"].as_f64().unwrap_or(0.0);
            }
            "Pass" => {
                c.passes += 1;
                let outcome = name_at(e, &["pass", "outcome", "name"]);
                if outcome.is_none() {
                    c.completed += 1;
                }
                if outcome == Some("Pass Offside") {
                    c.offsides += 1;
                }
                if name_at(e, &["pass", "type", "name"]) == Some("Corner") {
                    c.corners += 1;
                }
            }
            "Offside" => c.offsides += 1,
            "Foul Committed" => c.fouls += 1,
            _ => {}
        }
        let card = name_at(e, &["foul_committed", "card", "name"])
            .or_else(|| name_at(e, &["bad_behaviour", "card", "name"]));
        match card {
            Some("Yellow Card") => c.yellow += 1,
            Some("Second Yellow" | "Red Card") => c.red += 1,
            _ => {}
        }
    }
    c
}

/// The Stats view's rows as it writes them: label, home text, away text.
fn shown(stats: &MatchStats) -> Vec<(&'static str, String, String)> {
    let (h, a) = (&stats.home, &stats.away);
    let home_share = (stats.possession(Side::Home).expect("possession is known") * 100.0).round();
    let rate = |r: Option<f32>| format!("{:.0}%", r.expect("passes were made") * 100.0);
    vec![
        (
            "Possession",
            format!("{home_share:.0}%"),
            format!("{:.0}%", 100.0 - home_share),
        ),
        ("Shots", h.shots.to_string(), a.shots.to_string()),
        (
            "Shots on target",
            h.on_target.to_string(),
            a.on_target.to_string(),
        ),
        ("xG", format!("{:.2}", h.xg), format!("{:.2}", a.xg)),
        ("Passes", h.passes.to_string(), a.passes.to_string()),
        (
            "Pass completion",
            rate(h.pass_accuracy()),
            rate(a.pass_accuracy()),
        ),
        ("Corners", h.corners.to_string(), a.corners.to_string()),
        ("Offsides", h.offsides.to_string(), a.offsides.to_string()),
        ("Fouls", h.fouls.to_string(), a.fouls.to_string()),
        (
            "Yellow cards",
            h.yellow_cards.to_string(),
            a.yellow_cards.to_string(),
        ),
        (
            "Red cards",
            h.red_cards.to_string(),
            a.red_cards.to_string(),
        ),
    ]
}

/// The same rows from the independent counts, rounded as the view rounds.
fn expected(home: &Counted, away: &Counted) -> Vec<(&'static str, String, String)> {
    let total = home.possession_seconds + away.possession_seconds;
    let home_share = (home.possession_seconds / total * 100.0).round();
    let rate = |c: &Counted| format!("{:.0}%", c.completed as f64 / c.passes as f64 * 100.0);
    let both = |f: fn(&Counted) -> usize| (f(home).to_string(), f(away).to_string());
    let row = |label, (h, a): (String, String)| (label, h, a);
    vec![
        row(
            "Possession",
            (
                format!("{home_share:.0}%"),
                format!("{:.0}%", 100.0 - home_share),
            ),
        ),
        row("Shots", both(|c| c.shots)),
        row("Shots on target", both(|c| c.on_target)),
        row("xG", (format!("{:.2}", home.xg), format!("{:.2}", away.xg))),
        row("Passes", both(|c| c.passes)),
        row("Pass completion", (rate(home), rate(away))),
        row("Corners", both(|c| c.corners)),
        row("Offsides", both(|c| c.offsides)),
        row("Fouls", both(|c| c.fouls)),
        row("Yellow cards", both(|c| c.yellow)),
        row("Red cards", both(|c| c.red)),
    ]
}

/// The step just after the first-half whistle.
fn half_time(replay: &Replay) -> usize {
    let events = &replay.game().events;
    let whistle = events
        .iter()
        .position(|e| e.period == Period::First && matches!(e.detail, Detail::PeriodEnd))
        .expect("the first half ends");
    assert!(
        events[whistle + 1..]
            .iter()
            .all(|e| e.period != Period::First),
        "a first-half event comes after the half-time whistle"
    );
    whistle + 1
}

fn check_match(dir: &Path, stem: &str) -> Vec<String> {
    let path = dir.join(format!("{stem}_events.json"));
    assert!(path.is_file(), "{} is missing", path.display());
    let raw: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{} is not a JSON array: {e}", path.display()));
    let loaded = import::load_path(&path, LoadOptions::default())
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
    // `touchline convert` writes the match file a fan may open instead;
    // it must show the same figures.
    let written = loaded.game.to_json_pretty();
    let converted = import::parse_bytes("converted.json", written.as_bytes())
        .unwrap_or_else(|e| panic!("{stem}: the converted match file does not load: {e}"));
    let converted = Replay::new(converted.game);
    let replay = Replay::new(loaded.game);
    let info = &replay.game().info;
    let (home, away) = (info.home.name.clone(), info.away.name.clone());
    for team in [&home, &away] {
        assert!(
            raw.iter()
                .any(|e| name_at(e, &["team", "name"]) == Some(team)),
            "{stem}: the raw file never names {team}"
        );
    }

    let mut wrong = Vec::new();
    for (when, step, last_period) in [
        ("half time", half_time(&replay), 1),
        ("full time", replay.steps(), 4),
    ] {
        let stats = replay.stats_at(step);
        assert!(stats.has_passes && stats.has_xg, "{stem}: {stats:?}");
        let want = expected(
            &count(&raw, &home, last_period),
            &count(&raw, &away, last_period),
        );
        let got = shown(&stats);
        assert_eq!(
            got,
            shown(&converted.stats_at(step)),
            "{stem} at {when}: the converted match file shows other figures"
        );
        eprintln!("{stem} at {when} (step {step}), {home} v {away}:");
        for ((label, gh, ga), (_, wh, wa)) in got.iter().zip(&want) {
            let verdict = if (gh, ga) == (wh, wa) { "" } else { "  WRONG" };
            eprintln!("  {label:<16} shown {gh:>6} {ga:>6}   counted {wh:>6} {wa:>6}{verdict}");
            if !verdict.is_empty() {
                wrong.push(format!(
                    "{stem} at {when}: {label} shows {gh} v {ga}, the data has {wh} v {wa}"
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_stats_figure_equals_an_independent_count_of_the_raw_events() {
    let Some(dir) = real_dir() else {
        return;
    };
    let wrong: Vec<String> = STEMS
        .iter()
        .flat_map(|stem| check_match(&dir, stem))
        .collect();
    assert!(wrong.is_empty(), "wrong figures:\n{}", wrong.join("\n"));
}
