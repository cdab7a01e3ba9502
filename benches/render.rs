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
use touchline::tui::{Action, App, AppOptions, ColorMode};

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
    a.update(Action::NextGoal);
    b.update(Action::NextGoal);
    b.update(Action::NextEvent);
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
                    app.update(Action::OpenHelp);
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
                    app.update(Action::CloseHelp);
                } else {
                    app.update(Action::NextView);
                }
            }
        }
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
