//! The help screen, generated from the keymap table: every binding of
//! every section of one screen (the viewer's, or the match list's), with
//! its keys and description, so it cannot disagree with what the keys do.
//! Keys that work the same in every section are listed once, under
//! "Anywhere". For the viewer, notes on how the pitch view steps and on
//! the mouse, and a legend of the timeline's symbols follow. When it is
//! taller than the screen it scrolls, and its bottom border says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::line::{draw_line, draw_str, fit_line};
use super::panel::panel_in;
use crate::model::Card;
use crate::text;
use crate::text::wrap;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, Command, Key, Keymap, Section};
use crate::tui::notice::Cue;
use crate::tui::theme::Theme;

/// Draws the help screen over the whole area.
pub struct HelpWidget<'a> {
    theme: &'a Theme,
    keymap: &'a Keymap,
    sections: &'static [Section],
    viewer: bool,
    /// Lines scrolled off the top.
    scroll: usize,
}

/// The timeline's symbols and what they stand for.
const LEGEND: [(&str, &str); 13] = [
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
    ("▸", "search hit"),
    ("✦", "your mark"),
];

/// What the mouse does, for the help's first column.
const MOUSE_NOTE: &str =
    "Mouse: click a moment or the progress bar, drag along the bar, wheel to step.";

/// Where the help goes on a screen and what it shows.
struct Geometry {
    /// The framed box.
    rect: Rect,
    /// The text area inside the frame and margins.
    inner: Rect,
    /// The lines of each column.
    columns: Vec<Vec<Line<'static>>>,
}

impl Geometry {
    /// Lines hidden below the box when it is not scrolled.
    fn overflow(&self) -> usize {
        let tallest = self.columns.iter().map(Vec::len).max().unwrap_or(0);
        tallest.saturating_sub(self.inner.height as usize)
    }
}

impl<'a> HelpWidget<'a> {
    /// The viewer's help screen, scrolled as far as the fan has.
    pub fn new(app: &'a App) -> Self {
        Self {
            theme: app.theme(),
            keymap: app.keymap(),
            sections: &Section::VIEWER,
            viewer: true,
            scroll: app.help_scroll(),
        }
    }

    /// The match list's help screen, scrolled `scroll` lines.
    pub fn library(theme: &'a Theme, keymap: &'a Keymap, scroll: usize) -> Self {
        Self {
            theme,
            keymap,
            sections: &Section::LIBRARY,
            viewer: false,
            scroll,
        }
    }

    /// The keys that do the same in every section this screen lists, with
    /// what they do (Ctrl-C and Ctrl-Z, unless a config file changed
    /// them): listed once, under "Anywhere", rather than in every section.
    fn anywhere(&self) -> Vec<(Key, Command, &'static str)> {
        let Some((&first, rest)) = self.sections.split_first() else {
            return Vec::new();
        };
        let everywhere = |key: Key, command: Command| {
            rest.iter().all(|&section| {
                self.keymap
                    .bindings(section)
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

    /// One section's part: heading, then a row per binding (a binding
    /// whose keys all work anywhere is left to that part).
    fn section(&self, section: Section, width: usize) -> Vec<Line<'static>> {
        let anywhere = self.anywhere();
        let rows = self
            .keymap
            .bindings(section)
            .map(|b| (Self::keys(b, &anywhere), b.description))
            .filter(|(keys, _)| !keys.is_empty())
            .collect();
        self.rows(&self.keymap.title(section), rows, width)
    }

    /// The keys that work in every section.
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
            let style = match symbol {
                "▮" => theme.card(Card::Yellow),
                "▸" => theme.hit(),
                "✦" => theme.bookmark(),
                _ => theme.strong(),
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
        let dim = self.theme.dim();
        let notes = |note: &str, width: usize| -> Vec<Line<'static>> {
            wrap(note, width)
                .into_iter()
                .map(|line| Line::styled(line, dim))
                .collect()
        };
        let mut sections: Vec<Vec<Line<'static>>> = self
            .sections
            .iter()
            .enumerate()
            .map(|(i, &section)| self.section(section, if i == 0 { widths[0] } else { last }))
            .collect();
        if let Some(replay) = sections.first_mut().filter(|_| self.viewer) {
            replay.extend(notes(&Cue::PitchSteps.text(self.keymap), widths[0]));
            replay.extend(notes(MOUSE_NOTE, widths[0]));
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

    /// The box, its text area and its columns on `area`.
    fn geometry(&self, area: Rect) -> Geometry {
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
        let inner = if rect.width >= 8 && rect.height >= 3 {
            let inner = panel_in("", self.theme).inner(rect);
            Rect {
                x: inner.x + 1,
                width: inner.width.saturating_sub(2),
                ..inner
            }
        } else {
            rect
        };
        // The columns were laid out for the width the box has.
        let columns = if inner.width as usize == inner_w {
            columns
        } else {
            self.columns(inner.width as usize)
        };
        Geometry {
            rect,
            inner,
            columns,
        }
    }

    /// How far a page of scrolling moves on `area` (the text's height less
    /// a line kept for context) and the furthest the help scrolls.
    pub fn scroll_range(&self, area: Rect) -> (usize, usize) {
        let geometry = self.geometry(area);
        let page = (geometry.inner.height as usize).saturating_sub(1).max(1);
        (page, geometry.overflow())
    }
}

/// Columns between the two columns.
const GUTTER: u16 = 3;

impl Widget for HelpWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let geometry = self.geometry(area);
        let (rect, inner) = (geometry.rect, geometry.inner);
        Clear.render(rect, buf);
        if rect.width >= 8 && rect.height >= 3 {
            panel_in("Help · touchline", self.theme).render(rect, buf);
        }
        let overflow = geometry.overflow();
        let scroll = self.scroll.min(overflow);
        let widths = self.widths(inner.width as usize);
        let mut x = inner.x;
        for (lines, &col_w) in geometry.columns.iter().zip(&widths) {
            let clip = Rect {
                x,
                width: col_w as u16,
                ..inner
            };
            x = x.saturating_add(col_w as u16 + GUTTER);
            let shown = lines.iter().skip(scroll).take(inner.height as usize);
            for (i, line) in shown.enumerate() {
                draw_line(buf, clip, clip.x, inner.y + i as u16, line);
            }
        }
        if overflow > 0 && rect.height >= 3 {
            // The bottom border says which way there is more.
            let cue = Cue::HelpMore {
                above: scroll > 0,
                below: scroll < overflow,
            };
            let note = cue.text(self.keymap);
            let width = text::width(&note) as u16;
            let note_x = rect.right().saturating_sub(width + 2).max(rect.x + 1);
            let y = rect.bottom() - 1;
            draw_str(buf, rect, note_x, y, &note, self.theme.key());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::replay::Replay;
    use crate::tui::action::{Global, HelpAction, ViewerAction};
    use crate::tui::{AppOptions, ColorMode, Setup};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn draw(app: &App, w: u16, h: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
        terminal.backend().to_string()
    }

    /// Every page of the help at `w`x`h`, scrolled as the fan would.
    fn screen(w: u16, h: u16) -> String {
        screen_with(w, h, crate::tui::keymap::Keymap::default())
    }

    fn screen_with(w: u16, h: u16, keymap: crate::tui::keymap::Keymap) -> String {
        let options = AppOptions {
            colors: ColorMode::None,
            ..AppOptions::default()
        };
        let setup = Setup {
            keymap,
            ..Setup::default()
        };
        let mut app = App::new(Replay::new(import::bundled().game), options).with_setup(&setup);
        app.set_viewport(super::super::measure(&app, Rect::new(0, 0, w, h)));
        let _ = app.update(Global::OpenHelp);
        let mut pages = draw(&app, w, h);
        loop {
            let before = app.help_scroll();
            let _ = app.update(HelpAction::ScrollDown);
            if app.help_scroll() == before {
                break;
            }
            pages.push_str(&draw(&app, w, h));
        }
        pages
    }

    #[test]
    fn the_help_screen_lists_every_binding_of_the_keymap() {
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = screen(w, h);
            for binding in Section::VIEWER
                .iter()
                .flat_map(|&s| crate::tui::keymap::bindings(s))
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
            let keymap = Keymap::default();
            for section in Section::VIEWER {
                assert!(screen.contains(&keymap.title(section)));
            }
            assert!(!screen.contains(&keymap.title(Section::Library)));
        }
    }

    #[test]
    fn the_help_shows_keys_a_config_file_gave() {
        use crate::tui::keymap::{Key, Keymap};
        use crossterm::event::KeyCode;
        let mut keymap = Keymap::default();
        keymap
            .rebind(
                Section::Replay,
                ViewerAction::NextEvent,
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
            let lines = wrap(&Cue::PitchSteps.text(app.keymap()), left);
            for line in lines {
                assert!(screen.contains(&line), "{w}x{h}: {line:?} missing");
            }
        }
    }

    #[test]
    fn the_help_fits_at_120x40_and_scrolls_at_80x24() {
        let options = AppOptions {
            colors: ColorMode::None,
            ..AppOptions::default()
        };
        let mut app = App::new(Replay::new(import::bundled().game), options);
        let _ = app.update(Global::OpenHelp);
        let help = HelpWidget::new(&app);
        assert_eq!(help.scroll_range(Rect::new(0, 0, 120, 40)).1, 0);
        let (page, max) = help.scroll_range(Rect::new(0, 0, 80, 24));
        assert!(max > 0 && page > 10, "{page} {max}");
        assert!(max <= page, "two pages at most at 80x24: {max} > {page}");
        let first = draw(&app, 80, 24);
        assert!(first.contains("PgDn: more"), "{first}");
        assert!(!draw(&app, 120, 40).contains("PgDn: more"));
    }

    #[test]
    fn ctrl_c_and_ctrl_z_are_listed_once_under_anywhere() {
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = screen(w, h);
            assert!(screen.contains("Anywhere"), "{w}x{h}");
            // Listed once (a scrolled page repeats the lines it keeps for
            // context, so count rows, not pages, at 120x40).
            if (w, h) == (120, 40) {
                assert_eq!(screen.matches("Ctrl-C").count(), 1, "{screen}");
                assert_eq!(screen.matches("Ctrl-Z").count(), 1, "{screen}");
            }
            let app = App::new(Replay::new(import::bundled().game), AppOptions::default());
            let widths = HelpWidget::new(&app).widths(usize::from(w.min(86) - 4));
            for line in wrap(MOUSE_NOTE, widths[0]) {
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
