//! The minute and search prompts, drawn over the footer row: what has been
//! typed, a cursor, the keys, and why the last entry was refused.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::footer::hints;
use super::line::{draw_line, fit_line};
use crate::tui::app::{App, Mode};
use crate::tui::keymap::Section;

/// Draws the open prompt of an [`App`].
pub struct PromptWidget<'a> {
    app: &'a App,
}

impl<'a> PromptWidget<'a> {
    /// The prompt of `app`.
    pub fn new(app: &'a App) -> Self {
        Self { app }
    }
}

impl Widget for PromptWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = self.app.theme();
        let prompt = self.app.prompt();
        let row = Rect { height: 1, ..area };
        buf.set_style(row, ratatui::style::Style::reset());
        for x in row.left()..row.right() {
            if let Some(cell) = buf.cell_mut((x, row.y)) {
                cell.set_symbol(" ");
            }
        }
        let (label, section) = match self.app.mode() {
            Mode::Search => (" Search: ", Section::Search),
            _ => (" Go to minute: ", Section::Prompt),
        };
        let mut spans = vec![
            Span::styled(label, theme.strong()),
            Span::raw(prompt.input.clone()),
            // A drawn cursor: the widget cannot move the terminal's own.
            Span::styled(" ", theme.text().add_modifier(Modifier::REVERSED)),
            Span::raw("  "),
        ];
        match &prompt.error {
            Some(error) => spans.push(Span::styled(error.clone(), theme.error())),
            None => {
                let used: usize = spans.iter().map(|s| crate::text::width(&s.content)).sum();
                let room = (area.width as usize).saturating_sub(used);
                spans.extend(hints(self.app.theme(), self.app.keymap(), section, room).spans);
            }
        }
        let line = fit_line(Line::from(spans), area.width as usize);
        draw_line(buf, row, row.x, row.y, &line);
    }
}
