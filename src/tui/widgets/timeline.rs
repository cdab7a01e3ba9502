//! The timeline: the match's moments, one a row with clock, symbol, team
//! and a few words, the current one highlighted and kept in view. Which
//! events are listed is the app's [`EventFilter`](crate::tui::EventFilter);
//! with spoilers hidden nothing after the cursor is listed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_line, fit_line, moment, panel};
use crate::model::Detail;
use crate::text;
use crate::tui::app::App;

/// Draws the timeline of an [`App`].
pub struct TimelineWidget<'a> {
    app: &'a App,
}

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
            Some(_) => app.prev_visible(step).unwrap_or(0),
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
        let before = walk(&|s| app.prev_visible(s));
        let after = if app.spoilers_shown() {
            walk(&|s| app.next_visible(s))
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

    fn row(&self, step: usize, width: usize) -> Line<'static> {
        let app = self.app;
        let theme = app.theme();
        let replay = app.replay();
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
        let inner = if area.height >= 4 && area.width >= 12 {
            let block = panel("Timeline", app);
            let inner = block.inner(area);
            block.render(area, buf);
            inner
        } else {
            area
        };
        if inner.is_empty() {
            return;
        }
        let anchor = self.anchor();
        let more_ahead = !app.spoilers_shown() && app.next_visible(anchor).is_some();
        let hint = more_ahead && inner.height >= 3;
        let rows = inner.height as usize - usize::from(hint);
        let (steps, current) = self.window(rows);
        let width = inner.width as usize;
        for (i, &step) in steps.iter().enumerate() {
            let y = inner.y + i as u16;
            let line = self.row(step, width);
            if i == current {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.current());
            }
            draw_line(buf, inner, inner.x, y, &line);
        }
        if hint {
            let y = inner.y + steps.len() as u16;
            let line = fit_line(
                Line::from(vec![
                    Span::raw(format!("{:>6} ", "")),
                    Span::styled("⋮ hidden · s to show", theme.dim()),
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
    use crate::tui::{Action, AppOptions};

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
        app.update(Action::FullTime);
        let steps = app.replay().steps();
        let widget = TimelineWidget::new(&app);
        let (rows, current) = widget.window(7);
        assert_eq!(rows.len(), 7);
        assert_eq!(
            rows[current], steps,
            "at the end the cursor is the last row"
        );
        app.update(Action::PrevGoal);
        let widget = TimelineWidget::new(&app);
        let (rows, current) = widget.window(7);
        assert_eq!(current, 3);
        assert_eq!(rows[current], app.step());
        assert!(rows.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(widget.window(1), (vec![app.step()], 0));
        assert_eq!(widget.window(0), (vec![], 0));
    }
}
