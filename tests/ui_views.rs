//! The extra views (pitch, stats, xG race, line-ups) rendered alone into
//! ratatui's `TestBackend` and compared with reviewed snapshots
//! (`tests/snapshots/`): a synthetic match with positions, passes and xG
//! at a mid-match step, and the bundled match at full time, which has few
//! positions, no passes and no xG and must say so.
//!
//! Snapshots hold characters only; colour is checked separately below.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use touchline::import;
use touchline::model::Detail;
use touchline::replay::Replay;
use touchline::synth::synthesize;
use touchline::tui::ColorMode;
use touchline::tui::theme::Theme;
use touchline::tui::views::{LineupsWidget, PitchWidget, StatsWidget, View, XgRaceWidget};

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
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
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
    for replay in [synthetic(), bundled()] {
        let theme = theme(&replay, ColorMode::Basic);
        for step in [0, replay.kick_off(), replay.steps() / 2, replay.steps()] {
            for &(w, h) in &sizes {
                let screens = [
                    text_of(&draw(PitchWidget::new(&replay, step, &theme), w, h)),
                    text_of(&draw(StatsWidget::new(&replay, step, &theme), w, h)),
                    text_of(&draw(XgRaceWidget::new(&replay, step, &theme), w, h)),
                    text_of(&draw(LineupsWidget::new(&replay, step, &theme), w, h)),
                ];
                for (view, screen) in [View::Pitch, View::Stats, View::XgRace, View::Lineups]
                    .iter()
                    .zip(&screens)
                {
                    assert!(
                        screen.chars().any(|c| !c.is_whitespace()),
                        "{view:?} empty at {w}x{h}, step {step}"
                    );
                }
            }
        }
    }
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
