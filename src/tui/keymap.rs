//! The one table of key bindings. It turns key presses into [`Action`]s
//! and is the source of the footer's hints and of the help screen, so what
//! the screen says a key does is what the key does.
//!
//! [`KEYMAP`] is the default. A fan's config file may give an action other
//! keys; [`Keymap`] is the table in force, the default with those keys
//! swapped in, row for row, so there is still one table, only with
//! different keys. Everything that handles or shows keys reads the
//! [`Keymap`] the viewer holds.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::action::Action;

/// Which set of bindings is in force. A config file names a mode's keys
/// in a `[keys.NAME]` table, NAME being [`Mode::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Replaying: stepping, playing, jumping.
    #[serde(rename = "replay")]
    Normal,
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

impl Mode {
    /// Every mode, in the order the help screen lists them.
    pub const ALL: [Mode; 7] = [
        Mode::Normal,
        Mode::Prompt,
        Mode::Search,
        Mode::Filter,
        Mode::Help,
        Mode::Library,
        Mode::LibraryFilter,
    ];

    /// The modes whose keys the viewer's help screen lists.
    pub const VIEWER: [Mode; 5] = [
        Mode::Normal,
        Mode::Prompt,
        Mode::Search,
        Mode::Filter,
        Mode::Help,
    ];

    /// The modes whose keys the match list's help screen lists.
    pub const LIBRARY: [Mode; 3] = [Mode::Library, Mode::LibraryFilter, Mode::Help];

    /// The heading of this mode's section on the help screen.
    pub const fn title(self) -> &'static str {
        match self {
            Mode::Normal => "Replay",
            Mode::Prompt => "Minute prompt (: or t)",
            Mode::Search => "Search prompt (/)",
            Mode::Filter => "Filter menu (f)",
            Mode::Help => "This help screen",
            Mode::Library => "Match list",
            Mode::LibraryFilter => "Filter (/)",
        }
    }

    /// The mode's name in a config file: `[keys.replay]`.
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
    /// Apply this action.
    Do(Action),
    /// Type the pressed character into the open prompt.
    Type,
    /// Type the pressed character into the match list's filter.
    TypeFilter,
}

/// One row of the table: in `mode`, any of `keys` runs `command`.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    /// Where the binding applies.
    pub mode: Mode,
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

use Key::{Ctrl, Plain};
use KeyCode::Char;

const fn bind(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<(&'static str, &'static str)>,
) -> Binding {
    Binding {
        mode,
        keys: Cow::Borrowed(keys),
        command: Command::Do(action),
        description,
        hint,
    }
}

/// Every binding. Lookups scan it in order, so the first match wins.
pub static KEYMAP: &[Binding] = &[
    bind(
        Mode::Normal,
        &[
            Plain(KeyCode::Right),
            Plain(Char('l')),
            Plain(KeyCode::Down),
            Plain(Char('j')),
        ],
        Action::NextEvent,
        "Next moment",
        Some(("←→", "step")),
    ),
    bind(
        Mode::Normal,
        &[
            Plain(KeyCode::Left),
            Plain(Char('h')),
            Plain(KeyCode::Up),
            Plain(Char('k')),
        ],
        Action::PrevEvent,
        "Previous moment (or facts)",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::Tab)],
        Action::NextView,
        "Next view",
        Some(("Tab", "view")),
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::BackTab)],
        Action::PrevView,
        "Previous view",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char(' '))],
        Action::TogglePlay,
        "Play or pause (match clock)",
        Some(("Space", "play")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char(']'))],
        Action::NextGoal,
        "Next goal",
        Some(("[ ]", "goals")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('['))],
        Action::PrevGoal,
        "Previous goal",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::Home), Plain(Char('g'))],
        Action::KickOff,
        "Kick-off",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::End), Plain(Char('G'))],
        Action::FullTime,
        "Full time; following: newest",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('+'))],
        Action::Faster,
        "Faster: 1x 2x 5x 10x 30x 60x",
        Some(("+-", "speed")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('-'))],
        Action::Slower,
        "Slower",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::PageDown)],
        Action::ScrollDown,
        "Scroll the commentary down",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::PageUp)],
        Action::ScrollUp,
        "Scroll the commentary up",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char(':')), Plain(Char('t'))],
        Action::OpenPrompt,
        "Jump to a minute: 54, 45+2",
        Some(("t", "minute")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('s'))],
        Action::ToggleSpoilers,
        "Show or hide spoilers",
        Some(("s", "spoilers")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('a'))],
        Action::ToggleAllEvents,
        "All events or key moments",
        Some(("a", "all events")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('y'))],
        Action::CopyMoment,
        "Copy this moment to share",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('/'))],
        Action::OpenSearch,
        "Search names, teams, words",
        Some(("/", "search")),
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('n'))],
        Action::NextHit,
        "Next search hit",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('N'))],
        Action::PrevHit,
        "Previous search hit",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('f'))],
        Action::OpenFilter,
        "Filter: goals, cards, player",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('m'))],
        Action::ToggleMark,
        "Mark or unmark this moment",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('\''))],
        Action::NextMark,
        "Next marked moment",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('?'))],
        Action::OpenHelp,
        "This help",
        Some(("?", "help")),
    ),
    bind(
        Mode::Normal,
        &[Ctrl('z')],
        Action::Suspend,
        "Suspend (fg resumes)",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(KeyCode::Esc)],
        Action::Back,
        "Clear search/filter, or leave",
        None,
    ),
    bind(
        Mode::Normal,
        &[Plain(Char('q')), Ctrl('c')],
        Action::Quit,
        "Quit",
        Some(("q", "quit")),
    ),
    Binding {
        mode: Mode::Prompt,
        keys: Cow::Borrowed(&[Key::ClockChar]),
        command: Command::Type,
        description: "Type the minute",
        hint: None,
    },
    bind(
        Mode::Prompt,
        &[Plain(KeyCode::Backspace)],
        Action::PromptBackspace,
        "Delete last",
        None,
    ),
    bind(
        Mode::Prompt,
        &[Plain(KeyCode::Enter)],
        Action::PromptSubmit,
        "Jump there",
        Some(("Enter", "jump")),
    ),
    bind(
        Mode::Prompt,
        &[Plain(KeyCode::Esc)],
        Action::PromptCancel,
        "Cancel",
        Some(("Esc", "cancel")),
    ),
    bind(Mode::Prompt, &[Ctrl('c')], Action::Quit, "Quit", None),
    bind(Mode::Prompt, &[Ctrl('z')], Action::Suspend, "Suspend", None),
    Binding {
        mode: Mode::Search,
        keys: Cow::Borrowed(&[Key::TextChar]),
        command: Command::Type,
        description: "Type what to find",
        hint: None,
    },
    bind(
        Mode::Search,
        &[Plain(KeyCode::Backspace)],
        Action::PromptBackspace,
        "Delete last",
        None,
    ),
    bind(
        Mode::Search,
        &[Plain(KeyCode::Enter)],
        Action::PromptSubmit,
        "Run the search",
        Some(("Enter", "search")),
    ),
    bind(
        Mode::Search,
        &[Plain(KeyCode::Esc)],
        Action::PromptCancel,
        "Cancel",
        Some(("Esc", "cancel")),
    ),
    bind(Mode::Search, &[Ctrl('c')], Action::Quit, "Quit", None),
    bind(Mode::Search, &[Ctrl('z')], Action::Suspend, "Suspend", None),
    bind(
        Mode::Filter,
        &[Plain(Char('g'))],
        Action::FilterGoals,
        "Only goals",
        Some(("g", "goals")),
    ),
    bind(
        Mode::Filter,
        &[Plain(Char('c'))],
        Action::FilterCards,
        "Only cards",
        Some(("c", "cards")),
    ),
    bind(
        Mode::Filter,
        &[Plain(Char('h'))],
        Action::FilterHome,
        "Only the home team",
        Some(("h", "home")),
    ),
    bind(
        Mode::Filter,
        &[Plain(Char('a'))],
        Action::FilterAway,
        "Only the away team",
        Some(("a", "away")),
    ),
    bind(
        Mode::Filter,
        &[Plain(Char('p'))],
        Action::FilterPlayer,
        "Only the player here",
        Some(("p", "player")),
    ),
    bind(
        Mode::Filter,
        &[Plain(Char('x'))],
        Action::ClearFilter,
        "No filter",
        Some(("x", "none")),
    ),
    bind(
        Mode::Filter,
        &[Plain(KeyCode::Esc), Plain(Char('f'))],
        Action::CloseFilter,
        "Close the menu",
        Some(("Esc", "back")),
    ),
    bind(Mode::Filter, &[Ctrl('c')], Action::Quit, "Quit", None),
    bind(Mode::Filter, &[Ctrl('z')], Action::Suspend, "Suspend", None),
    bind(
        Mode::Help,
        &[Plain(KeyCode::Esc), Plain(Char('?')), Plain(Char('q'))],
        Action::CloseHelp,
        "Close the help",
        Some(("Esc", "close")),
    ),
    bind(
        Mode::Help,
        &[Plain(KeyCode::PageDown), Plain(KeyCode::Down)],
        Action::ScrollDown,
        "Scroll down",
        None,
    ),
    bind(
        Mode::Help,
        &[Plain(KeyCode::PageUp), Plain(KeyCode::Up)],
        Action::ScrollUp,
        "Scroll up",
        None,
    ),
    bind(Mode::Help, &[Ctrl('c')], Action::Quit, "Quit", None),
    bind(Mode::Help, &[Ctrl('z')], Action::Suspend, "Suspend", None),
    bind(
        Mode::Library,
        &[Plain(KeyCode::Down), Plain(Char('j'))],
        Action::ListDown,
        "Next match",
        Some(("↑↓", "move")),
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::Up), Plain(Char('k'))],
        Action::ListUp,
        "Previous match",
        None,
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::Enter)],
        Action::ListOpen,
        "Open the match",
        Some(("Enter", "open")),
    ),
    bind(
        Mode::Library,
        &[Plain(Char('/'))],
        Action::ListFilter,
        "Filter by words",
        Some(("/", "filter")),
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::Esc)],
        Action::ListFilterClear,
        "Clear the filter",
        None,
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::PageDown)],
        Action::ListPageDown,
        "A page down",
        None,
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::PageUp)],
        Action::ListPageUp,
        "A page up",
        None,
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::Home), Plain(Char('g'))],
        Action::ListFirst,
        "First match",
        None,
    ),
    bind(
        Mode::Library,
        &[Plain(KeyCode::End), Plain(Char('G'))],
        Action::ListLast,
        "Last match",
        None,
    ),
    bind(
        Mode::Library,
        &[Plain(Char('s'))],
        Action::ToggleSpoilers,
        "Show or hide scores",
        Some(("s", "spoilers")),
    ),
    bind(
        Mode::Library,
        &[Plain(Char('?'))],
        Action::OpenHelp,
        "This help",
        Some(("?", "help")),
    ),
    bind(
        Mode::Library,
        &[Plain(Char('q')), Ctrl('c')],
        Action::Quit,
        "Quit",
        Some(("q", "quit")),
    ),
    bind(
        Mode::Library,
        &[Ctrl('z')],
        Action::Suspend,
        "Suspend",
        None,
    ),
    Binding {
        mode: Mode::LibraryFilter,
        keys: Cow::Borrowed(&[Key::TextChar]),
        command: Command::TypeFilter,
        description: "Type words to look for",
        hint: None,
    },
    bind(
        Mode::LibraryFilter,
        &[Plain(KeyCode::Backspace)],
        Action::ListFilterBackspace,
        "Delete last",
        None,
    ),
    bind(
        Mode::LibraryFilter,
        &[Plain(KeyCode::Down)],
        Action::ListDown,
        "Next match",
        Some(("↑↓", "move")),
    ),
    bind(
        Mode::LibraryFilter,
        &[Plain(KeyCode::Up)],
        Action::ListUp,
        "Previous match",
        None,
    ),
    bind(
        Mode::LibraryFilter,
        &[Plain(KeyCode::Enter)],
        Action::ListOpen,
        "Open the match",
        Some(("Enter", "open")),
    ),
    bind(
        Mode::LibraryFilter,
        &[Plain(KeyCode::Esc)],
        Action::ListFilterDone,
        "Done: keep the filter",
        Some(("Esc", "done")),
    ),
    bind(
        Mode::LibraryFilter,
        &[Ctrl('c')],
        Action::Quit,
        "Quit",
        None,
    ),
    bind(
        Mode::LibraryFilter,
        &[Ctrl('z')],
        Action::Suspend,
        "Suspend",
        None,
    ),
];

/// Footer hints that stand for two bindings at once ("←→ step" is the
/// previous and the next moment), in the order the hint writes them. When
/// a config file gives either other keys, the hint names both first keys.
const PAIRED_HINTS: &[(Action, Action)] = &[
    (Action::PrevEvent, Action::NextEvent),
    (Action::PrevGoal, Action::NextGoal),
    (Action::Faster, Action::Slower),
];

/// The bindings of one mode in the default table, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.mode == mode)
}

/// The action a key event asks for in `mode`, by the default table.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    find_action(KEYMAP.iter().filter(|b| b.mode == mode), key)
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
            Command::Type => Action::PromptType(typed),
            Command::TypeFilter => Action::ListFilterType(typed),
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
    /// The action has no row in that mode.
    #[error("{action} is not one of the {mode} keys, expected one of {expected}")]
    NotInMode {
        /// The action named.
        action: String,
        /// The mode's config name.
        mode: String,
        /// The actions that mode has, by config name.
        expected: String,
    },
    /// No keys at all were given.
    #[error("no keys for {0}, expected at least one, such as [\"x\"]")]
    Empty(String),
}

/// One key bound to two things in one mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where.
    pub mode: Mode,
    /// The key, as the later row has it.
    pub key: Key,
    /// What the two rows do, in table order.
    pub commands: [Command; 2],
}

impl Command {
    /// The action's config name, or what typing does in `mode`.
    fn name(self, mode: Mode) -> String {
        match self {
            Command::Do(action) => action.name(),
            Command::Type if mode == Mode::Search => "typing the search".to_owned(),
            Command::Type => "typing the minute".to_owned(),
            Command::TypeFilter => "typing the filter".to_owned(),
        }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "key \"{}\" would do both {} and {} in the {} keys, expected each key to do one thing",
            self.key.label(),
            self.commands[0].name(self.mode),
            self.commands[1].name(self.mode),
            self.mode.name()
        )
    }
}

impl Keymap {
    /// The bindings of one mode, in table order.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.rows.iter().filter(move |b| b.mode == mode)
    }

    /// The action a key event asks for in `mode` (see [`action_for`]).
    pub fn action_for(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        find_action(self.bindings(mode), key)
    }

    /// The actions of `mode` that keys can be given to, in table order.
    pub fn actions(&self, mode: Mode) -> impl Iterator<Item = Action> + '_ {
        self.bindings(mode).filter_map(|b| match b.command {
            Command::Do(action) => Some(action),
            Command::Type | Command::TypeFilter => None,
        })
    }

    /// Gives `action` in `mode` these keys instead of its own (listed
    /// twice, a key counts once). Whether a key now does two things is for
    /// [`Keymap::conflict`] to say once every change is in, so that two
    /// actions can swap keys.
    pub fn rebind(&mut self, mode: Mode, action: Action, keys: &[Key]) -> Result<(), RebindError> {
        let name = action.name();
        let Some(row) = self
            .rows
            .iter()
            .position(|b| b.mode == mode && b.command == Command::Do(action))
        else {
            let expected: Vec<String> = self.actions(mode).map(|a| a.name()).collect();
            return Err(RebindError::NotInMode {
                action: name,
                mode: mode.name(),
                expected: expected.join(", "),
            });
        };
        if keys.is_empty() {
            return Err(RebindError::Empty(name));
        }
        let mut unique: Vec<Key> = Vec::with_capacity(keys.len());
        for &key in keys {
            if !unique.contains(&key) {
                unique.push(key);
            }
        }
        self.rows[row].keys = Cow::Owned(unique);
        Ok(())
    }

    /// The first key, in table order, that two rows of one mode share: the
    /// later row would never see it. The default table has none.
    pub fn conflict(&self) -> Option<Conflict> {
        self.rows.iter().enumerate().find_map(|(i, first)| {
            self.rows[i + 1..]
                .iter()
                .filter(|b| b.mode == first.mode)
                .find_map(|second| {
                    let key = second
                        .keys
                        .iter()
                        .find(|k| first.keys.iter().any(|f| f.overlaps(**k)))?;
                    Some(Conflict {
                        mode: first.mode,
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
            self.bindings(binding.mode)
                .find(|b| b.command == Command::Do(action))
        };
        let default =
            |action: Action| bindings(binding.mode).find(|b| b.command == Command::Do(action));
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn normal(code: KeyCode) -> Option<Action> {
        action_for(Mode::Normal, press(code))
    }

    #[test]
    fn each_key_of_the_issue_maps_to_its_action() {
        let table = [
            (KeyCode::Right, Action::NextEvent),
            (Char('l'), Action::NextEvent),
            (KeyCode::Down, Action::NextEvent),
            (Char('j'), Action::NextEvent),
            (KeyCode::Left, Action::PrevEvent),
            (Char('h'), Action::PrevEvent),
            (KeyCode::Up, Action::PrevEvent),
            (Char('k'), Action::PrevEvent),
            (Char(']'), Action::NextGoal),
            (Char('['), Action::PrevGoal),
            (KeyCode::Home, Action::KickOff),
            (Char('g'), Action::KickOff),
            (KeyCode::End, Action::FullTime),
            (Char('G'), Action::FullTime),
            (Char(' '), Action::TogglePlay),
            (Char('+'), Action::Faster),
            (Char('-'), Action::Slower),
            (KeyCode::PageDown, Action::ScrollDown),
            (KeyCode::PageUp, Action::ScrollUp),
            (Char(':'), Action::OpenPrompt),
            (Char('t'), Action::OpenPrompt),
            (Char('s'), Action::ToggleSpoilers),
            (Char('?'), Action::OpenHelp),
            (Char('q'), Action::Quit),
            (KeyCode::Esc, Action::Back),
            (Char('/'), Action::OpenSearch),
            (Char('n'), Action::NextHit),
            (Char('N'), Action::PrevHit),
            (Char('f'), Action::OpenFilter),
            (Char('m'), Action::ToggleMark),
            (Char('\''), Action::NextMark),
            (KeyCode::Tab, Action::NextView),
            (KeyCode::BackTab, Action::PrevView),
            (Char('a'), Action::ToggleAllEvents),
            (Char('y'), Action::CopyMoment),
        ];
        for (code, action) in table {
            assert_eq!(normal(code), Some(action), "{code:?}");
        }
        assert_eq!(normal(Char('x')), None);
        assert_eq!(normal(KeyCode::F(5)), None);
    }

    #[test]
    fn shifted_characters_still_match() {
        // Terminals with the kitty protocol report Shift for `G`, `?`, `:`.
        for (c, action) in [
            ('G', Action::FullTime),
            ('?', Action::OpenHelp),
            (':', Action::OpenPrompt),
            ('+', Action::Faster),
        ] {
            let key = KeyEvent::new(Char(c), KeyModifiers::SHIFT);
            assert_eq!(action_for(Mode::Normal, key), Some(action));
        }
    }

    #[test]
    fn releases_and_repeats_are_ignored() {
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let mut key = press(KeyCode::Right);
            key.kind = kind;
            assert_eq!(action_for(Mode::Normal, key), None);
        }
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_plain_c_does_not() {
        let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
        for mode in Mode::ALL {
            assert_eq!(action_for(mode, ctrl_c), Some(Action::Quit), "{mode:?}");
        }
        assert_eq!(normal(Char('c')), None);
        // Ctrl with a bound letter is not that letter.
        let ctrl_l = KeyEvent::new(Char('l'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Normal, ctrl_l), None);
    }

    #[test]
    fn shift_tab_goes_back_as_terminals_report_it() {
        // Terminals send Shift-Tab as BackTab, most with Shift held too.
        for modifiers in [KeyModifiers::SHIFT, KeyModifiers::NONE] {
            let key = KeyEvent::new(KeyCode::BackTab, modifiers);
            assert_eq!(action_for(Mode::Normal, key), Some(Action::PrevView));
        }
        assert_eq!(Plain(KeyCode::BackTab).label(), "Shift-Tab");
        assert_eq!(Plain(KeyCode::Tab).label(), "Tab");
    }

    #[test]
    fn ctrl_z_suspends_everywhere_and_plain_z_does_not() {
        let ctrl_z = KeyEvent::new(Char('z'), KeyModifiers::CONTROL);
        for mode in Mode::ALL {
            assert_eq!(action_for(mode, ctrl_z), Some(Action::Suspend), "{mode:?}");
        }
        assert_eq!(normal(Char('z')), None);
    }

    #[test]
    fn the_prompt_takes_clock_characters_only() {
        let prompt = |code| action_for(Mode::Prompt, press(code));
        for c in "0123456789+:".chars() {
            assert_eq!(prompt(Char(c)), Some(Action::PromptType(c)));
        }
        for c in "aq -'".chars() {
            assert_eq!(prompt(Char(c)), None, "{c:?}");
        }
        assert_eq!(prompt(KeyCode::Enter), Some(Action::PromptSubmit));
        assert_eq!(prompt(KeyCode::Esc), Some(Action::PromptCancel));
        assert_eq!(prompt(KeyCode::Backspace), Some(Action::PromptBackspace));
    }

    #[test]
    fn the_search_prompt_takes_any_text_but_not_ctrl_keys() {
        let search = |key| action_for(Mode::Search, key);
        for c in "aqQ 'é/?1n".chars() {
            assert_eq!(search(press(Char(c))), Some(Action::PromptType(c)), "{c:?}");
        }
        let shifted = KeyEvent::new(Char('M'), KeyModifiers::SHIFT);
        assert_eq!(search(shifted), Some(Action::PromptType('M')));
        let alt = KeyEvent::new(Char('b'), KeyModifiers::ALT);
        assert_eq!(search(alt), None);
        assert_eq!(search(press(KeyCode::Enter)), Some(Action::PromptSubmit));
        assert_eq!(search(press(KeyCode::Esc)), Some(Action::PromptCancel));
    }

    #[test]
    fn the_filter_menu_offers_each_filter_and_closes_with_esc_or_f() {
        let menu = |code| action_for(Mode::Filter, press(code));
        let choices = [
            ('g', Action::FilterGoals),
            ('c', Action::FilterCards),
            ('h', Action::FilterHome),
            ('a', Action::FilterAway),
            ('p', Action::FilterPlayer),
            ('x', Action::ClearFilter),
        ];
        for (c, action) in choices {
            assert_eq!(menu(Char(c)), Some(action), "{c}");
        }
        assert_eq!(menu(KeyCode::Esc), Some(Action::CloseFilter));
        assert_eq!(menu(Char('f')), Some(Action::CloseFilter));
        assert_eq!(menu(KeyCode::Right), None, "no stepping under the menu");
    }

    #[test]
    fn help_closes_with_esc_question_mark_or_q() {
        for code in [KeyCode::Esc, Char('?'), Char('q')] {
            assert_eq!(action_for(Mode::Help, press(code)), Some(Action::CloseHelp));
        }
        assert_eq!(action_for(Mode::Help, press(KeyCode::Right)), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in Mode::ALL {
            let keys: Vec<Key> = bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} bound twice in {mode:?}");
            }
        }
        assert_eq!(Keymap::default().conflict(), None);
    }

    #[test]
    fn every_label_reads_back_as_its_key() {
        for binding in KEYMAP {
            for &key in binding.keys.iter() {
                if key != Key::ClockChar && key != Key::TextChar {
                    assert_eq!(key.label().parse::<Key>(), Ok(key), "{key:?}");
                }
            }
        }
        for key in [Plain(KeyCode::F(5)), Plain(KeyCode::Delete), Ctrl('x')] {
            assert_eq!(key.label().parse::<Key>(), Ok(key));
        }
    }

    #[test]
    fn key_names_ignore_case_but_letters_keep_it() {
        assert_eq!("pagedown".parse(), Ok(Plain(KeyCode::PageDown)));
        assert_eq!("ESCAPE".parse(), Ok(Plain(KeyCode::Esc)));
        assert_eq!("ctrl-Q".parse(), Ok(Ctrl('q')));
        assert_eq!("G".parse(), Ok(Plain(Char('G'))));
        assert_eq!("g".parse(), Ok(Plain(Char('g'))));
        assert_eq!("é".parse(), Ok(Plain(Char('é'))));
        for bad in ["", "Rigth", "Ctrl-", "Ctrl-1", "F13", "F0", "\u{7}", "ab"] {
            let err = bad.parse::<Key>().unwrap_err();
            assert!(
                err.to_string().contains("expected one character"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn rebinding_swaps_keys_in_the_one_table() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(
                Mode::Normal,
                Action::NextEvent,
                &[Plain(Char('n')), Plain(Char('n'))],
            )
            .unwrap();
        let press_n = press(Char('n'));
        assert_eq!(
            keymap.action_for(Mode::Normal, press_n),
            Some(Action::NextEvent)
        );
        assert_eq!(keymap.action_for(Mode::Normal, press(KeyCode::Right)), None);
        assert_eq!(
            action_for(Mode::Normal, press(KeyCode::Right)),
            Some(Action::NextEvent)
        );
        let row = keymap
            .bindings(Mode::Normal)
            .find(|b| b.command == Command::Do(Action::NextEvent))
            .unwrap();
        assert_eq!(&*row.keys, &[Plain(Char('n'))], "listed twice, kept once");
        assert_eq!(
            keymap.bindings(Mode::Normal).count(),
            bindings(Mode::Normal).count(),
            "still one row per binding"
        );
    }

    #[test]
    fn two_actions_may_swap_keys_but_not_share_one() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(Mode::Normal, Action::NextGoal, &[Plain(Char('['))])
            .unwrap();
        let conflict = keymap.conflict().expect("[ is also the previous goal");
        assert_eq!(conflict.key, Plain(Char('[')));
        assert_eq!(
            conflict.to_string(),
            "key \"[\" would do both next_goal and prev_goal in the replay keys, expected each key to do one thing"
        );
        keymap
            .rebind(Mode::Normal, Action::PrevGoal, &[Plain(Char(']'))])
            .unwrap();
        assert_eq!(keymap.conflict(), None);
        assert_eq!(
            keymap.action_for(Mode::Normal, press(Char('['))),
            Some(Action::NextGoal)
        );
    }

    #[test]
    fn a_digit_in_the_prompt_conflicts_with_typing_the_minute() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(Mode::Prompt, Action::PromptSubmit, &[Plain(Char('5'))])
            .unwrap();
        let conflict = keymap.conflict().unwrap();
        assert!(
            conflict
                .to_string()
                .contains("typing the minute and prompt_submit"),
            "{conflict}"
        );
    }

    #[test]
    fn a_letter_in_the_search_prompt_conflicts_with_typing_the_search() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(Mode::Search, Action::PromptSubmit, &[Plain(Char('q'))])
            .unwrap();
        let conflict = keymap.conflict().unwrap();
        assert!(
            conflict
                .to_string()
                .contains("typing the search and prompt_submit in the search keys"),
            "{conflict}"
        );
        let mut keymap = Keymap::default();
        keymap
            .rebind(Mode::Search, Action::PromptSubmit, &[Plain(KeyCode::F(3))])
            .unwrap();
        assert_eq!(keymap.conflict(), None, "a function key types nothing");
    }

    #[test]
    fn rebinding_refuses_actions_of_other_modes_and_empty_lists() {
        let mut keymap = Keymap::default();
        let err = keymap
            .rebind(Mode::Normal, Action::PromptSubmit, &[Plain(Char('x'))])
            .unwrap_err();
        assert!(err.to_string().starts_with("prompt_submit is not one of the replay keys, expected one of next_event, prev_event"), "{err}");
        let err = keymap.rebind(Mode::Normal, Action::Quit, &[]).unwrap_err();
        assert!(err.to_string().contains("no keys for quit"), "{err}");
        assert_eq!(keymap, Keymap::default());
    }

    #[test]
    fn hints_name_rebound_keys() {
        let hint = |keymap: &Keymap, action: Action| {
            let row = keymap
                .bindings(Mode::Normal)
                .find(|b| b.command == Command::Do(action))
                .unwrap();
            keymap.hint_keys(row)
        };
        let mut keymap = Keymap::default();
        assert_eq!(hint(&keymap, Action::NextEvent).as_deref(), Some("←→"));
        assert_eq!(hint(&keymap, Action::PrevEvent), None);
        keymap
            .rebind(Mode::Normal, Action::PrevEvent, &[Plain(Char('b'))])
            .unwrap();
        assert_eq!(hint(&keymap, Action::NextEvent).as_deref(), Some("b/Right"));
        keymap
            .rebind(Mode::Normal, Action::Quit, &[Plain(Char('x'))])
            .unwrap();
        assert_eq!(hint(&keymap, Action::Quit).as_deref(), Some("x"));
        assert_eq!(hint(&keymap, Action::OpenHelp).as_deref(), Some("?"));
    }

    #[test]
    fn actions_and_modes_have_snake_case_names() {
        assert_eq!(Action::NextEvent.name(), "next_event");
        assert_eq!(Action::ToggleAllEvents.name(), "toggle_all_events");
        assert_eq!(Mode::Normal.name(), "replay");
        assert_eq!(Mode::Prompt.name(), "prompt");
    }

    #[test]
    fn the_match_list_moves_with_arrows_and_filters_after_a_slash() {
        let list = |code| action_for(Mode::Library, press(code));
        assert_eq!(list(KeyCode::Down), Some(Action::ListDown));
        assert_eq!(list(Char('k')), Some(Action::ListUp));
        assert_eq!(list(KeyCode::Enter), Some(Action::ListOpen));
        assert_eq!(list(Char('/')), Some(Action::ListFilter));
        assert_eq!(list(Char('s')), Some(Action::ToggleSpoilers));
        assert_eq!(list(Char('q')), Some(Action::Quit));
        assert_eq!(list(KeyCode::Esc), Some(Action::ListFilterClear));
        // Typing, every character is text: `s`, `q` and `j` included.
        let typing = |code| action_for(Mode::LibraryFilter, press(code));
        for c in "sqj/ 2é".chars() {
            assert_eq!(typing(Char(c)), Some(Action::ListFilterType(c)), "{c:?}");
        }
        let shifted = KeyEvent::new(Char('F'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::LibraryFilter, shifted),
            Some(Action::ListFilterType('F'))
        );
        assert_eq!(typing(KeyCode::Down), Some(Action::ListDown));
        assert_eq!(typing(KeyCode::Enter), Some(Action::ListOpen));
        assert_eq!(typing(KeyCode::Esc), Some(Action::ListFilterDone));
        assert_eq!(
            typing(KeyCode::Backspace),
            Some(Action::ListFilterBackspace)
        );
    }

    #[test]
    fn labels_name_keys_in_words() {
        assert_eq!(Plain(KeyCode::Right).label(), "Right");
        assert_eq!(Plain(Char(' ')).label(), "Space");
        assert_eq!(Ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::ClockChar.label(), "0-9 + :");
        assert_eq!(Plain(Char('\'')).label(), "'");
    }
}
