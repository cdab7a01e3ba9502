//! Drawing the match list: a framed table of date, competition, teams,
//! the result (only with spoilers shown) and where the fan left off, with
//! the filter above it and a line about the highlighted file below. Pure:
//! the [`Picker`] in, a frame out. Columns give way as the screen narrows
//! (competition, then date, then the rest) down to the highlighted match
//! alone on one line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Known, Picker, Row};
use crate::library::{Entry, Format, display_relative};
use crate::model::FinalResult;
use crate::text;
use crate::tui::keymap::Mode;
use crate::tui::widgets::{HelpWidget, draw_line, draw_str, fit_line, hints, line_width, panel_in};

/// Where each part goes on a screen of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plan {
    frame: Option<Rect>,
    filter: Option<Rect>,
    header: Option<Rect>,
    list: Rect,
    details: Option<Rect>,
    footer: Option<Rect>,
}

impl Plan {
    fn new(area: Rect) -> Self {
        let (w, h) = (area.width, area.height);
        let row = |y: u16| Rect::new(area.x, area.y + y, w, 1);
        let rows = |y: u16, n: u16| Rect::new(area.x, area.y + y, w, n);
        if h >= 8 && w >= 24 {
            let frame = rows(0, h - 2);
            let inner = Rect::new(frame.x + 1, frame.y + 1, w - 2, frame.height - 2);
            let line = |y: u16| Rect::new(inner.x + 1, inner.y + y, inner.width - 2, 1);
            Self {
                frame: Some(frame),
                filter: Some(line(0)),
                header: Some(line(1)),
                list: Rect::new(inner.x + 1, inner.y + 2, inner.width - 2, inner.height - 2),
                details: Some(row(h - 2)),
                footer: Some(row(h - 1)),
            }
        } else if h >= 3 {
            Self {
                frame: None,
                filter: Some(row(0)),
                header: None,
                list: rows(1, h - 2),
                details: None,
                footer: Some(row(h - 1)),
            }
        } else {
            Self {
                frame: None,
                filter: None,
                header: None,
                list: rows(0, 1.min(h)),
                details: None,
                footer: (h == 2).then(|| row(1)),
            }
        }
    }
}

/// How many rows of the list a screen of `area` shows.
pub fn list_rows(area: Rect) -> usize {
    Plan::new(area).list.height as usize
}

/// The widths of a match row's columns at `width`; 0 for a column left
/// out.
#[derive(Clone, Copy, Debug)]
struct Columns {
    date: usize,
    competition: usize,
    teams: usize,
    score: usize,
    seen: usize,
}

/// The marker before each row: the highlight or a space.
const MARK: usize = 2;
const GAP: usize = 2;

impl Columns {
    /// `visited`: whether any match has been opened, which is when the
    /// "Left at" column is worth its room.
    fn new(width: usize, spoilers: bool, visited: bool) -> Self {
        let date = if width >= 46 { 10 } else { 0 };
        let seen = if visited && width >= 56 { 7 } else { 0 };
        let score = if spoilers && width >= 34 { 11 } else { 0 };
        let used = MARK
            + [date, seen, score]
                .iter()
                .filter(|&&w| w > 0)
                .map(|w| w + GAP)
                .sum::<usize>();
        let rest = width.saturating_sub(used);
        let competition = if width >= 72 { rest * 9 / 20 } else { 0 };
        let teams = rest.saturating_sub(competition + if competition > 0 { GAP } else { 0 });
        Self {
            date,
            competition,
            teams,
            score,
            seen,
        }
    }
}

/// "1-2", "3-3 (4-2 p)".
fn result_text(result: &FinalResult) -> String {
    match result.shootout {
        Some(p) => format!("{}-{} ({}-{} p)", result.home, result.away, p.home, p.away),
        None => format!("{}-{}", result.home, result.away),
    }
}

/// Pads or cuts `text` to exactly `width` columns.
fn cell(text: &str, width: usize) -> String {
    let cut = text::truncate(text, width);
    let pad = width.saturating_sub(text::width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

impl Picker {
    fn match_line(&self, index: usize, entry: &Entry, columns: Columns) -> Vec<Span<'static>> {
        let theme = self.theme();
        let mut spans = Vec::new();
        let gap = || Span::raw(" ".repeat(GAP));
        if columns.date > 0 {
            match entry.date {
                Some(date) => spans.push(Span::raw(cell(&date.to_string(), columns.date))),
                None => spans.push(Span::styled(cell("no date", columns.date), theme.dim())),
            }
            spans.push(gap());
        }
        if columns.competition > 0 {
            match &entry.competition {
                Some(c) => spans.push(Span::raw(cell(c, columns.competition))),
                None => spans.push(Span::styled(
                    cell("competition unknown", columns.competition),
                    theme.dim(),
                )),
            }
            spans.push(gap());
        }
        spans.push(Span::styled(
            cell(&entry.title(), columns.teams),
            theme.strong(),
        ));
        if columns.score > 0 {
            spans.push(gap());
            let (score, style) = match self.result(index) {
                Known::Result(result) => (result_text(result), theme.goal()),
                Known::Unknown | Known::Pending => ("…".to_owned(), theme.dim()),
                Known::Failed(_) => ("?".to_owned(), theme.error()),
            };
            spans.push(Span::styled(cell(&score, columns.score), style));
        }
        if columns.seen > 0 {
            spans.push(gap());
            let seen = self
                .visit(index)
                .map(|v| format!("◷ {}", v.label))
                .unwrap_or_default();
            spans.push(Span::styled(cell(&seen, columns.seen), theme.dim()));
        }
        spans
    }

    fn row_line(&self, row: Row, width: usize, columns: Columns) -> Line<'static> {
        let theme = self.theme();
        let catalog = self.catalog();
        match row {
            Row::Match(index) => {
                Line::from(self.match_line(index, &catalog.entries[index], columns))
            }
            Row::Unreadable(index) => {
                let bad = &catalog.unreadable[index];
                let name = display_relative(&bad.path, &catalog.root);
                fit_line(
                    Line::from(vec![
                        Span::styled("✗ ", theme.error()),
                        Span::raw(name),
                        Span::styled(
                            format!("  {}", text::sanitize_line(&bad.reason)),
                            theme.dim(),
                        ),
                    ]),
                    width,
                )
            }
        }
    }

    fn render_list(&self, rect: Rect, buf: &mut Buffer) {
        if rect.is_empty() {
            return;
        }
        let width = rect.width as usize;
        let columns = Columns::new(width, self.spoilers_shown(), self.visited());
        let rows = rect.height as usize;
        // The highlight is always on screen, whatever the state's offset.
        let selected = self.selected();
        let mut offset = self.offset().min(selected);
        if selected >= offset + rows {
            offset = selected + 1 - rows;
        }
        for (i, &row) in self.shown().iter().skip(offset).take(rows).enumerate() {
            let y = rect.y + i as u16;
            let current = offset + i == selected;
            let mut spans = vec![Span::raw(if current { "▶ " } else { "  " })];
            spans.extend(
                self.row_line(self.rows()[row], width.saturating_sub(MARK), columns)
                    .spans,
            );
            let line = fit_line(Line::from(spans), width);
            if current {
                buf.set_style(Rect::new(rect.x, y, rect.width, 1), self.theme().current());
            }
            draw_line(buf, rect, rect.x, y, &line);
        }
        if self.shown().is_empty() {
            draw_str(
                buf,
                rect,
                rect.x,
                rect.y,
                "No match has every word of the filter.",
                self.theme().dim(),
            );
        }
    }

    fn render_header(&self, rect: Rect, buf: &mut Buffer) {
        let columns = Columns::new(rect.width as usize, self.spoilers_shown(), self.visited());
        let mut spans = vec![Span::raw(" ".repeat(MARK))];
        let gap = || Span::raw(" ".repeat(GAP));
        if columns.date > 0 {
            spans.push(Span::raw(cell("Date", columns.date)));
            spans.push(gap());
        }
        if columns.competition > 0 {
            spans.push(Span::raw(cell("Competition", columns.competition)));
            spans.push(gap());
        }
        spans.push(Span::raw(cell("Match", columns.teams)));
        if columns.score > 0 {
            spans.push(gap());
            spans.push(Span::raw(cell("Result", columns.score)));
        }
        if columns.seen > 0 {
            spans.push(gap());
            spans.push(Span::raw(cell("Left at", columns.seen)));
        }
        let line = fit_line(
            Line::from(spans).style(self.theme().dim()),
            rect.width as usize,
        );
        draw_line(buf, rect, rect.x, rect.y, &line);
    }

    /// "12 of 3,001 matches · 2 unreadable".
    fn count_line(&self) -> String {
        let total = self.catalog().entries.len();
        let shown = self
            .shown()
            .iter()
            .filter(|&&r| matches!(self.rows()[r], Row::Match(_)))
            .count();
        let noun = if total == 1 { "match" } else { "matches" };
        let mut line = if shown == total {
            format!("{} {noun}", text::thousands(total as u64))
        } else {
            format!(
                "{} of {} {noun}",
                text::thousands(shown as u64),
                text::thousands(total as u64)
            )
        };
        let bad = self.catalog().unreadable.len();
        if bad > 0 {
            line.push_str(&format!(" · {} unreadable", text::thousands(bad as u64)));
        }
        line
    }

    fn render_filter(&self, rect: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let count = self.count_line();
        let typing = self.mode() == Mode::LibraryFilter;
        let line = if typing {
            Line::from(vec![
                Span::styled("/ ", theme.key()),
                Span::styled(
                    text::sanitize_line(self.filter()).into_owned(),
                    theme.strong(),
                ),
                Span::styled("▏", theme.key()),
            ])
        } else if !self.filter().is_empty() {
            Line::from(vec![
                Span::styled("filter: ", theme.dim()),
                Span::styled(
                    text::sanitize_line(self.filter()).into_owned(),
                    theme.strong(),
                ),
                Span::styled(" · Esc clears", theme.dim()),
            ])
        } else {
            Line::styled("/ filters by date, team or competition", theme.dim())
        };
        let width = rect.width as usize;
        let count_w = text::width(&count);
        // The count goes at the right when both fit, else the filter wins.
        let left = fit_line(line, width);
        draw_line(buf, rect, rect.x, rect.y, &left);
        if line_width(&left) as usize + 2 + count_w <= width {
            let x = rect.right() - count_w as u16;
            draw_str(buf, rect, x, rect.y, &count, theme.dim());
        }
    }

    /// A line about the highlighted row: its file and what the list does
    /// not know about it.
    fn details_line(&self) -> Option<Line<'static>> {
        let theme = self.theme();
        let catalog = self.catalog();
        let row = self.rows()[*self.shown().get(self.selected())?];
        let line = match row {
            Row::Match(index) => {
                let entry = &catalog.entries[index];
                let mut spans = vec![Span::raw(format!(" {}", entry.location(&catalog.root)))];
                let format = match entry.format {
                    Format::MatchFile => "match file",
                    Format::StatsBomb => "StatsBomb events",
                    Format::OpenFootball => "openfootball tournament",
                };
                spans.push(Span::styled(format!(" · {format}"), theme.dim()));
                let mut unknown = Vec::new();
                if entry.date.is_none() {
                    unknown.push("date");
                }
                if entry.competition.is_none() {
                    unknown.push("competition");
                }
                if !unknown.is_empty() {
                    let why = if entry.format == Format::StatsBomb {
                        " (no StatsBomb match list beside it)"
                    } else {
                        " (not in the file)"
                    };
                    spans.push(Span::styled(
                        format!(" · {} unknown{why}", unknown.join(" and ")),
                        theme.dim(),
                    ));
                }
                if let Known::Failed(reason) = self.result(index) {
                    spans.push(Span::styled(
                        format!(" · does not load: {}", text::sanitize_line(reason)),
                        theme.error(),
                    ));
                }
                Line::from(spans)
            }
            Row::Unreadable(index) => {
                let bad = &catalog.unreadable[index];
                Line::from(vec![
                    Span::styled(" ✗ ", theme.error()),
                    Span::raw(display_relative(&bad.path, &catalog.root)),
                    Span::styled(
                        format!(": {}", text::sanitize_line(&bad.reason)),
                        theme.dim(),
                    ),
                ])
            }
        };
        Some(line)
    }

    fn render_frame(&self, rect: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let root = text::sanitize_line(&self.catalog().root.display().to_string()).into_owned();
        let room = (rect.width as usize).saturating_sub(8);
        let status = if self.spoilers_shown() {
            "spoilers shown · s to hide"
        } else {
            "spoilers hidden · s to show"
        };
        let status = if text::width(status) + 20 <= room {
            status
        } else if self.spoilers_shown() {
            "spoilers shown"
        } else {
            "spoilers hidden"
        };
        let title_room = room.saturating_sub(text::width(status) + 4);
        let title = text::truncate(&format!("Matches in {root}"), title_room).into_owned();
        let block = panel_in(&title, theme);
        (&block).render(rect, buf);
        let status_w = text::width(status) as u16;
        if rect.width > status_w + 6 {
            let x = rect.right() - status_w - 3;
            draw_str(buf, rect, x - 1, rect.y, " ", Style::new());
            let end = draw_str(buf, rect, x, rect.y, status, theme.dim());
            draw_str(buf, rect, end, rect.y, " ", Style::new());
        }
    }
}

impl Widget for &Picker {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        if let Some(app) = self.viewer() {
            app.render(area, buf);
            return;
        }
        let plan = Plan::new(area);
        if let Some(rect) = plan.frame {
            self.render_frame(rect, buf);
        }
        if let Some(rect) = plan.filter {
            self.render_filter(rect, buf);
        }
        if let Some(rect) = plan.header {
            self.render_header(rect, buf);
        }
        self.render_list(plan.list, buf);
        if let (Some(rect), Some(line)) = (plan.details, self.details_line()) {
            draw_line(
                buf,
                rect,
                rect.x,
                rect.y,
                &fit_line(line, rect.width as usize),
            );
        }
        if let Some(rect) = plan.footer {
            let width = rect.width as usize;
            let line = match self.message() {
                Some(message) => fit_line(
                    Line::from(vec![
                        Span::raw(" "),
                        Span::styled(
                            text::sanitize_line(message).into_owned(),
                            self.theme().strong(),
                        ),
                    ]),
                    width,
                ),
                None => hints(self.theme(), self.keymap(), self.mode(), width),
            };
            draw_line(buf, rect, rect.x, rect.y, &line);
        }
        if self.mode() == Mode::Help {
            HelpWidget::library(self.theme(), self.keymap()).render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_stay_inside_the_screen() {
        for w in 0..=130 {
            for h in 0..=45 {
                let area = Rect::new(2, 1, w, h);
                let plan = Plan::new(area);
                for rect in [
                    plan.frame,
                    plan.filter,
                    plan.header,
                    plan.details,
                    plan.footer,
                ]
                .into_iter()
                .flatten()
                .chain([plan.list])
                {
                    assert_eq!(area.union(rect), area, "{w}x{h}: {rect:?}");
                }
            }
        }
    }

    #[test]
    fn columns_never_exceed_the_width() {
        for width in 0..=200 {
            for (spoilers, visited) in [(false, false), (true, false), (true, true)] {
                let c = Columns::new(width, spoilers, visited);
                let gaps = [c.date, c.competition, c.score, c.seen]
                    .iter()
                    .filter(|&&w| w > 0)
                    .count()
                    * GAP;
                let used = MARK + c.date + c.competition + c.teams + c.score + c.seen + gaps;
                assert!(used <= width.max(MARK), "{width}: {c:?}");
            }
        }
    }
}
