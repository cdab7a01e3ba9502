//! The extra views (pitch, stats, xG race, line-ups) rendered alone into
//! ratatui's `TestBackend` and compared with reviewed snapshots
//! (`tests/snapshots/`): a synthetic match with positions, passes and xG
//! at a mid-match step, and the bundled match at full time, which has few
//! positions, no passes and no xG and must say so. Then the same views
//! reached through the App with Tab on a StatsBomb-format match, and every
//! view at every terminal size from 1x1 to 200x60.
//!
//! Snapshots hold characters only; colour is checked separately below.

mod common;

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use touchline::import::{self, LoadOptions};
use touchline::model::Detail;
use touchline::replay::Replay;
use touchline::synth::synthesize;
use touchline::tui::theme::Theme;
use touchline::tui::views::{LineupsWidget, PitchWidget, StatsWidget, View, XgRaceWidget};
use touchline::tui::{App, AppOptions, ColorMode, Global, HelpAction, ListAction, ViewerAction};

fn synthetic() -> Replay {
    Replay::new(synthesize(400, 7))
}

fn bundled() -> Replay {
    Replay::new(import::bundled().game)
}

fn theme(replay: &Replay, mode: ColorMode) -> Theme {
    Theme::new(mode, &replay.game().info)
}

/// Halfway through the synthetic match, on a pass, so the pitch shows an
/// arrow as well as the trail.
fn mid_step(replay: &Replay) -> usize {
    let events = &replay.game().events;
    (replay.steps() / 2..replay.steps())
        .find(|&step| {
            matches!(
                &events[step - 1].detail,
                Detail::Play { action: Some(a), end_location: Some(_) } if &**a == "Pass"
            )
        })
        .expect("the synthetic match has passes in its second half")
}

fn draw(widget: impl Widget, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(widget, frame.area()))
        .expect("drawing into a test backend");
    terminal
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    common::screen::text(terminal.backend().buffer())
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

#[test]
fn pitch_synthetic() {
    let replay = synthetic();
    let theme = theme(&replay, ColorMode::TrueColor);
    let step = mid_step(&replay);
    for (w, h) in SIZES {
        let terminal = draw(PitchWidget::new(&replay, step, &theme), w, h);
        insta::assert_snapshot!(format!("pitch_synthetic_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn stats_synthetic() {
    let replay = synthetic();
    let theme = theme(&replay, ColorMode::TrueColor);
    let step = mid_step(&replay);
    for (w, h) in SIZES {
        let terminal = draw(StatsWidget::new(&replay, step, &theme), w, h);
        insta::assert_snapshot!(format!("stats_synthetic_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn xg_race_synthetic() {
    let replay = synthetic();
    let theme = theme(&replay, ColorMode::TrueColor);
    let step = mid_step(&replay);
    for (w, h) in SIZES {
        let terminal = draw(XgRaceWidget::new(&replay, step, &theme), w, h);
        insta::assert_snapshot!(format!("xg_race_synthetic_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn lineups_synthetic() {
    let replay = synthetic();
    let theme = theme(&replay, ColorMode::TrueColor);
    let step = mid_step(&replay);
    for (w, h) in SIZES {
        let terminal = draw(LineupsWidget::new(&replay, step, &theme), w, h);
        insta::assert_snapshot!(format!("lineups_synthetic_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn pitch_bundled_full_time() {
    let replay = bundled();
    let theme = theme(&replay, ColorMode::TrueColor);
    for (w, h) in SIZES {
        let terminal = draw(PitchWidget::new(&replay, replay.steps(), &theme), w, h);
        let text = text_of(&terminal);
        assert!(
            text.contains("this match has no positions for most moments"),
            "{text}"
        );
        insta::assert_snapshot!(
            format!("pitch_bundled_full_time_{w}x{h}"),
            terminal.backend()
        );
    }
}

#[test]
fn stats_bundled_full_time() {
    let replay = bundled();
    let theme = theme(&replay, ColorMode::TrueColor);
    for (w, h) in SIZES {
        let terminal = draw(StatsWidget::new(&replay, replay.steps(), &theme), w, h);
        let text = text_of(&terminal);
        assert!(text.contains("Passes: not in this data"), "{text}");
        insta::assert_snapshot!(
            format!("stats_bundled_full_time_{w}x{h}"),
            terminal.backend()
        );
    }
}

#[test]
fn xg_race_and_lineups_bundled_full_time() {
    let replay = bundled();
    let theme = theme(&replay, ColorMode::TrueColor);
    let terminal = draw(XgRaceWidget::new(&replay, replay.steps(), &theme), 120, 40);
    insta::assert_snapshot!("xg_race_bundled_full_time_120x40", terminal.backend());
    let terminal = draw(LineupsWidget::new(&replay, replay.steps(), &theme), 120, 40);
    insta::assert_snapshot!("lineups_bundled_full_time_120x40", terminal.backend());
}

/// Every view at every step of interest and every size draws something
/// and never panics.
#[test]
fn no_view_is_ever_empty_or_panics() {
    let mut sizes: Vec<(u16, u16)> = (1..=200)
        .step_by(9)
        .flat_map(|w| (1..=60).step_by(4).map(move |h| (w, h)))
        .collect();
    sizes.extend([(1, 1), (80, 24), (120, 40)]);
    let replays = [synthetic(), bundled()];
    let themes = replays
        .each_ref()
        .map(|replay| theme(replay, ColorMode::Basic));
    common::sizes::sweep("the views", sizes, |w, h| {
        for (replay, theme) in replays.iter().zip(&themes) {
            for step in [0, replay.kick_off(), replay.steps() / 2, replay.steps()] {
                let screens = [
                    text_of(&draw(PitchWidget::new(replay, step, theme), w, h)),
                    text_of(&draw(StatsWidget::new(replay, step, theme), w, h)),
                    text_of(&draw(XgRaceWidget::new(replay, step, theme), w, h)),
                    text_of(&draw(LineupsWidget::new(replay, step, theme), w, h)),
                ];
                for (view, screen) in [View::Pitch, View::Stats, View::XgRace, View::Lineups]
                    .iter()
                    .zip(&screens)
                {
                    if !screen.chars().any(|c| !c.is_whitespace()) {
                        return Err(format!("{view:?} empty at step {step}"));
                    }
                }
            }
        }
        Ok(())
    });
}

/// With NO_COLOR the views carry no colour at all, and still tell the
/// sides' bars apart from empty space by reverse video.
#[test]
fn no_color_means_no_colour() {
    let replay = synthetic();
    let theme = theme(&replay, ColorMode::None);
    let step = mid_step(&replay);
    let mut reversed = 0;
    for terminal in [
        draw(PitchWidget::new(&replay, step, &theme), 120, 40),
        draw(StatsWidget::new(&replay, step, &theme), 120, 40),
        draw(XgRaceWidget::new(&replay, step, &theme), 120, 40),
        draw(LineupsWidget::new(&replay, step, &theme), 120, 40),
    ] {
        for cell in terminal.backend().buffer().content() {
            assert_eq!(cell.fg, Color::Reset, "{cell:?}");
            assert_eq!(cell.bg, Color::Reset, "{cell:?}");
            if cell.modifier.contains(Modifier::REVERSED) {
                reversed += 1;
            }
        }
    }
    assert!(
        reversed > 20,
        "the stats bars should be drawn in reverse video"
    );
}

/// In colour the shots and the trail take their team's colour.
#[test]
fn the_pitch_uses_both_team_colours() {
    let replay = synthetic();
    let theme = theme(&replay, ColorMode::TrueColor);
    let terminal = draw(PitchWidget::new(&replay, replay.steps(), &theme), 120, 40);
    let colours: Vec<Color> = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.fg)
        .collect();
    // Northby's red and Southwick's blue as the theme fits them.
    let home = theme
        .team_mark(Some(touchline::model::Side::Home))
        .fg
        .unwrap();
    let away = theme
        .team_mark(Some(touchline::model::Side::Away))
        .fg
        .unwrap();
    assert!(colours.contains(&home) && colours.contains(&away));
}

// ---- the views through the App ---------------------------------------------

/// The project's StatsBomb-format cup final: extra time, a shoot-out, a
/// second yellow, positions, passes and xG.
fn cup_final() -> Replay {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/statsbomb/cup_final_events.json");
    let loaded = import::load_path(&path, LoadOptions::default()).expect("the fixture loads");
    Replay::new(loaded.game)
}

fn app_on(replay: Replay) -> App {
    App::new(
        replay,
        AppOptions {
            colors: ColorMode::TrueColor,
            ..AppOptions::default()
        },
    )
}

fn app_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing into a test backend");
    text_of(&terminal)
}

/// The cup final just after its first goal (Felipe, 45+2'), on each view
/// in turn as Tab reaches it: the scoreboard stays on every one, and the
/// middle of the screen is the view.
#[test]
fn each_view_through_the_app_on_a_statsbomb_match() {
    let mut app = app_on(cup_final());
    let _ = app.update(ViewerAction::NextGoal);
    assert_eq!(app.state().score().home, 1);
    for view in View::ALL {
        assert_eq!(app.view(), view);
        for (w, h) in SIZES {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
            terminal
                .draw(|frame| frame.render_widget(&app, frame.area()))
                .expect("drawing into a test backend");
            let text = text_of(&terminal);
            assert!(text.contains("Northfield"), "{view:?} {w}x{h}:\n{text}");
            assert!(text.contains(&format!("╭ {} ", view.title())), "{text}");
            let name = format!("app_{}_cup_final_{w}x{h}", slug(view));
            insta::assert_snapshot!(name, terminal.backend());
        }
        let _ = app.update(ViewerAction::NextView);
    }
    assert_eq!(app.view(), View::Timeline);
}

fn slug(view: View) -> &'static str {
    match view {
        View::Timeline => "timeline",
        View::Pitch => "pitch",
        View::Stats => "stats",
        View::XgRace => "xg_race",
        View::Lineups => "lineups",
    }
}

/// Figures on the stats view grow as the cursor moves and never run ahead
/// of it: at kick-off there are no shots, at full time there are.
#[test]
fn the_stats_view_counts_up_to_the_cursor_only() {
    let mut app = app_on(cup_final());
    let _ = app.update(ViewerAction::NextView);
    let _ = app.update(ViewerAction::NextView);
    assert_eq!(app.view(), View::Stats);
    let shots_row = |text: &str| {
        text.lines()
            .find(|l| l.contains("Shots") && !l.contains("target"))
            .map(|l| {
                l.split_whitespace()
                    .filter(|w| w.parse::<u32>().is_ok())
                    .count()
            })
    };
    let start = app_text(&app, 120, 40);
    assert!(start.contains("Shots"), "{start}");
    let figures: Vec<String> = start
        .lines()
        .filter(|l| l.contains("Shots") && !l.contains("target"))
        .flat_map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| w.parse::<u32>().is_ok())
        .collect();
    assert_eq!(figures, ["0", "0"], "{start}");
    let _ = app.update(ViewerAction::FullTime);
    let end = app_text(&app, 120, 40);
    assert_eq!(shots_row(&end), Some(2), "{end}");
    assert_ne!(start, end);
}

/// `a` lists every event on the timeline: the passes and carries the key
/// moments leave out appear, and the scoreboard says so.
#[test]
fn a_lists_every_event_on_the_timeline() {
    let mut app = app_on(cup_final());
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let keys = app_text(&app, 120, 40);
    assert!(!keys.contains("Pass"), "{keys}");
    let _ = app.update(ViewerAction::ToggleAllEvents);
    let all = app_text(&app, 120, 40);
    assert!(all.contains("Pass"), "{all}");
    assert!(all.contains("all events"), "{all}");
}

/// Autoplay on the pitch draws the ball on its way between two actions:
/// the frame halfway differs from the frames at either end.
#[test]
fn the_ball_moves_between_two_actions_on_the_pitch() {
    let mut app = app_on(cup_final());
    let _ = app.update(ViewerAction::NextView);
    let _ = app.update(ViewerAction::TogglePlay);
    let mut guard = 0;
    while !app.animating() {
        app.tick();
        guard += 1;
        assert!(guard < 60, "no action with somewhere for the ball to go");
    }
    let frames: Vec<String> = [0.0, 0.5, 1.0]
        .into_iter()
        .map(|progress| {
            app.animate(progress);
            app_text(&app, 120, 40)
        })
        .collect();
    assert_ne!(frames[0], frames[1]);
    assert_ne!(frames[1], frames[2]);
}

// ---- every size ------------------------------------------------------------

/// One real StatsBomb match when `TOUCHLINE_STATSBOMB_DIR` names the
/// directory of real files (Turkey v Italy when it is there).
fn real_match() -> Option<(String, Replay)> {
    let dir = PathBuf::from(std::env::var_os("TOUCHLINE_STATSBOMB_DIR")?);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("TOUCHLINE_STATSBOMB_DIR={}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("_events.json"))
        .collect();
    files.sort_by_key(|p| !p.to_string_lossy().contains("turkey_italy"));
    let path = files
        .first()
        .unwrap_or_else(|| panic!("no *_events.json in {}", dir.display()));
    let loaded = import::load_path(path, LoadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some((path.display().to_string(), Replay::new(loaded.game)))
}

/// Every view, and the help screen, at every terminal size from 1x1 to
/// 200x60, for the bundled match, the StatsBomb fixture and (when the
/// directory is given) a real match, at kick-off and just after the first
/// goal, playing with the ball half way to the next action: none panics.
/// Every size in CI, a sample in a plain `cargo test` ([`common::sizes`]).
#[test]
fn every_view_at_every_size_from_1x1_to_200x60_never_panics() {
    let mut matches = vec![
        ("bundled".to_owned(), bundled()),
        ("cup final fixture".to_owned(), cup_final()),
    ];
    matches.extend(real_match());
    for (name, replay) in matches {
        let mut app = app_on(replay);
        for stop in ["kick-off", "first goal"] {
            if stop == "first goal" {
                let _ = app.update(ViewerAction::NextGoal);
            }
            // Playing, so the pitch draws the ball on its way.
            if !app.playback().playing {
                let _ = app.update(ViewerAction::TogglePlay);
            }
            app.animate(0.5);
            for screen in 0..=View::ALL.len() {
                let help = screen == View::ALL.len();
                if help {
                    let _ = app.update(Global::OpenHelp);
                }
                let what = format!(
                    "{name}, {stop}, {:?}{}",
                    app.view(),
                    if help { " with help" } else { "" }
                );
                common::sizes::never_panics(&what, |area, buf| (&app).render(area, buf));
                if help {
                    let _ = app.update(HelpAction::Close);
                } else {
                    let _ = app.update(ViewerAction::NextView);
                }
            }
        }
    }
}

/// The match list at every size from 1x1 to 200x60: browsing, typing a
/// filter with results shown, and its help screen. None panics.
#[test]
fn the_match_list_at_every_size_from_1x1_to_200x60_never_panics() {
    use touchline::library;
    use touchline::tui::Picker;
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("wc.json"), import::BUNDLED_MATCH).unwrap();
    std::fs::write(dir.path().join("half.json"), "{\"match\": {").unwrap();
    let catalog = library::scan(dir.path(), LoadOptions::default()).expect("a folder");
    let mut picker = Picker::new(catalog, AppOptions::default());
    for state in ["browsing", "typing with results", "help"] {
        match state {
            "typing with results" => {
                let _ = picker.update(ListAction::ToggleSpoilers);
                let _ = picker.update(ListAction::Filter);
                let _ = picker.update(ListAction::FilterType('w'));
            }
            "help" => {
                let _ = picker.update(ListAction::FilterDone);
                let _ = picker.update(Global::OpenHelp);
            }
            _ => {}
        }
        common::sizes::never_panics(&format!("the list, {state}"), |area, buf| {
            let _ = picker.set_viewport(touchline::tui::picker::view::measure(&picker, area));
            (&picker).render(area, buf);
        });
    }
}

/// A viewer following a file, behind the newest moment and with a problem
/// to report, at every size from 1x1 to 200x60: none panics.
#[test]
fn a_followed_match_at_every_size_from_1x1_to_200x60_never_panics() {
    use touchline::follow::{Problem, Update};
    let mut app = app_on(bundled());
    app.start_following("a-very-long-name-for-a-live-file.json", true);
    let _ = app.update(ViewerAction::PrevEvent);
    app.follow_update(Update::Problem(Problem::Broken(
        touchline::import::LoadError::Malformed(touchline::import::Diagnostic {
            file: "live.json".into(),
            position: Some((3, 4)),
            message: "\"clock\": expected a clock".into(),
        }),
    )));
    common::sizes::never_panics("following", |area, buf| (&app).render(area, buf));
}
