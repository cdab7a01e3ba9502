//! The one table of key bindings. It turns key presses into [`Action`]s
//! and is the source of the footer's hints, of the help screen and of
//! every key name any message or note shows, so what the screen says a key
//! does is what the key does.
//!
//! The table has a [`Section`] per screen and per state of a screen (the
//! replay, its minute prompt, its search prompt, its filter menu, the
//! help, the match list and its filter); a config file names a section's
//! keys in a `[keys.NAME]` table. [`KEYMAP`] is the default, written in
//! `keymap/table.rs`. A fan's config file may give an action other keys;
//! [`Keymap`] is the table in force, the default with those keys swapped
//! in, row for row, so there is still one table, only with different keys.
//! Everything that handles or shows keys reads the [`Keymap`] the screen
//! holds. Reading a config file's keys is [`config`]'s job.

pub mod config;
mod table;

pub use table::KEYMAP;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::action::{Action, ListAction, ViewerAction};

/// A part of the table: the keys in force on one screen in one state. A
/// config file names a section's keys in a `[keys.NAME]` table, NAME being
/// [`Section::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Replaying: stepping, playing, jumping.
    Replay,
    /// The help screen is open.
    Help,
    /// The minute prompt is open.
    Prompt,
    /// The search prompt is open.
    Search,
    /// The filter menu is open.
    Filter,
    /// The match list (`touchline DIR`).
    Library,
    /// Typing the match list's filter.
    LibraryFilter,
}

impl Section {
    /// Every section, in the order the help screen lists them.
    pub const ALL: [Section; 7] = [
        Section::Replay,
        Section::Prompt,
        Section::Search,
        Section::Filter,
        Section::Help,
        Section::Library,
        Section::LibraryFilter,
    ];

    /// The sections whose keys the viewer's help screen lists.
    pub const VIEWER: [Section; 5] = [
        Section::Replay,
        Section::Prompt,
        Section::Search,
        Section::Filter,
        Section::Help,
    ];

    /// The sections whose keys the match list's help screen lists.
    pub const LIBRARY: [Section; 3] = [Section::Library, Section::LibraryFilter, Section::Help];

    /// The section's name in a config file: `[keys.replay]`.
    pub fn name(self) -> String {
        crate::tui::action::serde_name(&self)
    }
}

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// A key pressed without Ctrl or Alt. Shift is allowed, because
    /// terminals report `G`, `?`, `+` and `:` with or without it.
    Plain(KeyCode),
    /// A letter with Ctrl held.
    Ctrl(char),
    /// Any character a clock can be typed with: a digit, `+` or `:`.
    ClockChar,
    /// Any printable character typed without Ctrl or Alt, Shift or not:
    /// the search prompt and the match list's filter take text.
    TextChar,
}

impl Key {
    /// Whether a pressed key is this one; for [`Key::ClockChar`], the
    /// character typed.
    fn matches(self, key: &KeyEvent) -> Option<char> {
        let ctrl_or_alt = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match (self, key.code) {
            (Key::Plain(code), pressed) if !ctrl_or_alt && code == pressed => Some('\0'),
            (Key::Ctrl(c), KeyCode::Char(pressed))
                if key.modifiers.contains(KeyModifiers::CONTROL)
                    && pressed.eq_ignore_ascii_case(&c) =>
            {
                Some(pressed)
            }
            (Key::ClockChar, KeyCode::Char(c))
                if !ctrl_or_alt && (c.is_ascii_digit() || c == '+' || c == ':') =>
            {
                Some(c)
            }
            (Key::TextChar, KeyCode::Char(c)) if !ctrl_or_alt && !c.is_control() => Some(c),
            _ => None,
        }
    }

    /// How the help screen writes the key.
    pub fn label(self) -> String {
        match self {
            Key::Plain(code) => match code {
                KeyCode::Char(' ') => "Space".to_owned(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Left => "Left".to_owned(),
                KeyCode::Right => "Right".to_owned(),
                KeyCode::Up => "Up".to_owned(),
                KeyCode::Down => "Down".to_owned(),
                KeyCode::Home => "Home".to_owned(),
                KeyCode::End => "End".to_owned(),
                KeyCode::Esc => "Esc".to_owned(),
                KeyCode::Enter => "Enter".to_owned(),
                KeyCode::Backspace => "Backspace".to_owned(),
                KeyCode::PageDown => "PgDn".to_owned(),
                KeyCode::PageUp => "PgUp".to_owned(),
                KeyCode::Tab => "Tab".to_owned(),
                KeyCode::BackTab => "Shift-Tab".to_owned(),
                KeyCode::Delete => "Delete".to_owned(),
                KeyCode::Insert => "Insert".to_owned(),
                KeyCode::F(n) => format!("F{n}"),
                other => other.to_string(),
            },
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::ClockChar => "0-9 + :".to_owned(),
            Key::TextChar => "letters".to_owned(),
        }
    }

    /// The arrow a compact note draws for an arrow key (`↓` for Down).
    pub fn glyph(self) -> Option<&'static str> {
        match self {
            Key::Plain(KeyCode::Up) => Some("↑"),
            Key::Plain(KeyCode::Down) => Some("↓"),
            Key::Plain(KeyCode::Left) => Some("←"),
            Key::Plain(KeyCode::Right) => Some("→"),
            _ => None,
        }
    }

    /// Whether a key press could match both keys, so that binding them to
    /// different things would leave one of them dead.
    pub fn overlaps(self, other: Key) -> bool {
        let clock_char = |k: Key| matches!(k, Key::Plain(KeyCode::Char(c)) if c.is_ascii_digit() || c == '+' || c == ':');
        let typed = |k: Key| {
            matches!(
                k,
                Key::TextChar | Key::ClockChar | Key::Plain(KeyCode::Char(_))
            )
        };
        match (self, other) {
            (Key::TextChar, k) | (k, Key::TextChar) => typed(k),
            (Key::ClockChar, k) | (k, Key::ClockChar) => k == Key::ClockChar || clock_char(k),
            (Key::Ctrl(a), Key::Ctrl(b)) => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        }
    }
}

/// The named keys a config file may use, with the names it may use for
/// them; the first name is the one [`Key::label`] writes.
const NAMED: &[(KeyCode, &[&str])] = &[
    (KeyCode::Char(' '), &["Space"]),
    (KeyCode::Left, &["Left"]),
    (KeyCode::Right, &["Right"]),
    (KeyCode::Up, &["Up"]),
    (KeyCode::Down, &["Down"]),
    (KeyCode::Home, &["Home"]),
    (KeyCode::End, &["End"]),
    (KeyCode::Esc, &["Esc", "Escape"]),
    (KeyCode::Enter, &["Enter", "Return"]),
    (KeyCode::Backspace, &["Backspace"]),
    (KeyCode::PageDown, &["PgDn", "PageDown"]),
    (KeyCode::PageUp, &["PgUp", "PageUp"]),
    (KeyCode::Tab, &["Tab"]),
    (KeyCode::BackTab, &["Shift-Tab", "BackTab"]),
    (KeyCode::Delete, &["Delete", "Del"]),
    (KeyCode::Insert, &["Insert", "Ins"]),
];

/// Why a config file's key name was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key \"{0}\", expected one character (such as \"l\" or \"?\"), a named key (Left, Right, Up, Down, Space, Enter, Esc, Tab, Shift-Tab, Home, End, PgUp, PgDn, Backspace, Delete, Insert, F1 to F12) or Ctrl- and a letter"
)]
pub struct KeyNameError(pub String);

/// Reads a key as [`Key::label`] writes it (`Right`, `Space`, `Ctrl-C`,
/// `l`), so what the help screen shows can be written in a config file.
/// Named keys ignore case; a single character is taken as it is, since
/// `g` and `G` are different keys.
impl FromStr for Key {
    type Err = KeyNameError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || KeyNameError(crate::text::sanitize_line(text).into_owned());
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.clone().next()) {
            return if c.is_control() {
                Err(err())
            } else {
                Ok(Key::Plain(KeyCode::Char(c)))
            };
        }
        if let Some((_, letter)) = text
            .split_once('-')
            .filter(|(ctrl, _)| ctrl.eq_ignore_ascii_case("ctrl"))
        {
            let mut letters = letter.chars();
            return match (letters.next(), letters.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(Key::Ctrl(c.to_ascii_lowercase())),
                _ => Err(err()),
            };
        }
        if let Some(n) = text
            .strip_prefix(['F', 'f'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            return Ok(Key::Plain(KeyCode::F(n)));
        }
        NAMED
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(text)))
            .map(|(code, _)| Key::Plain(*code))
            .ok_or_else(err)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// What a binding does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Ask for this action.
    Do(Action),
    /// Type the pressed character into the viewer's open prompt.
    Type,
    /// Type the pressed character into the match list's filter.
    TypeFilter,
}

impl Command {
    /// The action's config name, or what typing does in `section`.
    fn name(self, section: Section) -> String {
        match self {
            Command::Do(action) => action.name(),
            Command::Type if section == Section::Search => "typing the search".to_owned(),
            Command::Type => "typing the minute".to_owned(),
            Command::TypeFilter => "typing the filter".to_owned(),
        }
    }
}

/// One row of the table: in `section`, any of `keys` runs `command`.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    /// Where the binding applies.
    pub section: Section,
    /// The keys, the first being the one hints show: the default table's,
    /// or those a config file gave.
    pub keys: Cow<'static, [Key]>,
    /// What it does.
    pub command: Command,
    /// The help screen's words for it.
    pub description: &'static str,
    /// The footer's hint, key then word, for the bindings worth a place
    /// there.
    pub hint: Option<(&'static str, &'static str)>,
}

/// Footer hints that stand for two bindings at once ("←→ step" is the
/// previous and the next moment), in the order the hint writes them. When
/// a config file gives either other keys, the hint names both first keys.
const PAIRED_HINTS: &[(Action, Action)] = &[
    (
        Action::Viewer(ViewerAction::PrevEvent),
        Action::Viewer(ViewerAction::NextEvent),
    ),
    (
        Action::Viewer(ViewerAction::PrevGoal),
        Action::Viewer(ViewerAction::NextGoal),
    ),
    (
        Action::Viewer(ViewerAction::Faster),
        Action::Viewer(ViewerAction::Slower),
    ),
];

/// The bindings of one section in the default table, in table order.
pub fn bindings(section: Section) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.section == section)
}

/// The action a key event asks for in `section`, by the default table.
pub fn action_for(section: Section, key: KeyEvent) -> Option<Action> {
    find_action(bindings(section), key)
}

/// The first binding among `bindings` that `key` presses. Only presses
/// count: some terminals also report releases (and repeats), and acting
/// on those would do everything twice.
fn find_action<'a>(
    mut bindings: impl Iterator<Item = &'a Binding>,
    key: KeyEvent,
) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    bindings.find_map(|binding| {
        let typed = binding.keys.iter().find_map(|k| k.matches(&key))?;
        Some(match binding.command {
            Command::Do(action) => action,
            Command::Type => Action::Viewer(ViewerAction::PromptType(typed)),
            Command::TypeFilter => Action::List(ListAction::FilterType(typed)),
        })
    })
}

/// The table in force: [`KEYMAP`] with the keys a config file gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    rows: Vec<Binding>,
}

impl Default for Keymap {
    /// The default table as it is.
    fn default() -> Self {
        Self {
            rows: KEYMAP.to_vec(),
        }
    }
}

/// Why keys could not be given to an action.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RebindError {
    /// The action has no row in that section.
    #[error("{action} is not one of the {mode} keys, expected one of {expected}")]
    NotInMode {
        /// The action named.
        action: String,
        /// The section's config name.
        mode: String,
        /// The actions that section has, by config name.
        expected: String,
    },
    /// No keys at all were given.
    #[error("no keys for {0}, expected at least one, such as [\"x\"]")]
    Empty(String),
}

/// One key bound to two things in one section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where.
    pub section: Section,
    /// The key, as the later row has it.
    pub key: Key,
    /// What the two rows do, in table order.
    pub commands: [Command; 2],
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "key \"{}\" would do both {} and {} in the {} keys, expected each key to do one thing",
            self.key.label(),
            self.commands[0].name(self.section),
            self.commands[1].name(self.section),
            self.section.name()
        )
    }
}

impl Keymap {
    /// The bindings of one section, in table order.
    pub fn bindings(&self, section: Section) -> impl Iterator<Item = &Binding> {
        self.rows.iter().filter(move |b| b.section == section)
    }

    /// The action a key event asks for in `section` (see [`action_for`]).
    pub fn action_for(&self, section: Section, key: KeyEvent) -> Option<Action> {
        find_action(self.bindings(section), key)
    }

    /// The actions of `section` that keys can be given to, in table order.
    pub fn actions(&self, section: Section) -> impl Iterator<Item = Action> + '_ {
        self.bindings(section).filter_map(|b| match b.command {
            Command::Do(action) => Some(action),
            Command::Type | Command::TypeFilter => None,
        })
    }

    /// The action of `section` whose config name is `name`.
    pub fn action_named(&self, section: Section, name: &str) -> Result<Action, RebindError> {
        self.actions(section)
            .find(|action| action.name() == name)
            .ok_or_else(|| {
                let expected: Vec<String> = self.actions(section).map(Action::name).collect();
                RebindError::NotInMode {
                    action: name.to_owned(),
                    mode: section.name(),
                    expected: expected.join(", "),
                }
            })
    }

    /// Gives `action` in `section` these keys instead of its own (listed
    /// twice, a key counts once). Whether a key now does two things is for
    /// [`Keymap::conflict`] to say once every change is in, so that two
    /// actions can swap keys.
    pub fn rebind(
        &mut self,
        section: Section,
        action: impl Into<Action>,
        keys: &[Key],
    ) -> Result<(), RebindError> {
        let action = action.into();
        let name = action.name();
        self.action_named(section, &name)?;
        if keys.is_empty() {
            return Err(RebindError::Empty(name));
        }
        let mut unique: Vec<Key> = Vec::with_capacity(keys.len());
        for &key in keys {
            if !unique.contains(&key) {
                unique.push(key);
            }
        }
        if let Some(row) = self
            .rows
            .iter_mut()
            .find(|b| b.section == section && b.command == Command::Do(action))
        {
            row.keys = Cow::Owned(unique);
        }
        Ok(())
    }

    /// The first key, in table order, that two rows of one section share:
    /// the later row would never see it. The default table has none.
    pub fn conflict(&self) -> Option<Conflict> {
        self.rows.iter().enumerate().find_map(|(i, first)| {
            self.rows[i + 1..]
                .iter()
                .filter(|b| b.section == first.section)
                .find_map(|second| {
                    let key = second
                        .keys
                        .iter()
                        .find(|k| first.keys.iter().any(|f| f.overlaps(**k)))?;
                    Some(Conflict {
                        section: first.section,
                        key: *key,
                        commands: [first.command, second.command],
                    })
                })
        })
    }

    /// How the footer writes the keys of a binding's hint: the table's
    /// own symbols while the keys are the default ones, else the first
    /// key's name (for a paired hint, both first keys).
    pub fn hint_keys(&self, binding: &Binding) -> Option<String> {
        let (shown, _) = binding.hint?;
        let Command::Do(action) = binding.command else {
            return Some(shown.to_owned());
        };
        let actions = PAIRED_HINTS
            .iter()
            .find(|(a, b)| *a == action || *b == action)
            .map_or(vec![action], |&(a, b)| vec![a, b]);
        let row = |action: Action| {
            self.bindings(binding.section)
                .find(|b| b.command == Command::Do(action))
        };
        let default =
            |action: Action| bindings(binding.section).find(|b| b.command == Command::Do(action));
        let changed = actions
            .iter()
            .any(|&a| row(a).map(|b| &b.keys) != default(a).map(|b| &b.keys));
        if !changed {
            return Some(shown.to_owned());
        }
        let firsts: Vec<String> = actions
            .iter()
            .filter_map(|&a| row(a).and_then(|b| b.keys.first()).map(|k| k.label()))
            .collect();
        Some(firsts.join("/"))
    }

    /// The keys of `action` in `section` (none when it has no row there).
    pub fn keys(&self, section: Section, action: impl Into<Action>) -> &[Key] {
        let command = Command::Do(action.into());
        self.bindings(section)
            .find(|b| b.command == command)
            .map_or(&[], |b| &b.keys)
    }

    /// The name of the first key of `action` in `section`, the one hints
    /// show: what a message means by "s to show".
    pub fn key(&self, section: Section, action: impl Into<Action>) -> String {
        self.keys(section, action)
            .first()
            .map(|k| k.label())
            .unwrap_or_default()
    }

    /// Every key of `action` in `section`, as a sentence names them:
    /// "Home or g".
    pub fn any_key(&self, section: Section, action: impl Into<Action>) -> String {
        let labels: Vec<String> = self
            .keys(section, action)
            .iter()
            .map(|k| k.label())
            .collect();
        labels.join(" or ")
    }

    /// The keys of `action` in `section` as the footer's hint writes them
    /// ("←→" for stepping), or its first key when the hint has no place.
    pub fn hint(&self, section: Section, action: impl Into<Action>) -> String {
        let command = Command::Do(action.into());
        let row = self
            .bindings(section)
            .find(|b| b.command == command || self.pairs_with(b, command));
        match row.and_then(|b| self.hint_keys(b)) {
            Some(keys) => keys,
            None => match command {
                Command::Do(action) => self.key(section, action),
                _ => String::new(),
            },
        }
    }

    /// Whether `binding` carries the paired hint that `command` is part of.
    fn pairs_with(&self, binding: &Binding, command: Command) -> bool {
        let (Command::Do(action), Command::Do(bound)) = (command, binding.command) else {
            return false;
        };
        binding.hint.is_some()
            && PAIRED_HINTS
                .iter()
                .any(|&(a, b)| (a == action || b == action) && (a == bound || b == bound))
    }

    /// The heading of `section` on the help screen, with the keys that
    /// open it: "Minute prompt (: or t)".
    pub fn title(&self, section: Section) -> String {
        let opened = |name: &str, from: Section, action: Action| {
            format!("{name} ({})", self.any_key(from, action))
        };
        match section {
            Section::Replay => "Replay".to_owned(),
            Section::Prompt => opened(
                "Minute prompt",
                Section::Replay,
                ViewerAction::OpenPrompt.into(),
            ),
            Section::Search => opened(
                "Search prompt",
                Section::Replay,
                ViewerAction::OpenSearch.into(),
            ),
            Section::Filter => opened(
                "Filter menu",
                Section::Replay,
                ViewerAction::OpenFilter.into(),
            ),
            Section::Help => "This help screen".to_owned(),
            Section::Library => "Match list".to_owned(),
            Section::LibraryFilter => opened("Filter", Section::Library, ListAction::Filter.into()),
        }
    }
}

#[cfg(test)]
mod tests;
