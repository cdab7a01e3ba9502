//! The timeline: the match's moments, one a row with clock, symbol, team
//! and a few words, the current one highlighted and kept in view. Which
//! events are listed is the app's [`EventFilter`](crate::tui::EventFilter),
//! named in the frame's title when it is not the default; with spoilers
//! hidden nothing after the cursor is listed.
//!
//! While a search is on or the fan has marked moments, a one-column
//! gutter on the left carries the marks: `▸` on a search hit, `✦` on a
//! bookmark. Only listed rows carry them, so with spoilers hidden no mark
//! says anything about what lies ahead.
//!
//! [`TimelineWidget::layout`] is where every row goes; drawing and the
//! mouse both use it, so a click lands on the row that was drawn there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::line::{draw_line, fit_line};
use super::moment;
use super::panel::{frame_in, panel_in};
use crate::model::Detail;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::Section;
use crate::tui::notice::Cue;

/// Draws the timeline of an [`App`].
pub struct TimelineWidget<'a> {
    app: &'a App,
}

/// Where the timeline's parts go on a given area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineLayout {
    /// Inside the frame (the whole area when it is too small for one).
    pub inner: Rect,
    /// Whether the frame is drawn.
    pub framed: bool,
    /// Each listed row: its screen row and its step (0: before kick-off).
    pub rows: Vec<(u16, usize)>,
    /// Which of `rows` is the cursor's.
    pub current: usize,
    /// The row of the "hidden · s to show" note, when there is one.
    pub hint: Option<u16>,
}

/// The search hit mark in the gutter.
pub const HIT_MARK: &str = "▸";
/// The bookmark in the gutter (and on the progress bar).
pub const BOOKMARK: &str = "✦";

impl<'a> TimelineWidget<'a> {
    /// The timeline of `app`.
    pub fn new(app: &'a App) -> Self {
        Self { app }
    }

    /// The row the cursor is on: the current event, or the last listed one
    /// before it when the current event is not listed.
    fn anchor(&self) -> usize {
        let app = self.app;
        let step = app.step();
        match app.state().event() {
            Some(event) if app.filter().shows(event) => step,
            Some(_) => app.nav().prev_visible(step).unwrap_or(0),
            None => 0,
        }
    }

    /// The steps to list in `rows` rows, and which of them is current.
    /// Step 0 stands for the pre-match row. The current row sits in the
    /// middle when there are moments on both sides, so it stays in view as
    /// the cursor moves without any scroll state to keep.
    pub fn window(&self, rows: usize) -> (Vec<usize>, usize) {
        let app = self.app;
        let anchor = self.anchor();
        if rows == 0 {
            return (Vec::new(), 0);
        }
        let walk = |next: &dyn Fn(usize) -> Option<usize>| {
            let mut out = Vec::new();
            let mut s = anchor;
            while out.len() < rows - 1 {
                match next(s) {
                    Some(n) => {
                        out.push(n);
                        s = n;
                    }
                    None => break,
                }
            }
            out
        };
        let before = walk(&|s| app.nav().prev_visible(s));
        let after = if app.spoilers_shown() {
            walk(&|s| app.nav().next_visible(s))
        } else {
            Vec::new()
        };
        let mut above = before.len().min((rows - 1) / 2);
        let below = after.len().min(rows - 1 - above);
        above = before.len().min(rows - 1 - below);
        let mut steps: Vec<usize> = before[..above].iter().rev().copied().collect();
        steps.push(anchor);
        steps.extend_from_slice(&after[..below]);
        (steps, above)
    }

    /// Whether the rows start with the one-column gutter for marks: only
    /// while there are marks to show, so the timeline is as wide as ever
    /// otherwise.
    fn gutter(&self) -> bool {
        self.app.search().is_some() || !self.app.marks().is_empty()
    }

    /// The gutter's cell for `step`.
    fn mark(&self, step: usize) -> Span<'static> {
        let app = self.app;
        let theme = app.theme();
        let hit = app.is_hit(step);
        if app.marks().contains(step) {
            let style = if hit { theme.hit() } else { theme.bookmark() };
            Span::styled(BOOKMARK, style)
        } else if hit {
            Span::styled(HIT_MARK, theme.hit())
        } else {
            Span::raw(" ")
        }
    }

    /// The frame's title: "Timeline", with the filter when there is one
    /// and, room allowing, how to clear it.
    fn title(&self, width: u16) -> String {
        let app = self.app;
        let room = usize::from(width).saturating_sub(4);
        let Some(label) = app.filter().label(&app.replay().game().info) else {
            return "Timeline".to_owned();
        };
        let clear = if app.filter().is_narrowed() {
            format!(
                " · {}",
                Cue::ClearsFilter(Section::Replay).text(app.keymap())
            )
        } else {
            String::new()
        };
        // Longest first; on a narrow timeline the way to clear the filter
        // matters more than the panel's name.
        let mut upper = label.clone();
        if let Some(first) = upper.get(..1) {
            upper.replace_range(..1, &first.to_uppercase());
        }
        let candidates = [
            format!("Timeline · {label}{clear}"),
            format!("{upper}{clear}"),
            format!("Timeline · {label}"),
        ];
        if let Some(title) = candidates.into_iter().find(|t| text::width(t) <= room) {
            return title;
        }
        text::truncate(&upper, room).into_owned()
    }

    /// Where every row goes on `area`: the one layout drawing and the
    /// mouse share.
    pub fn layout(&self, area: Rect) -> TimelineLayout {
        let app = self.app;
        let framed = area.height >= 4 && area.width >= 12;
        let inner = if framed {
            frame_in(app.theme()).inner(area)
        } else {
            area
        };
        let mut layout = TimelineLayout {
            inner,
            framed,
            rows: Vec::new(),
            current: 0,
            hint: None,
        };
        if inner.is_empty() {
            return layout;
        }
        // Whether anything at all lies ahead, not whether a listed moment
        // does: under "only goals", the note vanishing after a goal would
        // say that no goal is left.
        let more_ahead = !app.spoilers_shown() && app.step() < app.replay().steps();
        let hint = more_ahead && inner.height >= 3;
        let rows = inner.height as usize - usize::from(hint);
        let (steps, current) = self.window(rows);
        layout.rows = steps
            .iter()
            .enumerate()
            .map(|(i, &step)| (inner.y + i as u16, step))
            .collect();
        layout.current = current;
        layout.hint = hint.then(|| inner.y + steps.len() as u16);
        layout
    }

    /// The step of the row drawn at `(x, y)` on `area`, if any.
    pub fn step_at(&self, area: Rect, x: u16, y: u16) -> Option<usize> {
        let layout = self.layout(area);
        let inner = layout.inner;
        if x < inner.left() || x >= inner.right() {
            return None;
        }
        layout
            .rows
            .iter()
            .find(|&&(row, _)| row == y)
            .map(|&(_, step)| step)
    }

    fn row(&self, step: usize, width: usize) -> Line<'static> {
        let mut line = self.moment_row(step, width);
        if self.gutter() {
            line.spans.insert(0, self.mark(step));
        }
        fit_line(line, width)
    }

    fn moment_row(&self, step: usize, width: usize) -> Line<'static> {
        let app = self.app;
        let theme = app.theme();
        let replay = app.replay();
        let width = width.saturating_sub(usize::from(self.gutter()));
        let Some(event) = step
            .checked_sub(1)
            .and_then(|i| replay.game().events.get(i))
        else {
            return Line::from(vec![
                Span::raw(format!("{:>6} ", "")),
                Span::styled("∙", theme.dim()),
                Span::raw(" "),
                Span::styled("Before kick-off", theme.text()),
            ]);
        };
        let clock = event
            .clock
            .map_or_else(|| "pens".to_owned(), |c| c.display().to_string());
        let struck = replay
            .overturned_at(step)
            .filter(|_| matches!(event.detail, Detail::Goal { .. }))
            .is_some_and(|review| app.reveals(review));
        let (symbol, mut symbol_style) = moment::symbol(event, theme);
        if struck {
            symbol_style = theme.struck_off();
        }
        let mut spans = vec![
            Span::styled(format!("{clock:>6} "), theme.dim()),
            Span::styled(symbol, symbol_style),
            Span::raw(" "),
        ];
        if width >= 24 {
            let code = event
                .team
                .map(|side| replay.game().info.team(side).short_code())
                .unwrap_or_default();
            let code = text::truncate(&code, 3).into_owned();
            let pad = " ".repeat(3usize.saturating_sub(text::width(&code)) + 1);
            spans.push(Span::styled(code, theme.team_or_plain(event.team)));
            spans.push(Span::raw(pad));
        }
        if struck {
            let player = event.player.as_deref().map_or("", text::surname);
            spans.push(Span::styled(format!("Goal {player}"), theme.struck_off()));
            spans.push(Span::raw(" "));
            spans.push(Span::styled("VAR: no goal", theme.var_marker()));
        } else {
            let style = match event.detail {
                Detail::Goal { .. } => theme.goal(),
                _ => theme.text(),
            };
            spans.push(Span::styled(moment::summary(replay, step, event), style));
        }
        fit_line(Line::from(spans), width)
    }
}

impl Widget for TimelineWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let app = self.app;
        let theme = app.theme();
        let layout = self.layout(area);
        if layout.framed {
            panel_in(&self.title(area.width), app.theme()).render(area, buf);
        }
        let inner = layout.inner;
        if inner.is_empty() {
            return;
        }
        let width = inner.width as usize;
        for (i, &(y, step)) in layout.rows.iter().enumerate() {
            let line = self.row(step, width);
            if i == layout.current {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.current());
            }
            draw_line(buf, inner, inner.x, y, &line);
        }
        if let Some(y) = layout.hint {
            let pad = 6 + usize::from(self.gutter());
            let cue = Cue::Spoilers {
                section: Section::Replay,
                shown: false,
            };
            let line = fit_line(
                Line::from(vec![
                    Span::raw(format!("{:>pad$} ", "")),
                    Span::styled(
                        format!("⋮ hidden · {}", cue.text(app.keymap())),
                        theme.dim(),
                    ),
                ]),
                width,
            );
            draw_line(buf, inner, inner.x, y, &line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::replay::Replay;
    use crate::tui::AppOptions;
    use crate::tui::action::ViewerAction;

    fn render(app: &App, width: u16, height: u16) -> String {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        TimelineWidget::new(app).render(area, &mut buf);
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    fn app(spoilers: bool) -> App {
        let options = AppOptions {
            spoilers,
            ..AppOptions::default()
        };
        App::new(Replay::new(import::bundled().game), options)
    }

    #[test]
    fn hidden_spoilers_keep_later_moments_out_of_the_timeline() {
        let hidden = app(false);
        let text = render(&hidden, 60, 40);
        assert!(text.contains("Kick-off"));
        for later in ["Giroud", "Tchouaméni", "Half-time", "Full time"] {
            assert!(!text.contains(later), "{later} shown at kick-off");
        }
        assert!(text.contains("s to show"));
        let shown = app(true);
        let text = render(&shown, 60, 40);
        for later in ["Giroud", "Tchouaméni", "Half-time", "Full time"] {
            assert!(text.contains(later), "{later} missing with spoilers shown");
        }
    }

    #[test]
    fn the_window_keeps_the_cursor_in_view_and_centred_when_it_can() {
        let mut app = app(true);
        let _ = app.update(ViewerAction::FullTime);
        let steps = app.replay().steps();
        let widget = TimelineWidget::new(&app);
        let (rows, current) = widget.window(7);
        assert_eq!(rows.len(), 7);
        assert_eq!(
            rows[current], steps,
            "at the end the cursor is the last row"
        );
        let _ = app.update(ViewerAction::PrevGoal);
        let widget = TimelineWidget::new(&app);
        let (rows, current) = widget.window(7);
        assert_eq!(current, 3);
        assert_eq!(rows[current], app.step());
        assert!(rows.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(widget.window(1), (vec![app.step()], 0));
        assert_eq!(widget.window(0), (vec![], 0));
    }
}
