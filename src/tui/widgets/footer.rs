//! The footer: the main keys, generated from the keymap's hints, or a
//! one-off message such as "No goal after this moment". While a search
//! is on it starts with the search and its count ("/kane · hit 2"), so
//! the fan always sees what n and N will look for.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::line::{draw_line, fit_line};
use crate::tui::action::{Action, Global};
use crate::tui::app::App;
use crate::tui::keymap::{Binding, Command, Keymap, Section};
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

/// The hints of `section`'s bindings that fit in `width` columns, in table
/// order, skipping those that do not fit. The keys for quitting and for
/// help are kept whatever the width and come last, help at the very end:
/// it leads to all the others, and a fan should never have to guess how
/// to leave. The keys are the ones in force (see
/// [`Keymap::hint_keys`](crate::tui::keymap::Keymap::hint_keys)).
pub fn hints(theme: &Theme, keymap: &Keymap, section: Section, width: usize) -> Line<'static> {
    // 0 for most, 1 for quit, 2 for help: the order they end the line in.
    let rank = |b: &Binding| match b.command {
        Command::Do(Action::Global(Global::Quit)) => 1,
        Command::Do(Action::Global(Global::OpenHelp)) => 2,
        _ => 0,
    };
    let mut hints: Vec<(String, &str, u8)> = keymap
        .bindings(section)
        .filter_map(|b| Some((keymap.hint_keys(b)?, b.hint?.1, rank(b))))
        .collect();
    // Stable, so the others keep their table order.
    hints.sort_by_key(|h| h.2);
    let item = |key: &str, word: &str| {
        vec![
            Span::styled(key.to_owned(), theme.key()),
            Span::styled(format!(" {word}"), theme.dim()),
        ]
    };
    let room = |key: &str, word: &str| crate::text::width(key) + 1 + crate::text::width(word) + 2;
    let reserve: usize = hints
        .iter()
        .filter(|h| h.2 > 0)
        .map(|(key, word, _)| room(key, word))
        .sum::<usize>()
        .saturating_sub(2);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, word, _) in hints.iter().filter(|h| h.2 == 0) {
        let w = room(key, word);
        if used + w + reserve > width {
            // A shorter hint further on may still fit.
            continue;
        }
        spans.extend(item(key, word));
        spans.push(Span::raw("  "));
        used += w;
    }
    for (i, (key, word, _)) in hints.iter().filter(|h| h.2 > 0).enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.extend(item(key, word));
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
        let line = match (self.app.message(), problem, self.app.search_status()) {
            (Some(message), ..) => fit_line(
                Line::from(vec![Span::raw(" "), Span::styled(message, theme.strong())]),
                width,
            ),
            // Until the file is good again, the status line says why the
            // screen shows an older version.
            (None, Some(problem), _) => fit_line(
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(format!("⚠ {problem}"), theme.error()),
                ]),
                width,
            ),
            (None, None, Some(search)) => {
                let search = format!(" {search} ");
                let used = crate::text::width(&search);
                let mut spans = vec![Span::styled(search, theme.hit())];
                let rest = width.saturating_sub(used);
                spans.extend(hints(theme, self.app.keymap(), self.app.section(), rest).spans);
                fit_line(Line::from(spans), width)
            }
            (None, None, None) => hints(theme, self.app.keymap(), self.app.section(), width),
        };
        draw_line(buf, area, area.x, area.y, &line);
    }
}
