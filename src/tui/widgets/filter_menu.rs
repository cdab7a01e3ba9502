//! The filter menu (`f`), drawn over the footer row: each choice with its
//! key, the teams and the player by name, so the fan sees what `h`, `a`
//! and `p` would pick before pressing them. The keys and their order come
//! from the keymap's filter bindings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::line::{draw_line, fit_line};
use crate::model::Side;
use crate::text;
use crate::tui::action::{Action, ViewerAction};
use crate::tui::app::App;
use crate::tui::keymap::{Command, Section};

/// Draws the filter menu of an [`App`].
pub struct FilterMenuWidget<'a> {
    app: &'a App,
}

impl<'a> FilterMenuWidget<'a> {
    /// The filter menu of `app`.
    pub fn new(app: &'a App) -> Self {
        Self { app }
    }

    /// The words for a choice: the keymap's, with the teams and the
    /// player named; dimmed when the choice would find nobody.
    fn word(&self, action: Action, hint: &str) -> (String, Style) {
        let theme = self.app.theme();
        let info = &self.app.replay().game().info;
        match action {
            Action::Viewer(ViewerAction::FilterHome | ViewerAction::FilterAway) => {
                let side = if action == Action::Viewer(ViewerAction::FilterHome) {
                    Side::Home
                } else {
                    Side::Away
                };
                (
                    text::sanitize_line(&info.team(side).name).into_owned(),
                    theme.text(),
                )
            }
            Action::Viewer(ViewerAction::FilterPlayer) => match self.app.moment_player() {
                Some(name) => (
                    text::sanitize_line(text::surname(&name)).into_owned(),
                    theme.text(),
                ),
                None => ("player (none here)".to_owned(), theme.dim()),
            },
            _ => (hint.to_owned(), theme.dim()),
        }
    }
}

impl Widget for FilterMenuWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = self.app.theme();
        let row = Rect { height: 1, ..area };
        buf.set_style(row, Style::reset());
        for x in row.left()..row.right() {
            if let Some(cell) = buf.cell_mut((x, row.y)) {
                cell.set_symbol(" ");
            }
        }
        let mut spans = vec![Span::styled(" Only: ", theme.strong())];
        let keymap = self.app.keymap();
        for binding in keymap.bindings(Section::Filter) {
            let (Some((_, hint)), Command::Do(action)) = (binding.hint, binding.command) else {
                continue;
            };
            let Some(key) = keymap.hint_keys(binding) else {
                continue;
            };
            let (word, style) = self.word(action, hint);
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::styled(format!(" {word}"), style));
            spans.push(Span::raw("  "));
        }
        let line = fit_line(Line::from(spans), area.width as usize);
        draw_line(buf, row, row.x, row.y, &line);
    }
}
