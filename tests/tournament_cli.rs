//! `touchline tournaments`, `touchline tournament NAME|FILE --table` and
//! what `validate` and `summary` say of an openfootball file, run as a
//! user runs them.

use std::process::Command;

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_touchline");

const WC2022: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/openfootball/worldcup/2022/worldcup.json"
);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn touchline(args: &[&str]) -> Run {
    let output = Command::new(BIN)
        .args(args)
        .env("TOUCHLINE_CONFIG", "")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn tournaments_lists_every_bundled_tournament_with_its_dates() {
    let run = touchline(&["tournaments"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 25, "{}", run.stdout);
    assert!(
        lines[0].starts_with("wc1930    World Cup 1930"),
        "{}",
        lines[0]
    );
    let wc2022 = lines.iter().find(|l| l.starts_with("wc2022")).unwrap();
    assert!(
        wc2022.ends_with("64 matches  2022-11-20 to 2022-12-18"),
        "{wc2022}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("cwc2025   Club World Cup 2025"))
    );
    assert!(lines.iter().any(|l| l.starts_with("euro2024  Euro 2024")));
}

#[test]
fn the_table_json_at_a_day_has_the_tables_and_results_up_to_it() {
    let run = touchline(&[
        "tournament",
        "wc2022",
        "--table",
        "--at",
        "2022-12-02",
        "--json",
    ]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["tournament"], "World Cup 2022");
    assert_eq!(json["at"], "2022-12-02");
    let group_b = &json["groups"][1];
    assert_eq!(group_b["name"], "Group B");
    assert_eq!(
        group_b["table"][0],
        json!({"team": "England", "played": 3, "won": 2, "drawn": 1, "lost": 0,
               "for": 9, "against": 2, "points": 7})
    );
    let results = json["results"].as_array().unwrap();
    assert_eq!(results.len(), 48, "the group stage, and no knockout match");
    assert!(
        results
            .iter()
            .all(|r| r["date"].as_str().unwrap() <= "2022-12-02")
    );
}

#[test]
fn a_file_works_as_well_as_a_short_name() {
    let by_name = touchline(&["tournament", "wc2022", "--table"]);
    let by_file = touchline(&["tournament", WC2022, "--table"]);
    assert_eq!((by_file.code, by_file.stderr.as_str()), (0, ""));
    assert_eq!(by_name.stdout, by_file.stdout);
    assert!(
        by_name
            .stdout
            .starts_with("World Cup 2022 · up to 2022-12-18 · 64 matches played\n")
    );
    assert!(by_name.stdout.contains(
        "2022-12-18  Final                           Argentina 2-2 France, 3-3 after extra time, 4-2 on penalties"
    ));
}

#[test]
fn an_unknown_name_lists_the_names_there_are() {
    let run = touchline(&["tournament", "wc2023", "--table"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown tournament \"wc2023\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("wc1930, wc1934"), "{}", run.stderr);
    assert!(run.stderr.contains("euro2024"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn without_table_the_command_says_what_to_add() {
    let run = touchline(&["tournament", "wc2022"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--table"), "{}", run.stderr);
    let run = touchline(&["tournament", "wc2022", "--json"]);
    assert_eq!(run.code, 2);
}

#[test]
fn a_broken_tournament_file_fails_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cup.json");
    std::fs::write(
        &path,
        "{\"name\": \"Cup 2030\", \"matches\": [\n  {\"round\": \"Final\", \"date\": \"2030-07-21\",\n   \"team1\": \"A\", \"team2\": \"B\", \"score\": {\"ft\": [1]}}]}",
    )
    .unwrap();
    let name = path.display().to_string();
    let run = touchline(&["tournament", &name, "--table"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("error: {name}:3:")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("\"matches[0].score.ft\""),
        "{}",
        run.stderr
    );
    let run = touchline(&["validate", &name]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("{name}:3:")),
        "{}",
        run.stderr
    );
}

#[test]
fn validate_and_summary_on_a_tournament_file() {
    let run = touchline(&["validate", WC2022]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        format!(
            "{WC2022}: ok (openfootball tournament World Cup 2022: 64 matches, 64 with every goal recorded)\n"
        )
    );
    let run = touchline(&["summary", WC2022]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("touchline tournament FILE --table"),
        "{}",
        run.stderr
    );
}
