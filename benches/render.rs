//! One whole frame of every view (and the help screen), drawn through
//! ratatui's `Terminal` into its `TestBackend`, at 80x24 and 200x60, as a
//! key press draws it: the whole screen rendered, diffed against the last
//! frame and the changes written, alternating between two neighbouring
//! moments so every frame has something new to write. On the
//! bundled match, on a real StatsBomb match (the project's own fixture when
//! `TOUCHLINE_STATSBOMB_DIR` is not set), and on synthetic matches of 10k
//! and 1M events, where a frame must cost what it costs at 10k (only the
//! visible rows are drawn).
//!
//! `cargo bench --bench render`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use touchline::import::{self, LoadOptions};
use touchline::replay::Replay;
use touchline::synth::synthesize;
use touchline::tui::views::View;
use touchline::tui::{App, AppOptions, ColorMode, Global, HelpAction, ViewerAction};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn statsbomb_match() -> (String, Replay) {
    let dir = std::env::var_os("TOUCHLINE_STATSBOMB_DIR").map(PathBuf::from);
    let path = match &dir {
        Some(dir) => dir.join("3788741_turkey_italy_events.json"),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/statsbomb/cup_final_events.json"),
    };
    let loaded = import::load_path(&path, LoadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = if dir.is_some() {
        "turkey_italy"
    } else {
        "cup_final_fixture"
    };
    (name.to_owned(), Replay::new(loaded.game))
}

/// Two apps in the middle of the match, on neighbouring moments (the
/// first goal, when there is one, and the moment after), with spoilers
/// shown so the timeline and the progress bar have their whole length to
/// draw.
fn apps_on(replay: Replay) -> [App; 2] {
    let app = || {
        App::new(
            replay.clone(),
            AppOptions {
                colors: ColorMode::TrueColor,
                spoilers: true,
                ..AppOptions::default()
            },
        )
    };
    let (mut a, mut b) = (app(), app());
    let _ = a.update(ViewerAction::NextGoal);
    let _ = b.update(ViewerAction::NextGoal);
    let _ = b.update(ViewerAction::NextEvent);
    [a, b]
}

fn frames(c: &mut Criterion) {
    let mut matches = vec![
        ("bundled".to_owned(), Replay::new(import::bundled().game)),
        statsbomb_match(),
    ];
    for n in [10_000usize, 1_000_000] {
        matches.push((format!("synthetic_{n}"), Replay::new(synthesize(n, 42))));
    }
    let mut group = c.benchmark_group("frame");
    for (name, replay) in matches {
        let mut apps = apps_on(replay);
        for screen in 0..=View::ALL.len() {
            let help = screen == View::ALL.len();
            let label = if help { "help" } else { apps[0].view().title() };
            for app in &mut apps {
                if help {
                    let _ = app.update(Global::OpenHelp);
                }
            }
            for (w, h) in SIZES {
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
                let id = BenchmarkId::new(format!("{name}/{label}"), format!("{w}x{h}"));
                let mut turn = 0;
                group.bench_function(id, |b| {
                    b.iter(|| {
                        turn ^= 1;
                        let app = &apps[turn];
                        terminal
                            .draw(|frame| frame.render_widget(app, frame.area()))
                            .expect("test backend");
                        black_box(terminal.backend().buffer().area);
                    })
                });
            }
            for app in &mut apps {
                if help {
                    let _ = app.update(HelpAction::Close);
                } else {
                    let _ = app.update(ViewerAction::NextView);
                }
            }
        }
    }
    group.finish();
}

/// A key press as the viewer takes it: the key event through the keymap
/// and `App::update` (the seek), then the frame, alternating Right and
/// Left so every press moves. It costs the seek and one frame, nothing
/// more, on the bundled match and at a million events.
fn key_to_frame(c: &mut Criterion) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use touchline::tui::handle_event;
    let mut group = c.benchmark_group("key_to_frame");
    let matches = [
        ("bundled", Replay::new(import::bundled().game)),
        ("synthetic_1000000", Replay::new(synthesize(1_000_000, 42))),
    ];
    for (name, replay) in matches {
        let [mut app, _] = apps_on(replay);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
        let keys = [KeyCode::Right, KeyCode::Left]
            .map(|code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        let mut turn = 0;
        group.bench_function(BenchmarkId::new(name, "200x60"), |b| {
            b.iter(|| {
                turn ^= 1;
                if handle_event(&mut app, &keys[turn]).is_consumed() {
                    terminal
                        .draw(|frame| frame.render_widget(&app, frame.area()))
                        .expect("test backend");
                }
                black_box(app.step())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames, key_to_frame);
criterion_main!(benches);
