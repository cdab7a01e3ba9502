//! The keyboard part of the fan's config file. [`crate::config`] reads the
//! file as plain data, the `[keys.*]` tables included, each name with its
//! place in the file; here those tables become the [`Keymap`] in force,
//! with the section, action and key names checked and every mistake
//! reported at its line and column, as for the rest of the file. A file
//! with a mistake in its keys is not half-applied either: [`configure`]
//! falls back to every default.
//!
//! Here too the defaults file gets its key tables, written from the
//! default keymap ([`defaults_file`]).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IntoDeserializer;

use super::{Command, Key, KeyNameError, Keymap, Section};
use crate::config::{self, ConfigError, KeyDefaults, KeyTable, Named, Settings};
use crate::text;

/// Every action name a config file may use, in the order that the
/// "expected one of" list of an unknown name has always given them.
const NAMES: [&str; 50] = [
    "next_event",
    "prev_event",
    "next_goal",
    "prev_goal",
    "kick_off",
    "full_time",
    "toggle_play",
    "faster",
    "slower",
    "scroll_down",
    "scroll_up",
    "open_prompt",
    "toggle_spoilers",
    "next_view",
    "prev_view",
    "toggle_all_events",
    "copy_moment",
    "suspend",
    "open_search",
    "next_hit",
    "prev_hit",
    "open_filter",
    "filter_goals",
    "filter_cards",
    "filter_home",
    "filter_away",
    "filter_player",
    "clear_filter",
    "close_filter",
    "toggle_mark",
    "next_mark",
    "back",
    "open_help",
    "close_help",
    "prompt_backspace",
    "prompt_submit",
    "prompt_cancel",
    "list_down",
    "list_up",
    "list_page_down",
    "list_page_up",
    "list_first",
    "list_last",
    "list_open",
    "list_filter",
    TYPING_THE_FILTER,
    "list_filter_backspace",
    "list_filter_done",
    "list_filter_clear",
    "quit",
];

/// The name of typing into the match list's filter: listed among the
/// actions, but typing takes every character, so it has no keys to give.
const TYPING_THE_FILTER: &str = "list_filter_type";

/// The config file as the terminal UI uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Configured {
    /// The settings to use: the file's, or the defaults when there is no
    /// file or it has a mistake.
    pub settings: Settings,
    /// The key bindings in force.
    pub keymap: Keymap,
    /// Where the file was looked for.
    pub path: Option<PathBuf>,
    /// Why the file was not used, when it was not.
    pub error: Option<ConfigError>,
}

/// Reads the keys of a loaded config file. A mistake in them, as anywhere
/// in the file, leaves every setting at its default.
pub fn configure(loaded: config::Loaded) -> Configured {
    let config::Loaded {
        settings,
        path,
        error,
        ..
    } = loaded;
    let keys = match (&path, &error) {
        (Some(file), None) => keymap(file, &settings.keys),
        _ => Ok(Keymap::default()),
    };
    match keys {
        Ok(keymap) => Configured {
            settings,
            keymap,
            path,
            error,
        },
        Err(error) => Configured {
            settings: Settings::default(),
            keymap: Keymap::default(),
            path,
            error: Some(error),
        },
    }
}

/// A mistake at a place in the file.
struct Mistake {
    at: (usize, usize),
    message: String,
}

impl Mistake {
    fn new(named: &Named, message: impl Into<String>) -> Self {
        Self {
            at: named.at,
            message: message.into(),
        }
    }
}

/// The keymap that `tables` (read from the file at `path`) make of the
/// default one: each action named gets the keys given, and no key may
/// then do two things in one section.
pub fn keymap(path: &Path, tables: &[KeyTable]) -> Result<Keymap, ConfigError> {
    read_tables(tables).map_err(|m| ConfigError {
        path: path.to_owned(),
        position: Some(m.at),
        message: text::sanitize_line(&m.message).into_owned(),
    })
}

/// An action the file gave keys to, with where each key name is.
type Rebound = (Section, Command, Vec<(Key, (usize, usize))>);

fn read_tables(tables: &[KeyTable]) -> Result<Keymap, Mistake> {
    let mut keymap = Keymap::default();
    // Where each rebound action's key names are, to point at a conflict.
    let mut places: Vec<Rebound> = Vec::new();
    for table in tables {
        let section: Section = section_named(&table.section)?;
        for entry in &table.actions {
            check_name(&entry.action)?;
            let mut parsed = Vec::new();
            for name in &entry.keys {
                let key: Key = name
                    .text
                    .parse()
                    .map_err(|e: KeyNameError| Mistake::new(name, e.to_string()))?;
                parsed.push((key, name.at));
            }
            let list: Vec<Key> = parsed.iter().map(|(k, _)| *k).collect();
            let action = keymap
                .action_named(section, &entry.action.text)
                .map_err(|e| Mistake::new(&entry.action, e.to_string()))?;
            keymap
                .rebind(section, action, &list)
                .map_err(|e| Mistake::new(&entry.action, e.to_string()))?;
            places.push((section, Command::Do(action), parsed));
        }
    }
    if let Some(conflict) = keymap.conflict() {
        // Point at the conflicting key of the action the file rebound
        // (the later one in the file when it rebound both).
        let at = places
            .iter()
            .filter(|(section, command, _)| {
                *section == conflict.section && conflict.commands.contains(command)
            })
            .flat_map(|(_, _, keys)| keys.iter())
            .filter(|(key, _)| key.overlaps(conflict.key))
            .map(|&(_, at)| at)
            .max()
            .unwrap_or((1, 1));
        return Err(Mistake {
            at,
            message: conflict.to_string(),
        });
    }
    Ok(keymap)
}

/// The section a `[keys.NAME]` table names, with serde's own "expected one
/// of" message when it is unknown.
fn section_named(name: &Named) -> Result<Section, Mistake> {
    let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        name.text.as_str().into_deserializer();
    Section::deserialize(deserializer).map_err(|e| {
        Mistake::new(
            name,
            format!("[keys.{}]: {e}", text::sanitize_line(&name.text)),
        )
    })
}

/// Refuses a name that no section has, in serde's words for an unknown
/// variant, listing every action name.
fn check_name(name: &Named) -> Result<(), Mistake> {
    use serde::de::Error as _;
    type Error = serde::de::value::Error;
    if name.text == TYPING_THE_FILTER {
        let error = Error::invalid_type(serde::de::Unexpected::UnitVariant, &"newtype variant");
        return Err(Mistake::new(name, error.to_string()));
    }
    if NAMES.contains(&name.text.as_str()) {
        return Ok(());
    }
    Err(Mistake::new(
        name,
        Error::unknown_variant(&name.text, &NAMES).to_string(),
    ))
}

/// The defaults as a config file, with a note on where touchline reads
/// it: what `touchline --print-config` prints. It reads back as the
/// defaults.
pub fn defaults_file(path: Option<&Path>) -> String {
    config::defaults_file(path, &key_defaults(&Keymap::default()))
}

/// `keymap`'s tables as the defaults file writes them: every section, and
/// in it every action keys can be given to, with its keys and words.
fn key_defaults(keymap: &Keymap) -> Vec<KeyDefaults> {
    Section::ALL
        .iter()
        .map(|&section| KeyDefaults {
            heading: keymap.title(section),
            section: section.name(),
            actions: keymap
                .bindings(section)
                .filter_map(|binding| match binding.command {
                    Command::Do(action) => Some(config::ActionDefaults {
                        action: action.name(),
                        keys: binding.keys.iter().map(|k| k.label()).collect(),
                        description: binding.description.to_owned(),
                    }),
                    Command::Type | Command::TypeFilter => None,
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::{Action, Global, ViewerAction};
    use crate::tui::theme::{ColorMode, Theme};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn read(text: &str) -> Result<(Settings, Keymap), ConfigError> {
        let path = Path::new("config.toml");
        let settings = config::parse(path, text)?;
        let keymap = keymap(path, &settings.keys)?;
        Ok((settings, keymap))
    }

    fn error(text: &str) -> String {
        read(text).expect_err("a mistake").to_string()
    }

    #[test]
    fn every_action_name_is_one_the_config_file_may_use() {
        let keymap = Keymap::default();
        for section in Section::ALL {
            for action in keymap.actions(section) {
                assert!(NAMES.contains(&action.name().as_str()), "{action:?}");
            }
        }
        let named: Vec<String> = Section::ALL
            .iter()
            .flat_map(|&s| keymap.actions(s).map(Action::name).collect::<Vec<_>>())
            .collect();
        for name in NAMES {
            assert!(
                name == TYPING_THE_FILTER || named.iter().any(|n| n == name),
                "{name} names no action"
            );
        }
    }

    #[test]
    fn keys_in_the_file_are_read() {
        let (_, keys) = read(
            r##"
speed = 10

[keys.replay]
next_event = ["J", "Right"]
quit = "x"
"##,
        )
        .unwrap();
        let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            keys.action_for(Section::Replay, press('J')),
            Some(Action::Viewer(ViewerAction::NextEvent))
        );
        assert_eq!(
            keys.action_for(Section::Replay, press('x')),
            Some(Action::Global(Global::Quit))
        );
        assert_eq!(keys.action_for(Section::Replay, press('q')), None);
        assert_eq!(keys.action_for(Section::Replay, press('l')), None);
    }

    #[test]
    fn the_printed_defaults_read_back_as_the_defaults() {
        let printed = defaults_file(Some(Path::new("/home/fan/.config/touchline/config.toml")));
        assert!(
            printed.contains("#   /home/fan/.config/touchline/config.toml\n"),
            "{printed}"
        );
        let (read_back, keymap) = read(&printed).unwrap();
        let defaults = Settings::default();
        assert_eq!(read_back.speed, defaults.speed);
        assert_eq!(read_back.spoilers, defaults.spoilers);
        assert_eq!(keymap, Keymap::default());
        // The colours are written out, and draw as touchline's own.
        let info = crate::import::bundled().game.info;
        for mode in [ColorMode::None, ColorMode::Basic, ColorMode::TrueColor] {
            let styles = |palette: &config::Palette| {
                let theme = Theme::with_palette(mode, &info, palette);
                [
                    theme.current(),
                    theme.key(),
                    theme.dim(),
                    theme.goal(),
                    theme.played(),
                    theme.playing(),
                    theme.team(crate::model::Side::Home),
                    theme.team(crate::model::Side::Away),
                ]
            };
            assert_eq!(
                styles(&read_back.palette),
                styles(&defaults.palette),
                "{mode:?}"
            );
        }
        // Every action of every section is there to edit.
        for section in Section::ALL {
            for action in Keymap::default().actions(section) {
                assert!(
                    printed.contains(&format!("\n{} = [", action.name())),
                    "{action:?}"
                );
            }
        }
        assert!(printed.contains("\n# Minute prompt (: or t)\n[keys.prompt]\n"));
    }

    #[test]
    fn an_unknown_action_lists_the_real_ones() {
        let message = error("[keys.replay]\nnext_moment = [\"n\"]\n");
        assert!(message.starts_with("config.toml:2:1: unknown variant `next_moment`, expected one of `next_event`, `prev_event`"), "{message}");
        assert!(
            !message.contains("tick"),
            "internal actions are not offered: {message}"
        );
        let message = error("[keys.replay]\nprompt_submit = [\"n\"]\n");
        assert!(message.starts_with("config.toml:2:1: prompt_submit is not one of the replay keys, expected one of next_event"), "{message}");
        let message = error("[keys.replya]\nquit = [\"x\"]\n");
        assert!(message.starts_with("config.toml:1:7: [keys.replya]: unknown variant `replya`, expected one of `replay`, `help`, `prompt`"), "{message}");
    }

    /// The whole messages, as a config file's mistakes have always read.
    #[test]
    fn unknown_names_read_as_they_always_have() {
        assert_eq!(
            error("[keys.replay]\ntick = [\"x\"]\n"),
            "config.toml:2:1: unknown variant `tick`, expected one of `next_event`, `prev_event`, `next_goal`, `prev_goal`, `kick_off`, `full_time`, `toggle_play`, `faster`, `slower`, `scroll_down`, `scroll_up`, `open_prompt`, `toggle_spoilers`, `next_view`, `prev_view`, `toggle_all_events`, `copy_moment`, `suspend`, `open_search`, `next_hit`, `prev_hit`, `open_filter`, `filter_goals`, `filter_cards`, `filter_home`, `filter_away`, `filter_player`, `clear_filter`, `close_filter`, `toggle_mark`, `next_mark`, `back`, `open_help`, `close_help`, `prompt_backspace`, `prompt_submit`, `prompt_cancel`, `list_down`, `list_up`, `list_page_down`, `list_page_up`, `list_first`, `list_last`, `list_open`, `list_filter`, `list_filter_type`, `list_filter_backspace`, `list_filter_done`, `list_filter_clear`, `quit`"
        );
        assert_eq!(
            error("[keys.replya]\nquit = [\"x\"]\n"),
            "config.toml:1:7: [keys.replya]: unknown variant `replya`, expected one of `replay`, `help`, `prompt`, `search`, `filter`, `library`, `library_filter`"
        );
        assert_eq!(
            error("[keys.library_filter]\nlist_filter_type = [\"x\"]\n"),
            "config.toml:2:1: invalid type: unit variant, expected newtype variant"
        );
    }

    #[test]
    fn an_unknown_key_name_points_at_it() {
        let message = error("[keys.replay]\nnext_event = [\"Right\", \"Rigth\"]\n");
        assert!(
            message.starts_with("config.toml:2:24: unknown key \"Rigth\", expected one character"),
            "{message}"
        );
        let message = error("[keys.replay]\nnext_event = 5\n");
        assert!(message.starts_with("config.toml:2:14: "), "{message}");
        assert!(message.contains("a list of key names"), "{message}");
        assert_eq!(
            error("[keys.replay]\nquit = []\n"),
            "config.toml:2:1: no keys for quit, expected at least one, such as [\"x\"]"
        );
    }

    #[test]
    fn a_conflict_points_at_the_key_the_file_gave() {
        assert_eq!(
            error("[keys.replay]\nnext_event = [\"Right\", \"q\"]\n"),
            "config.toml:2:24: key \"q\" would do both next_event and quit in the replay keys, expected each key to do one thing"
        );
        // Two actions swapping keys is fine.
        let (_, swapped) =
            read("[keys.replay]\nnext_goal = [\"[\"]\nprev_goal = [\"]\"]\n").unwrap();
        assert_eq!(swapped.conflict(), None);
    }

    #[test]
    fn a_bad_file_falls_back_to_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "speed = 10\n[keys.replay]\nquit = [\"Nope\"]\n").unwrap();
        let loaded = configure(config::load_from(Some(path.clone()), true));
        assert_eq!(loaded.settings, Settings::default(), "nothing half-applied");
        assert_eq!(loaded.keymap, Keymap::default());
        let message = loaded.error.unwrap().to_string();
        assert!(
            message.starts_with(&format!("{}:3:9: unknown key", path.display())),
            "{message}"
        );
        std::fs::write(&path, "speed = 10\n[keys.replay]\nquit = [\"x\"]\n").unwrap();
        let loaded = configure(config::load_from(Some(path), true));
        assert_eq!(loaded.error, None);
        assert_eq!(loaded.settings.speed, 10);
        assert_eq!(loaded.keymap.key(Section::Replay, Global::Quit), "x");
    }
}
