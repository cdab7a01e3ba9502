//! The match-file loader on good and bad input: every refusal names the
//! file, line and column and says what was expected.

use touchline::import::{self, LoadOptions};
use touchline::model::{Detail, Side};
use touchline::replay::Replay;

const BASE: &str = r#"{
  "format": 1,
  "match": {
    "home": {"name": "England", "code": "ENG"},
    "away": {"name": "France", "code": "FRA"},
    "result": {"home": 0, "away": 1}
  },
  "events": [
    {"kind": "period_start", "clock": "1"},
    {"id": "g1", "kind": "goal", "clock": "17", "team": "away", "player": "Aurélien Tchouaméni"},
    {"kind": "period_end", "clock": "45+5"}
  ]
}
"#;

fn load(text: &str) -> Result<import::Loaded, String> {
    import::parse_bytes("m.json", text.as_bytes()).map_err(|e| e.to_string())
}

fn error_of(text: &str) -> String {
    match load(text) {
        Ok(_) => panic!("loaded, expected an error:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn the_base_document_loads() {
    let loaded = load(BASE).unwrap();
    assert_eq!(loaded.game.events.len(), 3);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn an_unknown_team_names_line_column_and_the_choices() {
    let text = BASE.replace(r#""team": "away""#, r#""team": "hom""#);
    assert_eq!(
        error_of(&text),
        r#"m.json:10:57: "team": unknown team "hom", expected "home" or "away""#
    );
}

#[test]
fn a_clock_in_words_is_refused() {
    let text = BASE.replace(r#""clock": "17""#, r#""clock": "ninety""#);
    assert_eq!(
        error_of(&text),
        r#"m.json:10:43: "clock": invalid clock "ninety", expected a minute like "17", "45+2", "17:42" or "90+8:15""#
    );
}

#[test]
fn a_bad_last_field_still_points_at_the_value() {
    let text = BASE.replace(
        r#"{"kind": "period_end", "clock": "45+5"}"#,
        r#"{"kind": "period_end", "clock": "ninety"}"#,
    );
    assert!(
        error_of(&text).starts_with(r#"m.json:11:37: "clock": invalid clock "ninety""#),
        "{}",
        error_of(&text)
    );
}

#[test]
fn a_number_where_a_string_belongs_names_the_field() {
    let text = BASE.replace(r#""player": "Aurélien Tchouaméni""#, r#""player": 5"#);
    assert_eq!(
        error_of(&text),
        r#"m.json:10:75: "player": invalid type: integer 5, expected a string"#
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(
        error_of(""),
        "m.json:1:1: the file is empty, expected a JSON match file"
    );
    assert_eq!(
        error_of("  \n"),
        "m.json:1:1: the file is empty, expected a JSON match file"
    );
}

#[test]
fn text_that_is_not_json_is_refused() {
    assert_eq!(
        error_of("hello there\n"),
        "m.json:1:1: not valid JSON: expected value"
    );
}

#[test]
fn json_cut_off_in_the_middle_says_the_file_ends_too_soon() {
    let cut = &BASE[..BASE.find("Tchouaméni").unwrap()];
    assert_eq!(
        error_of(cut),
        "m.json:10:84: the file ends too soon (EOF while parsing a string), expected the rest of the JSON document"
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_load() {
    let with_bom = format!("\u{feff}{BASE}");
    assert_eq!(load(&with_bom).unwrap().game.events.len(), 3);
    let crlf = BASE.replace('\n', "\r\n");
    assert_eq!(load(&crlf).unwrap().game.events.len(), 3);
    // Positions still count lines, not carriage returns.
    let bad = crlf.replace(r#""team": "away""#, r#""team": "hom""#);
    assert!(error_of(&bad).starts_with("m.json:10:57: "));
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("England").unwrap();
    bytes[at] = 0xFF;
    let err = import::parse_bytes("m.json", &bytes)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "m.json:4:23: invalid UTF-8 (byte 0xFF), expected UTF-8 text"
    );
}

#[test]
fn two_events_with_one_id_are_refused_at_the_second() {
    let text = BASE.replace(
        r#"{"kind": "period_end""#,
        r#"{"id": "g1", "kind": "period_end""#,
    );
    assert_eq!(
        error_of(&text),
        r#"m.json:11:5: duplicate id "g1", first used on line 10, expected each id once"#
    );
}

#[test]
fn an_overturns_that_names_no_event_is_refused() {
    let text = BASE.replace(
        r#"{"kind": "period_end", "clock": "45+5"}"#,
        r#"{"kind": "var", "clock": "19", "overturns": "g2"},
    {"kind": "period_end", "clock": "45+5"}"#,
    );
    assert_eq!(
        error_of(&text),
        r#"m.json:11:5: "overturns" names no event: no event has id "g2", expected the id of an earlier event"#
    );
}

#[test]
fn a_declared_result_the_events_contradict_is_refused() {
    let text = BASE.replace(
        r#""result": {"home": 0, "away": 1}"#,
        r#""result": {"home": 1, "away": 1}"#,
    );
    assert_eq!(
        error_of(&text),
        "m.json:6:15: declared result 1-1 does not match the events, which give 0-1; expected the two to agree"
    );
}

#[test]
fn a_review_that_overturns_the_goal_makes_the_declared_result_hold() {
    let text = BASE
        .replace(
            r#""result": {"home": 0, "away": 1}"#,
            r#""result": {"home": 0, "away": 0}"#,
        )
        .replace(
            r#"{"kind": "period_end", "clock": "45+5"}"#,
            r#"{"kind": "var", "clock": "19", "overturns": "g1", "decision": "offside"},
    {"kind": "period_end", "clock": "45+5"}"#,
        );
    let loaded = load(&text).unwrap();
    let replay = Replay::new(loaded.game);
    assert_eq!(replay.at(2).score().away, 1);
    assert_eq!(replay.at(3).score().away, 0);
}

#[test]
fn other_format_numbers_are_refused() {
    let text = BASE.replace(r#""format": 1"#, r#""format": 2"#);
    assert_eq!(
        error_of(&text),
        r#"m.json:2:13: "format": unsupported format 2, expected 1 (this touchline reads match file version 1)"#
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_refused() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let text = BASE.replace(
        r#""kind": "period_start""#,
        &format!(r#""x-deep": {deep}, "kind": "period_start""#),
    );
    assert_eq!(
        error_of(&text),
        "m.json:9:141: JSON nested more than 128 levels deep, expected a flatter document"
    );
}

#[test]
fn a_goal_without_a_scorer_is_refused_at_the_event() {
    let text = BASE.replace(r#", "player": "Aurélien Tchouaméni""#, "");
    assert_eq!(
        error_of(&text),
        r#"m.json:10:5: goal event has no "player", expected the player's name"#
    );
}

#[test]
fn directories_missing_paths_and_oversized_files_are_refused() {
    let dir = std::env::temp_dir().join(format!("touchline-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let err = import::load_path(&dir, LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}: is a directory, expected a match file (give a file path)",
            dir.display()
        )
    );
    let missing = dir.join("nope.json");
    let err = import::load_path(&missing, LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}: no such file, expected a match file path",
            missing.display()
        )
    );
    let big = dir.join("big.json");
    std::fs::write(&big, BASE).unwrap();
    let err = import::load_path(&big, LoadOptions { max_size: 100 })
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}: file is {} bytes, larger than the limit of 100 bytes, expected a smaller file (raise the limit with --max-size)",
            big.display(),
            BASE.len()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_fields_kinds_and_misplaced_fields_are_warnings() {
    let text = BASE
        .replace(
            r#"{"kind": "period_start""#,
            r#"{"colour": "red", "x-mine": 1, "kind": "period_start""#,
        )
        .replace(
            r#""kind": "period_end""#,
            r#""kind": "celebration", "method": "header""#,
        );
    let loaded = load(&text).unwrap();
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            r#"m.json:9:5: unknown field "colour" is ignored"#,
            r#"m.json:11:5: field "method" is not used by a celebration event and is ignored"#,
            r#"m.json:11:5: unknown kind "celebration" loads as a note"#,
        ]
    );
    let last = loaded.game.events.last().unwrap();
    assert!(matches!(last.detail, Detail::Note { .. }));
    assert_eq!(last.detail.kind_name(), "celebration");
}

#[test]
fn events_out_of_order_load_sorted_with_a_warning() {
    let text = BASE.replace(
        r#"{"kind": "period_start", "clock": "1"},"#,
        r#"{"kind": "note", "clock": "60", "text": "late"},
    {"kind": "period_start", "clock": "1"},"#,
    );
    let loaded = load(&text).unwrap();
    let kinds: Vec<&str> = loaded
        .game
        .events
        .iter()
        .map(|e| e.detail.kind_name())
        .collect();
    assert_eq!(kinds, ["period_start", "goal", "period_end", "note"]);
    assert_eq!(
        loaded.warnings[0].to_string(),
        "m.json:10:5: event is out of match order; events are loaded sorted by period and clock"
    );
}

#[test]
fn control_characters_in_names_are_replaced_at_load() {
    let text = BASE.replace("Aurélien Tchouaméni", r"Tchou\u001b]0;pwned\u0007");
    let loaded = load(&text).unwrap();
    let player = loaded.game.events[1].player.as_deref().unwrap();
    assert_eq!(player, "Tchou\u{241b}]0;pwned\u{2407}");
    assert!(!player.chars().any(char::is_control));
}

#[test]
fn shootout_kicks_need_no_clock_and_never_score() {
    let text = BASE
        .replace(
            r#""result": {"home": 0, "away": 1}"#,
            r#""result": {"home": 0, "away": 1, "shootout": {"home": 1, "away": 0}}"#,
        )
        .replace(
            r#"{"kind": "period_end", "clock": "45+5"}"#,
            r#"{"kind": "period_end", "clock": "45+5"},
    {"kind": "shootout_kick", "team": "home", "player": "Kane", "outcome": "scored"},
    {"kind": "shootout_kick", "team": "away", "player": "Mbappé", "outcome": "saved"}"#,
        );
    let replay = Replay::new(load(&text).unwrap().game);
    let end = replay.at(replay.steps());
    assert_eq!((end.score().home, end.score().away), (0, 1));
    let pens = end.shootout().unwrap();
    assert_eq!((pens.home, pens.away), (1, 0));
    assert_eq!(end.shootout_taken().get(Side::Away), 1);
}

/// The loader checks a declared result with its own count of the events
/// (loading does not run the replay engine); on every kind of match the
/// project has, with reviews striking goals off, own goals and a
/// shoot-out, that count must be the engine's.
#[test]
fn the_declared_result_check_counts_as_the_replay_engine_does() {
    use touchline::model::{FinalResult, Score};
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statsbomb");
    let cup_final = import::load_path(
        &fixtures.join("cup_final_events.json"),
        LoadOptions::default(),
    )
    .expect("the cup final fixture loads")
    .game;
    let mut games = vec![import::bundled().game, cup_final];
    games.extend((1..=12).map(|seed| touchline::synth::synthesize(600, seed)));
    let mut struck_off = 0;
    let mut shootouts = 0;
    for mut game in games {
        let replay = Replay::new(game.clone());
        let end = replay.at(replay.steps());
        struck_off += (1..=replay.steps())
            .filter(|&step| replay.overturned_at(step).is_some())
            .count();
        let (score, pens) = (end.score(), end.shootout());
        shootouts += usize::from(pens.is_some());
        let declare = |game: &mut touchline::model::Match, home, away, shootout| {
            game.info.result = Some(FinalResult {
                home,
                away,
                shootout,
            });
            game.to_json_pretty()
        };
        let agreeing = declare(&mut game, score.home, score.away, pens);
        load(&agreeing).unwrap_or_else(|e| panic!("{}: {e}", game.info.title()));
        let wrong = declare(&mut game, score.home, score.away + 1, pens);
        assert!(error_of(&wrong).contains("does not match the events"));
        if let Some(pens) = pens {
            let wrong = Some(Score {
                home: pens.home + 1,
                ..pens
            });
            let wrong = declare(&mut game, score.home, score.away, wrong);
            assert!(error_of(&wrong).contains("does not match the events"));
        }
    }
    assert!(struck_off > 0 && shootouts > 0, "{struck_off} {shootouts}");
}

#[test]
fn a_possession_is_read_and_a_negative_one_refused() {
    let timed = |seconds: &str| {
        BASE.replace(
            r#""player": "Aurélien Tchouaméni""#,
            &format!(
                r#""player": "Aurélien Tchouaméni", "possession": {{"team": "away", "seconds": {seconds}}}"#
            ),
        )
    };
    let loaded = load(&timed("1.5")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let possession = loaded.game.events[1].possession.expect("read");
    assert_eq!((possession.team, possession.seconds), (Side::Away, 1.5));
    let err = error_of(&timed("-2"));
    assert!(
        err.contains("possession lasting -2 seconds, expected 0 to 3600"),
        "{err}"
    );
}
