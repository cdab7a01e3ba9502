//! The footer: the main keys, generated from the keymap's hints, or a
//! one-off message such as "No goal after this moment".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_line, fit_line};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Command, Keymap, Mode};
use crate::tui::theme::Theme;

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
/// the width, since it leads to all the others. The keys are the ones in
/// force (see [`Keymap::hint_keys`](crate::tui::keymap::Keymap::hint_keys)).
pub fn hints(theme: &Theme, keymap: &Keymap, mode: Mode, width: usize) -> Line<'static> {
    let hints: Vec<(String, &str, bool)> = keymap
        .bindings(mode)
        .filter_map(|b| {
            let is_help = b.command == Command::Do(Action::OpenHelp);
            Some((keymap.hint_keys(b)?, b.hint?.1, is_help))
        })
        .collect();
    let item = |(key, word): (&str, &str)| {
        vec![
            Span::styled(key.to_owned(), theme.key()),
            Span::styled(format!(" {word}"), theme.dim()),
        ]
    };
    let help = hints.iter().find(|h| h.2);
    let reserve = help.map_or(0, |(k, w, _)| crate::text::width(k) + 1 + w.len());
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, word, _) in hints.iter().filter(|h| !h.2) {
        let w = crate::text::width(key) + 1 + word.len() + 2;
        if used + w + reserve > width {
            // A shorter hint further on may still fit.
            continue;
        }
        spans.extend(item((key, word)));
        spans.push(Span::raw("  "));
        used += w;
    }
    if let Some((key, word, _)) = help {
        spans.extend(item((key, word)));
    }
    fit_line(Line::from(spans), width)
}

impl Widget for FooterWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let width = area.width as usize;
        let theme = self.app.theme();
        let problem = self.app.live().and_then(|live| live.problem.as_deref());
        let line = match (self.app.message(), problem) {
            (Some(message), _) => fit_line(
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(message.to_owned(), theme.strong()),
                ]),
                width,
            ),
            // Until the file is good again, the status line says why the
            // screen shows an older version.
            (None, Some(problem)) => fit_line(
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(format!("⚠ {problem}"), theme.error()),
                ]),
                width,
            ),
            (None, None) => hints(theme, self.app.keymap(), self.app.mode(), width),
        };
        draw_line(buf, area, area.x, area.y, &line);
    }
}
