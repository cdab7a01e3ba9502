//! The rounded frame around every panel, with its title.
//!
//! It draws what `Block::bordered().border_set(border::ROUNDED)` draws, cell
//! for cell, but only the border cells: ratatui's `Block` also restyles every
//! cell of its area and merges each border symbol, which at 200x60 made the
//! frames a third of a whole frame's cost.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::line::set_line;
use crate::tui::theme::Theme;

/// A rounded border in one style, with an optional title on its top edge.
#[derive(Debug, Clone)]
pub struct Panel<'a> {
    border: Style,
    title: Option<Line<'a>>,
}

impl<'a> Panel<'a> {
    /// A frame drawn in `border`.
    pub fn new(border: Style) -> Self {
        Self {
            border,
            title: None,
        }
    }

    /// The same frame with `title` at the left of its top edge.
    pub fn title(self, title: Line<'a>) -> Self {
        Self {
            title: Some(title),
            ..self
        }
    }

    /// The room inside the frame, as `Block::bordered().inner` gives it.
    pub fn inner(&self, area: Rect) -> Rect {
        let x = area.x.saturating_add(1).min(area.right());
        let y = area.y.saturating_add(1).min(area.bottom());
        Rect {
            x,
            y,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        }
    }
}

impl Widget for &Panel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = border::ROUNDED;
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let mut put = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(self.border);
        };
        for y in top + 1..bottom {
            put(left, y, set.vertical_left);
            put(right, y, set.vertical_right);
        }
        for x in left + 1..right {
            put(x, top, set.horizontal_top);
            put(x, bottom, set.horizontal_bottom);
        }
        // In this order, so a frame one cell wide or high ends as Block's.
        put(right, bottom, set.bottom_right);
        put(right, top, set.top_right);
        put(left, bottom, set.bottom_left);
        put(left, top, set.top_left);
        if let Some(title) = &self.title {
            let room = area.width.saturating_sub(2);
            if room > 0 {
                set_line(buf, left + 1, top, title, room);
            }
        }
    }
}

impl Widget for Panel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

/// A frame in the theme's border style.
pub(crate) fn frame_in(theme: &Theme) -> Panel<'static> {
    Panel::new(theme.border())
}

/// A framed panel with a title, in the theme's styles.
pub(crate) fn panel_in(title: &str, theme: &Theme) -> Panel<'static> {
    frame_in(theme).title(Line::styled(format!(" {title} "), theme.title()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;
    use ratatui::widgets::Block;

    /// Cell for cell, symbol and style, what ratatui's rounded `Block`
    /// draws, at every size from 0x0 to 30x6 and offset in a larger buffer.
    #[test]
    fn draws_what_a_rounded_block_draws() {
        let style = Style::new().fg(Color::Red);
        let title = || Line::styled(" Timeline ", Style::new().bold());
        for w in 0..=30 {
            for h in 0..=6 {
                let area = Rect::new(2, 1, w, h);
                let canvas = Rect::new(0, 0, 36, 9);
                let mut ours = Buffer::empty(canvas);
                let mut theirs = Buffer::empty(canvas);
                let panel = Panel::new(style).title(title());
                (&panel).render(area, &mut ours);
                Block::bordered()
                    .border_set(border::ROUNDED)
                    .border_style(style)
                    .title(title())
                    .render(area, &mut theirs);
                assert_eq!(ours, theirs, "{w}x{h}");
                assert_eq!(panel.inner(area), Block::bordered().inner(area), "{w}x{h}");
            }
        }
    }

    #[test]
    fn an_area_outside_the_buffer_draws_nothing() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        let before = buf.clone();
        Panel::new(Style::new()).render(Rect::new(20, 20, 5, 5), &mut buf);
        assert_eq!(buf, before);
        // Half outside: clipped, not out of bounds.
        Panel::new(Style::new()).render(Rect::new(8, 1, 5, 5), &mut buf);
        assert_eq!(buf[(8, 1)].symbol(), "╭");
    }
}
