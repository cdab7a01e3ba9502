//! The help screen, generated from the keymap table: every binding of
//! every mode, with its keys and description, so it cannot disagree with
//! what the keys do. A note on how the pitch view steps and a legend of
//! the timeline's symbols follow.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{draw_line, fit_line, panel, wrap};
use crate::model::Card;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, Mode};

/// Draws the help screen over the whole area.
pub struct HelpWidget<'a> {
    app: &'a App,
}

/// The timeline's symbols and what they stand for.
const LEGEND: [(&str, &str); 11] = [
    ("◉", "goal"),
    ("✗", "penalty missed"),
    ("⊚", "penalty awarded"),
    ("▮", "card"),
    ("⇄", "substitution"),
    ("▭", "VAR review"),
    ("◌", "chance"),
    ("↯", "foul"),
    ("»", "period starts"),
    ("∎", "period ends"),
    ("∙", "other moment"),
];

/// How stepping differs on the pitch view (see [`App`]'s module notes);
/// short enough to fit on one line under the replay keys at 80x24.
const PITCH_NOTE: &str = "Pitch view: ←→ and play go action by action.";

impl<'a> HelpWidget<'a> {
    /// The help screen of `app`.
    pub fn new(app: &'a App) -> Self {
        Self { app }
    }

    fn keys(binding: &Binding) -> String {
        binding
            .keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One mode's section: heading, then a row per binding.
    fn section(&self, mode: Mode, width: usize) -> Vec<Line<'static>> {
        let theme = self.app.theme();
        let bindings: Vec<&Binding> = self.app.keymap().bindings(mode).collect();
        let key_w = bindings
            .iter()
            .map(|b| text::width(&Self::keys(b)))
            .max()
            .unwrap_or(0)
            .min(width / 3)
            + 2;
        let mut lines = vec![Line::styled(mode.title().to_owned(), theme.title())];
        for binding in bindings {
            let keys = text::truncate(&Self::keys(binding), key_w - 2).into_owned();
            let pad = " ".repeat(key_w - text::width(&keys));
            lines.push(fit_line(
                Line::from(vec![
                    Span::styled(keys, theme.key()),
                    Span::raw(pad),
                    Span::raw(binding.description),
                ]),
                width,
            ));
        }
        lines
    }

    /// The symbols, packed several to a line.
    fn legend(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.app.theme();
        let mut lines = vec![Line::styled("Timeline symbols", theme.title())];
        let mut current: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for (symbol, meaning) in LEGEND {
            let w = 2 + text::width(meaning);
            if used > 0 && used + 2 + w > width {
                lines.push(Line::from(std::mem::take(&mut current)));
                used = 0;
            }
            if used > 0 {
                current.push(Span::raw("  "));
                used += 2;
            }
            let style = if symbol == "▮" {
                theme.card(Card::Yellow)
            } else {
                theme.strong()
            };
            current.push(Span::styled(symbol, style));
            current.push(Span::raw(format!(" {meaning}")));
            used += w;
        }
        if !current.is_empty() {
            lines.push(Line::from(current));
        }
        lines.into_iter().map(|l| fit_line(l, width)).collect()
    }

    /// The widths of the columns at `width`: the replay keys beside the
    /// rest when there is room, otherwise one column.
    fn widths(width: usize) -> Vec<usize> {
        if width >= 70 {
            let left = width * 3 / 5;
            vec![left, width - left - GUTTER as usize]
        } else {
            vec![width]
        }
    }

    /// The lines of each column at `width`.
    pub fn columns(&self, width: usize) -> Vec<Vec<Line<'static>>> {
        let widths = Self::widths(width);
        let last = widths[widths.len() - 1];
        let mut sections: Vec<Vec<Line<'static>>> = Mode::ALL
            .iter()
            .enumerate()
            .map(|(i, &mode)| self.section(mode, if i == 0 { widths[0] } else { last }))
            .collect();
        if let Some(replay) = sections.first_mut() {
            let dim = self.app.theme().dim();
            replay.extend(
                wrap(PITCH_NOTE, widths[0])
                    .into_iter()
                    .map(|line| Line::styled(line, dim)),
            );
        }
        sections.push(self.legend(last));
        let join = |parts: &[Vec<Line<'static>>]| {
            let mut out = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(Line::default());
                }
                out.extend(part.iter().cloned());
            }
            out
        };
        if widths.len() == 2 {
            vec![join(&sections[..1]), join(&sections[1..])]
        } else {
            vec![join(&sections)]
        }
    }
}

/// Columns between the two columns.
const GUTTER: u16 = 3;

impl Widget for HelpWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let width = area.width.min(86);
        let inner_w = width.saturating_sub(4) as usize;
        let columns = self.columns(inner_w);
        let needed = columns.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2;
        let height = needed.min(area.height);
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(rect, buf);
        let inner = if rect.width >= 8 && rect.height >= 3 {
            let block = panel("Help · touchline", self.app);
            let inner = block.inner(rect);
            block.render(rect, buf);
            Rect {
                x: inner.x + 1,
                width: inner.width.saturating_sub(2),
                ..inner
            }
        } else {
            rect
        };
        let widths = Self::widths(inner.width as usize);
        let mut x = inner.x;
        for (lines, &col_w) in columns.iter().zip(&widths) {
            let clip = Rect {
                x,
                width: col_w as u16,
                ..inner
            };
            x = x.saturating_add(col_w as u16 + GUTTER);
            for (i, line) in lines.iter().take(inner.height as usize).enumerate() {
                draw_line(buf, clip, clip.x, inner.y + i as u16, line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::replay::Replay;
    use crate::tui::{Action, AppOptions, ColorMode};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(w: u16, h: u16) -> String {
        screen_with(w, h, crate::tui::keymap::Keymap::default())
    }

    fn screen_with(w: u16, h: u16, keymap: crate::tui::keymap::Keymap) -> String {
        let options = AppOptions {
            colors: ColorMode::None,
            ..AppOptions::default()
        };
        let mut app = App::new(Replay::new(import::bundled().game), options).with_keymap(keymap);
        app.update(Action::OpenHelp);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn the_help_screen_lists_every_binding_of_the_keymap() {
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = screen(w, h);
            for binding in crate::tui::keymap::KEYMAP {
                assert!(
                    screen.contains(binding.description),
                    "{w}x{h}: {:?} missing",
                    binding.description
                );
                for key in binding.keys.iter() {
                    assert!(
                        screen.contains(&key.label()),
                        "{w}x{h}: key {key:?} missing"
                    );
                }
            }
            for mode in Mode::ALL {
                assert!(screen.contains(mode.title()));
            }
        }
    }

    #[test]
    fn the_help_shows_keys_a_config_file_gave() {
        use crate::tui::keymap::{Key, Keymap};
        use crossterm::event::KeyCode;
        let mut keymap = Keymap::default();
        keymap
            .rebind(
                Mode::Normal,
                Action::NextEvent,
                &[Key::Plain(KeyCode::F(6)), Key::Ctrl('n')],
            )
            .unwrap();
        let screen = screen_with(120, 40, keymap);
        let row = screen
            .lines()
            .find(|l| l.contains("Next moment"))
            .expect("the next-moment row");
        assert!(row.contains("F6 Ctrl-N"), "{row}");
        assert!(!row.contains("Right"), "{row}");
    }

    #[test]
    fn the_help_explains_how_the_pitch_steps_even_at_80x24() {
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = screen(w, h);
            // The help is at most 86 wide; frame and margins take 4.
            let left = HelpWidget::widths(usize::from(w.min(86) - 4))[0];
            let lines = wrap(PITCH_NOTE, left);
            for line in lines {
                assert!(screen.contains(&line), "{w}x{h}: {line:?} missing");
            }
        }
    }

    #[test]
    fn the_help_shows_the_symbol_legend() {
        let screen = screen(120, 40);
        for (symbol, meaning) in LEGEND {
            assert!(screen.contains(&format!("{symbol} {meaning}")), "{meaning}");
        }
    }
}
