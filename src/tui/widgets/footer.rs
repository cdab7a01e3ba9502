//! The footer: the main keys, generated from the keymap's hints, or a
//! one-off message such as "No goal after this moment".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_line, fit_line};
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};

/// Draws the footer of an [`App`].
pub struct FooterWidget<'a> {
    app: &'a App,
}

impl<'a> FooterWidget<'a> {
    /// The footer of `app`.
    pub fn new(app: &'a App) -> Self {
        Self { app }
    }
}

/// The hints of `mode`'s bindings that fit in `width` columns, in table
/// order, skipping those that do not fit; the help key is kept whatever
/// the width, since it leads to all the others.
pub fn hints(app: &App, mode: Mode, width: usize) -> Line<'static> {
    let theme = app.theme();
    let hints: Vec<(&str, &str)> = keymap::bindings(mode).filter_map(|b| b.hint).collect();
    let item = |(key, word): (&str, &str)| {
        vec![
            Span::styled(key.to_owned(), theme.key()),
            Span::styled(format!(" {word}"), theme.dim()),
        ]
    };
    let help = hints.iter().copied().find(|(k, _)| *k == "?");
    let reserve = help.map_or(0, |(k, w)| crate::text::width(k) + 1 + w.len());
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for hint in hints.iter().copied().filter(|h| Some(*h) != help) {
        let w = crate::text::width(hint.0) + 1 + hint.1.len() + 2;
        if used + w + reserve > width {
            // A shorter hint further on may still fit.
            continue;
        }
        spans.extend(item(hint));
        spans.push(Span::raw("  "));
        used += w;
    }
    if let Some(help) = help {
        spans.extend(item(help));
    }
    fit_line(Line::from(spans), width)
}

impl Widget for FooterWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let width = area.width as usize;
        let line = match self.app.message() {
            Some(message) => fit_line(
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(message.to_owned(), self.app.theme().strong()),
                ]),
                width,
            ),
            None => hints(self.app, self.app.mode(), width),
        };
        draw_line(buf, area, area.x, area.y, &line);
    }
}
