//! How a screen looks and which keys it takes: the [`Look`] that the
//! viewer and the match list both hold, and the [`Setup`] a fan's config
//! file gives them.

use super::clipboard::Clipboard;
use super::keymap::Keymap;
use super::theme::{ColorMode, Theme};
use crate::config::Palette;
use crate::model::MatchInfo;

/// What the fan set up that every screen shares: the keys, the colours,
/// and how the clipboard is reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// The key bindings in force.
    pub keymap: Keymap,
    /// Colours changed from touchline's own.
    pub palette: Palette,
    /// The route to the clipboard, for `y`.
    pub clipboard: Clipboard,
}

impl Default for Setup {
    /// The default keys and colours, with a terminal that may or may not
    /// take OSC 52.
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            palette: Palette::default(),
            clipboard: Clipboard::MaybeTerminal,
        }
    }
}

/// A screen's styles and keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Look {
    /// The styles in use.
    pub theme: Theme,
    /// The key bindings in force.
    pub keymap: Keymap,
    /// The fan's colours, kept to restyle for another match.
    pub palette: Palette,
}

impl Look {
    /// Touchline's own keys and colours for a match between `info`'s
    /// teams.
    pub fn for_match(mode: ColorMode, info: &MatchInfo) -> Self {
        Self {
            theme: Theme::new(mode, info),
            keymap: Keymap::default(),
            palette: Palette::default(),
        }
    }

    /// Touchline's own keys and colours for a screen about no one match.
    pub fn plain(mode: ColorMode) -> Self {
        Self {
            theme: Theme::plain(mode, &Palette::default()),
            keymap: Keymap::default(),
            palette: Palette::default(),
        }
    }

    /// Takes `setup`'s keys and colours, styled for `info`'s teams (no
    /// teams: the match list).
    pub fn set_up(&mut self, setup: &Setup, info: Option<&MatchInfo>) {
        self.keymap = setup.keymap.clone();
        self.palette = setup.palette.clone();
        self.restyle(info);
    }

    /// Builds the styles again for `info`'s teams (a new version of a
    /// followed match), keeping the fan's colours.
    pub fn restyle(&mut self, info: Option<&MatchInfo>) {
        let mode = self.theme.mode;
        self.theme = match info {
            Some(info) => Theme::with_palette(mode, info, &self.palette),
            None => Theme::plain(mode, &self.palette),
        };
    }
}
