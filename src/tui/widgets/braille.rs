//! A Braille dot grid that draws like ratatui's `Canvas` with
//! `Marker::Braille` (the same 2x4 dots a cell, the same mapping from
//! coordinates to dots, the same cells written), built for a view that
//! redraws every frame: it paints straight into one flat grid with no
//! layer copied per frame, and it can be cloned, so a drawing that never
//! changes at a given size (the pitch markings) is painted once and copied
//! in afterwards.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::braille::BRAILLE;
use ratatui::text::Line;

/// Dots across and down one terminal cell.
const DOTS_X: usize = 2;
const DOTS_Y: usize = 4;

/// A grid of `width` x `height` cells over the plane `x_bounds` x
/// `y_bounds` (y grows upwards, as on ratatui's canvas).
#[derive(Clone, Debug, PartialEq)]
pub struct Braille {
    width: u16,
    height: u16,
    x_bounds: [f64; 2],
    y_bounds: [f64; 2],
    /// One bit a dot, in the order of [`BRAILLE`]'s index.
    dots: Vec<u8>,
    /// The colour of the last dot painted in each cell.
    colors: Vec<Color>,
}

impl Braille {
    /// An empty grid of `width` x `height` cells.
    pub fn new(width: u16, height: u16, x_bounds: [f64; 2], y_bounds: [f64; 2]) -> Self {
        let cells = usize::from(width) * usize::from(height);
        Self {
            width,
            height,
            x_bounds,
            y_bounds,
            dots: vec![0; cells],
            colors: vec![Color::Reset; cells],
        }
    }

    /// The grid's size in cells.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// The dot at plane point (`x`, `y`), if it lies inside the bounds:
    /// ratatui's `Painter::get_point`, so drawings land on the same dots.
    pub fn point(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let [left, right] = self.x_bounds;
        let [bottom, top] = self.y_bounds;
        if x < left || x > right || y < bottom || y > top {
            return None;
        }
        let (width, height) = (right - left, top - bottom);
        if width <= 0.0 || height <= 0.0 {
            return None;
        }
        let columns = f64::from(self.width) * DOTS_X as f64;
        let rows = f64::from(self.height) * DOTS_Y as f64;
        let x = ((x - left) * (columns - 1.0) / width).round() as usize;
        let y = ((top - y) * (rows - 1.0) / height).round() as usize;
        Some((x, y))
    }

    /// Sets the dot at (`x`, `y`); dots outside the grid are ignored.
    pub fn paint(&mut self, x: usize, y: usize, color: Color) {
        let (column, row) = (x / DOTS_X, y / DOTS_Y);
        if column >= usize::from(self.width) || row >= usize::from(self.height) {
            return;
        }
        let index = row * usize::from(self.width) + column;
        self.dots[index] |= 1 << ((x % DOTS_X) + DOTS_X * (y % DOTS_Y));
        self.colors[index] = color;
    }

    /// Draws the grid at `area`'s top left corner, as the canvas does:
    /// every cell's background is reset and each cell with dots gets its
    /// Braille character and colour.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf, true);
    }

    /// Draws the grid over one drawn before it, as a later layer of the
    /// canvas does: cells with dots take this grid's character and colour,
    /// the others keep what is there.
    pub fn render_over(&self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf, false);
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, reset: bool) {
        let area = area.intersection(buf.area);
        let width = usize::from(self.width);
        for row in 0..self.height.min(area.height) {
            for column in 0..self.width.min(area.width) {
                let index = usize::from(row) * width + usize::from(column);
                let dots = self.dots[index];
                if dots == 0 && !reset {
                    continue;
                }
                let cell = &mut buf[(area.x + column, area.y + row)];
                if reset {
                    cell.set_bg(Color::Reset);
                }
                if dots != 0 {
                    cell.set_char(BRAILLE[usize::from(dots)]);
                    cell.set_fg(self.colors[index]);
                }
            }
        }
    }

    /// A straight line between two plane points, dot for dot as the
    /// canvas's `Line` shape draws it (Bresenham between the end dots).
    /// Ends outside the bounds are pulled onto the edge.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), color: Color) {
        let clamp = |(x, y): (f64, f64)| {
            (
                x.clamp(self.x_bounds[0], self.x_bounds[1]),
                y.clamp(self.y_bounds[0], self.y_bounds[1]),
            )
        };
        let ((x1, y1), (x2, y2)) = (clamp(from), clamp(to));
        let (Some((x1, y1)), Some((x2, y2))) = (self.point(x1, y1), self.point(x2, y2)) else {
            return;
        };
        let (dx, dy) = (x2.abs_diff(x1), y2.abs_diff(y1));
        if dx == 0 {
            for y in y1.min(y2)..=y1.max(y2) {
                self.paint(x1, y, color);
            }
        } else if dy == 0 {
            for x in x1.min(x2)..=x1.max(x2) {
                self.paint(x, y1, color);
            }
        } else if dy < dx {
            let ((x1, y1), (x2, y2)) = if x1 > x2 {
                ((x2, y2), (x1, y1))
            } else {
                ((x1, y1), (x2, y2))
            };
            let (dx, dy) = ((x2 - x1) as isize, y2.abs_diff(y1) as isize);
            let mut d = 2 * dy - dx;
            let mut y = y1;
            for x in x1..=x2 {
                self.paint(x, y, color);
                if d > 0 {
                    y = if y1 > y2 { y.saturating_sub(1) } else { y + 1 };
                    d -= 2 * dx;
                }
                d += 2 * dy;
            }
        } else {
            let ((x1, y1), (x2, y2)) = if y1 > y2 {
                ((x2, y2), (x1, y1))
            } else {
                ((x1, y1), (x2, y2))
            };
            let (dx, dy) = (x2.abs_diff(x1) as isize, (y2 - y1) as isize);
            let mut d = 2 * dx - dy;
            let mut x = x1;
            for y in y1..=y2 {
                self.paint(x, y, color);
                if d > 0 {
                    x = if x1 > x2 { x.saturating_sub(1) } else { x + 1 };
                    d -= 2 * dy;
                }
                d += 2 * dx;
            }
        }
    }

    /// Writes `line` at plane point (`x`, `y`) over a grid drawn at
    /// `area`, placed as the canvas places its labels.
    pub fn print(&self, area: Rect, buf: &mut Buffer, (x, y): (f64, f64), line: &Line<'_>) {
        let [left, right] = self.x_bounds;
        let [bottom, top] = self.y_bounds;
        if area.is_empty() || x < left || x > right || y < bottom || y > top {
            return;
        }
        let (width, height) = ((right - left).abs(), (top - bottom).abs());
        let resolution = (f64::from(area.width - 1), f64::from(area.height - 1));
        let column = ((x - left) * resolution.0 / width) as u16 + area.left();
        let row = ((top - y) * resolution.1 / height) as u16 + area.top();
        if buf.area.contains((column, row).into()) {
            super::line::set_line(buf, column, row, line, area.right() - column);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::Color;
    use ratatui::symbols::Marker;
    use ratatui::text::Span;
    use ratatui::widgets::Widget;
    use ratatui::widgets::canvas::{Canvas, Points};

    use super::*;

    /// The grid must draw exactly what ratatui's canvas draws for the same
    /// points, or the views' snapshots would move a dot.
    #[test]
    fn draws_the_same_cells_as_ratatuis_braille_canvas() {
        let area = Rect::new(2, 1, 23, 9);
        let (xb, yb) = ([-3.0, 108.0], [-0.8, 68.8]);
        let points: Vec<(f64, f64)> = (0..400)
            .map(|i| {
                let t = f64::from(i);
                ((t * 7.3) % 115.0 - 4.0, (t * 3.1) % 72.0 - 2.0)
            })
            .collect();
        let colors = [Color::Red, Color::Green, Color::Blue];

        let mut expected = Buffer::empty(Rect::new(0, 0, 30, 12));
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(xb)
            .y_bounds(yb)
            .paint(|ctx| {
                for (i, chunk) in points.chunks(50).enumerate() {
                    ctx.draw(&Points {
                        coords: chunk,
                        color: colors[i % 3],
                    });
                }
                ctx.print(50.0, 30.0, Span::raw("◉"));
            })
            .render(area, &mut expected);

        let mut grid = Braille::new(area.width, area.height, xb, yb);
        for (i, chunk) in points.chunks(50).enumerate() {
            for &(x, y) in chunk {
                if let Some((px, py)) = grid.point(x, y) {
                    grid.paint(px, py, colors[i % 3]);
                }
            }
        }
        let mut actual = Buffer::empty(Rect::new(0, 0, 30, 12));
        grid.render(area, &mut actual);
        grid.print(area, &mut actual, (50.0, 30.0), &Line::raw("◉"));
        assert_eq!(actual, expected);
    }

    #[test]
    fn lines_and_layers_draw_as_the_canvas_draws_them() {
        use ratatui::widgets::canvas::Line as Segment;
        let area = Rect::new(0, 0, 31, 11);
        let (xb, yb) = ([0.0, 93.0], [0.0, 2.7]);
        let segments: Vec<((f64, f64), (f64, f64))> = (0..40)
            .map(|i| {
                let t = f64::from(i);
                (
                    ((t * 11.0) % 93.0, (t * 0.37) % 2.7),
                    ((t * 29.0) % 93.0, (t * 0.91) % 2.7),
                )
            })
            .collect();
        let mut expected = Buffer::empty(area);
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(xb)
            .y_bounds(yb)
            .paint(|ctx| {
                for (i, &(a, b)) in segments.iter().enumerate() {
                    if i == 20 {
                        ctx.layer();
                    }
                    let color = if i < 20 { Color::Red } else { Color::Blue };
                    ctx.draw(&Segment::new(a.0, a.1, b.0, b.1, color));
                }
            })
            .render(area, &mut expected);

        let mut layers = [
            Braille::new(area.width, area.height, xb, yb),
            Braille::new(area.width, area.height, xb, yb),
        ];
        for (i, &(a, b)) in segments.iter().enumerate() {
            let color = if i < 20 { Color::Red } else { Color::Blue };
            layers[i / 20].line(a, b, color);
        }
        let mut actual = Buffer::empty(area);
        layers[0].render(area, &mut actual);
        layers[1].render_over(area, &mut actual);
        assert_eq!(actual, expected);
    }

    #[test]
    fn dots_outside_the_grid_are_ignored() {
        let mut grid = Braille::new(3, 2, [0.0, 1.0], [0.0, 1.0]);
        grid.paint(6, 0, Color::Red);
        grid.paint(0, 8, Color::Red);
        grid.paint(usize::MAX, usize::MAX, Color::Red);
        assert!(grid.dots.iter().all(|&d| d == 0));
        assert_eq!(grid.point(1.5, 0.5), None);
        assert_eq!(grid.point(1.0, 0.0), Some((5, 7)));
    }
}
