//! Drawing the match list: a framed table of date, competition, teams,
//! the result (only with spoilers shown) and where the fan left off, with
//! the filter above it and a line about the highlighted file below. Pure:
//! the [`Picker`] in, a frame out. Columns give way as the screen narrows
//! (competition, then date, then the rest) down to the highlighted match
//! alone on one line.
//!
//! [`measure`] gives the list the layout facts it pages by.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Known, ListViewport, Picker, Row};
use crate::library::{Entry, Format, display_relative};
use crate::model::FinalResult;
use crate::text;
use crate::tui::keymap::Section;
use crate::tui::notice::Cue;
use crate::tui::viewport::Scroll;
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

/// The layout facts of `picker`'s list drawn on `area`: a page of rows,
/// and how the help scrolls there.
pub fn measure(picker: &Picker, area: Rect) -> ListViewport {
    let (page, max) = HelpWidget::library(picker.theme(), picker.keymap(), 0).scroll_range(area);
    ListViewport {
        rows: list_rows(area),
        help: Scroll { page, max },
    }
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

/// Draws the match list of a [`Picker`] (or, with a match open, its
/// viewer).
pub struct ListWidget<'a> {
    picker: &'a Picker,
}

impl<'a> ListWidget<'a> {
    /// The list of `picker`.
    pub fn new(picker: &'a Picker) -> Self {
        Self { picker }
    }

    fn match_line(&self, index: usize, entry: &Entry, columns: Columns) -> Vec<Span<'static>> {
        let theme = self.picker.theme();
        let mut spans = Vec::new();
        let gap = || Span::raw(" ".repeat(GAP));
        if columns.date > 0 {
            match entry.date {
                Some(date) => spans.push(Span::raw(text::fit(&date.to_string(), columns.date))),
                None => spans.push(Span::styled(
                    text::fit("no date", columns.date),
                    theme.dim(),
                )),
            }
            spans.push(gap());
        }
        if columns.competition > 0 {
            match &entry.competition {
                Some(c) => spans.push(Span::raw(text::fit(c, columns.competition))),
                None => spans.push(Span::styled(
                    text::fit("competition unknown", columns.competition),
                    theme.dim(),
                )),
            }
            spans.push(gap());
        }
        spans.push(Span::styled(
            text::fit(&entry.title(), columns.teams),
            theme.strong(),
        ));
        if columns.score > 0 {
            spans.push(gap());
            let (score, style) = match self.picker.result(index) {
                Known::Result(result) => (result_text(result), theme.goal()),
                Known::Unknown | Known::Pending => ("…".to_owned(), theme.dim()),
                Known::Failed(_) => ("?".to_owned(), theme.error()),
            };
            spans.push(Span::styled(text::fit(&score, columns.score), style));
        }
        if columns.seen > 0 {
            spans.push(gap());
            let seen = self
                .picker
                .visit(index)
                .map(|v| format!("◷ {}", v.label))
                .unwrap_or_default();
            spans.push(Span::styled(text::fit(&seen, columns.seen), theme.dim()));
        }
        spans
    }

    fn row_line(&self, row: Row, width: usize, columns: Columns) -> Line<'static> {
        let theme = self.picker.theme();
        let catalog = self.picker.catalog();
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
                            format!("  {}", text::sanitize_line(&bad.reason.to_string())),
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
        let columns = Columns::new(width, self.picker.spoilers_shown(), self.picker.visited());
        let rows = rect.height as usize;
        // The highlight is always on screen, whatever the state's offset.
        let selected = self.picker.selected();
        let mut offset = self.picker.offset().min(selected);
        if selected >= offset + rows {
            offset = selected + 1 - rows;
        }
        for (i, &row) in self
            .picker
            .shown()
            .iter()
            .skip(offset)
            .take(rows)
            .enumerate()
        {
            let y = rect.y + i as u16;
            let current = offset + i == selected;
            let mut spans = vec![Span::raw(if current { "▶ " } else { "  " })];
            spans.extend(
                self.row_line(self.picker.rows()[row], width.saturating_sub(MARK), columns)
                    .spans,
            );
            let line = fit_line(Line::from(spans), width);
            if current {
                buf.set_style(
                    Rect::new(rect.x, y, rect.width, 1),
                    self.picker.theme().current(),
                );
            }
            draw_line(buf, rect, rect.x, y, &line);
        }
        if self.picker.shown().is_empty() {
            draw_str(
                buf,
                rect,
                rect.x,
                rect.y,
                "No match has every word of the filter.",
                self.picker.theme().dim(),
            );
        }
    }

    fn render_header(&self, rect: Rect, buf: &mut Buffer) {
        let columns = Columns::new(
            rect.width as usize,
            self.picker.spoilers_shown(),
            self.picker.visited(),
        );
        let mut spans = vec![Span::raw(" ".repeat(MARK))];
        let gap = || Span::raw(" ".repeat(GAP));
        if columns.date > 0 {
            spans.push(Span::raw(text::fit("Date", columns.date)));
            spans.push(gap());
        }
        if columns.competition > 0 {
            spans.push(Span::raw(text::fit("Competition", columns.competition)));
            spans.push(gap());
        }
        spans.push(Span::raw(text::fit("Match", columns.teams)));
        if columns.score > 0 {
            spans.push(gap());
            spans.push(Span::raw(text::fit("Result", columns.score)));
        }
        if columns.seen > 0 {
            spans.push(gap());
            spans.push(Span::raw(text::fit("Left at", columns.seen)));
        }
        let line = fit_line(
            Line::from(spans).style(self.picker.theme().dim()),
            rect.width as usize,
        );
        draw_line(buf, rect, rect.x, rect.y, &line);
    }

    /// "12 of 3,001 matches · 2 unreadable".
    fn count_line(&self) -> String {
        let total = self.picker.catalog().entries.len();
        let shown = self
            .picker
            .shown()
            .iter()
            .filter(|&&r| matches!(self.picker.rows()[r], Row::Match(_)))
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
        let bad = self.picker.catalog().unreadable.len();
        if bad > 0 {
            line.push_str(&format!(" · {} unreadable", text::thousands(bad as u64)));
        }
        line
    }

    fn render_filter(&self, rect: Rect, buf: &mut Buffer) {
        let theme = self.picker.theme();
        let count = self.count_line();
        let keymap = self.picker.keymap();
        let line = if self.picker.typing() {
            Line::from(vec![
                Span::styled(format!("{} ", Cue::ListFilterKey.text(keymap)), theme.key()),
                Span::styled(
                    text::sanitize_line(self.picker.filter()).into_owned(),
                    theme.strong(),
                ),
                Span::styled("▏", theme.key()),
            ])
        } else if !self.picker.filter().is_empty() {
            Line::from(vec![
                Span::styled("filter: ", theme.dim()),
                Span::styled(
                    text::sanitize_line(self.picker.filter()).into_owned(),
                    theme.strong(),
                ),
                Span::styled(
                    format!(" · {}", Cue::ClearsFilter(Section::Library).text(keymap)),
                    theme.dim(),
                ),
            ])
        } else {
            Line::styled(Cue::ListFilter.text(keymap), theme.dim())
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
        let theme = self.picker.theme();
        let catalog = self.picker.catalog();
        let row = self.picker.rows()[*self.picker.shown().get(self.picker.selected())?];
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
                if let Known::Failed(reason) = self.picker.result(index) {
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
                        format!(": {}", text::sanitize_line(&bad.reason.to_string())),
                        theme.dim(),
                    ),
                ])
            }
        };
        Some(line)
    }

    fn render_frame(&self, rect: Rect, buf: &mut Buffer) {
        let theme = self.picker.theme();
        let root =
            text::sanitize_line(&self.picker.catalog().root.display().to_string()).into_owned();
        let room = (rect.width as usize).saturating_sub(8);
        let shown = self.picker.spoilers_shown();
        let state = if shown {
            "spoilers shown"
        } else {
            "spoilers hidden"
        };
        let cue = Cue::Spoilers {
            section: Section::Library,
            shown,
        };
        let full = format!("{state} · {}", cue.text(self.picker.keymap()));
        let status = if text::width(&full) + 20 <= room {
            full.as_str()
        } else {
            state
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

// `&Picker` so that drawing borrows the state, as for `&App`.
impl Widget for &Picker {
    fn render(self, area: Rect, buf: &mut Buffer) {
        ListWidget::new(self).render(area, buf);
    }
}

impl Widget for ListWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        if let Some(app) = self.picker.viewer() {
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
            let line = match self.picker.message() {
                Some(message) => fit_line(
                    Line::from(vec![
                        Span::raw(" "),
                        Span::styled(
                            text::sanitize_line(&message).into_owned(),
                            self.picker.theme().strong(),
                        ),
                    ]),
                    width,
                ),
                None => hints(
                    self.picker.theme(),
                    self.picker.keymap(),
                    self.picker.section(),
                    width,
                ),
            };
            draw_line(buf, rect, rect.x, rect.y, &line);
        }
        if let Some(help) = self.picker.help() {
            HelpWidget::library(self.picker.theme(), self.picker.keymap(), help.scroll())
                .render(area, buf);
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
