//! The one table of key bindings. It turns key presses into [`Action`]s
//! and is the source of the footer's hints and of the help screen, so what
//! the screen says a key does is what the key does.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Which set of bindings is in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Replaying: stepping, playing, jumping.
    Normal,
    /// The help screen is open.
    Help,
    /// The minute prompt is open.
    Prompt,
}

impl Mode {
    /// Every mode, in the order the help screen lists them.
    pub const ALL: [Mode; 3] = [Mode::Normal, Mode::Prompt, Mode::Help];

    /// The heading of this mode's section on the help screen.
    pub const fn title(self) -> &'static str {
        match self {
            Mode::Normal => "Replay",
            Mode::Prompt => "Minute prompt (: or t)",
            Mode::Help => "This help screen",
        }
    }
}

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A key pressed without Ctrl or Alt. Shift is allowed, because
    /// terminals report `G`, `?`, `+` and `:` with or without it.
    Plain(KeyCode),
    /// A letter with Ctrl held.
    Ctrl(char),
    /// Any character a clock can be typed with: a digit, `+` or `:`.
    ClockChar,
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
                other => other.to_string(),
            },
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::ClockChar => "0-9 + :".to_owned(),
        }
    }
}

/// What a binding does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Apply this action.
    Do(Action),
    /// Type the pressed character into the minute prompt.
    Type,
}

/// One row of the table: in `mode`, any of `keys` runs `command`.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Where the binding applies.
    pub mode: Mode,
    /// The keys, the first being the one hints show.
    pub keys: &'static [Key],
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
        keys,
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
        "Full time",
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
        &[Plain(Char('q')), Plain(KeyCode::Esc), Ctrl('c')],
        Action::Quit,
        "Quit",
        Some(("q", "quit")),
    ),
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::ClockChar],
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
    bind(
        Mode::Help,
        &[Plain(KeyCode::Esc), Plain(Char('?')), Plain(Char('q'))],
        Action::CloseHelp,
        "Close the help",
        Some(("Esc", "close")),
    ),
    bind(Mode::Help, &[Ctrl('c')], Action::Quit, "Quit", None),
    bind(Mode::Help, &[Ctrl('z')], Action::Suspend, "Suspend", None),
];

/// The bindings of one mode, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.mode == mode)
}

/// The action a key event asks for in `mode`. Only presses count: some
/// terminals also report releases (and repeats), and acting on those
/// would do everything twice.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    bindings(mode).find_map(|binding| {
        let typed = binding.keys.iter().find_map(|k| k.matches(&key))?;
        Some(match binding.command {
            Command::Do(action) => action,
            Command::Type => Action::PromptType(typed),
        })
    })
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
            (KeyCode::Esc, Action::Quit),
            (KeyCode::Tab, Action::NextView),
            (KeyCode::BackTab, Action::PrevView),
            (Char('a'), Action::ToggleAllEvents),
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
    }

    #[test]
    fn labels_name_keys_in_words() {
        assert_eq!(Plain(KeyCode::Right).label(), "Right");
        assert_eq!(Plain(Char(' ')).label(), "Space");
        assert_eq!(Ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::ClockChar.label(), "0-9 + :");
    }
}
