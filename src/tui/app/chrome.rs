//! The viewer's chrome: which of its modes is up (the replay, a prompt,
//! the filter menu), what the prompt holds, the footer's notice, which
//! view fills the middle, whether spoilers are shown, how far the
//! commentary is scrolled, and the last frame's layout facts.

use super::super::keymap::Section;
use super::super::notice::Notice;
use super::super::viewport::{Scroll, Viewport};
use super::super::views::View;

/// Which of the viewer's own states is up, and so which keys are in
/// force ([`Mode::section`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Replaying: stepping, playing, jumping.
    #[default]
    Replay,
    /// The minute prompt is open.
    Prompt,
    /// The search prompt is open.
    Search,
    /// The filter menu is open.
    Filter,
}

impl Mode {
    /// The keymap's section for this mode.
    pub fn section(self) -> Section {
        match self {
            Mode::Replay => Section::Replay,
            Mode::Prompt => Section::Prompt,
            Mode::Search => Section::Search,
            Mode::Filter => Section::Filter,
        }
    }
}

/// The minute prompt's text and its complaint, if the last entry was
/// refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    /// What has been typed.
    pub input: String,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// The longest entry the minute prompt accepts (`"120+15:59"` is 9).
pub(super) const PROMPT_MAX: usize = 9;

/// The longest search, in characters: a few names' worth.
pub(super) const SEARCH_MAX: usize = 40;

/// Everything about how the viewer is shown, apart from the match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chrome {
    pub(super) mode: Mode,
    pub(super) prompt: Prompt,
    pub(super) notice: Option<Notice>,
    pub(super) view: View,
    pub(super) spoilers: bool,
    /// How far the commentary is scrolled, in lines.
    pub(super) scroll: usize,
    /// The last frame's layout facts; `None` before the first.
    pub(super) viewport: Option<Viewport>,
    /// Whether the pointer holds the progress bar (pressed on it and not
    /// yet released), so a drag seeks even off the bar's row.
    pub(super) dragging: bool,
}

impl Chrome {
    /// Opens the minute or the search prompt, empty.
    pub(super) fn open(&mut self, mode: Mode) {
        self.prompt = Prompt::default();
        self.mode = mode;
    }

    /// Types `c` into the open prompt, if it has room.
    pub(super) fn type_char(&mut self, c: char) {
        let room = match self.mode {
            Mode::Search => self.prompt.input.chars().count() < SEARCH_MAX,
            _ => self.prompt.input.len() < PROMPT_MAX,
        };
        if room {
            self.prompt.input.push(c);
        }
        self.prompt.error = None;
    }

    /// Deletes the prompt's last character.
    pub(super) fn backspace(&mut self) {
        self.prompt.input.pop();
        self.prompt.error = None;
    }

    /// The commentary's scrolling on the last frame: a page is the panel's
    /// height less the two lines that may carry the "more above/below"
    /// notes, so no line is skipped.
    fn commentary(&self) -> Scroll {
        self.viewport.map_or(Scroll::UNKNOWN, |v| v.commentary)
    }

    /// Scrolls the commentary a page down (`down`) or up, no further
    /// than it goes.
    pub(super) fn scroll_commentary(&mut self, down: bool) {
        let Scroll { page, max } = self.commentary();
        self.scroll = if down {
            (self.scroll + page).min(max)
        } else {
            self.scroll.saturating_sub(page).min(max)
        };
    }

    /// The help's scrolling on the last frame.
    pub(super) fn help(&self) -> Scroll {
        self.viewport.map_or(Scroll::UNKNOWN, |v| v.help)
    }
}
