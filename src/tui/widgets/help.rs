//! The help screen, generated from the keymap table: every binding of
//! every mode, with its keys and description, so it cannot disagree with
//! what the keys do. A note on how the pitch view steps and a legend of
//! the timeline's symbols follow.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{draw_line, fit_line, wrap};
use crate::model::Card;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, Command, Key, Keymap, Mode};
use crate::tui::theme::Theme;

/// Draws the help screen over the whole area: the keys of the modes of
/// one screen (the viewer's, or the match list's), and for the viewer a
/// note on the pitch and the timeline's symbols.
pub struct HelpWidget<'a> {
    theme: &'a Theme,
    keymap: &'a Keymap,
    modes: &'static [Mode],
    viewer: bool,
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
    /// The viewer's help screen.
    pub fn new(app: &'a App) -> Self {
        Self {
            theme: app.theme(),
            keymap: app.keymap(),
            modes: &Mode::VIEWER,
            viewer: true,
        }
    }

    /// The match list's help screen.
    pub fn library(theme: &'a Theme, keymap: &'a Keymap) -> Self {
        Self {
            theme,
            keymap,
            modes: &Mode::LIBRARY,
            viewer: false,
        }
    }

    /// The keys that do the same in every mode this screen lists, with
    /// what they do (Ctrl-C and Ctrl-Z, unless a config file changed
    /// them): listed once, under "Anywhere", rather than in every section.
    fn anywhere(&self) -> Vec<(Key, Command, &'static str)> {
        let Some((&first, rest)) = self.modes.split_first() else {
            return Vec::new();
        };
        let everywhere = |key: Key, command: Command| {
            rest.iter().all(|&mode| {
                self.keymap
                    .bindings(mode)
                    .any(|b| b.command == command && b.keys.contains(&key))
            })
        };
        let mut found = Vec::new();
        for binding in self.keymap.bindings(first) {
            for &key in binding.keys.iter() {
                if !rest.is_empty() && everywhere(key, binding.command) {
                    found.push((key, binding.command, binding.description));
                }
            }
        }
        found
    }

    /// A binding's keys as the help writes them, less those listed under
    /// "Anywhere".
    fn keys(binding: &Binding, anywhere: &[(Key, Command, &str)]) -> String {
        binding
            .keys
            .iter()
            .filter(|&&k| {
                !anywhere
                    .iter()
                    .any(|&(a, c, _)| a == k && c == binding.command)
            })
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A heading, then a row of keys and words for each entry.
    fn rows(
        &self,
        title: &str,
        rows: Vec<(String, &'static str)>,
        width: usize,
    ) -> Vec<Line<'static>> {
        let theme = self.theme;
        let key_w = rows
            .iter()
            .map(|(keys, _)| text::width(keys))
            .max()
            .unwrap_or(0)
            .min(width / 3)
            + 2;
        let mut lines = vec![Line::styled(title.to_owned(), theme.title())];
        for (keys, description) in rows {
            let keys = text::truncate(&keys, key_w - 2).into_owned();
            let pad = " ".repeat(key_w - text::width(&keys));
            lines.push(fit_line(
                Line::from(vec![
                    Span::styled(keys, theme.key()),
                    Span::raw(pad),
                    Span::raw(description),
                ]),
                width,
            ));
        }
        lines
    }

    /// One mode's section: heading, then a row per binding (a binding
    /// whose keys all work anywhere is left to that section).
    fn section(&self, mode: Mode, width: usize) -> Vec<Line<'static>> {
        let anywhere = self.anywhere();
        let rows = self
            .keymap
            .bindings(mode)
            .map(|b| (Self::keys(b, &anywhere), b.description))
            .filter(|(keys, _)| !keys.is_empty())
            .collect();
        self.rows(mode.title(), rows, width)
    }

    /// The keys that work in every mode.
    fn anywhere_section(&self, width: usize) -> Option<Vec<Line<'static>>> {
        let rows: Vec<(String, &'static str)> = self
            .anywhere()
            .into_iter()
            .map(|(key, _, description)| (key.label(), description))
            .collect();
        (!rows.is_empty()).then(|| self.rows("Anywhere", rows, width))
    }

    /// The symbols, packed several to a line.
    fn legend(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
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

    /// The widths of the columns at `width`: the first section beside the
    /// rest when there is room, otherwise one column. The viewer's replay
    /// keys take the larger share; the match list's sections are alike.
    fn widths(&self, width: usize) -> Vec<usize> {
        if width >= 70 {
            let left = if self.viewer {
                width * 3 / 5
            } else {
                width / 2
            };
            vec![left, width - left - GUTTER as usize]
        } else {
            vec![width]
        }
    }

    /// The lines of each column at `width`.
    pub fn columns(&self, width: usize) -> Vec<Vec<Line<'static>>> {
        let widths = self.widths(width);
        let last = widths[widths.len() - 1];
        let mut sections: Vec<Vec<Line<'static>>> = self
            .modes
            .iter()
            .enumerate()
            .map(|(i, &mode)| self.section(mode, if i == 0 { widths[0] } else { last }))
            .collect();
        if let Some(replay) = sections.first_mut().filter(|_| self.viewer) {
            let dim = self.theme.dim();
            replay.extend(
                wrap(PITCH_NOTE, widths[0])
                    .into_iter()
                    .map(|line| Line::styled(line, dim)),
            );
        }
        sections.extend(self.anywhere_section(last));
        if self.viewer {
            sections.push(self.legend(last));
        }
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
            let block = super::panel_in("Help · touchline", self.theme);
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
        let widths = self.widths(inner.width as usize);
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
            for binding in Mode::VIEWER
                .iter()
                .flat_map(|&m| crate::tui::keymap::bindings(m))
            {
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
            for mode in Mode::VIEWER {
                assert!(screen.contains(mode.title()));
            }
            assert!(!screen.contains(Mode::Library.title()));
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
            let app = App::new(Replay::new(import::bundled().game), AppOptions::default());
            let left = HelpWidget::new(&app).widths(usize::from(w.min(86) - 4))[0];
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
