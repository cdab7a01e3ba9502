//! Text from a file never reaches the terminal with a control character in
//! it. The bundled match is rewritten so that every free-text string
//! (names, codes, commentary, quotes, reasons, decisions, the competition…)
//! ends in escape sequences that would retitle the terminal (OSC 0), write
//! the clipboard (OSC 52), clear the screen (C1 CSI), plus DEL, a bidi
//! override and a carriage return; an unknown kind and an unknown field
//! carry them too. Then every way out is checked: the viewer's frames on
//! every view at every step, `summary` as text, Markdown and JSON, `validate`,
//! `convert`, and error messages that quote the file or its name.

mod common;

use std::path::PathBuf;
use std::process::Command;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use serde_json::Value;
use touchline::import::{self, LoadOptions};
use touchline::replay::Replay;
use touchline::tui::views::View;
use touchline::tui::{App, AppOptions, Global, HelpAction, ViewerAction};

const BIN: &str = env!("CARGO_BIN_EXE_touchline");

/// What every free-text string gets appended.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}2J\u{7f}\u{202e}\r";

/// What the title escape looks like once sanitised: ESC and BEL as their
/// control pictures.
const SHOWN: &str = "\u{241b}]0;pwned\u{2407}";

/// Fields whose values the loader interprets (enumerations, clocks, dates,
/// colours), which must stay as they are for the file to load.
const KEEP: &[&str] = &[
    "kind", "clock", "period", "team", "method", "outcome", "kickoff", "color",
];

/// Appends [`HOSTILE`] to every string in `value` except those under a
/// key in `keep`.
fn poison(value: &mut Value, key: Option<&str>, keep: &[&str]) {
    match value {
        Value::String(s) if !key.is_some_and(|k| keep.contains(&k)) => s.push_str(HOSTILE),
        Value::Array(items) => items.iter_mut().for_each(|v| poison(v, key, keep)),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                poison(v, Some(k), keep);
            }
        }
        _ => {}
    }
}

/// The bundled match with every free-text string poisoned, an event of an
/// unknown kind and a field of an unknown name.
fn hostile_match() -> String {
    let mut doc: Value = serde_json::from_str(import::BUNDLED_MATCH).expect("bundled JSON");
    poison(&mut doc, None, KEEP);
    let events = doc["events"].as_array_mut().expect("events");
    let mut odd = serde_json::json!({"clock": "50", "text": format!("odd{HOSTILE}")});
    odd["kind"] = Value::String(format!("streaker{HOSTILE}"));
    odd[format!("mood{HOSTILE}")] = Value::from(1);
    let at = events.len() / 2;
    events.insert(at, odd);
    serde_json::to_string_pretty(&doc).expect("JSON")
}

fn write_hostile() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, hostile_match()).expect("write");
    (dir, path)
}

/// The project's StatsBomb cup final with every string in its events and
/// lineups poisoned but the timestamps (which place events in time): even
/// the event types, so every record becomes a play named by its poisoned
/// type, and the team and player names.
fn write_hostile_statsbomb() -> (tempfile::TempDir, PathBuf) {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statsbomb");
    let dir = tempfile::tempdir().expect("a temp dir");
    for kind in ["events", "lineups"] {
        let file = format!("cup_final_{kind}.json");
        let text = std::fs::read_to_string(fixtures.join(&file)).expect("fixture");
        let mut doc: Value = serde_json::from_str(&text).expect("fixture JSON");
        poison(&mut doc, None, &["timestamp"]);
        let out = serde_json::to_string(&doc).expect("JSON");
        std::fs::write(dir.path().join(&file), out).expect("write");
    }
    let path = dir.path().join("cup_final_events.json");
    (dir, path)
}

/// Control characters other than the newline, and the bidi controls.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(what: &str, text: &str) {
    let bad: Vec<char> = text.chars().filter(|&c| dangerous(c)).collect();
    assert!(bad.is_empty(), "{what} carries {bad:?}:\n{text}");
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let output = Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run touchline");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_hostile_match_loads_and_keeps_its_text_visible() {
    let (_dir, path) = write_hostile();
    let loaded = import::load_path(&path, LoadOptions::default()).expect("it loads");
    let home = &loaded.game.info.home.name;
    assert!(home.starts_with("England"), "{home}");
    assert!(home.contains(SHOWN), "{home:?}");
    assert_clean("the home team's name", home);
}

/// Every cell of every frame: each view and the help screen, at every
/// step, spoilers shown (so the whole timeline is on screen), at a large
/// and a small size.
#[test]
fn no_frame_of_the_viewer_carries_a_control_character() {
    let (_dir, path) = write_hostile();
    every_frame_is_clean(&path);
    let (_dir, path) = write_hostile_statsbomb();
    every_frame_is_clean(&path);
}

fn every_frame_is_clean(path: &std::path::Path) {
    let loaded = import::load_path(path, LoadOptions::default()).expect("it loads");
    let replay = Replay::new(loaded.game);
    let steps = replay.steps();
    let mut app = App::new(
        replay,
        AppOptions {
            spoilers: true,
            ..AppOptions::default()
        },
    );
    let _ = app.update(ViewerAction::ToggleAllEvents);
    let mut seen_stand_in = false;
    for (width, height) in [(160, 50), (80, 24)] {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        for step in 0..=steps {
            let _ = app.update(ViewerAction::KickOff);
            for _ in 0..step {
                let _ = app.update(ViewerAction::NextEvent);
            }
            for screen in 0..=View::ALL.len() {
                let help = screen == View::ALL.len();
                if help {
                    let _ = app.update(Global::OpenHelp);
                }
                buf.reset();
                (&app).render(area, &mut buf);
                let text = common::screen::text(&buf);
                assert_clean(
                    &format!("{:?} at step {step}, {width}x{height}", app.view()),
                    &text,
                );
                seen_stand_in |= text.contains('\u{241b}');
                if help {
                    let _ = app.update(HelpAction::Close);
                } else {
                    let _ = app.update(ViewerAction::NextView);
                }
            }
        }
    }
    assert!(seen_stand_in, "the stand-ins never showed");
}

#[test]
fn summary_in_every_format_prints_stand_ins() {
    let (_dir, path) = write_hostile();
    summaries_are_clean(&path);
    let (_dir, path) = write_hostile_statsbomb();
    summaries_are_clean(&path);
}

fn summaries_are_clean(path: &std::path::Path) {
    for args in [
        &["summary"][..],
        &["summary", "--json"],
        &["summary", "--format", "markdown"],
    ] {
        for step in ["0", "10", "20"] {
            let mut argv: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
            argv.extend(["--step".as_ref(), step.as_ref(), path.as_os_str()]);
            let (code, stdout, stderr) = run(&argv);
            assert_eq!(code, 0, "{stderr}");
            assert_clean(&format!("{args:?} --step {step}"), &stdout);
            if step != "0" {
                // Markdown escapes the bracket: `␛\]0;pwned␇`.
                let shown = stdout.contains(SHOWN) || stdout.contains(&SHOWN.replace(']', "\\]"));
                assert!(shown, "{args:?}: {stdout}");
            }
        }
    }
}

#[test]
fn validate_and_convert_print_stand_ins() {
    let (dir, path) = write_hostile();
    let (code, stdout, stderr) = run(&["validate".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert_clean("validate's report", &stdout);
    // The warnings quote the unknown kind and the unknown field.
    assert!(stderr.contains("streaker\u{241b}]0;pwned"), "{stderr}");
    assert!(stderr.contains("mood\u{241b}]0;pwned"), "{stderr}");
    assert_clean("validate's warnings", &stderr);
    converts_clean(&path, dir.path());
    let (dir, path) = write_hostile_statsbomb();
    let (code, stdout, stderr) = run(&["validate".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert_clean("validate's report on StatsBomb", &stdout);
    assert_clean("validate's warnings on StatsBomb", &stderr);
    converts_clean(&path, dir.path());
}

fn converts_clean(path: &std::path::Path, dir: &std::path::Path) {
    let (code, stdout, stderr) = run(&["convert".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert_clean("convert's output", &stdout);
    assert_clean("convert's warnings", &stderr);
    let out = dir.join(format!("out{HOSTILE}.json"));
    let (code, _, stderr) = run(&[
        "convert".as_ref(),
        path.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("wrote ")),
        "{stderr}"
    );
    assert_clean("convert's note", &stderr);
}

/// Refusals quote what the file said (an unknown team, a bad clock, an id)
/// and the path the user gave; neither may carry a control character.
#[test]
fn error_messages_quote_the_file_and_its_name_through_the_sanitiser() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let base = r#"{"match": {"home": {"name": "A"}, "away": {"name": "B"}}, "events": [EVENTS]}"#;
    let bodies = [
        format!(
            r#"{{"kind": "goal", "clock": "5", "team": "hom{}", "player": "X"}}"#,
            json_escape(HOSTILE)
        ),
        format!(
            r#"{{"kind": "note", "clock": "ninety{}"}}"#,
            json_escape(HOSTILE)
        ),
        format!(
            r#"{{"kind": "var", "clock": "5", "overturns": "ghost{}"}}"#,
            json_escape(HOSTILE)
        ),
        format!(
            r#"{{"id": "g{0}", "kind": "note", "clock": "5"}}, {{"id": "g{0}", "kind": "note", "clock": "6"}}"#,
            json_escape(HOSTILE)
        ),
        format!(
            r#"{{"kind": "goal", "clock": "5", "team": "home", "player": "X", "method": "magic{}"}}"#,
            json_escape(HOSTILE)
        ),
    ];
    let commands: [&[&str]; 3] = [&["validate"], &["summary"], &[]];
    for (i, body) in bodies.iter().enumerate() {
        // The file's name is hostile too.
        let path = dir.path().join(format!("bad{i}{HOSTILE}.json"));
        std::fs::write(&path, base.replace("EVENTS", body)).expect("write");
        for command in commands {
            let mut argv: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
            argv.push(path.as_os_str());
            let (code, stdout, stderr) = run(&argv);
            assert_eq!(code, 1, "{command:?} {body}: {stderr}");
            assert_eq!(stdout, "");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains(&format!("bad{i}\u{241b}]0;pwned")),
                "{stderr}"
            );
            assert_clean(&format!("{command:?} on {body}"), &stderr);
        }
    }
    // A missing file with a hostile name.
    let missing = dir.path().join(format!("missing{HOSTILE}.json"));
    for command in commands {
        let mut argv: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
        argv.push(missing.as_os_str());
        let (code, _, stderr) = run(&argv);
        assert_eq!(code, 1);
        assert_clean(&format!("{command:?} on a missing file"), &stderr);
    }
    // A good file with a hostile name: validate's "ok" line names it.
    let good = dir.path().join(format!("good{HOSTILE}.json"));
    std::fs::write(&good, import::BUNDLED_MATCH).expect("write");
    let (code, stdout, stderr) = run(&["validate".as_ref(), good.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("good\u{241b}]0;pwned"), "{stdout}");
    assert_clean("validate's ok line", &stdout);
}

fn json_escape(text: &str) -> String {
    let quoted = serde_json::to_string(text).expect("a string");
    quoted[1..quoted.len() - 1].to_owned()
}
