//! The layout facts of the last frame that the state needs: how big the
//! screen is (for the mouse), and how far a page of scrolling moves and
//! how far it can go, for the commentary, the help and the match list.
//! The widgets measure them after drawing
//! ([`widgets::measure`](super::widgets::measure),
//! [`picker::view::measure`](super::picker::view::measure)) and the event
//! loop hands them in, so the state never asks the drawing code, and what
//! scrolling stops at is what the fan saw.

use ratatui::layout::Rect;

/// How far a page of scrolling moves and the furthest it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scroll {
    /// Lines a page moves.
    pub page: usize,
    /// The furthest it scrolls.
    pub max: usize,
}

impl Scroll {
    /// Before the first frame: pages of ten, no end known.
    pub const UNKNOWN: Scroll = Scroll {
        page: 10,
        max: usize::MAX,
    };
}

impl Default for Scroll {
    /// [`Scroll::UNKNOWN`].
    fn default() -> Self {
        Scroll::UNKNOWN
    }
}

/// The viewer's layout facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Viewport {
    /// The screen.
    pub area: Rect,
    /// The commentary panel's scrolling (none to do without the panel).
    pub commentary: Scroll,
    /// The help screen's scrolling.
    pub help: Scroll,
}
