//! Every key name on every screen follows the keymap in force: with a
//! config file that gives every action of every section other keys, no
//! screen, view, prompt, menu, help page, note or message of the viewer
//! or of the match list names a default key.
//!
//! The other keys are function keys and Ctrl with a letter, which no
//! default binding uses, so a default key name left on a screen can only
//! be a name written down somewhere instead of asked of the keymap.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use touchline::config;
use touchline::follow::{Problem, Update};
use touchline::import;
use touchline::library::{Catalog, Entry, Format, Origin, Unreadable};
use touchline::replay::Replay;
use touchline::tui::keymap::{self, Command, KEYMAP, Key, Keymap, Section};
use touchline::tui::notice::{Cue, Then};
use touchline::tui::picker::view;
use touchline::tui::views::View;
use touchline::tui::widgets;
use touchline::tui::{
    App, AppOptions, ColorMode, Global, HelpAction, ListAction, Notice, Picker, Setup, ViewerAction,
};

/// Keys no default binding uses: F1 to F12, then Ctrl with a letter other
/// than C and Z.
fn other_keys() -> Vec<String> {
    let function = (1..=12).map(|n| format!("F{n}"));
    let ctrl = ('a'..='y')
        .filter(|&c| c != 'c')
        .map(|c| format!("Ctrl-{}", c.to_ascii_uppercase()));
    function.chain(ctrl).collect()
}

/// A config file giving every action of every section a key of its own
/// from [`other_keys`].
fn rebinding_everything() -> String {
    let defaults = Keymap::default();
    let keys = other_keys();
    let mut file = String::new();
    for section in Section::ALL {
        file.push_str(&format!("[keys.{}]\n", section.name()));
        for (i, action) in defaults.actions(section).enumerate() {
            file.push_str(&format!("{} = [\"{}\"]\n", action.name(), keys[i]));
        }
    }
    file
}

/// The keymap that file makes, read the way the binary reads it.
fn rebound() -> Keymap {
    let path = Path::new("config.toml");
    let settings = config::parse(path, &rebinding_everything()).expect("the file reads");
    keymap::config::keymap(path, &settings.keys).expect("every key is free")
}

/// Every name a default key goes by: the labels of the default table's
/// keys, and the symbols its footer hints use while the keys are the
/// default ones. Typing rows ("0-9 + :", "letters") name no key of an
/// action, so no config file can change them.
fn default_names() -> Vec<String> {
    let mut names: Vec<String> = KEYMAP
        .iter()
        .filter(|b| matches!(b.command, Command::Do(_)))
        .flat_map(|b| b.keys.iter().map(|k| k.label()))
        .collect();
    names.extend(
        KEYMAP
            .iter()
            .filter_map(|b| b.hint)
            .map(|(keys, _)| keys.to_owned()),
    );
    names.sort();
    names.dedup();
    names
}

/// Words on the screens that happen to be spelt like a default key: the
/// English article, a quote's dash, the typing rows, and headings.
const PROSE: &[&str] = &[
    "0-9 + :",
    "End of normal time",
    "End of extra time",
    "Left at",
    "A page down",
];

/// Fails if `text` names a default key. Names of several characters count
/// wherever they stand as a word; one-character names count as words of
/// their own (so the `s` of "spoilers" does not), read panel by panel.
fn assert_no_default_key(what: &str, text: &str) {
    let mut text = text.to_owned();
    for prose in PROSE {
        text = text.replace(prose, " ");
    }
    for name in default_names() {
        let single = name.chars().count() == 1;
        for line in text.lines() {
            let found = if single {
                line.split(['│', '╭', '╮', '╰', '╯']).any(|panel| {
                    panel
                        .split_whitespace()
                        .map(|word| word.trim_end_matches([',', '.', ';']))
                        .enumerate()
                        .any(|(i, word)| word == name && !prose_word(i, word))
                })
            } else {
                contains_word(line, &name)
            };
            assert!(
                !found,
                "{what}: the default key name {name:?} is left in\n{line}\nof\n{text}"
            );
        }
    }
}

/// Whether a one-character `word`, the `i`th of its panel's line, is
/// prose: "a" as an article, or the dash that starts a quote's speaker.
fn prose_word(i: usize, word: &str) -> bool {
    match word {
        "a" => true,
        "-" => i == 0,
        _ => false,
    }
}

/// Whether `name` stands in `line` as a word: with no letter, digit or
/// hyphen joined to it on either side.
fn contains_word(line: &str, name: &str) -> bool {
    let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    line.match_indices(name).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + name.len()..].chars().next();
        !joined(before) && !joined(after)
    })
}

fn text(buffer: &Buffer) -> String {
    common::screen::rows(buffer).join("\n")
}

fn render(widget: impl Widget, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    widget.render(area, &mut buffer);
    text(&buffer)
}

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 20)];

fn setup() -> Setup {
    Setup {
        keymap: rebound(),
        ..Setup::default()
    }
}

fn viewer(spoilers: bool) -> App {
    let options = AppOptions {
        spoilers,
        colors: ColorMode::None,
        ..AppOptions::default()
    };
    App::new(Replay::new(import::bundled().game), options).with_setup(&setup())
}

/// Draws `app` at every size, as the event loop would (measuring each
/// frame), and checks it.
fn check(what: &str, app: &mut App) {
    for (w, h) in SIZES {
        let area = Rect::new(0, 0, w, h);
        app.set_viewport(widgets::measure(app, area));
        let screen = render(&*app, w, h);
        assert_no_default_key(&format!("{what} at {w}x{h}"), &screen);
    }
}

#[test]
fn the_file_gives_every_action_another_key() {
    let keymap = rebound();
    let defaults = Keymap::default();
    for section in Section::ALL {
        for action in defaults.actions(section) {
            let keys = keymap.keys(section, action);
            assert_eq!(keys.len(), 1, "{action:?}");
            assert!(
                !defaults.keys(section, action).contains(&keys[0]),
                "{action:?} keeps a default key"
            );
            assert!(matches!(keys[0], Key::Plain(_) | Key::Ctrl(_)));
        }
    }
    assert!(default_names().contains(&"Esc".to_owned()));
    assert!(default_names().contains(&"←→".to_owned()));
}

#[test]
fn the_viewer_names_no_default_key_on_any_view_prompt_or_menu() {
    let mut app = viewer(false);
    check("kick-off, spoilers hidden", &mut app);
    for _ in 0..View::ALL.len() {
        let _ = app.update(ViewerAction::NextGoal);
        check(&format!("{:?}", app.view()), &mut app);
        let _ = app.update(ViewerAction::NextView);
    }
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let _ = app.update(ViewerAction::FullTime);
    check("full time, spoilers shown", &mut app);
    let _ = app.update(ViewerAction::ScrollDown);
    check("the commentary scrolled", &mut app);
    for open in [
        ViewerAction::OpenPrompt,
        ViewerAction::OpenSearch,
        ViewerAction::OpenFilter,
    ] {
        let _ = app.update(open);
        check(&format!("{open:?}"), &mut app);
        let _ = app.update(ViewerAction::PromptCancel);
        let _ = app.update(ViewerAction::CloseFilter);
    }
    let _ = app.update(ViewerAction::FilterHome);
    let _ = app.update(ViewerAction::ToggleMark);
    check("a filter and a mark", &mut app);
}

#[test]
fn every_page_of_the_help_names_only_the_keys_in_force() {
    for (w, h) in SIZES {
        let mut app = viewer(false);
        let area = Rect::new(0, 0, w, h);
        app.set_viewport(widgets::measure(&app, area));
        let _ = app.update(Global::OpenHelp);
        loop {
            assert_no_default_key(&format!("help at {w}x{h}"), &render(&app, w, h));
            let before = app.help_scroll();
            let _ = app.update(HelpAction::ScrollDown);
            if app.help_scroll() == before {
                break;
            }
        }
    }
}

#[test]
fn a_followed_file_behind_live_names_the_key_in_force() {
    let mut app = viewer(false);
    app.start_following("live.json", true);
    let _ = app.update(ViewerAction::PrevEvent);
    app.follow_update(Update::Problem(Problem::Missing));
    check("following, behind live", &mut app);
}

/// Every notice of the viewer, reached as the fan reaches it, then drawn.
#[test]
fn every_message_of_the_viewer_names_the_keys_in_force() {
    let mut app = viewer(false);
    let mut said = Vec::new();
    let mut say = |app: &mut App, actions: &[ViewerAction]| {
        for &action in actions {
            let _ = app.update(action);
        }
        let message = app.message().expect("a message");
        assert_no_default_key(&format!("after {actions:?}"), &message);
        check(&format!("the message {message:?}"), app);
        said.push(app.notice().cloned().expect("a notice"));
    };
    say(
        &mut app,
        &[ViewerAction::PrevEvent, ViewerAction::PrevEvent],
    );
    say(&mut app, &[ViewerAction::PrevGoal]);
    say(&mut app, &[ViewerAction::NextHit]);
    say(&mut app, &[ViewerAction::NextMark]);
    say(&mut app, &[ViewerAction::FilterPlayer]);
    say(&mut app, &[ViewerAction::ToggleAllEvents]);
    say(&mut app, &[ViewerAction::ToggleAllEvents]);
    say(&mut app, &[ViewerAction::FilterGoals]);
    say(&mut app, &[ViewerAction::FullTime, ViewerAction::NextEvent]);
    say(&mut app, &[ViewerAction::ClearFilter]);
    say(&mut app, &[ViewerAction::NextEvent]);
    say(&mut app, &[ViewerAction::NextGoal]);
    say(&mut app, &[ViewerAction::TogglePlay]);
    say(&mut app, &[ViewerAction::ToggleMark]);
    say(&mut app, &[ViewerAction::NextMark]);
    say(&mut app, &[ViewerAction::KickOff, ViewerAction::ToggleMark]);
    say(&mut app, &[ViewerAction::NextMark]);
    say(&mut app, &[ViewerAction::ToggleMark]);
    say(&mut app, &[ViewerAction::CopyMoment]);
    let search = |text: &str| {
        let mut actions = vec![ViewerAction::OpenSearch];
        actions.extend(text.chars().map(ViewerAction::PromptType));
        actions.push(ViewerAction::PromptSubmit);
        actions
    };
    say(&mut app, &search("giroud"));
    say(&mut app, &[ViewerAction::NextHit]);
    say(&mut app, &[ViewerAction::FullTime, ViewerAction::NextHit]);
    say(&mut app, &[ViewerAction::Back]);
    let _ = app.update(ViewerAction::ToggleSpoilers);
    say(&mut app, &search("kane"));
    say(&mut app, &search("   "));
    assert!(said.len() >= 20, "{said:?}");
}

/// A notice of every kind, as a value: adding a kind means adding it here,
/// or this stops compiling.
fn one_of_each() -> Vec<Notice> {
    let filter = "only goals".to_owned();
    let query = "kane".to_owned();
    let notices = vec![
        Notice::NothingLaterListed {
            filter: filter.clone(),
        },
        Notice::LastMoment,
        Notice::NothingEarlier,
        Notice::NoGoalAfter,
        Notice::NoGoalBefore,
        Notice::FinalMoment,
        Notice::EveryEvent,
        Notice::KeyMomentsOnly,
        Notice::Listing { filter },
        Notice::FilterCleared,
        Notice::NoPlayerHere,
        Notice::SearchCleared,
        Notice::NoSearch,
        Notice::NoMoreHits {
            later: true,
            query: query.clone(),
        },
        Notice::Marked {
            moment: "54'".to_owned(),
            marks: 2,
        },
        Notice::MarkRemoved { left: 1 },
        Notice::NoMarks,
        Notice::OnlyMark,
        Notice::Mark {
            index: 1,
            marks: 2,
            moment: "54'".to_owned(),
        },
        Notice::Copied {
            outcome: "Copied",
            line: "54' Kane 1-1".to_owned(),
        },
        Notice::NoListFilter,
        Notice::CannotOpen {
            reason: "a reason".to_owned(),
        },
        Notice::NothingFits,
        Notice::CouldNotOpen {
            reason: "a reason".to_owned(),
        },
        Notice::Text("a config file's mistake".to_owned()),
    ];
    let mut all = notices;
    for then in [
        Then::Nothing,
        Then::NextPrevious,
        Then::LooksAhead,
        Then::LooksAheadOrBack,
    ] {
        all.push(Notice::Found {
            status: "hit 1 of 2".to_owned(),
            query: query.clone(),
            from_start: true,
            then,
        });
    }
    for notice in &all {
        match notice {
            Notice::NothingLaterListed { .. }
            | Notice::LastMoment
            | Notice::NothingEarlier
            | Notice::NoGoalAfter
            | Notice::NoGoalBefore
            | Notice::FinalMoment
            | Notice::EveryEvent
            | Notice::KeyMomentsOnly
            | Notice::Listing { .. }
            | Notice::FilterCleared
            | Notice::NoPlayerHere
            | Notice::SearchCleared
            | Notice::NoSearch
            | Notice::Found { .. }
            | Notice::NoMoreHits { .. }
            | Notice::Marked { .. }
            | Notice::MarkRemoved { .. }
            | Notice::NoMarks
            | Notice::OnlyMark
            | Notice::Mark { .. }
            | Notice::Copied { .. }
            | Notice::NoListFilter
            | Notice::CannotOpen { .. }
            | Notice::NothingFits
            | Notice::CouldNotOpen { .. }
            | Notice::Text(_) => {}
        }
    }
    all
}

#[test]
fn every_kind_of_notice_and_cue_names_the_keys_in_force() {
    let keymap = rebound();
    for notice in one_of_each() {
        assert_no_default_key(&format!("{notice:?}"), &notice.text(&keymap));
    }
    let cues = [
        Cue::Spoilers {
            section: Section::Replay,
            shown: false,
        },
        Cue::Spoilers {
            section: Section::Library,
            shown: true,
        },
        Cue::ClearsFilter(Section::Replay),
        Cue::ClearsFilter(Section::Library),
        Cue::MoreBelow(3),
        Cue::MoreAbove(3),
        Cue::HelpMore {
            above: true,
            below: true,
        },
        Cue::HelpMore {
            above: false,
            below: true,
        },
        Cue::HelpMore {
            above: true,
            below: false,
        },
        Cue::BehindLive,
        Cue::ListFilter,
        Cue::ListFilterKey,
        Cue::PitchSteps,
    ];
    for cue in cues {
        assert_no_default_key(&format!("{cue:?}"), &cue.text(&keymap));
    }
    for section in Section::ALL {
        assert_no_default_key(&format!("{section:?}"), &keymap.title(section));
    }
}

/// A small folder: the bundled match, a match file without a date and a
/// file that could not be read.
fn catalog() -> Catalog {
    let file = |path: &str| Origin::File(PathBuf::from("/football").join(path));
    Catalog {
        root: PathBuf::from("/football"),
        entries: vec![
            Entry::bundled(),
            Entry {
                origin: file("derby.json"),
                format: Format::MatchFile,
                date: NaiveDate::from_ymd_opt(2024, 5, 11),
                competition: None,
                home: "Riverside".into(),
                away: "Hill Rovers".into(),
                result: None,
            },
        ],
        unreadable: vec![Unreadable {
            path: PathBuf::from("/football/broken.json"),
            reason: touchline::library::DescribeError::Json {
                position: Some((3, 1)),
                message: "EOF while parsing".into(),
            },
        }],
        companions: 0,
        ignored: 0,
    }
}

fn check_list(what: &str, picker: &mut Picker) {
    for (w, h) in SIZES {
        let area = Rect::new(0, 0, w, h);
        let _ = picker.set_viewport(view::measure(picker, area));
        let screen = render(&*picker, w, h);
        assert_no_default_key(&format!("{what} at {w}x{h}"), &screen);
    }
}

#[test]
fn the_match_list_names_no_default_key_on_any_screen_or_message() {
    let options = AppOptions {
        colors: ColorMode::None,
        ..AppOptions::default()
    };
    let mut picker = Picker::new(catalog(), options).with_setup(&setup());
    check_list("the list", &mut picker);
    let _ = picker.update(ListAction::FilterClear);
    check_list("clearing no filter", &mut picker);
    let _ = picker.update(ListAction::ToggleSpoilers);
    let _ = picker.update(ListAction::Filter);
    check_list("typing", &mut picker);
    for c in "zzz".chars() {
        let _ = picker.update(ListAction::FilterType(c));
    }
    let _ = picker.update(ListAction::Open);
    check_list("nothing fits", &mut picker);
    let _ = picker.update(ListAction::FilterDone);
    check_list("a filter kept", &mut picker);
    let _ = picker.update(ListAction::FilterClear);
    let _ = picker.update(ListAction::Last);
    let _ = picker.update(ListAction::Open);
    check_list("an unreadable file", &mut picker);
    // Hidden results, so that the failed match's "?" is not in a column.
    let _ = picker.update(ListAction::ToggleSpoilers);
    picker.opened(
        1,
        Err(touchline::import::LoadError::Malformed(
            touchline::import::Diagnostic {
                file: "derby.json".into(),
                position: Some((3, 4)),
                message: "bad clock".into(),
            },
        )),
    );
    check_list("a match that did not load", &mut picker);
    let _ = picker.update(Global::OpenHelp);
    check_list("the list's help", &mut picker);
    let _ = picker.update(HelpAction::Close);
    picker.opened(0, Ok(import::bundled()));
    check_list("a match opened from the list", &mut picker);
}
