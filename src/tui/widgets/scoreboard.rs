//! The scoreboard: both teams in their colours, the score in big digits,
//! the period and clock, each side's scorers and players sent off, and
//! the shoot-out tally once there is one. On small screens it shrinks to
//! one line, and on the smallest to the score alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::line::{draw_line, draw_str, fit_line, line_width};
use super::panel::frame_in;
use crate::model::{Card, Period, Side};
use crate::replay::{Phase, State};
use crate::text;
use crate::tui::app::App;
use crate::tui::font::Font;
use crate::tui::keymap::Section;
use crate::tui::notice::Cue;
use crate::tui::theme::Theme;

/// How much room the scoreboard gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardSize {
    /// Framed, with five-row digits.
    Large,
    /// Framed, with three-row digits.
    Compact,
    /// One line of text.
    Line,
}

impl BoardSize {
    /// Rows it takes.
    pub const fn height(self) -> u16 {
        match self {
            BoardSize::Large => 8,
            BoardSize::Compact => 6,
            BoardSize::Line => 1,
        }
    }
}

/// Draws the scoreboard of an [`App`].
pub struct ScoreboardWidget<'a> {
    app: &'a App,
    size: BoardSize,
}

impl<'a> ScoreboardWidget<'a> {
    /// The scoreboard of `app` at `size`.
    pub fn new(app: &'a App, size: BoardSize) -> Self {
        Self { app, size }
    }
}

/// Where the match stands, in words: "2nd half · 54'", "Half-time",
/// "Full time · 1-1, 4-2 pens".
pub fn phase_text(state: &State) -> String {
    let clock = state.clock().map(|c| c.display().to_string());
    let phase = state.phase();
    let mut out = match (phase, clock) {
        (Phase::Playing(period), Some(clock)) if period != Period::Shootout => {
            format!("{} · {clock}", phase.label())
        }
        (Phase::FullTime, _) if state.events().iter().any(|e| e.period.is_extra_time()) => {
            format!("{} (aet)", phase.label())
        }
        _ => phase.label().to_owned(),
    };
    if let Some(pens) = state.shootout() {
        let score = state.score();
        out.push_str(&format!(
            " · {}-{}, {}-{} pens",
            score.home, score.away, pens.home, pens.away
        ));
    }
    out
}

/// The short form for the one-line board: "2H 54'", "HT", "FT".
fn phase_short(state: &State) -> String {
    let label = state.phase().code();
    match (state.phase(), state.clock()) {
        (Phase::Playing(p), Some(clock)) if p != Period::Shootout => {
            format!("{label} {}", clock.display())
        }
        _ => label.to_owned(),
    }
}

/// "❚❚ 1x · spoilers hidden · s to show": autoplay and spoiler state (and
/// the filter when it is not the default: "all events", "only goals"), in
/// one of three lengths (`detail` 2 is the longest, 0 the play state only).
pub fn status_line(app: &App, detail: u8) -> Line<'static> {
    let theme = app.theme();
    let playback = app.playback();
    let mut spans = Vec::new();
    if app.live().is_some() {
        // Following a file: the one thing a fan must not miss.
        if app.nav().at_newest() {
            spans.push(Span::styled("● LIVE", theme.live()));
        } else if detail >= 1 {
            let behind = Cue::BehindLive.text(app.keymap());
            spans.push(Span::styled(behind, theme.dim()));
        } else {
            spans.push(Span::styled("behind", theme.dim()));
        }
        spans.push(Span::styled(" · ", theme.dim()));
    }
    spans.extend(if playback.playing {
        vec![Span::styled(
            format!("► {}x", playback.speed()),
            theme.playing(),
        )]
    } else {
        vec![Span::styled(
            format!("❚❚ {}x", playback.speed()),
            theme.strong(),
        )]
    });
    let shown = app.spoilers_shown();
    let state = if shown {
        "spoilers shown"
    } else {
        "spoilers hidden"
    };
    let cue = Cue::Spoilers {
        section: Section::Replay,
        shown,
    };
    let key = format!(" · {}", cue.text(app.keymap()));
    if detail >= 1 {
        if let Some(label) = app.filter().label(&app.replay().game().info) {
            // A narrowed listing hides moments: it must catch the eye.
            let style = if app.filter().is_narrowed() {
                theme.strong()
            } else {
                theme.dim()
            };
            spans.push(Span::styled(format!(" · {label}"), style));
        }
        spans.push(Span::styled(" · ", theme.dim()));
        spans.push(Span::styled(state, theme.dim()));
    }
    if detail >= 2 {
        spans.push(Span::styled(key, theme.dim()));
    }
    Line::from(spans)
}

impl Widget for ScoreboardWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        match self.size {
            BoardSize::Line => self.render_line(area, buf),
            BoardSize::Large => self.render_board(area, buf, Font::Large),
            BoardSize::Compact => self.render_board(area, buf, Font::Compact),
        }
    }
}

impl ScoreboardWidget<'_> {
    fn render_line(&self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = app.theme();
        let state = app.state();
        let info = &app.replay().game().info;
        let score = state.score();
        let tally = format!("{}-{}", score.home, score.away);
        let pens = state
            .shootout()
            .map(|p| format!(" ({}-{} pens)", p.home, p.away))
            .unwrap_or_default();
        let full = Line::from(vec![
            Span::styled(info.home.short_code(), theme.team(Side::Home)),
            Span::raw(" "),
            Span::styled(tally.clone(), theme.strong()),
            Span::raw(pens.clone()),
            Span::raw(" "),
            Span::styled(info.away.short_code(), theme.team(Side::Away)),
            Span::styled(format!("  {}", phase_short(&state)), theme.dim()),
        ]);
        let w = area.width as usize;
        let line = if line_width(&full) as usize <= w {
            full
        } else {
            let mut spans = full.spans;
            spans.pop();
            let teams = Line::from(spans);
            if line_width(&teams) as usize <= w {
                teams
            } else {
                // The score alone, cut to fit even a one-column screen.
                Line::styled(text::truncate(&tally, w).into_owned(), theme.strong())
            }
        };
        let x = area.x + (area.width.saturating_sub(line_width(&line))) / 2;
        draw_line(buf, area, x, area.y, &line);
    }

    fn render_board(&self, area: Rect, buf: &mut Buffer, font: Font) {
        let app = self.app;
        let theme = app.theme();
        let state = app.state();
        let info = &app.replay().game().info;
        let block = frame_in(app.theme());
        let inner = block.inner(area);
        (&block).render(area, buf);
        self.render_titles(area, buf);
        if inner.is_empty() {
            return;
        }

        // The middle column: digits over the phase line.
        let score = state.score();
        let (home, away) = (score.home.to_string(), score.away.to_string());
        let gap = font.gap();
        let digits_w = font.width(&home) + gap + font.width("-") + gap + font.width(&away);
        let phase = phase_text(&state);
        let phase_w = text::width(&phase) as u16;
        let middle_w = digits_w.max(phase_w).min(inner.width);
        let middle_x = inner.x + (inner.width - middle_w) / 2;
        let digits_x = middle_x + (middle_w - digits_w.min(middle_w)) / 2;
        let pre_match = state.phase() == Phase::PreMatch;
        let style = |side| {
            if pre_match {
                theme.dim()
            } else {
                theme.team(side)
            }
        };
        let dash_x = digits_x + font.width(&home) + gap;
        let away_x = dash_x + font.width("-") + gap;
        font.render(&home, digits_x, inner.y, style(Side::Home), inner, buf);
        font.render("-", dash_x, inner.y, theme.dim(), inner, buf);
        font.render(&away, away_x, inner.y, style(Side::Away), inner, buf);
        let phase_y = inner.y + font.height();
        let phase_x = middle_x + (middle_w.saturating_sub(phase_w)) / 2;
        let phase_line = fit_line(Line::styled(phase, theme.strong()), middle_w as usize);
        draw_line(buf, inner, phase_x, phase_y, &phase_line);

        // The two sides, each against its half of the digits.
        // Narrow boards give the scorers the gap instead.
        let margin = if inner.width < 70 { 1 } else { 3 };
        let left = Rect {
            x: inner.x + 1,
            width: middle_x.saturating_sub(inner.x + 1 + margin),
            ..inner
        };
        let right_x = (middle_x + middle_w + margin).min(inner.right());
        let right = Rect {
            x: right_x,
            width: inner.right().saturating_sub(right_x + 1),
            ..inner
        };
        for (side, rect) in [(Side::Home, left), (Side::Away, right)] {
            if rect.width == 0 {
                continue;
            }
            let team = info.team(side);
            let lines = side_lines(&state, side, &team.name, &team.short_code(), theme, rect);
            for (i, line) in lines.iter().enumerate() {
                let y = rect.y + i as u16;
                let x = match side {
                    Side::Home => rect.right().saturating_sub(line_width(line)),
                    Side::Away => rect.x,
                };
                draw_line(buf, rect, x.max(rect.x), y, line);
            }
        }
    }

    /// Competition on the left of the frame, autoplay and spoiler state on
    /// the right; the right one wins when they do not both fit.
    fn render_titles(&self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = app.theme();
        let info = &app.replay().game().info;
        let room = area.width.saturating_sub(4) as usize;
        let parts: Vec<&str> = [&info.competition, &info.stage, &info.venue]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        // The longest status that still leaves the title a readable width.
        let wanted = parts.first().map_or(0, |p| text::width(p).min(12));
        let status = (0..=2)
            .rev()
            .map(|detail| status_line(app, detail))
            .find(|line| line_width(line) as usize + 7 + wanted <= room)
            .unwrap_or_else(|| status_line(app, 0));
        let status = fit_line(status, room);
        let status_w = line_width(&status);
        let status_x = area.right().saturating_sub(status_w + 3);
        let title_room = (status_x.saturating_sub(area.x + 3) as usize).saturating_sub(2);
        // Whole parts while they fit (venue first to go), then a cut.
        let title = (1..=parts.len())
            .rev()
            .map(|n| parts[..n].join(" · "))
            .find(|t| text::width(t) <= title_room)
            .or_else(|| {
                parts
                    .first()
                    .map(|p| text::truncate(p, title_room).into_owned())
            });
        if let Some(title) = title.filter(|_| title_room > 4) {
            draw_str(buf, area, area.x + 1, area.y, " ", Style::new());
            let end = draw_str(buf, area, area.x + 2, area.y, &title, theme.title());
            draw_str(buf, area, end, area.y, " ", Style::new());
        }
        if status_w > 0 {
            draw_str(buf, area, status_x - 1, area.y, " ", Style::new());
            let end = draw_line(buf, area, status_x, area.y, &status);
            draw_str(buf, area, end, area.y, " ", Style::new());
        }
    }
}

/// A side's lines: the team, then scorers as fans write them, then
/// players sent off. When they do not fit one to a line they are packed
/// several to a line.
fn side_lines(
    state: &State,
    side: Side,
    name: &str,
    code: &str,
    theme: &Theme,
    rect: Rect,
) -> Vec<Line<'static>> {
    let width = rect.width as usize;
    let team_style = theme.team(side);
    let both = text::width(name) + 2 + text::width(code);
    let team = if both <= width && name != code {
        match side {
            Side::Home => Line::from(vec![
                Span::styled(name.to_owned(), team_style),
                Span::raw("  "),
                Span::styled(code.to_owned(), team_style),
            ]),
            Side::Away => Line::from(vec![
                Span::styled(code.to_owned(), team_style),
                Span::raw("  "),
                Span::styled(name.to_owned(), team_style),
            ]),
        }
    } else {
        Line::styled(text::truncate(code, width).into_owned(), team_style)
    };
    let mut items: Vec<Vec<Span<'static>>> = state
        .scorers(side)
        .iter()
        .map(|s| vec![Span::styled(s.label(), theme.team_mark(Some(side)))])
        .collect();
    for player in state.sent_off(side) {
        items.push(vec![
            Span::styled("▮", theme.card(Card::Red)),
            Span::styled(format!(" {}", text::surname(player)), theme.text()),
        ]);
    }
    let rows = (rect.height as usize).saturating_sub(1);
    let mut lines = vec![team];
    lines.extend(pack(items, width, rows, theme));
    lines
}

/// Lays out items one to a line when they fit, otherwise several to a
/// line separated by commas; what still does not fit ends in "…".
fn pack(
    items: Vec<Vec<Span<'static>>>,
    width: usize,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    if rows == 0 || width == 0 {
        return Vec::new();
    }
    if items.len() <= rows {
        return items
            .into_iter()
            .map(|spans| fit_line(Line::from(spans), width))
            .collect();
    }
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    let total = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let w: usize = item.iter().map(|s| text::width(&s.content)).sum();
        let sep = if used == 0 { 0 } else { 2 };
        if used > 0 && used + sep + w > width {
            if lines.len() == rows {
                let last = lines.last_mut().map(std::mem::take).unwrap_or_default();
                let more = format!(" +{}", total - i);
                let mut cut = fit_line(Line::from(last), width.saturating_sub(more.len())).spans;
                cut.push(Span::styled(more, theme.dim()));
                lines.pop();
                lines.push(cut);
                return lines.into_iter().map(Line::from).collect();
            }
            lines.push(Vec::new());
            used = 0;
        }
        let Some(current) = lines.last_mut() else {
            break;
        };
        if used > 0 {
            current.push(Span::styled(", ", theme.dim()));
            used += 2;
        }
        used += w;
        current.extend(item);
    }
    lines
        .into_iter()
        .map(|spans| fit_line(Line::from(spans), width))
        .collect()
}
