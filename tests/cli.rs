//! The `touchline` binary as a user runs it: `summary` (text and JSON),
//! `validate` on good and broken files, load errors, usage errors and
//! `--version`. Each test runs the built binary and checks its exit code and
//! exactly what it printed.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

mod common;

const BIN: &str = env!("CARGO_BIN_EXE_touchline");

const BUNDLED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/matches/2022-world-cup-qf-england-france.json"
);

/// What a run of the binary produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn touchline<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    // No config file: the tests do not depend on the developer's own.
    touchline_with_config("", args)
}

/// Runs the binary with `TOUCHLINE_CONFIG` set to `config`.
fn touchline_with_config<I, S>(config: impl AsRef<std::ffi::OsStr>, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .env("TOUCHLINE_CONFIG", config)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    Run {
        // A run killed by a signal has no code; -1 fails every assertion.
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `touchline summary --json ARGS`, expects success and one JSON object.
fn summary_json(args: &[&str]) -> Value {
    let run = touchline(["summary", "--json"].iter().chain(args));
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not one JSON object ({e}):\n{}", run.stdout))
}

fn bundled_steps() -> u64 {
    touchline::import::bundled().game.events.len() as u64
}

/// A scratch directory holding one file with `contents`.
fn file_with(name: &str, contents: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("write the fixture");
    (dir, path)
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

// ---- summary --json ------------------------------------------------------

#[test]
fn summary_json_at_the_end_is_england_1_france_2() {
    let v = summary_json(&[]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "step", "steps", "period", "clock", "score", "shootout", "scorers", "sent_off", "event",
    ];
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys_sorted, expected, "keys: {keys:?}");

    assert_eq!(v["steps"], bundled_steps());
    assert_eq!(v["step"], v["steps"]);
    assert_eq!(v["period"], "2H");
    assert_eq!(v["clock"], "90+11'");
    assert_eq!(v["score"], json!({"home": 1, "away": 2}));
    assert_eq!(v["shootout"], Value::Null);
    assert_eq!(
        v["scorers"],
        json!({
            "home": [{"player": "Harry Kane", "clock": "54'", "method": "penalty"}],
            "away": [
                {"player": "Aurélien Tchouaméni", "clock": "17'", "method": "open_play"},
                {"player": "Olivier Giroud", "clock": "78'", "method": "header"}
            ]
        })
    );
    assert_eq!(v["sent_off"], json!({"home": [], "away": []}));
    assert_eq!(v["event"]["kind"], "period_end");
    assert_eq!(v["event"]["clock"], "90+11");
}

#[test]
fn summary_json_at_54_is_1_1_after_the_kane_penalty() {
    let v = summary_json(&["--at", "54"]);
    assert_eq!(v["score"], json!({"home": 1, "away": 1}));
    assert_eq!(v["clock"], "54'");
    assert_eq!(v["period"], "2H");
    assert_eq!(
        v["scorers"]["home"],
        json!([{"player": "Harry Kane", "clock": "54'", "method": "penalty"}])
    );
    assert_eq!(v["event"]["kind"], "goal");
    assert_eq!(v["event"]["method"], "penalty");
    assert_eq!(v["event"]["player"], "Harry Kane");
}

#[test]
fn summary_json_at_17_is_0_1() {
    let v = summary_json(&["--at", "17"]);
    assert_eq!(v["score"], json!({"home": 0, "away": 1}));
    assert_eq!(v["clock"], "17'");
    assert_eq!(v["period"], "1H");
    assert_eq!(v["scorers"]["home"], json!([]));
    assert_eq!(v["scorers"]["away"][0]["player"], "Aurélien Tchouaméni");
    assert_eq!(v["event"]["assist"], "Antoine Griezmann");
}

#[test]
fn summary_json_at_first_half_stoppage_time_stops_before_the_second_half() {
    let v = summary_json(&["--at", "45+5"]);
    assert_eq!(v["clock"], "45+5'");
    assert_eq!(v["period"], "1H");
    assert_eq!(v["event"]["kind"], "period_end");
    assert_eq!(v["score"], json!({"home": 0, "away": 1}));
}

#[test]
fn summary_json_at_step_0_is_before_kick_off() {
    let v = summary_json(&["--step", "0"]);
    assert_eq!(v["step"], 0);
    assert_eq!(v["steps"], bundled_steps());
    assert_eq!(v["score"], json!({"home": 0, "away": 0}));
    assert_eq!(v["event"], Value::Null);
    assert_eq!(v["period"], Value::Null);
    assert_eq!(v["clock"], Value::Null);
    assert_eq!(v["scorers"], json!({"home": [], "away": []}));
}

#[test]
fn summary_json_step_n_is_after_the_nth_event() {
    let v = summary_json(&["--step", "1"]);
    assert_eq!(v["step"], 1);
    assert_eq!(v["event"]["kind"], "period_start");
    assert_eq!(v["clock"], "1'");
}

#[test]
fn summary_json_reports_shootouts_red_cards_and_struck_off_goals() {
    let (_dir, path) = file_with(
        "final.json",
        r##"{
  "match": {"home": {"name": "Rovers"}, "away": {"name": "United"}},
  "events": [
    {"kind": "period_start", "clock": "1"},
    {"id": "g1", "kind": "goal", "clock": "12", "team": "home", "player": "Ann Lee"},
    {"kind": "var", "clock": "13", "team": "home", "overturns": "g1", "decision": "offside"},
    {"kind": "goal", "clock": "30", "team": "away", "player": "Bo Kim", "method": "own_goal"},
    {"kind": "yellow_card", "clock": "40", "team": "home", "player": "Cy Dunn"},
    {"kind": "second_yellow", "clock": "70", "team": "home", "player": "Cy Dunn"},
    {"kind": "goal", "clock": "88", "team": "home", "player": "Ann Lee", "method": "free_kick"},
    {"kind": "period_end", "clock": "120+2", "period": "ET2"},
    {"kind": "shootout_kick", "team": "home", "player": "Ann Lee", "outcome": "scored"},
    {"kind": "shootout_kick", "team": "away", "player": "Bo Kim", "outcome": "saved"}
  ]
}"##,
    );
    let v = summary_json(&[&display(&path)]);
    assert_eq!(v["score"], json!({"home": 1, "away": 1}));
    assert_eq!(v["shootout"], json!({"home": 1, "away": 0}));
    assert_eq!(v["period"], "PSO");
    assert_eq!(v["clock"], Value::Null);
    assert_eq!(
        v["scorers"]["home"],
        json!([{"player": "Ann Lee", "clock": "88'", "method": "free_kick"}])
    );
    assert_eq!(
        v["scorers"]["away"],
        json!([{"player": "Bo Kim", "clock": "30'", "method": "own_goal"}])
    );
    assert_eq!(v["sent_off"], json!({"home": ["Cy Dunn"], "away": []}));

    let before_review = summary_json(&[&display(&path), "--at", "12"]);
    assert_eq!(before_review["score"], json!({"home": 1, "away": 0}));
    assert_eq!(before_review["scorers"]["home"][0]["clock"], "12'");
}

#[test]
fn summary_json_step_past_the_end_is_a_usage_error() {
    let steps = bundled_steps();
    let run = touchline(["summary", "--json", "--step", &(steps + 1).to_string()]);
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    let expected = format!(
        "error: --step {} is past the end: the match has {steps} events, so N goes from 0 to {steps}",
        steps + 1
    );
    assert!(
        run.stderr.starts_with(&expected),
        "stderr: {}\nexpected: {expected}",
        run.stderr
    );
}

// ---- summary (text) ------------------------------------------------------

#[test]
fn summary_text_reads_as_a_match_report() {
    let run = touchline(["summary"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let out = &run.stdout;
    for expected in [
        "England v France\n",
        "FIFA World Cup 2022, Quarter-final\n",
        "\nSource: Quotes and narrative: AFP match report",
        "\nEngland 1-2 France\n",
        "Full time, 90+11'\n",
        "  England  Kane 54' (pen)\n",
        "  France   Tchouaméni 17', Giroud 78'\n",
        "Griezmann 43' (yellow card)",
        "Sent off\n  none\n",
        "\"In the end goals are decisive.\"",
        "Gareth Southgate, England manager",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn summary_text_at_a_minute_shows_only_what_has_happened() {
    let run = touchline(["summary", "--at", "17"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(
        run.stdout.contains("\nEngland 0-1 France\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Tchouaméni 17'"), "{}", run.stdout);
    assert!(!run.stdout.contains("Kane 54'"), "{}", run.stdout);
    assert!(!run.stdout.contains("Giroud"), "{}", run.stdout);
}

#[test]
fn summary_never_prints_control_characters_from_the_file() {
    let (_dir, path) = file_with(
        "evil.json",
        r#"{
  "match": {"home": {"name": "Red\u001b[31m"}, "away": {"name": "B\u0007"}},
  "events": [
    {"kind": "goal", "clock": "5", "team": "home", "player": "X\u001b]0;pwned\u0007",
     "text": "line\u001b[2Jcleared"}
  ]
}"#,
    );
    for args in [vec!["summary"], vec!["summary", "--json"]] {
        let run = touchline(args.iter().copied().chain([display(&path).as_str()]));
        assert_eq!(run.code, 0, "stderr: {}", run.stderr);
        assert!(
            !run.stdout.contains(['\u{1b}', '\u{7}']),
            "control characters in {args:?} output:\n{:?}",
            run.stdout
        );
        assert!(run.stdout.contains("pwned"), "{}", run.stdout);
    }
}

// ---- validate ------------------------------------------------------------

#[test]
fn validate_accepts_the_bundled_match() {
    let run = touchline(["validate", BUNDLED_PATH]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "{BUNDLED_PATH}: ok ({} events, 0 warnings)\n",
            bundled_steps()
        )
    );
}

/// The broken files and the one line `validate` must print for each,
/// `{}` standing for the file's path.
const BROKEN: &[(&str, &[u8], &str)] = &[
    (
        "wrong-team.json",
        br#"{
  "match": {"home": {"name": "England"}, "away": {"name": "France"}},
  "events": [
    {"kind": "goal", "clock": "17", "team": "hom", "player": "Kane"}
  ]
}"#,
        r#"{}:4:45: "team": unknown team "hom", expected "home" or "away""#,
    ),
    (
        "empty.json",
        b"",
        "{}:1:1: the file is empty, expected a JSON match file",
    ),
    (
        "not-json.json",
        b"kick-off at eight\n",
        "{}:1:1: not valid JSON: expected value",
    ),
    (
        "word-clock.json",
        br#"{
  "match": {"home": {"name": "A"}, "away": {"name": "B"}},
  "events": [
    {"kind": "note", "clock": "ninety", "text": "late on"}
  ]
}"#,
        r#"{}:4:31: "clock": invalid clock "ninety", expected a minute like "17", "45+2", "17:42" or "90+8:15""#,
    ),
    (
        "duplicate-id.json",
        br#"{
  "match": {"home": {"name": "A"}, "away": {"name": "B"}},
  "events": [
    {"id": "g", "kind": "goal", "clock": "10", "team": "home", "player": "X"},
    {"id": "g", "kind": "goal", "clock": "20", "team": "away", "player": "Y"}
  ]
}"#,
        r#"{}:5:5: duplicate id "g", first used on line 4, expected each id once"#,
    ),
    (
        "overturns-nothing.json",
        br#"{
  "match": {"home": {"name": "A"}, "away": {"name": "B"}},
  "events": [
    {"kind": "var", "clock": "30", "overturns": "ghost"}
  ]
}"#,
        r#"{}:4:5: "overturns" names no event: no event has id "ghost", expected the id of an earlier event"#,
    ),
    (
        "wrong-result.json",
        br#"{
  "match": {
    "home": {"name": "A"},
    "away": {"name": "B"},
    "result": {"home": 2, "away": 0}
  },
  "events": [
    {"kind": "goal", "clock": "10", "team": "home", "player": "X"}
  ]
}"#,
        "{}:5:15: declared result 2-0 does not match the events, which give 1-0; expected the two to agree",
    ),
    (
        "cut-off.json",
        br#"{
  "match": {"home": {"name": "A"}, "away": {"name": "B"}},
  "events": [
    {"kind": "note", "clock": "10", "text": "and then"#,
        "{}:4:53: the file ends too soon (EOF while parsing a string), expected the rest of the JSON document",
    ),
    (
        "invalid-utf8.json",
        b"{\n  \"match\": {\"home\": {\"name\": \"Caf\xe9\"}}\n}",
        "{}:2:34: invalid UTF-8 (byte 0xE9), expected UTF-8 text",
    ),
    (
        "number-for-string.json",
        br#"{
  "match": {"home": {"name": "A"}, "away": {"name": "B"}},
  "events": [
    {"kind": "goal", "clock": "10", "team": "home", "player": 9}
  ]
}"#,
        r#"{}:4:63: "player": invalid type: integer 9, expected a string"#,
    ),
    (
        "too-deep.json",
        b"{\"x-deep\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        "{}:1:139: JSON nested more than 128 levels deep, expected a flatter document",
    ),
    // A StatsBomb events file is a JSON array; broken, it is refused with
    // a position like a match file.
    (
        "statsbomb-trailing-comma.json",
        b"[\n  {\"period\": 1, \"team\": {\"id\": 1, \"name\": \"A\"},}\n]",
        "{}:2:48: not valid JSON: trailing comma",
    ),
    (
        "statsbomb-cut-off.json",
        b"[\n  {\"id\": \"a\", \"period\": 1},\n  {\"id\": \"b\", \"per",
        "{}:3:18: the file ends too soon (EOF while parsing a string), expected the rest of the JSON document",
    ),
    (
        "statsbomb-invalid-utf8.json",
        b"[\n  {\"player\": {\"name\": \"Jo\xe3o\"}}\n]",
        "{}:2:26: invalid UTF-8 (byte 0xE3), expected UTF-8 text",
    ),
    (
        "statsbomb-not-events.json",
        b"[1, 2, 3]",
        "{}: the array holds no event objects, expected StatsBomb events",
    ),
];

/// Loaders that must refuse bad input the same way: `validate` prints the
/// diagnostic; `summary` and the viewer print it after "error: ".
const COMMANDS: &[(&[&str], &str)] = &[
    (&["validate"], ""),
    (&["summary"], "error: "),
    (&[], "error: "),
];

#[test]
fn every_command_refuses_each_broken_file_with_file_line_and_column() {
    for (name, contents, expected) in BROKEN {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, contents).expect("write the fixture");
        let expected = expected.replace("{}", &display(&path));
        for (command, prefix) in COMMANDS {
            let run = touchline(command.iter().map(Path::new).chain([path.as_path()]));
            assert_eq!(run.code, 1, "{name} {command:?}: stderr {}", run.stderr);
            assert_eq!(run.stdout, "", "{name} {command:?}");
            assert_eq!(
                run.stderr,
                format!("{prefix}{expected}\n"),
                "{name} {command:?}"
            );
        }
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_load_everywhere() {
    let bundled = std::fs::read_to_string(BUNDLED_PATH).expect("the bundled match");
    let with_bom = format!("\u{feff}{}", bundled.replace('\n', "\r\n"));
    let (_dir, path) = file_with("bom-crlf.json", &with_bom);
    let run = touchline([Path::new("validate"), &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let end = summary_json(&[&display(&path)]);
    assert_eq!(end["score"], json!({"home": 1, "away": 2}));
    // The viewer loads it too: it gets as far as asking for a terminal.
    let run = touchline([&path]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: the viewer needs a terminal"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_every_command() {
    let (_dir, path) = file_with("big.json", &" ".repeat(2048));
    let expected = format!(
        "{}: file is 2048 bytes, larger than the limit of 1024 bytes, expected a smaller file (raise the limit with --max-size)",
        display(&path)
    );
    for (command, prefix) in COMMANDS {
        let file = display(&path);
        let args = command
            .iter()
            .copied()
            .chain(["--max-size", "1KiB", file.as_str()]);
        let run = touchline(args);
        assert_eq!(run.code, 1, "{command:?}: {}", run.stderr);
        assert_eq!(run.stderr, format!("{prefix}{expected}\n"), "{command:?}");
    }
}

/// A missing path is refused by every command; a directory by `summary`
/// and `validate` (the viewer opens a directory as a list of matches).
#[test]
fn every_command_refuses_a_missing_path_and_summary_and_validate_a_directory() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("no-such-match.json");
    let cases = [
        (
            dir.path(),
            "is a directory, expected a match file (give a file path)",
            &COMMANDS[..2],
        ),
        (
            missing.as_path(),
            "no such file, expected a match file path",
            COMMANDS,
        ),
    ];
    for (path, message, commands) in cases {
        for (command, prefix) in commands {
            let run = touchline(command.iter().map(Path::new).chain([path]));
            assert_eq!(
                run.code,
                1,
                "{command:?} {}: {}",
                path.display(),
                run.stderr
            );
            assert_eq!(run.stdout, "", "{command:?}");
            assert_eq!(
                run.stderr,
                format!("{prefix}{}: {message}\n", path.display()),
                "{command:?}"
            );
        }
    }
}

#[test]
fn the_default_size_limit_is_256_mib() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("huge.json");
    // Sparse: one byte over the limit costs no disk, and the size is
    // checked before a byte is read.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(256 * 1024 * 1024 + 1).expect("set_len");
    let expected = format!(
        "{}: file is 268435457 bytes, larger than the limit of 268435456 bytes, expected a smaller file (raise the limit with --max-size)",
        display(&path)
    );
    for (command, prefix) in COMMANDS {
        let run = touchline(command.iter().map(Path::new).chain([path.as_path()]));
        assert_eq!(run.code, 1, "{command:?}: {}", run.stderr);
        assert_eq!(run.stderr, format!("{prefix}{expected}\n"), "{command:?}");
    }
    // Raised, the limit lets the file through to the parser, which finds
    // it is not JSON (zero bytes) at its first byte.
    let run = touchline([
        Path::new("validate"),
        Path::new("--max-size"),
        Path::new("512MiB"),
        &path,
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("{}:1:1: ", display(&path))),
        "{}",
        run.stderr
    );
}

/// The viewer loads the file before it touches the terminal: on a real
/// terminal (a pseudo-terminal from `script`), a broken file gets the same
/// one line as through a pipe, and not one escape code is written: no
/// alternate screen, no raw mode, no hidden cursor.
#[test]
fn the_viewer_on_a_terminal_refuses_broken_files_without_touching_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("missing.json");
    let mut cases = vec![(
        missing.clone(),
        format!(
            "{}: no such file, expected a match file path",
            display(&missing)
        ),
    )];
    for (name, contents, expected) in BROKEN {
        let path = dir.path().join(name);
        std::fs::write(&path, contents).expect("write the fixture");
        cases.push((path.clone(), expected.replace("{}", &display(&path))));
    }
    for (path, expected) in cases {
        let shell = format!(
            "stty -a; echo BEFORE-END; {} {}; echo EXIT=$?; stty -a",
            common::pty::quote(BIN),
            common::pty::quote(&display(&path))
        );
        let Some(screen) = common::pty::run(&shell) else {
            return;
        };
        let (before, rest) = screen.split_once("BEFORE-END\r\n").expect("the marker");
        let (output, after) = rest.split_once("EXIT=").expect("the exit status");
        assert_eq!(
            output,
            format!("error: {expected}\r\n"),
            "{}",
            display(&path)
        );
        assert!(after.starts_with("1\r\n"), "{after}");
        assert!(!output.contains('\u{1b}'), "{output:?}");
        assert_eq!(
            before.split_whitespace().collect::<Vec<_>>(),
            after["1\r\n".len()..]
                .split_whitespace()
                .collect::<Vec<_>>(),
            "terminal settings changed"
        );
    }
}

#[test]
fn validate_checks_every_file_and_fails_if_any_fails() {
    let (_dir, bad) = file_with("empty.json", "");
    let run = touchline([Path::new("validate"), &bad, Path::new(BUNDLED_PATH)]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with(&format!("{BUNDLED_PATH}: ok (")),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        format!(
            "{}:1:1: the file is empty, expected a JSON match file\n",
            bad.display()
        )
    );
}

#[test]
fn validate_prints_warnings_on_stderr_and_still_passes() {
    let (_dir, path) = file_with(
        "odd.json",
        r#"{
  "match": {"home": {"name": "A"}, "away": {"name": "B"}, "x-note": "ignored"},
  "events": [
    {"kind": "goal", "clock": "20", "team": "home", "player": "X", "mood": "happy"},
    {"kind": "streaker", "clock": "50"}
  ]
}"#,
    );
    let run = touchline([Path::new("validate"), &path]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let prefix = format!("{}:", path.display());
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", run.stderr);
    for line in &warnings {
        assert!(line.starts_with(&prefix), "{line}");
        assert!(line.contains(": warning: "), "{line}");
    }
    assert!(run.stderr.contains("mood"), "{}", run.stderr);
    assert!(run.stderr.contains("streaker"), "{}", run.stderr);
    assert!(!run.stderr.contains("x-note"), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!("{}: ok (2 events, 2 warnings)\n", path.display())
    );
}

#[test]
fn max_size_refuses_larger_files() {
    let run = touchline(["validate", "--max-size", "1KiB", BUNDLED_PATH]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("{BUNDLED_PATH}: file is ")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("larger than the limit of 1024 bytes"),
        "{}",
        run.stderr
    );
    let run = touchline(["--max-size", "1MiB", "validate", BUNDLED_PATH]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
}

// ---- load errors in the viewer and summary -------------------------------

#[test]
fn viewer_on_a_missing_file_prints_one_line_and_leaves_the_terminal_alone() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("final.json");
    let run = touchline([&missing]);
    assert_eq!(run.code, 1);
    // Not a byte on stdout: the terminal was never switched to raw mode or
    // the alternate screen.
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: {}: no such file, expected a match file path\n",
            missing.display()
        )
    );
}

#[test]
fn viewer_without_a_terminal_says_so_instead_of_drawing() {
    // The test harness gives the binary a pipe, not a terminal, for stdout.
    let run = touchline(["--at", "54"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: the viewer needs a terminal, and standard output is not one; `touchline summary` prints the match as text\n"
    );
}

// ---- the match list and --follow -----------------------------------------

#[test]
fn a_folder_opens_the_match_list_and_refuses_options_for_one_match() {
    let (dir, _) = file_with("derby.json", touchline::import::BUNDLED_MATCH);
    // Without a terminal the list cannot draw, and says so like the viewer.
    let run = touchline([dir.path()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
    for (option, value) in [("--at", "54"), ("--step", "3"), ("--lineups", "l.json")] {
        let run = touchline([dir.path().as_os_str(), option.as_ref(), value.as_ref()]);
        assert_eq!(run.code, 2, "{option}: {}", run.stderr);
        assert!(run.stderr.contains("folder"), "{option}: {}", run.stderr);
    }
    let run = touchline([Path::new("/no/such/folder/")]);
    assert_eq!(run.code, 1);
}

#[test]
fn follow_refuses_a_missing_or_broken_file_before_touching_the_terminal() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("live.json");
    let run = touchline([Path::new("--follow"), &missing]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(
        run.stderr,
        format!(
            "error: {}: no such file, expected a match file to follow\n",
            missing.display()
        )
    );
    std::fs::write(&missing, "").unwrap();
    let run = touchline([Path::new("--follow"), &missing]);
    assert!(run.stderr.contains("the file is empty"), "{}", run.stderr);
    std::fs::write(&missing, "{\"match\": {\"home\": ").unwrap();
    let run = touchline([Path::new("--follow"), &missing]);
    assert!(run.stderr.contains("half-written"), "{}", run.stderr);
    std::fs::write(&missing, "{\"match\": 5, \"events\": []}").unwrap();
    let run = touchline([Path::new("--follow"), &missing]);
    assert!(run.stderr.contains(":1:"), "{}", run.stderr);
    // A file still being written is fine: only the terminal is missing.
    std::fs::write(
        &missing,
        "{\"match\": {\"home\": {\"name\": \"A\"}, \"away\": {\"name\": \"B\"}}, \"events\": [",
    )
    .unwrap();
    let run = touchline([Path::new("--follow"), &missing]);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
    // FILE and --follow FILE are two matches: refused.
    let run = touchline([Path::new("x.json"), Path::new("--follow"), &missing]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

// ---- usage ---------------------------------------------------------------

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        vec!["--bogus"],
        vec!["validate"],
        vec!["summary", "--at", "ninety"],
        vec!["summary", "--at", "54", "--step", "3"],
        vec!["summary", "--step", "-1"],
        vec!["--speed", "3"],
        vec!["--max-size", "lots"],
        vec!["summary", "a.json", "b.json"],
        vec![BUNDLED_PATH, "summary"],
        vec!["--spoilers", "validate", BUNDLED_PATH],
        vec!["--at", "54", "summary"],
        vec!["--step", "999"],
    ] {
        let run = touchline(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_bad_clock_says_what_a_clock_looks_like() {
    let run = touchline(["summary", "--at", "ninety"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            r#"invalid clock "ninety", expected a minute like "17", "45+2", "17:42" or "90+8:15""#
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn version_prints_name_and_version() {
    let run = touchline(["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("touchline {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_the_subcommands_and_options() {
    let run = touchline(["--help"]);
    assert_eq!(run.code, 0);
    for expected in [
        "Usage: touchline [OPTIONS] [FILE]",
        "summary",
        "validate",
        "--speed <N>",
        "--spoilers",
        "--max-size <BYTES>",
        "--version",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?}:\n{}",
            run.stdout
        );
    }
    let run = touchline(["summary", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--json"), "{}", run.stdout);
    assert!(run.stdout.contains("--at <CLOCK>"), "{}", run.stdout);
}

// ---- summary --format -------------------------------------------------------

#[test]
fn summary_formats_text_markdown_and_json() {
    let text = touchline(["summary", "--at", "54"]);
    let plain = touchline(["summary", "--format", "text", "--at", "54"]);
    assert_eq!(text.stdout, plain.stdout);
    assert!(text.stdout.contains("\nKey moments\n"), "{}", text.stdout);
    let markdown = touchline(["summary", "--format", "markdown", "--at", "54"]);
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    assert!(
        markdown.stdout.starts_with("# England v France\n"),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("\n## Key moments\n"));
    let json = touchline(["summary", "--format", "json", "--at", "54"]);
    let alias = touchline(["summary", "--json", "--at", "54"]);
    assert_eq!(json.code, 0);
    assert_eq!(json.stdout, alias.stdout, "--json is --format json");
    let bad = touchline(["summary", "--format", "html"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("[possible values: text, json, markdown]"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_markdown_report_of_a_statsbomb_file_stops_at_its_point() {
    let run = touchline(["summary", CUP_FINAL, "--format", "markdown", "--at", "60"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("**Northfield Rovers 1-0 Southport Athletic** · 2nd half, 46'"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("penalties"), "{}", run.stdout);
    assert!(!run.stdout.contains("Second yellow"), "{}", run.stdout);
}

// ---- the config file --------------------------------------------------------

#[test]
fn print_config_prints_the_path_and_defaults_that_read_back() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("config.toml");
    let first = touchline_with_config(&path, ["--print-config"]);
    assert_eq!(first.code, 0);
    assert!(
        first.stdout.contains(&format!("#   {}\n", path.display())),
        "{}",
        first.stdout
    );
    // Named but missing: said so, and the defaults still print.
    assert!(first.stderr.contains("no such file"), "{}", first.stderr);
    assert!(
        first
            .stdout
            .contains("\n[keys.replay]\nnext_event = [\"Right\", \"l\", \"Down\", \"j\"]")
    );
    std::fs::write(&path, &first.stdout).expect("save the defaults");
    let again = touchline_with_config(&path, ["--print-config"]);
    assert_eq!(again.stderr, "", "the printed defaults read back cleanly");
    assert_eq!(again.stdout, first.stdout);
}

#[test]
fn print_config_without_a_variable_names_the_platform_directory() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let output = Command::new(BIN)
        .arg("--print-config")
        .env_remove("TOUCHLINE_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .expect("run touchline");
    let stdout = String::from_utf8_lossy(&output.stdout);
    if cfg!(target_os = "linux") {
        let expected = dir.path().join("touchline").join("config.toml");
        assert!(
            stdout.contains(&format!("#   {}\n", expected.display())),
            "{stdout}"
        );
    }
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A config file in a scratch directory.
fn config_with(contents: &str) -> (tempfile::TempDir, PathBuf) {
    file_with("config.toml", contents)
}

#[test]
fn a_bad_config_is_one_line_naming_file_line_and_column() {
    let cases = [
        ("speed = 2\nspoilers = \"shown\"\n[keys.replay\n", ":3:13: "),
        (
            "[keys.replay]\nnext_move = [\"n\"]\n",
            ":2:1: unknown variant `next_move`, expected one of `next_event`",
        ),
        (
            "[keys.replay]\nnext_event = [\"Rihgt\"]\n",
            ":2:15: unknown key \"Rihgt\", expected one character",
        ),
        (
            "[colors]\ndim = \"greyish\"\n",
            ":2:7: unknown colour \"greyish\", expected a colour name",
        ),
        (
            "[keys.replay]\ncopy_moment = [\"s\"]\n",
            ":2:16: key \"s\" would do both toggle_spoilers and copy_moment in the replay keys",
        ),
    ];
    for (contents, expected) in cases {
        let (_dir, path) = config_with(contents);
        let run = touchline_with_config(&path, ["--print-config"]);
        assert_eq!(run.code, 0, "{contents}");
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line for {contents:?}: {}", run.stderr);
        let prefix = format!("warning: {}{expected}", path.display());
        assert!(
            lines[0].starts_with(&prefix),
            "{contents:?}:\n{}\nexpected {prefix}",
            lines[0]
        );
        // The viewer says it too, before it finds it has no terminal.
        let view = touchline_with_config(&path, Vec::<&str>::new());
        assert_eq!(view.code, 1);
        let lines: Vec<&str> = view.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{}", view.stderr);
        assert!(
            lines[0].starts_with(&prefix) && lines[0].ends_with("; using the default settings"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].contains("the viewer needs a terminal"),
            "{}",
            lines[1]
        );
    }
}

#[test]
fn help_shows_the_keys_the_config_gives() {
    let (_dir, path) =
        config_with("[keys.replay]\nnext_goal = [\"J\", \"]\"]\ncopy_moment = [\"c\"]\n");
    let run = touchline_with_config(&path, ["--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row = |what: &str| {
        run.stdout
            .lines()
            .find(|l| l.ends_with(what))
            .unwrap_or_else(|| panic!("no {what:?} row:\n{}", run.stdout))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    assert_eq!(row("  Next goal")[..2], ["J", "]"]);
    assert_eq!(row("Copy this moment to share")[0], "c");
    // A bad file leaves the defaults in --help too.
    let (_bad, path) = config_with("[keys.replay]\nnext_goal = 5\n");
    let run = touchline_with_config(&path, ["--help"]);
    assert_eq!(row_of(&run.stdout, "  Next goal"), "]");
}

fn row_of(help: &str, what: &str) -> String {
    help.lines()
        .find(|l| l.ends_with(what))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_default()
        .to_owned()
}

// ---- the README stays true ------------------------------------------------

fn readme() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The body of the first fenced block of `lang` after `marker`.
fn fenced_after<'a>(text: &'a str, marker: &str, lang: &str) -> &'a str {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("README has no {marker:?}"));
    let fence = format!("```{lang}\n");
    let body_start = text[start..]
        .find(&fence)
        .map(|i| start + i + fence.len())
        .unwrap_or_else(|| panic!("no ```{lang} block after {marker:?}"));
    let body_len = text[body_start..]
        .find("```")
        .unwrap_or_else(|| panic!("unclosed ```{lang} block after {marker:?}"));
    &text[body_start..body_start + body_len]
}

#[test]
fn readme_json_sample_is_what_summary_prints() {
    let readme = readme();
    let sample = fenced_after(&readme, "`touchline summary --json --at 54` prints", "json");
    let run = touchline(["summary", "--json", "--at", "54"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, sample);
}

#[test]
fn readme_text_sample_is_how_the_summary_begins() {
    let readme = readme();
    let sample = fenced_after(&readme, "the same state reads as a report", "text");
    let (command, shown) = sample
        .split_once('\n')
        .expect("a command line, then output");
    assert_eq!(command, "$ touchline summary --at 17");
    let shown = shown
        .strip_suffix("...\n")
        .expect("the sample ends with ...");
    let run = touchline(["summary", "--at", "17"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(
        run.stdout.starts_with(shown),
        "README:\n{shown}\nactual:\n{}",
        run.stdout
    );
}

#[test]
fn readme_markdown_sample_is_what_summary_prints() {
    let readme = readme();
    let sample = fenced_after(
        &readme,
        "`touchline summary --format markdown --at 17` prints",
        "markdown",
    );
    let run = touchline(["summary", "--format", "markdown", "--at", "17"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, sample);
}

#[test]
fn readme_shared_line_is_what_y_copies() {
    let readme = readme();
    let sample = fenced_after(&readme, "## Sharing a moment", "text");
    let replay = touchline::replay::Replay::new(touchline::import::bundled().game);
    let step = replay.step_at_clock(touchline::model::Clock::minute(78));
    assert_eq!(
        sample.trim_end(),
        touchline::share::moment_line(&replay.at(step), None)
    );
}

#[test]
fn readme_config_example_is_a_valid_config() {
    let readme = readme();
    let example = fenced_after(&readme, "## Configuration", "toml");
    let (_dir, path) = config_with(example);
    let run = touchline_with_config(&path, ["--print-config"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "", "the README's example has a mistake");
    let help = touchline_with_config(&path, ["--help"]);
    assert_eq!(row_of(&help.stdout, "  Copy this moment to share"), "c");
}

#[test]
fn readme_match_file_example_is_valid() {
    let readme = readme();
    let example = fenced_after(&readme, "## Writing a match file", "json");
    let (_dir, path) = file_with("derby.json", example);
    let run = touchline([Path::new("validate"), &path]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "", "the README's example draws warnings");
    let v = summary_json(&[&display(&path)]);
    assert_eq!(v["score"], json!({"home": 2, "away": 1}));
    assert_eq!(v["scorers"]["home"][0]["clock"], "45+2'");
}

/// The keys of the table under `heading` in the README's Keys section, a
/// sorted list per row.
fn readme_key_rows(section: &str, heading: Option<&str>) -> Vec<Vec<String>> {
    let table = match heading {
        None => section.split("\n### ").next().unwrap_or_default(),
        Some(h) => section
            .split("\n### ")
            .find(|part| part.starts_with(h))
            .unwrap_or_else(|| panic!("README's Keys section has no {h:?} table")),
    };
    let mut rows: Vec<Vec<String>> = table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let keys = l.split('|').nth(1).unwrap_or_default();
            let mut keys: Vec<String> = keys
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
            keys.sort();
            keys
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn readme_key_tables_match_the_keymap() {
    use touchline::tui::keymap::{Section, bindings};
    let readme = readme();
    let section = readme
        .split("\n## Keys\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("README has a Keys section");
    for (part, heading) in [
        (Section::Replay, None),
        (Section::Library, Some("In the match list")),
        (Section::LibraryFilter, Some("Typing a filter")),
    ] {
        let mut table: Vec<Vec<String>> = bindings(part)
            .map(|b| {
                let mut keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
                keys.sort();
                keys
            })
            .collect();
        table.sort();
        assert_eq!(
            readme_key_rows(section, heading),
            table,
            "README's {part:?} key table differs from the keymap"
        );
    }
}

// ---- convert and StatsBomb files -------------------------------------------

const CUP_FINAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/statsbomb/cup_final_events.json"
);

#[test]
fn convert_writes_a_match_file_with_the_same_state_at_every_step() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("final.json");
    let run = touchline(["convert", CUP_FINAL, "-o", &display(&out)]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(run.stderr.starts_with("wrote "), "{}", run.stderr);

    let validated = touchline(["validate", &display(&out)]);
    assert_eq!(validated.code, 0, "{}", validated.stderr);
    assert_eq!(
        validated.stderr, "",
        "a converted file loads without warnings"
    );

    let steps = summary_json(&[CUP_FINAL])["steps"].as_u64().unwrap();
    assert!(steps > 10);
    for step in 0..=steps {
        let step = step.to_string();
        let direct = summary_json(&[CUP_FINAL, "--step", &step]);
        let converted = summary_json(&[&display(&out), "--step", &step]);
        assert_eq!(direct, converted, "step {step}");
    }
}

#[test]
fn convert_to_standard_output_prints_the_match_file() {
    let run = touchline(["convert", CUP_FINAL]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let file: Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(file["format"], json!(1));
    assert!(file["events"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn a_statsbomb_file_is_recognised_by_content_and_its_lineups_found_beside_it() {
    let end = summary_json(&[CUP_FINAL]);
    assert!(end["shootout"].is_object(), "{end}");
    // The lineups file sits beside the events as *_lineups.json; naming it
    // explicitly gives the same result.
    let lineups = CUP_FINAL.replace("_events.json", "_lineups.json");
    let explicit = summary_json(&[CUP_FINAL, "--lineups", &lineups]);
    assert_eq!(end, explicit);
}

#[test]
fn validate_reports_what_a_statsbomb_import_skipped() {
    let messy = CUP_FINAL.replace("cup_final_events", "messy_events");
    let run = touchline(["validate", &messy]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("33 records read, 12 skipped"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("warning: "), "{}", run.stderr);
}

/// `TOUCHLINE_LOG` turns on a log file in the state directory and prints
/// nothing more; without it no file is made; a filter that will not parse
/// is said on stderr, and the command still runs.
#[cfg(target_os = "linux")]
#[test]
fn touchline_log_writes_to_the_state_directory_only() {
    let state = tempfile::tempdir().unwrap();
    let run = |log: Option<&str>| {
        let mut command = Command::new(BIN);
        command
            .args(["summary", BUNDLED_PATH])
            .env("TOUCHLINE_CONFIG", "")
            .env("XDG_STATE_HOME", state.path())
            .env_remove("TOUCHLINE_LOG");
        if let Some(log) = log {
            command.env("TOUCHLINE_LOG", log);
        }
        let output = command.output().expect("the binary runs");
        assert!(output.status.success(), "{output:?}");
        (
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let log = state.path().join("touchline").join("touchline.log");
    let (quiet, _) = run(None);
    assert!(!log.exists(), "logging is off by default");
    assert_eq!(run(Some("debug")), (quiet.clone(), String::new()));
    let written = std::fs::read_to_string(&log).expect("the log was written");
    assert!(
        written.contains("INFO") && written.contains("touchline starts"),
        "{written}"
    );
    let (stdout, stderr) = run(Some("touchline=loud"));
    assert_eq!(stdout, quiet);
    assert!(
        stderr.starts_with("warning: TOUCHLINE_LOG=touchline=loud: "),
        "{stderr}"
    );
}
