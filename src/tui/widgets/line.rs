//! Drawing a line of text into the buffer, clipped to a rectangle: the
//! helpers every panel and view shares. They depend on nothing of the
//! screen's state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::text;

/// `Buffer::set_line`, cell for cell, with a shortcut for the text most
/// lines are made of: a span of printable ASCII is one grapheme of width
/// one a byte, so it is copied straight into the cells instead of going
/// through grapheme segmentation and width lookups, which cost more than
/// the rest of a text-heavy frame. Other spans take ratatui's way.
pub(crate) fn set_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    line: &Line,
    max_width: u16,
) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in line {
        if remaining == 0 {
            break;
        }
        let content = span.content.as_ref();
        let style = line.style.patch(span.style);
        let row_inside = y >= buf.area.top() && y < buf.area.bottom() && x >= buf.area.left();
        if row_inside && content.bytes().all(|b| (0x20..0x7F).contains(&b)) {
            let room = buf.area.right().saturating_sub(x).min(remaining);
            let n = content.len().min(usize::from(room));
            if n == 0 {
                continue;
            }
            let start = buf.index_of(x, y);
            for (cell, b) in buf.content[start..start + n]
                .iter_mut()
                .zip(content.bytes())
            {
                cell.set_char(char::from(b)).set_style(style);
            }
            x += n as u16;
            remaining -= n as u16;
        } else {
            let end = buf
                .set_stringn(x, y, content, usize::from(remaining), style)
                .0;
            remaining = remaining.saturating_sub(end.saturating_sub(x));
            x = end;
        }
    }
    (x, y)
}

/// Draws `line` at `(x, y)`, clipped to `clip`; returns the column after
/// it. Nothing is drawn outside `clip`, whatever the arguments.
pub(crate) fn draw_line(buf: &mut Buffer, clip: Rect, x: u16, y: u16, line: &Line) -> u16 {
    let clip = clip.intersection(buf.area);
    if y < clip.top() || y >= clip.bottom() || x >= clip.right() || x < clip.left() {
        return x;
    }
    set_line(buf, x, y, line, clip.right() - x).0
}

/// Draws `text` in `style` at `(x, y)`, clipped to `clip`.
pub(crate) fn draw_str(
    buf: &mut Buffer,
    clip: Rect,
    x: u16,
    y: u16,
    text: &str,
    style: Style,
) -> u16 {
    draw_line(buf, clip, x, y, &Line::styled(text, style))
}

/// Sets the one cell at `(x, y)`, if inside `clip`, to `symbol` (one
/// column wide) patched with `style`: for bars and markers drawn a cell at
/// a time, where going through [`draw_str`] would segment every symbol.
pub(crate) fn put_cell(buf: &mut Buffer, clip: Rect, x: u16, y: u16, symbol: &str, style: Style) {
    let clip = clip.intersection(buf.area);
    if clip.contains(ratatui::layout::Position { x, y }) {
        buf[(x, y)].set_symbol(symbol).set_style(style);
    }
}

/// Columns `line` takes.
pub(crate) fn line_width(line: &Line) -> u16 {
    line.spans
        .iter()
        .map(|s| text::width(&s.content))
        .sum::<usize>()
        .min(u16::MAX as usize) as u16
}

/// Cuts `line` to `max` columns, ending in `…` when cut.
pub(crate) fn fit_line(line: Line<'_>, max: usize) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    let total: usize = line.spans.iter().map(|s| text::width(&s.content)).sum();
    if total <= max {
        return Line::from(
            line.spans
                .into_iter()
                .map(|s| ratatui::text::Span::styled(s.content.into_owned(), s.style))
                .collect::<Vec<_>>(),
        )
        .style(line.style);
    }
    for span in line.spans {
        let w = text::width(&span.content);
        if used + w < max {
            used += w;
            spans.push(ratatui::text::Span::styled(
                span.content.into_owned(),
                span.style,
            ));
        } else {
            let room = max - used;
            let cut = text::truncate(&span.content, room).into_owned();
            // truncate adds the ellipsis only when it cut; here it always
            // must, since later spans are dropped.
            let cut = if cut.ends_with('…') || room == 0 {
                cut
            } else {
                format!("{}…", text::truncate(&span.content, room.saturating_sub(1)))
            };
            spans.push(ratatui::text::Span::styled(cut, span.style));
            break;
        }
    }
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII shortcut must leave exactly the cells ratatui's own
        /// `set_line` leaves, for any text, place and width.
        #[test]
        fn set_line_writes_what_ratatuis_set_line_writes(
            spans in proptest::collection::vec(
                ("[ -~]{0,12}|[a-zé漢😀\\u{301}\\t\\n -~]{0,8}", 0u8..4),
                0..5,
            ),
            x in 0u16..24,
            y in 0u16..3,
            max_width in 0u16..30,
        ) {
            use ratatui::style::{Color, Modifier};
            let styles = [
                Style::default(),
                Style::default().fg(Color::Red),
                Style::default().bg(Color::Blue).add_modifier(Modifier::BOLD),
                Style::default().add_modifier(Modifier::CROSSED_OUT),
            ];
            let line = Line::from(
                spans
                    .iter()
                    .map(|(text, style)| ratatui::text::Span::styled(text.clone(), styles[usize::from(*style)]))
                    .collect::<Vec<_>>(),
            )
            .style(Style::default().fg(Color::Green));
            let area = Rect::new(2, 1, 20, 2);
            let mut expected = Buffer::empty(area);
            let mut actual = Buffer::empty(area);
            if area.contains(ratatui::layout::Position { x, y }) {
                let a = expected.set_line(x, y, &line, max_width);
                let b = set_line(&mut actual, x, y, &line, max_width);
                proptest::prop_assert_eq!(a, b);
            }
            proptest::prop_assert_eq!(actual, expected);
        }
    }

    #[test]
    fn fit_line_cuts_with_an_ellipsis() {
        let line = Line::from(vec!["abc".into(), "def".into()]);
        let fitted = fit_line(line, 5);
        assert_eq!(line_width(&fitted), 5);
        assert_eq!(fitted.spans.last().unwrap().content, "d…");
    }
}
