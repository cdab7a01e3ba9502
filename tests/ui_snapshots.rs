//! Whole screens of the viewer rendered into ratatui's `TestBackend` and
//! compared with reviewed snapshots (`tests/snapshots/`), plus checks that
//! no screen size panics and that spoilers stay hidden.
//!
//! Snapshots carry the characters only; colour is checked separately
//! below. They never depend on the environment: the colour mode is passed
//! explicitly.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use touchline::import;
use touchline::model::{Match, MatchInfo, Team};
use touchline::replay::Replay;
use touchline::tui::{App, AppOptions, ColorMode, Global, ViewerAction};

fn app_with(options: AppOptions) -> App {
    App::new(Replay::new(import::bundled().game), options)
}

fn app() -> App {
    app_with(AppOptions {
        colors: ColorMode::TrueColor,
        ..AppOptions::default()
    })
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing into a test backend");
    terminal
}

fn screen(app: &App, width: u16, height: u16) -> String {
    common::screen::text(draw(app, width, height).backend().buffer())
}

/// The app just after Tchouaméni's goal (17'), reached as a fan would.
fn after_first_goal() -> App {
    let mut app = app();
    let _ = app.update(ViewerAction::NextGoal);
    app
}

fn full_time_with_spoilers() -> App {
    let mut app = app();
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let _ = app.update(ViewerAction::FullTime);
    app
}

fn help() -> App {
    let mut app = app();
    let _ = app.update(Global::OpenHelp);
    app
}

macro_rules! snapshot_both_sizes {
    ($name:ident, $make:expr) => {
        #[test]
        fn $name() {
            let app = $make;
            for (w, h) in [(120, 40), (80, 24)] {
                let terminal = draw(&app, w, h);
                insta::assert_snapshot!(
                    format!("{}_{w}x{h}", stringify!($name)),
                    terminal.backend()
                );
            }
        }
    };
}

snapshot_both_sizes!(kick_off, app());
snapshot_both_sizes!(after_tchouameni_goal, after_first_goal());
snapshot_both_sizes!(full_time_spoilers_shown, full_time_with_spoilers());
snapshot_both_sizes!(help_screen, help());
snapshot_both_sizes!(pre_match_facts, {
    let mut app = app();
    let _ = app.update(ViewerAction::PrevEvent);
    app
});

#[test]
fn the_goal_screen_shows_the_score_and_scorer() {
    let app = after_first_goal();
    let state = app.state();
    assert_eq!((state.score().home, state.score().away), (0, 1));
    let text = screen(&app, 120, 40);
    assert!(text.contains("Tchouaméni 17'"), "{text}");
    assert!(text.contains("1st half · 17'"), "{text}");
}

#[test]
fn no_size_panics_at_any_step() {
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for w in (1..=200).step_by(7) {
        for h in (1..=60).step_by(3) {
            sizes.push((w, h));
        }
    }
    sizes.extend([
        (1, 1),
        (80, 24),
        (79, 23),
        (200, 60),
        (2, 1),
        (1, 2),
        (40, 13),
        (60, 23),
    ]);
    let mut apps = Vec::new();
    for spoilers in [false, true] {
        let options = AppOptions {
            spoilers,
            ..AppOptions::default()
        };
        let mut at_zero = app_with(options);
        let _ = at_zero.update(ViewerAction::PrevEvent);
        apps.push(at_zero);
        apps.push(app_with(options));
        let mut goal = app_with(options);
        let _ = goal.update(ViewerAction::NextGoal);
        apps.push(goal);
        let mut end = app_with(options);
        let _ = end.update(ViewerAction::FullTime);
        apps.push(end);
        let mut help = app_with(options);
        let _ = help.update(Global::OpenHelp);
        apps.push(help);
        let mut prompt = app_with(options);
        let _ = prompt.update(ViewerAction::OpenPrompt);
        let _ = prompt.update(ViewerAction::PromptType('9'));
        let _ = prompt.update(ViewerAction::PromptType(':'));
        let _ = prompt.update(ViewerAction::PromptSubmit);
        apps.push(prompt);
        let mut found = app_with(options);
        let _ = found.update(ViewerAction::NextGoal);
        let _ = found.update(ViewerAction::ToggleMark);
        search(&mut found, "kane");
        let _ = found.update(ViewerAction::NextHit);
        let _ = found.update(ViewerAction::FilterHome);
        apps.push(found);
        let mut menu = app_with(options);
        let _ = menu.update(ViewerAction::OpenFilter);
        apps.push(menu);
        let mut typing = app_with(options);
        let _ = typing.update(ViewerAction::OpenSearch);
        let _ = typing.update(ViewerAction::PromptType('é'));
        apps.push(typing);
    }
    // A match with no events at all, teams known by name only.
    let bare = Match::new(MatchInfo::between(Team::named("A"), Team::named("B")));
    let mut empty = App::new(Replay::new(bare), AppOptions::default());
    apps.push(App::new(
        Replay::new(Match::new(MatchInfo::between(
            Team::named("A"),
            Team::named("B"),
        ))),
        AppOptions::default(),
    ));
    for action in [
        ViewerAction::NextEvent,
        ViewerAction::NextGoal,
        ViewerAction::TogglePlay,
        ViewerAction::FullTime,
    ] {
        let _ = empty.update(action);
    }
    apps.push(empty);
    apps.push(cup_tie(true));
    let mut struck = cup_tie(false);
    let _ = struck.update(ViewerAction::NextGoal);
    let _ = struck.update(ViewerAction::NextEvent);
    apps.push(struck);
    common::sizes::sweep("every app", sizes, |w, h| {
        for app in &apps {
            draw(app, w, h);
        }
        Ok(())
    });
}

#[test]
fn at_kick_off_nothing_later_is_on_screen() {
    let hidden = app();
    for (w, h) in [(120, 40), (80, 24), (200, 60)] {
        let text = screen(&hidden, w, h);
        for later in ["Giroud", "Kane", "Tchouaméni", "0-1", "Full time", "Coman"] {
            assert!(
                !text.contains(later),
                "{w}x{h}: {later:?} shown at kick-off:\n{text}"
            );
        }
        assert!(text.contains("spoilers hidden"), "{text}");
    }
    let mut shown = app();
    let _ = shown.update(ViewerAction::ToggleSpoilers);
    let text = screen(&shown, 120, 40);
    assert!(text.contains("Giroud"), "{text}");
}

#[test]
fn after_the_first_goal_later_goals_stay_hidden() {
    let app = after_first_goal();
    let text = screen(&app, 120, 40);
    assert!(!text.contains("Giroud") && !text.contains("Kane"), "{text}");
    // One goal marker on the progress bar: Tchouaméni's.
    let bar: String = text.lines().filter(|l| l.contains("1H")).collect();
    assert_eq!(bar.matches('◉').count(), 1, "{bar}");
}

#[test]
fn no_color_means_no_colour_anywhere() {
    let options = AppOptions {
        colors: ColorMode::None,
        ..AppOptions::default()
    };
    let mut app = app_with(options);
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let _ = app.update(ViewerAction::FullTime);
    for mode in [None, Some(Global::OpenHelp)] {
        if let Some(action) = mode {
            let _ = app.update(action);
        }
        let terminal = draw(&app, 120, 40);
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{cell:?}");
            assert_eq!(cell.bg, Color::Reset, "{cell:?}");
        }
    }
}

#[test]
fn team_colours_reach_the_scoreboard() {
    let app = after_first_goal();
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    // France's kit is #2F6BE0; their code on the scoreboard wears it.
    let france = Color::Rgb(0x2F, 0x6B, 0xE0);
    let cells = buffer.content().iter().filter(|c| c.fg == france).count();
    assert!(cells > 10, "France's colour is used on {cells} cells");
    let basic = app_with(AppOptions {
        colors: ColorMode::Basic,
        ..AppOptions::default()
    });
    let terminal = draw(&basic, 120, 40);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| !matches!(c.fg, Color::Rgb(..))),
        "Basic mode must not emit 24-bit colour"
    );
}

#[test]
fn the_current_moment_is_highlighted_and_in_view_at_every_step() {
    let mut app = app();
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let _ = app.update(ViewerAction::KickOff);
    loop {
        let terminal = draw(&app, 80, 24);
        let buffer = terminal.backend().buffer();
        let highlighted: Vec<u16> = (0..buffer.area.height)
            .filter(|&y| {
                (0..buffer.area.width)
                    .any(|x| buffer[(x, y)].bg != Color::Reset && buffer[(x, y)].symbol() != " ")
            })
            .collect();
        assert_eq!(
            highlighted.len(),
            1,
            "step {}: rows {highlighted:?}",
            app.step()
        );
        let clock = app
            .state()
            .clock()
            .expect("every bundled moment has a clock");
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, highlighted[0])].symbol().to_owned())
            .collect();
        assert!(row.contains(&clock.display().to_string()), "{row}");
        let before = app.step();
        let _ = app.update(ViewerAction::NextEvent);
        if app.step() == before {
            break;
        }
    }
}

/// A made-up cup tie with everything the bundled match lacks: a goal
/// struck off by VAR, a red card, extra time, a shoot-out, and names in
/// scripts of every width.
const CUP_TIE: &str = r##"{
  "format": 1,
  "match": {
    "competition": "Test Cup",
    "stage": "Final",
    "home": {"name": "Northport", "code": "NOR", "color": "#101010"},
    "away": {"name": "東京ユナイテッド", "code": "TOK", "color": "#F0F0F0"}
  },
  "events": [
    {"kind": "period_start", "clock": "1"},
    {"id": "g1", "kind": "goal", "clock": "10", "team": "home", "player": "Ørjan Håland"},
    {"kind": "var", "clock": "12", "team": "home", "decision": "Offside", "overturns": "g1",
     "text": "The goal is ruled out for offside."},
    {"kind": "red_card", "clock": "30", "team": "away", "player": "孫興慜"},
    {"kind": "period_end", "clock": "45+2"},
    {"kind": "period_start", "clock": "46"},
    {"kind": "goal", "clock": "60", "team": "away", "player": "Zé 😀 Roberto"},
    {"kind": "period_end", "clock": "90+3"},
    {"kind": "period_start", "clock": "91"},
    {"kind": "period_end", "clock": "105"},
    {"kind": "period_start", "clock": "106"},
    {"kind": "goal", "clock": "110", "team": "home", "player": "Ørjan Håland", "method": "penalty"},
    {"kind": "period_end", "clock": "120+1"},
    {"kind": "period_start", "period": "PSO"},
    {"kind": "shootout_kick", "period": "PSO", "team": "home", "player": "Ørjan Håland", "outcome": "scored"},
    {"kind": "shootout_kick", "period": "PSO", "team": "away", "player": "Zé 😀 Roberto", "outcome": "saved"},
    {"kind": "shootout_kick", "period": "PSO", "team": "home", "player": "Abel", "outcome": "scored"},
    {"kind": "shootout_kick", "period": "PSO", "team": "away", "player": "孫興慜", "outcome": "scored"},
    {"kind": "period_end", "period": "PSO"}
  ]
}"##;

fn cup_tie(spoilers: bool) -> App {
    let loaded =
        import::parse_bytes("cup-tie.json", CUP_TIE.as_bytes()).expect("the fixture loads");
    App::new(
        Replay::new(loaded.game),
        AppOptions {
            spoilers,
            ..AppOptions::default()
        },
    )
}

#[test]
fn a_goal_struck_off_by_var_is_crossed_out_marked_and_not_counted() {
    let mut app = cup_tie(false);
    let _ = app.update(ViewerAction::NextGoal);
    let text = screen(&app, 100, 30);
    assert!(
        !text.contains("VAR: no goal"),
        "not struck off yet:\n{text}"
    );
    assert!(text.contains("Goal Håland 1-0"), "{text}");
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.state().score().home, 0);
    let terminal = draw(&app, 100, 30);
    let buffer = terminal.backend().buffer();
    let text = common::screen::text(buffer);
    assert!(text.contains("Goal Håland VAR: no goal"), "{text}");
    // The struck-off words carry CROSSED_OUT; the marker does not, so it
    // reads even where the terminal cannot strike through.
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("VAR: no goal") && l.contains("10'"))
        .expect("the struck-off goal's row");
    let start = line.chars().take_while(|&c| c != 'G').count() as u16;
    let crossed = ratatui::style::Modifier::CROSSED_OUT;
    assert!(buffer[(start, y as u16)].modifier.contains(crossed));
    let marker = line
        .find("VAR: no goal")
        .map(|b| line[..b].chars().count() as u16);
    assert!(
        !buffer[(marker.unwrap(), y as u16)]
            .modifier
            .contains(crossed)
    );
}

#[test]
fn extra_time_and_the_shoot_out_appear_only_once_reached() {
    let mut app = cup_tie(false);
    let _ = app.update(ViewerAction::NextGoal);
    let _ = app.update(ViewerAction::NextGoal);
    let text = screen(&app, 100, 30);
    assert!(!text.contains("ET1") && !text.contains("PSO"), "{text}");
    let _ = app.update(ViewerAction::FullTime);
    let text = screen(&app, 100, 30);
    for shown in ["ET1", "ET2", "PSO", "1-1, 2-1 pens", "▮ 孫興慜"] {
        assert!(text.contains(shown), "{shown:?} missing:\n{text}");
    }
}

#[test]
fn wide_and_combining_names_keep_the_columns_straight() {
    let mut app = cup_tie(true);
    let _ = app.update(ViewerAction::FullTime);
    for (w, h) in [(120, 40), (100, 30), (80, 24), (61, 20)] {
        let terminal = draw(&app, w, h);
        let buffer = terminal.backend().buffer();
        // Every framed row ends in the frame's right edge, in the last
        // column: nothing was pushed sideways by a wide character.
        for y in 0..h {
            let last = buffer[(w - 1, y)].symbol();
            let first = buffer[(0, y)].symbol();
            if first == "│" {
                assert_eq!(
                    last,
                    "│",
                    "{w}x{h} row {y}:\n{}",
                    common::screen::text(buffer)
                );
            }
        }
    }
}

snapshot_both_sizes!(cup_tie_full_time, {
    let mut app = cup_tie(true);
    let _ = app.update(ViewerAction::FullTime);
    app
});

// ---- find and jump: search, filters, bookmarks -----------------------------

/// Types `text` into the search prompt and runs it.
fn search(app: &mut App, text: &str) {
    let _ = app.update(ViewerAction::OpenSearch);
    for c in text.chars() {
        let _ = app.update(ViewerAction::PromptType(c));
    }
    let _ = app.update(ViewerAction::PromptSubmit);
}

/// At Kane's penalty (54'), spoilers hidden, after a search for
/// Griezmann: his booking and his assist are marked; his later assist for
/// Giroud is neither listed nor counted.
fn griezmann_searched() -> App {
    let mut app = app();
    let _ = app.update(ViewerAction::NextGoal);
    let _ = app.update(ViewerAction::NextGoal);
    search(&mut app, "griezmann");
    app
}

snapshot_both_sizes!(search_hits_marked, griezmann_searched());
snapshot_both_sizes!(search_prompt_open, {
    let mut app = griezmann_searched();
    let _ = app.update(ViewerAction::OpenSearch);
    for c in "kane pen".chars() {
        let _ = app.update(ViewerAction::PromptType(c));
    }
    app
});
snapshot_both_sizes!(filter_only_france, {
    let mut app = full_time_with_spoilers();
    let _ = app.update(ViewerAction::OpenFilter);
    let _ = app.update(ViewerAction::FilterAway);
    let _ = app.update(ViewerAction::PrevEvent);
    app
});
snapshot_both_sizes!(filter_menu_open, {
    let mut app = after_first_goal();
    let _ = app.update(ViewerAction::OpenFilter);
    app
});
// Marks on Tchouaméni's goal, Saka's penalty and Giroud's goal, then
// back to Kane's penalty with spoilers hidden: the timeline shows the
// marks reached, the progress bar all three.
snapshot_both_sizes!(bookmarks_shown, {
    let mut app = app();
    let _ = app.update(ViewerAction::NextGoal);
    let _ = app.update(ViewerAction::ToggleMark);
    let _ = app.update(ViewerAction::NextGoal);
    let _ = app.update(ViewerAction::PrevEvent);
    let _ = app.update(ViewerAction::ToggleMark);
    let _ = app.update(ViewerAction::NextGoal);
    let _ = app.update(ViewerAction::NextGoal);
    let _ = app.update(ViewerAction::ToggleMark);
    let _ = app.update(ViewerAction::PrevGoal);
    app
});

/// The lines of the timeline panel on a 120x40 screen (where every
/// bundled moment fits), without the frame.
fn timeline_rows(app: &App) -> Vec<String> {
    let text = screen(app, 120, 40);
    text.lines()
        .skip(9)
        .take(28)
        .filter_map(|l| l.strip_prefix('│'))
        .map(|l| l.chars().take(46).collect())
        .collect()
}

#[test]
fn with_spoilers_hidden_search_marks_and_counts_stop_at_the_cursor() {
    let mut app = app();
    search(&mut app, "griezmann");
    let hits = app.search().expect("a search").hits().to_vec();
    assert!(hits.len() >= 3, "{hits:?}");
    let _ = app.update(ViewerAction::KickOff);
    loop {
        let step = app.step();
        let reached = hits.iter().filter(|&&h| h <= step).count();
        let rows = timeline_rows(&app);
        let marked = rows.iter().filter(|r| r.starts_with('▸')).count();
        assert_eq!(marked, reached, "step {step}:\n{}", rows.join("\n"));
        let text = screen(&app, 120, 40);
        let footer = text.lines().last().unwrap_or_default();
        assert!(
            !footer.contains(" of "),
            "step {step}: a total is shown: {footer}"
        );
        let status = app.search_status().unwrap();
        assert!(
            text.contains(&status),
            "step {step}: {status:?} missing:\n{text}"
        );
        let _ = app.update(ViewerAction::NextEvent);
        if app.step() == step {
            break;
        }
    }
    // With spoilers shown, every hit is marked and the total given.
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let _ = app.update(ViewerAction::KickOff);
    let rows = timeline_rows(&app);
    assert_eq!(
        rows.iter().filter(|r| r.starts_with('▸')).count(),
        hits.len()
    );
    let _ = app.update(ViewerAction::NextHit);
    let text = screen(&app, 120, 40);
    assert!(text.contains(&format!("hit 1 of {}", hits.len())), "{text}");
}

#[test]
fn a_filter_is_named_with_how_to_clear_it_in_every_view() {
    let mut app = full_time_with_spoilers();
    let _ = app.update(ViewerAction::OpenFilter);
    let _ = app.update(ViewerAction::FilterGoals);
    for (w, h, title) in [
        (120, 40, "Timeline · only goals · Esc clears"),
        (80, 24, "Only goals · Esc clears"),
    ] {
        let text = screen(&app, w, h);
        assert!(text.contains(title), "{w}x{h}:\n{text}");
        assert!(
            text.contains("1x · only goals ·"),
            "{w}x{h}: status line:\n{text}"
        );
    }
    let rows = timeline_rows(&app);
    let listed: Vec<&String> = rows.iter().filter(|r| r.contains('\'')).collect();
    assert_eq!(listed.len(), 3, "three goals:\n{}", rows.join("\n"));
    assert!(listed.iter().all(|r| r.contains('◉')), "{listed:?}");
    // On another view the scoreboard still says what stepping stops at.
    let _ = app.update(ViewerAction::NextView);
    let text = screen(&app, 80, 24);
    assert!(text.contains("only goals"), "{text}");
}

#[test]
fn bookmarks_ahead_show_on_the_bar_but_not_on_the_hidden_timeline() {
    let mut app = app();
    let _ = app.update(ViewerAction::FullTime);
    let _ = app.update(ViewerAction::ToggleMark);
    let _ = app.update(ViewerAction::KickOff);
    let text = screen(&app, 120, 40);
    let bar_and_label: String = text.lines().skip(37).take(2).collect();
    assert!(bar_and_label.contains('✦'), "the fan's own mark:\n{text}");
    let rows = timeline_rows(&app);
    assert!(
        rows.iter().all(|r| !r.starts_with('✦')),
        "{}",
        rows.join("\n")
    );
    assert!(!text.contains("Full time"), "{text}");
}

#[test]
fn a_narrowed_timeline_does_not_tell_whether_more_is_to_come() {
    let mut app = app();
    let _ = app.update(ViewerAction::FilterGoals);
    for _ in 0..3 {
        let _ = app.update(ViewerAction::NextEvent);
    }
    assert_eq!(app.state().score().away, 2, "at Giroud's goal, the last");
    for (w, h) in [(120, 40), (80, 24)] {
        let text = screen(&app, w, h);
        assert!(text.contains("hidden · s to show"), "{w}x{h}:\n{text}");
    }
    // Asking for more is the fan's choice, and the answer says only that
    // nothing later is listed.
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(
        app.message().as_deref(),
        Some("Nothing later is listed (only goals).")
    );
}
