//! Draws one view again and again at 200x60 through ratatui's
//! `TestBackend`, alternating two neighbouring moments as the render
//! bench does, and prints the time a frame took. Made to be run under a
//! profiler, where criterion's harness would drown the frame:
//!
//! ```text
//! cargo build --release --example profile_frame
//! valgrind --tool=callgrind target/release/examples/profile_frame 1000000 1 50
//! ```
//!
//! Arguments: events (0 for the bundled match, else a synthetic match of
//! that many), view (0 Timeline, 1 Pitch, 2 Stats, 3 xG race, 4 Line-ups,
//! 9 the help screen) and frames. Run once with 0 frames and once with N:
//! the difference over N is one frame's cost.

use std::process::ExitCode;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use touchline::replay::Replay;
use touchline::synth::synthesize;
use touchline::tui::{App, AppOptions, ColorMode, Global, ViewerAction};

fn main() -> ExitCode {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map_while(|a| a.parse().ok())
        .collect();
    let &[events, view, frames] = args.as_slice() else {
        eprintln!("usage: profile_frame EVENTS VIEW FRAMES (see the source's header)");
        return ExitCode::FAILURE;
    };
    let replay = if events == 0 {
        Replay::new(touchline::import::bundled().game)
    } else {
        Replay::new(synthesize(events, 42))
    };
    let app = || {
        let options = AppOptions {
            colors: ColorMode::TrueColor,
            spoilers: true,
            ..AppOptions::default()
        };
        let mut app = App::new(replay.clone(), options);
        let _ = app.update(ViewerAction::NextGoal);
        if view == 9 {
            let _ = app.update(Global::OpenHelp);
        } else {
            (0..view).for_each(|_| {
                let _ = app.update(ViewerAction::NextView);
            });
        }
        app
    };
    let (a, mut b) = (app(), app());
    let _ = b.update(ViewerAction::NextEvent);
    let apps = [a, b];
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(&apps[0], f.area()))
        .expect("test backend");
    let start = std::time::Instant::now();
    for i in 0..frames {
        let app = &apps[(i + 1) % 2];
        terminal
            .draw(|f| f.render_widget(app, f.area()))
            .expect("test backend");
    }
    if frames > 0 {
        let micros = start.elapsed().as_secs_f64() * 1e6 / frames as f64;
        println!("{micros:.1} µs a frame");
    }
    ExitCode::SUCCESS
}
