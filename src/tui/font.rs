//! Big digits for the score, drawn by hand on a 3x5 pixel grid (the look of
//! a stadium scoreboard) and rendered in two sizes: [`Font::Large`] turns
//! each pixel into two full-block columns (6 columns by 5 rows a digit),
//! [`Font::Compact`] packs two pixel rows into one text row with half
//! blocks (3 columns by 3 rows).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The glyphs: `#` is a lit pixel. Digits 0-9, then the dash.
const GLYPHS: [[&str; 5]; 11] = [
    ["###", "#.#", "#.#", "#.#", "###"],
    [".#.", "##.", ".#.", ".#.", "###"],
    ["###", "..#", "###", "#..", "###"],
    ["###", "..#", "###", "..#", "###"],
    ["#.#", "#.#", "###", "..#", "..#"],
    ["###", "#..", "###", "..#", "###"],
    ["###", "#..", "###", "#.#", "###"],
    ["###", "..#", "..#", "..#", "..#"],
    ["###", "#.#", "###", "#.#", "###"],
    ["###", "#.#", "###", "..#", "###"],
    ["...", "...", "###", "...", "..."],
];

const DASH: usize = 10;

/// A size of big digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    /// Five rows tall, six columns a glyph.
    Large,
    /// Three rows tall, three columns a glyph.
    Compact,
}

impl Font {
    /// Text rows a glyph takes.
    pub const fn height(self) -> u16 {
        match self {
            Font::Large => 5,
            Font::Compact => 3,
        }
    }

    const fn glyph_width(self) -> u16 {
        match self {
            Font::Large => 6,
            Font::Compact => 3,
        }
    }

    /// Columns between two glyphs.
    pub const fn gap(self) -> u16 {
        match self {
            Font::Large => 2,
            Font::Compact => 1,
        }
    }

    fn glyphs(text: &str) -> impl Iterator<Item = usize> + '_ {
        text.chars().filter_map(|c| match c {
            '0'..='9' => Some(c as usize - '0' as usize),
            '-' => Some(DASH),
            _ => None,
        })
    }

    /// Columns `text` takes (digits and `-`; anything else is skipped).
    pub fn width(self, text: &str) -> u16 {
        let n = Self::glyphs(text).count() as u16;
        if n == 0 {
            return 0;
        }
        n * self.glyph_width() + (n - 1) * self.gap()
    }

    /// The rows of `text` as strings, top to bottom.
    pub fn lines(self, text: &str) -> Vec<String> {
        let glyphs: Vec<usize> = Self::glyphs(text).collect();
        let gap = " ".repeat(self.gap() as usize);
        (0..self.height())
            .map(|row| {
                let parts: Vec<String> = glyphs
                    .iter()
                    .map(|&g| self.glyph_row(&GLYPHS[g], row as usize))
                    .collect();
                parts.join(&gap)
            })
            .collect()
    }

    fn glyph_row(self, glyph: &[&str; 5], row: usize) -> String {
        let lit =
            |r: usize, c: usize| glyph.get(r).and_then(|l| l.as_bytes().get(c)) == Some(&b'#');
        match self {
            Font::Large => (0..3)
                .map(|c| if lit(row, c) { "██" } else { "  " })
                .collect(),
            Font::Compact => (0..3)
                .map(|c| match (lit(row * 2, c), lit(row * 2 + 1, c)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect(),
        }
    }

    /// Draws `text` with its top-left corner at `(x, y)`, clipped to `area`.
    pub fn render(self, text: &str, x: u16, y: u16, style: Style, area: Rect, buf: &mut Buffer) {
        for (i, line) in self.lines(text).iter().enumerate() {
            let row = y.saturating_add(i as u16);
            if row < area.top() || row >= area.bottom() || x >= area.right() {
                continue;
            }
            let room = (area.right() - x) as usize;
            buf.set_stringn(x, row, line, room, style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_digits_are_five_rows_of_full_blocks() {
        assert_eq!(
            Font::Large.lines("1-2"),
            [
                "  ██            ██████",
                "████                ██",
                "  ██    ██████  ██████",
                "  ██            ██",
                "██████          ██████",
            ]
            .map(|l| format!("{l:<22}"))
        );
        assert_eq!(Font::Large.width("1-2"), 22);
    }

    #[test]
    fn compact_digits_pack_two_pixel_rows_per_line() {
        assert_eq!(Font::Compact.lines("0"), ["█▀█", "█ █", "▀▀▀"]);
        assert_eq!(Font::Compact.lines("10"), ["▄█  █▀█", " █  █ █", "▀▀▀ ▀▀▀"]);
        assert_eq!(Font::Compact.width("10"), 7);
    }

    #[test]
    fn every_line_of_a_rendering_has_the_announced_width() {
        for font in [Font::Large, Font::Compact] {
            for text in ["0-0", "12-10", "7", "-"] {
                for line in font.lines(text) {
                    assert_eq!(crate::text::width(&line), font.width(text) as usize);
                }
            }
        }
    }

    #[test]
    fn rendering_is_clipped_to_the_area() {
        let area = Rect::new(0, 0, 4, 2);
        let mut buf = Buffer::empty(area);
        Font::Large.render("8", 1, 1, Style::new(), area, &mut buf);
        assert_eq!(buf, Buffer::with_lines(["    ", " ███"]));
    }
}
