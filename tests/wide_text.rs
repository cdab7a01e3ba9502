//! Wide characters (Korean and Chinese names, emoji) and combining accents
//! keep the layout's columns straight. A match full of them is drawn next
//! to its "twin", the same match with every character replaced by ASCII
//! of the same width; the frame borders, the big score and every other
//! line-drawing character must land in the same columns in both, on the
//! scoreboard, timeline, commentary and line-ups, at several sizes. Then
//! the real binary in tmux must show exactly the frame the renderer drew.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};
use touchline::import;
use touchline::replay::Replay;
use touchline::text::width;
use touchline::tui::views::View;
use touchline::tui::{App, AppOptions, ViewerAction};

use common::screen::rows;
use common::tmux::{Tmux, binary, can_run};

fn wide_match() -> Value {
    json!({
        "match": {
            "competition": "アジアカップ 🏆 2027",
            "home": {
                "name": "대한민국", "code": "KOR",
                "players": [
                    {"number": 7, "name": "손흥민", "position": "FW"},
                    {"number": 18, "name": "이강인", "position": "MF"},
                    {"number": 4, "name": "김민재", "position": "DF"},
                    {"number": 1, "name": "조현우", "position": "GK"},
                    {"number": 9, "name": "조규성", "position": "FW", "starter": false}
                ]
            },
            "away": {
                "name": "Co\u{302}te d'Ivoire 🐘", "code": "CIV",
                "players": [
                    {"number": 10, "name": "Kylian Mbappe\u{301}", "position": "FW"},
                    {"number": 9, "name": "张玉宁", "position": "FW"},
                    {"number": 5, "name": "Zoe\u{308} Ha\u{308}ller", "position": "DF"},
                    {"number": 16, "name": "Yahia Fofana", "position": "GK"}
                ]
            }
        },
        "events": [
            {"kind": "period_start", "clock": "1", "text": "キックオフ! 試合開始です ⚽"},
            {"kind": "goal", "clock": "12", "team": "home", "player": "손흥민", "assist": "이강인",
             "text": "손흥민 scores! 골골골 🎉🎉 a curler into the top corner from twenty-five metres out"},
            {"kind": "yellow_card", "clock": "30", "team": "away", "player": "Kylian Mbappe\u{301}",
             "reason": "déjà vu: a dive"},
            {"kind": "period_end", "clock": "45+2", "text": "ハーフタイム"},
            {"kind": "period_start", "clock": "46"},
            {"kind": "goal", "clock": "67", "team": "away", "player": "张玉宁", "method": "header",
             "text": "张玉宁 rises highest ⚽ 头球破门!",
             "quotes": [{"speaker": "Zoe\u{308} Ha\u{308}ller", "text": "我们从未放弃 💪"}]},
            {"kind": "substitution", "clock": "70", "team": "home", "player_in": "조규성", "player_out": "손흥민"},
            {"kind": "period_end", "clock": "90+4"}
        ]
    })
}

/// The same text in ASCII of the same width: a wide character becomes
/// "Ww", a zero-width one disappears, any other non-ASCII one becomes "x".
fn ascii_twin(text: &str) -> String {
    text.chars()
        .map(|c| match width(c.encode_utf8(&mut [0; 4])) {
            0 => String::new(),
            2 => "Ww".to_owned(),
            _ if c.is_ascii() => c.to_string(),
            _ => "x".to_owned(),
        })
        .collect()
}

fn twin(value: &Value, key: Option<&str>) -> Value {
    match value {
        Value::String(s) if !matches!(key, Some("kind" | "clock" | "team" | "method")) => {
            Value::String(ascii_twin(s))
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| twin(v, key)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), twin(v, Some(k))))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn app_for(doc: &Value) -> App {
    let loaded = import::parse_bytes("wide.json", doc.to_string().as_bytes()).expect("it loads");
    let replay = Replay::new(loaded.game);
    let steps = replay.steps();
    App::new(
        replay,
        AppOptions {
            spoilers: true,
            start_step: Some(steps),
            ..AppOptions::default()
        },
    )
}

fn render(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    rows(terminal.backend().buffer())
}

/// The display columns of the frame: box-drawing and block characters.
fn frame_columns(row: &str) -> Vec<(usize, char)> {
    let mut column = 0;
    let mut out = Vec::new();
    for c in row.chars() {
        if ('\u{2500}'..='\u{259F}').contains(&c) {
            out.push((column, c));
        }
        column += width(c.encode_utf8(&mut [0; 4]));
    }
    out
}

/// The tests' one way of reading a frame: a wide character prints once
/// and the cell it covers not at all, so a row is as wide on the page as
/// on the screen.
#[test]
fn a_frame_reads_as_the_terminal_shows_it() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 2));
    buffer.set_string(0, 0, "손흥민 7", Style::default());
    buffer.set_string(1, 1, "a😀b", Style::default());
    let shown = rows(&buffer);
    assert_eq!(shown, ["손흥민 7", " a😀b   "]);
    assert!(shown.iter().all(|row| width(row) == 8), "{shown:?}");
    assert_eq!(common::screen::text(&buffer), "손흥민 7\n a😀b   \n");
    assert_eq!(common::screen::trimmed(&buffer), "손흥민 7\n a😀b\n");
}

#[test]
fn the_twin_is_as_wide_as_the_original() {
    assert_eq!(ascii_twin("손흥민"), "WwWwWw");
    assert_eq!(ascii_twin("Mbappe\u{301}"), "Mbappe");
    assert_eq!(width("Kylian Mbappe\u{301}"), width("Kylian Mbappe"));
    assert_eq!(ascii_twin("🎉 é"), "Ww x");
}

#[test]
fn wide_and_combining_names_keep_every_border_in_its_column() {
    let doc = wide_match();
    let mut wide = app_for(&doc);
    let mut ascii = app_for(&twin(&doc, None));
    for view in View::ALL {
        assert_eq!(wide.view(), view);
        for (w, h) in [(120, 40), (100, 30), (80, 24), (60, 20), (44, 16)] {
            let wide_rows = render(&wide, w, h);
            let ascii_rows = render(&ascii, w, h);
            let screen = wide_rows.join("\n");
            if view == View::Timeline && w >= 80 {
                // The names are on screen, not cut away.
                for name in ["대한민국", "손흥민", "张玉宁", "Mbappe\u{301}"] {
                    assert!(
                        screen.contains(name),
                        "{view:?} {w}x{h} lacks {name}:\n{screen}"
                    );
                }
            }
            if view == View::Lineups && w >= 80 {
                for name in ["이강인", "Ha\u{308}ller"] {
                    assert!(
                        screen.contains(name),
                        "{view:?} {w}x{h} lacks {name}:\n{screen}"
                    );
                }
            }
            for (y, (a, b)) in wide_rows.iter().zip(&ascii_rows).enumerate() {
                assert_eq!(width(a), w as usize, "{view:?} {w}x{h} row {y} is {a:?}");
                assert_eq!(
                    frame_columns(a),
                    frame_columns(b),
                    "{view:?} {w}x{h} row {y}:\n{a}\n{b}\n\n{screen}"
                );
            }
        }
        let _ = wide.update(ViewerAction::NextView);
        let _ = ascii.update(ViewerAction::NextView);
    }
}

/// In a real terminal the frame is exactly what the renderer drew, wide
/// characters and accents included: tmux's screen, line by line, equals
/// the test render at the same size, on the timeline and the line-ups.
#[test]
fn tmux_shows_wide_names_exactly_where_the_renderer_put_them() {
    if !can_run() {
        return;
    }
    let doc = wide_match();
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("wide.json");
    std::fs::write(&path, doc.to_string()).expect("write");
    let mut app = app_for(&doc);
    let steps = app.replay().steps().to_string();
    let bin = binary();
    let bin = bin.to_string_lossy();
    let file = path.to_string_lossy();
    let tmux = Tmux::start(
        dir.path(),
        &[&bin, "--spoilers", "--step", &steps, &file],
        100,
        30,
    );
    for view in View::ALL {
        let expected: Vec<String> = render(&app, 100, 30)
            .iter()
            .map(|r| r.trim_end().to_owned())
            .collect();
        let title = format!("╭ {} ", view.title());
        let screen = tmux.wait_for(
            &format!("{view:?} as rendered:\n{}", expected.join("\n")),
            |screen| {
                screen.contains(&title)
                    && screen
                        .lines()
                        .map(str::trim_end)
                        .eq(expected.iter().map(String::as_str))
            },
        );
        assert!(screen.contains("张玉宁"), "{screen}");
        tmux.send("Tab");
        let _ = app.update(ViewerAction::NextView);
    }
}
