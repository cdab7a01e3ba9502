//! The fan's config file: other keys for any action of the keymap, the
//! autoplay speed and spoiler mode the viewer starts with, how autoplay
//! behaves (skipping quiet spells, stopping on big moments, the bell on
//! goals), and colours.
//!
//! It is TOML, read from the platform's config directory
//! (`$XDG_CONFIG_HOME/touchline/config.toml` on Linux) or from the file
//! `TOUCHLINE_CONFIG` names; every setting is optional, and
//! `touchline --print-config` writes out the defaults. A file with a
//! mistake in it is not half-applied: the viewer says what is wrong, with
//! the file, line and column, and opens with the defaults.
//!
//! Everything here is plain data. The key tables (`[keys.replay]`,
//! `[keys.prompt]`, `[keys.help]`...) are read as names with their places
//! in the file ([`KeyTable`]); which names are sections, actions and keys
//! is the terminal UI's to say, since its keymap defines them, and it
//! reports a mistake there at its line and column as this module does for
//! the rest. Colours are [`palette::ColorSpec`]s, which the UI's theme
//! turns into styles.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

pub mod palette;

pub use palette::{Ansi, COLOR_NAMES, ColorSpec, Palette};

use crate::replay::{PausePolicy, PlaySettings, SPEEDS};
use crate::text;

/// The environment variable naming the config file instead of the usual
/// place; set but empty, no file is read.
pub const ENV_VAR: &str = "TOUCHLINE_CONFIG";

/// What the config file sets, with the defaults for what it leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Autoplay speed at start, one of [`SPEEDS`].
    pub speed: u32,
    /// Whether spoilers are shown at start.
    pub spoilers: bool,
    /// Whether autoplay fast-forwards through quiet spells.
    pub skip_quiet: bool,
    /// Where autoplay stops by itself: never, at goals, at every big
    /// moment.
    pub pause: PausePolicy,
    /// Whether a goal rings the terminal's bell, in autoplay and
    /// `--follow`.
    pub bell: bool,
    /// The `[keys.*]` tables, in the order of their names, unchecked.
    pub keys: Vec<KeyTable>,
    /// Colours changed from touchline's own.
    pub palette: Palette,
}

impl Default for Settings {
    /// 1x, spoilers hidden, quiet spells skipped, no pauses, no bell, no
    /// keys changed, touchline's own colours.
    fn default() -> Self {
        let play = PlaySettings::default();
        Self {
            speed: play.speed,
            spoilers: false,
            skip_quiet: play.skip_quiet,
            pause: play.pause,
            bell: play.bell,
            keys: Vec::new(),
            palette: Palette::default(),
        }
    }
}

impl Settings {
    /// How autoplay starts, as these settings say.
    pub fn play(&self) -> PlaySettings {
        PlaySettings {
            speed: self.speed,
            skip_quiet: self.skip_quiet,
            pause: self.pause,
            bell: self.bell,
        }
    }
}

/// A name as the file writes it, with its line and column (from 1), so
/// that whoever checks it can point at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// The text.
    pub text: String,
    /// Line and column.
    pub at: (usize, usize),
}

/// One `[keys.SECTION]` table: actions, each with the keys it is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyTable {
    /// The section named.
    pub section: Named,
    /// The actions, in the order of their names.
    pub actions: Vec<ActionKeys>,
}

/// An action and the key names a file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionKeys {
    /// The action named.
    pub action: Named,
    /// The key names, in the file's order (`quit = "x"`: one, placed at
    /// the value).
    pub keys: Vec<Named>,
}

/// A config file that could not be used, with where the mistake is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Line and column (from 1) of the mistake, when it has a place.
    pub position: Option<(usize, usize)>,
    /// What is wrong and what was expected, on one line.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        let path = text::sanitize_line(&path);
        match self.position {
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {}", self.message),
            None => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// A mistake at line and column `at` of the file at `path`: what is
    /// wrong and what was expected, made one line.
    pub fn at(path: &Path, at: (usize, usize), message: &str) -> Self {
        Self {
            path: path.to_owned(),
            position: Some(at),
            message: one_line(message),
        }
    }
}

/// Where the config file is looked for: `TOUCHLINE_CONFIG` when set (no
/// file at all when it is set but empty), else `config.toml` in the
/// platform's config directory for touchline.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os(ENV_VAR) {
        Some(named) if named.is_empty() => None,
        Some(named) => Some(PathBuf::from(named)),
        None => directories::ProjectDirs::from("", "", "touchline")
            .map(|dirs| dirs.config_dir().join("config.toml")),
    }
}

/// The outcome of looking for the config file.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The settings to use: the file's, or the defaults when there is no
    /// file or it has a mistake.
    pub settings: Settings,
    /// Where the file was looked for.
    pub path: Option<PathBuf>,
    /// Whether a file was there.
    pub found: bool,
    /// Why the file was not used, when it was not.
    pub error: Option<ConfigError>,
}

/// Reads the config file from [`path`]. A missing file at the usual place
/// is no mistake; a missing file that `TOUCHLINE_CONFIG` names is.
pub fn load() -> Loaded {
    let named = std::env::var_os(ENV_VAR).is_some_and(|v| !v.is_empty());
    load_from(path(), named)
}

/// [`load`] on a given path; `named` says whether the fan named it, which
/// makes its absence a mistake.
pub fn load_from(path: Option<PathBuf>, named: bool) -> Loaded {
    let mut loaded = Loaded {
        settings: Settings::default(),
        path: path.clone(),
        found: false,
        error: None,
    };
    let Some(path) = path else {
        return loaded;
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => return loaded,
        Err(e) => {
            let message = if e.kind() == std::io::ErrorKind::NotFound {
                format!(
                    "no such file, expected a config file (see `touchline --print-config`; {ENV_VAR}= reads none)"
                )
            } else {
                format!("cannot read it ({e}), expected a readable config file")
            };
            loaded.found = path.exists();
            loaded.error = Some(ConfigError {
                path,
                position: None,
                message,
            });
            return loaded;
        }
    };
    loaded.found = true;
    let parsed = match String::from_utf8(bytes) {
        Ok(text) => parse(&path, &text),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            Err(ConfigError {
                path: path.clone(),
                position: Some(position(&text, text.len())),
                message: "invalid UTF-8, expected a text file".to_owned(),
            })
        }
    };
    match parsed {
        Ok(settings) => loaded.settings = settings,
        Err(error) => loaded.error = Some(error),
    }
    loaded
}

/// The file as it is written: every field optional, every value kept
/// with its place in the file for the checks that serde cannot make.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    speed: Option<Spanned<u32>>,
    spoilers: Option<Spanned<String>>,
    skip_quiet: Option<bool>,
    pause: Option<Spanned<String>>,
    bell: Option<bool>,
    #[serde(default)]
    colors: RawColors,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<RawKeys>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColors {
    accent: Option<Spanned<String>>,
    dim: Option<Spanned<String>>,
    highlight: Option<Spanned<String>>,
    goal: Option<Spanned<String>>,
    #[serde(default)]
    teams: BTreeMap<String, Spanned<String>>,
}

/// An action's keys: a list of key names, or one name alone.
#[derive(Debug)]
enum RawKeys {
    /// `quit = "x"`: its place is the whole value's.
    One(String),
    /// `quit = ["x", "Esc"]`.
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for RawKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawKeys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of key names such as [\"Right\", \"l\"]")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<RawKeys, E> {
                Ok(RawKeys::One(name.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element()? {
                    keys.push(key);
                }
                Ok(RawKeys::Many(keys))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Each key name of `keys` with its place in `text`.
fn key_names(keys: &Spanned<RawKeys>, text: &str) -> Vec<Named> {
    match keys.get_ref() {
        RawKeys::One(name) => vec![named(name, keys.span(), text)],
        RawKeys::Many(names) => names
            .iter()
            .map(|name| named(name.get_ref(), name.span(), text))
            .collect(),
    }
}

fn named(name: &str, span: Range<usize>, text: &str) -> Named {
    Named {
        text: name.to_owned(),
        at: position(text, span.start),
    }
}

/// A mistake at a place in the file.
struct Mistake {
    span: Range<usize>,
    message: String,
}

impl Mistake {
    fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }
}

/// Reads a config file's text; `path` is only for the error.
pub fn parse(path: &Path, text: &str) -> Result<Settings, ConfigError> {
    let error = |span: Option<Range<usize>>, message: &str| ConfigError {
        path: path.to_owned(),
        position: span.map(|s| position(text, s.start)),
        message: one_line(message),
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| error(e.span(), e.message()))?;
    settings(raw, text).map_err(|m| error(Some(m.span), &m.message))
}

fn settings(raw: RawConfig, text: &str) -> Result<Settings, Mistake> {
    let mut settings = Settings::default();
    if let Some(speed) = raw.speed {
        if !SPEEDS.contains(speed.get_ref()) {
            let offered: Vec<String> = SPEEDS.iter().map(u32::to_string).collect();
            return Err(Mistake::new(
                speed.span(),
                format!(
                    "speed {} is not offered, expected one of {}",
                    speed.get_ref(),
                    offered.join(", ")
                ),
            ));
        }
        settings.speed = speed.into_inner();
    }
    if let Some(spoilers) = raw.spoilers {
        settings.spoilers = match spoilers.get_ref().as_str() {
            "shown" => true,
            "hidden" => false,
            other => {
                return Err(Mistake::new(
                    spoilers.span(),
                    format!(
                        "spoilers = \"{}\", expected \"hidden\" or \"shown\"",
                        text::sanitize_line(other)
                    ),
                ));
            }
        };
    }
    if let Some(skip_quiet) = raw.skip_quiet {
        settings.skip_quiet = skip_quiet;
    }
    if let Some(pause) = raw.pause {
        settings.pause = PausePolicy::from_name(pause.get_ref()).ok_or_else(|| {
            let names: Vec<String> = PausePolicy::ALL
                .iter()
                .map(|p| format!("\"{}\"", p.name()))
                .collect();
            Mistake::new(
                pause.span(),
                format!(
                    "pause = \"{}\", expected {}",
                    text::sanitize_line(pause.get_ref()),
                    names.join(", ")
                ),
            )
        })?;
    }
    if let Some(bell) = raw.bell {
        settings.bell = bell;
    }
    settings.palette = palette(raw.colors)?;
    settings.keys = raw
        .keys
        .iter()
        .map(|(section, actions)| KeyTable {
            section: named(section.get_ref(), section.span(), text),
            actions: actions
                .iter()
                .map(|(action, keys)| ActionKeys {
                    action: named(action.get_ref(), action.span(), text),
                    keys: key_names(keys, text),
                })
                .collect(),
        })
        .collect();
    Ok(settings)
}

fn color(value: Option<Spanned<String>>) -> Result<Option<ColorSpec>, Mistake> {
    let Some(value) = value else {
        return Ok(None);
    };
    ColorSpec::parse(value.get_ref()).map(Some).ok_or_else(|| {
        Mistake::new(
            value.span(),
            format!(
                "unknown colour \"{}\", expected a colour name ({}) or \"#RRGGBB\"",
                text::sanitize_line(value.get_ref()),
                COLOR_NAMES.join(", ")
            ),
        )
    })
}

fn palette(raw: RawColors) -> Result<Palette, Mistake> {
    let mut teams = Vec::new();
    for (team, value) in raw.teams {
        match color(Some(value.clone()))? {
            Some(ColorSpec::Rgb(rgb)) => teams.push((team, rgb)),
            _ => {
                return Err(Mistake::new(
                    value.span(),
                    format!(
                        "team colour \"{}\" for {}, expected \"#RRGGBB\" (team colours are fitted to the terminal, so they take exact values)",
                        text::sanitize_line(value.get_ref()),
                        text::sanitize_line(&team)
                    ),
                ));
            }
        }
    }
    Ok(Palette {
        accent: color(raw.accent)?,
        dim: color(raw.dim)?,
        highlight: color(raw.highlight)?,
        goal: color(raw.goal)?,
        teams,
    })
}

/// Line and column (from 1, counting characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A message on one line: toml's may run over several.
fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    text::sanitize_line(&parts.join("; ")).into_owned()
}

/// A string as TOML writes it, quoted and escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// One `[keys.SECTION]` table of the defaults file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDefaults {
    /// What the section is, for the comment above it.
    pub heading: String,
    /// The section's name.
    pub section: String,
    /// Its actions.
    pub actions: Vec<ActionDefaults>,
}

/// An action's default keys in the defaults file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionDefaults {
    /// The action's name.
    pub action: String,
    /// Its keys' names.
    pub keys: Vec<String>,
    /// What it does, for the comment beside it.
    pub description: String,
}

/// The defaults as a config file, with a note on where touchline reads
/// it: what `touchline --print-config` prints, with the key tables the
/// terminal UI gives (`keys`). It parses back to [`Settings::default`]
/// with those tables.
pub fn defaults_file(path: Option<&Path>, keys: &[KeyDefaults]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# touchline's settings, read at start from");
    match path {
        Some(path) => {
            let shown = path.display().to_string();
            let _ = writeln!(out, "#   {}", text::sanitize_line(&shown));
        }
        None => {
            let _ = writeln!(out, "#   (no file: {ENV_VAR} is set but empty)");
        }
    }
    let _ = writeln!(
        out,
        "# or from the file {ENV_VAR} names. These are the defaults: copy them\n\
         # there and change what you like. Every setting may be left out."
    );
    let speeds: Vec<String> = SPEEDS.iter().map(u32::to_string).collect();
    let _ = writeln!(
        out,
        "\n# Autoplay speed at start, in multiples of match time: {}.\nspeed = {}",
        speeds.join(", "),
        Settings::default().speed
    );
    let _ = writeln!(
        out,
        "\n# What lies ahead of the cursor at start: \"hidden\" or \"shown\" (s toggles it).\nspoilers = \"hidden\""
    );
    let defaults = Settings::default();
    let _ = writeln!(
        out,
        "\n# Autoplay runs the match clock at the speed; with skip_quiet, a spell with\n\
         # nothing to show (half-time too) is fast-forwarded to just before the\n\
         # next moment instead of played out.\nskip_quiet = {}",
        defaults.skip_quiet
    );
    let _ = writeln!(
        out,
        "\n# Where autoplay stops by itself: \"off\" (never), \"goals\" (at every goal) or\n\
         # \"on\" (at every goal, red card, VAR decision and penalty).\npause = \"{}\"",
        defaults.pause.name()
    );
    let _ = writeln!(
        out,
        "\n# Ring the terminal's bell on a goal, in autoplay and with --follow.\nbell = {}",
        defaults.bell
    );
    let colours = format!(
        "Colours: a name ({}) or \"#RRGGBB\". NO_COLOR=1 turns colour off whatever this says.",
        COLOR_NAMES.join(", ")
    );
    let _ = writeln!(out);
    for line in crate::text::wrap(&colours, 74) {
        let _ = writeln!(out, "# {line}");
    }
    let _ = writeln!(out, "[colors]");
    let notes = [
        "keys in the footer and help, the played part of the progress bar",
        "secondary text and panel frames",
        "background of the current moment on the timeline",
        "goals, and the play sign while autoplay runs",
    ];
    for ((name, value), note) in Palette::DEFAULTS.iter().zip(notes) {
        let value = quoted(&value.to_string());
        let _ = writeln!(out, "{:<24}# {note}", format!("{name} = {value}"));
    }
    let _ = writeln!(
        out,
        "\n# Shirt colours by team name, for files that give none (StatsBomb\n# files) or to change those they give.\n[colors.teams]\n# \"Barcelona\" = \"#A50044\""
    );
    let _ = writeln!(
        out,
        "\n# Keys, per screen: each action takes a list of keys, the first being\n\
         # the one the footer shows. Write a key as the help screen does: one\n\
         # character (\"l\", \"?\"), a named key (Left, Right, Up, Down, Home, End,\n\
         # PgUp, PgDn, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Delete,\n\
         # Insert, F1 to F12) or Ctrl- and a letter (\"Ctrl-C\")."
    );
    for table in keys {
        let _ = writeln!(out, "\n# {}\n[keys.{}]", table.heading, table.section);
        for action in &table.actions {
            let keys: Vec<String> = action.keys.iter().map(|k| quoted(k)).collect();
            let entry = format!("{} = [{}]", action.action, keys.join(", "));
            let _ = writeln!(out, "{entry:<48}# {}", action.description);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Settings, ConfigError> {
        parse(Path::new("config.toml"), text)
    }

    fn error(text: &str) -> String {
        read(text).expect_err("a mistake").to_string()
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(read("").unwrap(), Settings::default());
        assert_eq!(read("# nothing\n\n").unwrap(), Settings::default());
    }

    #[test]
    fn every_setting_is_read() {
        let settings = read(
            r##"
speed = 10
spoilers = "shown"
skip_quiet = false
pause = "goals"
bell = true

[colors]
accent = "magenta"
highlight = "#202020"

[colors.teams]
Barcelona = "#A50044"

[keys.replay]
next_event = ["J", "Right"]
quit = "x"
"##,
        )
        .unwrap();
        assert_eq!(settings.speed, 10);
        assert!(settings.spoilers);
        assert_eq!(
            settings.play(),
            PlaySettings {
                speed: 10,
                skip_quiet: false,
                pause: PausePolicy::Goals,
                bell: true,
            }
        );
        assert_eq!(settings.palette.accent, ColorSpec::parse("magenta"));
        assert_eq!(settings.palette.highlight, ColorSpec::parse("#202020"));
        assert_eq!(settings.palette.dim, None);
        assert_eq!(settings.palette.teams.len(), 1);
        // The keys as written, each name with its place; the terminal
        // UI's keymap reads them (its tests check what they do).
        let named = |text: &str, at| Named {
            text: text.to_owned(),
            at,
        };
        assert_eq!(
            settings.keys,
            [KeyTable {
                section: named("replay", (15, 7)),
                actions: vec![
                    ActionKeys {
                        action: named("next_event", (16, 1)),
                        keys: vec![named("J", (16, 15)), named("Right", (16, 20))],
                    },
                    ActionKeys {
                        action: named("quit", (17, 1)),
                        keys: vec![named("x", (17, 8))],
                    },
                ],
            }]
        );
    }

    #[test]
    fn the_printed_defaults_read_back_as_the_defaults() {
        let keys = [KeyDefaults {
            heading: "Replay".to_owned(),
            section: "replay".to_owned(),
            actions: vec![ActionDefaults {
                action: "quit".to_owned(),
                keys: vec!["q".to_owned(), "Ctrl-C".to_owned()],
                description: "Quit".to_owned(),
            }],
        }];
        let printed = defaults_file(
            Some(Path::new("/home/fan/.config/touchline/config.toml")),
            &keys,
        );
        assert!(
            printed.contains("#   /home/fan/.config/touchline/config.toml\n"),
            "{printed}"
        );
        assert!(
            printed.contains("\n# Replay\n[keys.replay]\nquit = [\"q\", \"Ctrl-C\"]"),
            "{printed}"
        );
        let read_back = read(&printed).unwrap();
        let defaults = Settings::default();
        assert_eq!(read_back.speed, defaults.speed);
        assert_eq!(read_back.spoilers, defaults.spoilers);
        assert_eq!(read_back.play(), PlaySettings::default());
        assert!(printed.contains("\nskip_quiet = true\n"), "{printed}");
        assert!(printed.contains("\npause = \"off\"\n"), "{printed}");
        assert!(printed.contains("\nbell = false\n"), "{printed}");
        assert_eq!(
            read_back.palette.accent,
            Some(Palette::DEFAULTS[0].1),
            "the colours are written out"
        );
        assert_eq!(read_back.keys.len(), 1);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        assert_eq!(
            error("speed = 1\nspoilers = \"shown\n"),
            "config.toml:2:18: invalid basic string, expected `\"`"
        );
        let message = error("[keys.replay\nquit = [\"x\"]\n");
        assert!(message.starts_with("config.toml:1:"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn unknown_settings_and_wrong_types_say_what_was_expected() {
        assert_eq!(
            error("sped = 5\n"),
            "config.toml:1:1: unknown field `sped`, expected one of `speed`, `spoilers`, `skip_quiet`, `pause`, `bell`, `colors`, `keys`"
        );
        let message = error("speed = \"fast\"\n");
        assert!(
            message.starts_with("config.toml:1:9: invalid type: string \"fast\", expected u32"),
            "{message}"
        );
        assert_eq!(
            error("speed = 3\n"),
            "config.toml:1:9: speed 3 is not offered, expected one of 1, 2, 5, 10, 30, 60"
        );
        assert_eq!(
            error("spoilers = \"maybe\"\n"),
            "config.toml:1:12: spoilers = \"maybe\", expected \"hidden\" or \"shown\""
        );
        assert_eq!(
            error("pause = \"always\"\n"),
            "config.toml:1:9: pause = \"always\", expected \"off\", \"goals\", \"on\""
        );
        let message = error("bell = \"yes\"\n");
        assert!(
            message
                .starts_with("config.toml:1:8: invalid type: string \"yes\", expected a boolean"),
            "{message}"
        );
    }

    #[test]
    fn a_key_list_that_is_no_list_points_at_it() {
        let message = error("[keys.replay]\nnext_event = 5\n");
        assert!(message.starts_with("config.toml:2:14: "), "{message}");
        assert!(message.contains("a list of key names"), "{message}");
    }

    #[test]
    fn bad_colours_say_what_a_colour_looks_like() {
        let message = error("[colors]\naccent = \"teal\"\n");
        assert!(
            message.starts_with(
                "config.toml:2:10: unknown colour \"teal\", expected a colour name (black, red"
            ),
            "{message}"
        );
        assert!(message.ends_with("or \"#RRGGBB\""), "{message}");
        let message = error("[colors.teams]\nFrance = \"blue\"\n");
        assert!(
            message.starts_with(
                "config.toml:2:10: team colour \"blue\" for France, expected \"#RRGGBB\""
            ),
            "{message}"
        );
        assert!(error("[colors]\nsparkle = \"red\"\n").contains("unknown field `sparkle`"));
    }

    #[test]
    fn a_missing_file_is_a_mistake_only_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.toml");
        let quiet = load_from(Some(missing.clone()), false);
        assert_eq!(quiet.error, None);
        assert!(!quiet.found);
        let named = load_from(Some(missing), true);
        assert!(named.error.unwrap().to_string().contains("no such file"));
        assert_eq!(load_from(None, false).settings, Settings::default());
    }

    #[test]
    fn a_bad_file_falls_back_to_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "speed = 10\nspoilers = \"maybe\"\n").unwrap();
        let loaded = load_from(Some(path.clone()), true);
        assert!(loaded.found);
        assert_eq!(loaded.settings, Settings::default(), "nothing half-applied");
        let message = loaded.error.unwrap().to_string();
        assert!(
            message.starts_with(&format!("{}:2:12: spoilers", path.display())),
            "{message}"
        );
        std::fs::write(&path, b"speed = 1\n\xff\n").unwrap();
        let message = load_from(Some(path.clone()), true)
            .error
            .unwrap()
            .to_string();
        assert!(
            message.ends_with(":2:1: invalid UTF-8, expected a text file"),
            "{message}"
        );
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(position("ab\ncé d", 7), (2, 4));
        assert_eq!(position("", 0), (1, 1));
        assert_eq!(position("x", 99), (1, 2));
    }
}
