//! The commentary panel: the current moment's heading and text, its
//! quotes with speaker, role and source, and the quotes of earlier moments
//! below. Before kick-off it shows the match facts instead.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::line::{draw_line, fit_line};
use super::moment;
use super::panel::{Panel, panel_in};
use crate::model::{Detail, Event, Quote, Side};
use crate::text;
use crate::text::wrap;
use crate::tui::app::App;
use crate::tui::notice::Cue;
use crate::tui::theme::Theme;

/// Draws the commentary of an [`App`].
pub struct CommentaryWidget<'a> {
    app: &'a App,
}

/// Columns for the labels of the match facts.
const LABEL: usize = 11;

impl<'a> CommentaryWidget<'a> {
    /// The commentary of `app`.
    pub fn new(app: &'a App) -> Self {
        Self { app }
    }

    /// The panel's lines at `width` columns, before clipping to its height.
    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let state = self.app.state();
        match state.event() {
            None => self.facts(width),
            Some(event) => self.moment(event, width),
        }
    }

    fn moment(&self, event: &Event, width: usize) -> Vec<Line<'static>> {
        let app = self.app;
        let theme = app.theme();
        let replay = app.replay();
        let step = app.step();
        let info = &replay.game().info;
        let mut lines = Vec::new();

        let (symbol, symbol_style) = moment::symbol(event, theme);
        let clock = event
            .clock
            .map_or_else(|| "Penalties".to_owned(), |c| c.display().to_string());
        let mut heading = vec![
            Span::styled(clock, theme.strong()),
            Span::raw("  "),
            Span::styled(symbol, symbol_style),
            Span::raw(" "),
            Span::styled(moment::kind_title(replay, step, event), theme.strong()),
        ];
        if let Some(side) = event.team {
            heading.push(Span::styled(" · ", theme.dim()));
            heading.push(Span::styled(info.team(side).short_code(), theme.team(side)));
        }
        if let Some(player) = &event.player {
            heading.push(Span::raw(format!(" {player}")));
        }
        lines.extend(wrap_spans(heading, width));
        if let Some(detail) = self.detail_line(event) {
            lines.extend(wrap_styled(&detail, width, theme.dim(), ""));
        }
        if let Some(text) = &event.text {
            lines.extend(wrap_styled(text, width, theme.text(), ""));
        }
        for quote in &event.quotes {
            lines.push(Line::default());
            lines.extend(quote_lines(quote, width, theme, ""));
        }

        let earlier: Vec<&Event> = app
            .state()
            .quoted_events()
            .filter(|e| !std::ptr::eq(*e, event))
            .collect();
        if !earlier.is_empty() {
            lines.push(Line::default());
            let rule = format!("── Earlier quotes {}", "─".repeat(width));
            lines.push(Line::styled(
                text::truncate(&rule, width).into_owned(),
                theme.dim(),
            ));
            for past in earlier {
                let clock = past
                    .clock
                    .map_or_else(String::new, |c| c.display().to_string());
                for quote in &past.quotes {
                    lines.extend(quote_lines(quote, width, theme, &clock));
                }
            }
        }
        lines
    }

    /// The facts a heading leaves out: assist, who was fouled, who came on.
    fn detail_line(&self, event: &Event) -> Option<String> {
        let replay = self.app.replay();
        match &event.detail {
            Detail::Goal { assist, .. } => {
                let score = replay.at(self.app.step()).score();
                let mut s = format!(
                    "{} {}-{} {}",
                    replay.game().info.home.name,
                    score.home,
                    score.away,
                    replay.game().info.away.name
                );
                if let Some(a) = assist {
                    s.push_str(&format!(" · assist {a}"));
                }
                if self.app.state().is_struck_off(self.app.step()) {
                    s.push_str(" · VAR: no goal");
                }
                Some(s)
            }
            Detail::PenaltyAwarded { fouled, fouler } => match (fouled, fouler) {
                (Some(a), Some(b)) => Some(format!("{a} fouled by {b}")),
                (Some(a), None) => Some(format!("{a} fouled")),
                (None, Some(b)) => Some(format!("Foul by {b}")),
                (None, None) => None,
            },
            Detail::PenaltyMiss {
                keeper: Some(k), ..
            } => Some(format!("Goalkeeper: {k}")),
            Detail::Card {
                reason: Some(r), ..
            } => Some(r.to_string()),
            Detail::Substitution {
                player_in,
                player_out,
            } => {
                let on = player_in.as_deref().unwrap_or("?");
                let off = player_out.as_deref().unwrap_or("?");
                Some(format!("On: {on} · Off: {off}"))
            }
            Detail::Var {
                decision,
                overturns,
            } => {
                let mut parts = Vec::new();
                if let Some(d) = decision {
                    parts.push(format!("Decision: {d}"));
                }
                // Only events already reached can be named: a review
                // refers back, never ahead.
                let target = overturns.as_deref().and_then(|id| {
                    self.app
                        .state()
                        .events()
                        .iter()
                        .find(|e| e.id.as_deref() == Some(id))
                });
                if let Some(target) = target {
                    let what = match target.detail {
                        Detail::Goal { .. } => "rules out the goal",
                        _ => "overturns the call",
                    };
                    let who = target.player.as_deref().map(text::surname);
                    let when = target.clock.map(|c| c.display().to_string());
                    let mut s = what.to_owned();
                    if let Some(who) = who {
                        s.push_str(&format!(" by {who}"));
                    }
                    if let Some(when) = when {
                        s.push_str(&format!(" ({when})"));
                    }
                    parts.push(s);
                }
                (!parts.is_empty()).then(|| parts.join(" · "))
            }
            Detail::Foul { fouled: Some(f) } => Some(format!("On {f}")),
            _ => None,
        }
    }

    /// Before kick-off: who, where, when, who referees, who manages, the
    /// starting line-ups and where the facts come from. Never the result.
    fn facts(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.app.theme();
        let info = &self.app.replay().game().info;
        let mut lines = Vec::new();
        let mut heading = vec![
            Span::styled(info.home.name.clone(), theme.team(Side::Home)),
            Span::styled(" v ", theme.strong()),
            Span::styled(info.away.name.clone(), theme.team(Side::Away)),
        ];
        for part in [&info.competition, &info.stage].into_iter().flatten() {
            heading.push(Span::styled(" · ", theme.dim()));
            heading.push(Span::styled(part.clone(), theme.strong()));
        }
        lines.extend(wrap_spans(heading, width));
        let mut fact = |label: &str, value: &str| {
            lines.extend(labelled(label, value, width, theme));
        };
        if let Some(venue) = &info.venue {
            fact("Venue", venue);
        }
        if let Some(kickoff) = info.kickoff {
            fact(
                "Kick-off",
                &kickoff.format("%a %-d %b %Y, %H:%M (UTC%:z)").to_string(),
            );
        }
        if let Some(referee) = &info.referee {
            fact("Referee", referee);
        }
        let managers: Vec<String> = Side::BOTH
            .into_iter()
            .filter_map(|side| {
                let team = info.team(side);
                let manager = team.manager.as_deref()?;
                Some(format!("{} ({})", manager, team.name))
            })
            .collect();
        if !managers.is_empty() {
            fact("Managers", &managers.join(", "));
        }
        if let Some(attendance) = info.attendance {
            fact("Attendance", &text::thousands(attendance));
        }
        for side in Side::BOTH {
            let team = info.team(side);
            let starters: Vec<&str> = team
                .players
                .iter()
                .filter(|p| p.starter)
                .map(|p| text::surname(&p.name))
                .collect();
            if !starters.is_empty() {
                fact(&team.short_code(), &starters.join(", "));
            }
        }
        if let Some(source) = &info.source {
            fact("Source", source);
        }
        lines
    }
}

/// A fact with its label in a column, the value wrapped under itself.
fn labelled(label: &str, value: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if width <= LABEL + 8 {
        let mut out = wrap_styled(label, width, theme.dim(), "");
        out.extend(wrap_styled(value, width, theme.text(), ""));
        return out;
    }
    wrap(value, width - LABEL)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let head = if i == 0 { label } else { "" };
            let head = format!("{:<LABEL$}", text::truncate(head, LABEL - 1));
            Line::from(vec![Span::styled(head, theme.dim()), Span::raw(part)])
        })
        .collect()
}

/// A quote in italics, then who said it, in what role, and where.
/// `clock` is set for earlier moments' quotes.
fn quote_lines(quote: &Quote, width: usize, theme: &Theme, clock: &str) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let prefix = if clock.is_empty() {
        String::new()
    } else {
        format!("{clock} ")
    };
    let said = format!("{prefix}“{}”", quote.text.trim());
    out.extend(wrap_styled(&said, width, theme.quote(), ""));
    let mut who = format!("  - {}", quote.speaker);
    if let Some(role) = &quote.role {
        who.push_str(&format!(", {role}"));
    }
    if let Some(source) = &quote.source {
        who.push_str(&format!(" ({source})"));
    }
    out.extend(wrap_styled(&who, width, theme.dim(), "    "));
    out
}

/// Wraps `text` in one style; continuation lines start with `indent`.
fn wrap_styled(text: &str, width: usize, style: Style, indent: &str) -> Vec<Line<'static>> {
    let indent_w = text::width(indent);
    let first = wrap(text, width);
    if indent_w == 0 || first.len() <= 1 || width <= indent_w + 4 {
        return first.into_iter().map(|l| Line::styled(l, style)).collect();
    }
    let mut lines = first.into_iter();
    let mut out = vec![Line::styled(lines.next().unwrap_or_default(), style)];
    let rest: Vec<String> = lines.collect();
    for part in wrap(&rest.join(" "), width - indent_w) {
        out.push(Line::styled(format!("{indent}{part}"), style));
    }
    out
}

/// Wraps a line made of styled spans, word by word, keeping each word's
/// style.
fn wrap_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    if width == 0 {
        return Vec::new();
    }
    for span in spans {
        // Split each span into words and the spaces between them.
        let mut rest: &str = &span.content;
        while !rest.is_empty() {
            let end = rest
                .find(' ')
                .map_or(rest.len(), |i| if i == 0 { 1 } else { i });
            let (piece, tail) = rest.split_at(end);
            rest = tail;
            let w = text::width(piece);
            if piece == " " {
                if used > 0 && used < width {
                    if let Some(last) = lines.last_mut() {
                        last.push(Span::styled(" ", span.style));
                    }
                    used += 1;
                }
                continue;
            }
            if used + w > width && used > 0 {
                if let Some(last) = lines.last_mut() {
                    while last.last().is_some_and(|s| s.content == " ") {
                        last.pop();
                    }
                }
                lines.push(Vec::new());
                used = 0;
            }
            for part in wrap(piece, width) {
                if used > 0 && used + text::width(&part) > width {
                    lines.push(Vec::new());
                    used = 0;
                }
                used += text::width(&part);
                if let Some(last) = lines.last_mut() {
                    last.push(Span::styled(part, span.style));
                }
            }
        }
    }
    lines
        .into_iter()
        .map(|spans| fit_line(Line::from(spans), width))
        .collect()
}

impl CommentaryWidget<'_> {
    /// Whether a panel of this size gets a frame.
    fn framed(area: Rect) -> bool {
        area.height >= 4 && area.width >= 12
    }

    /// The text area of a panel drawn on `area`: inside the frame, with a
    /// column of padding each side when there is room.
    pub fn body(area: Rect) -> Rect {
        let inner = if Self::framed(area) {
            Panel::new(Style::new()).inner(area)
        } else {
            area
        };
        let pad = u16::from(inner.width > 4);
        Rect {
            x: inner.x + pad,
            width: inner.width.saturating_sub(2 * pad),
            ..inner
        }
    }

    /// Lines that do not fit in a panel drawn on `area` (all of them when
    /// there is no panel): how far it can scroll.
    pub fn overflow(&self, area: Option<Rect>) -> usize {
        let Some(body) = area.map(Self::body).filter(|b| !b.is_empty()) else {
            return 0;
        };
        let lines = self.lines(body.width as usize).len();
        lines.saturating_sub(body.height as usize)
    }
}

impl Widget for CommentaryWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let app = self.app;
        let theme = app.theme();
        if Self::framed(area) {
            let title = if app.step() == 0 {
                "Match facts"
            } else {
                "Commentary"
            };
            panel_in(title, app.theme()).render(area, buf);
        }
        let body = Self::body(area);
        if body.is_empty() {
            return;
        }
        let lines = self.lines(body.width as usize);
        let rows = body.height as usize;
        let scroll = app.scroll().min(lines.len().saturating_sub(rows));
        let mut shown: Vec<Line<'static>> = lines.iter().skip(scroll).take(rows).cloned().collect();
        // Say what is out of view, and how to get to it, in place of the
        // first or last visible line.
        let note = |text: String| {
            Line::styled(
                text::truncate(&text, body.width as usize).into_owned(),
                theme.dim(),
            )
        };
        let below = lines.len().saturating_sub(scroll + rows);
        if let Some(last) = shown.last_mut().filter(|_| below > 0 && rows >= 2) {
            *last = note(Cue::MoreBelow(below + 1).text(app.keymap()));
        }
        if let Some(first) = shown.first_mut().filter(|_| scroll > 0 && rows >= 3) {
            *first = note(Cue::MoreAbove(scroll + 1).text(app.keymap()));
        }
        for (i, line) in shown.iter().enumerate() {
            draw_line(buf, body, body.x, body.y + i as u16, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styled_spans_wrap_by_words_within_the_width() {
        let spans = vec![
            Span::raw("54'  "),
            Span::styled("Goal", Style::new().bold()),
            Span::raw(" · ENG Harry Kane the captain"),
        ];
        let lines = wrap_spans(spans, 14);
        for line in &lines {
            assert!(crate::tui::widgets::line::line_width(line) <= 14);
        }
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(text, ["54'  Goal ·", "ENG Harry Kane", "the captain"]);
    }
}
