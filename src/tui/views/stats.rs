//! The statistics view: the two sides' figures up to the cursor, side by
//! side as a television panel draws them, the home bar growing left from
//! the middle and the away bar right, each figure at the outer end. A
//! figure the data cannot give is listed as not in this data rather than
//! shown as a misleading zero.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{fit, framed, put};
use crate::model::Side;
use crate::replay::{MatchStats, Replay};
use crate::text;
use crate::tui::theme::{ColorMode, Theme};

/// The statistics panel after `step` events.
#[derive(Clone, Copy, Debug)]
pub struct StatsWidget<'a> {
    replay: &'a Replay,
    step: usize,
    theme: &'a Theme,
}

impl<'a> StatsWidget<'a> {
    /// The figures after `step` events.
    pub fn new(replay: &'a Replay, step: usize, theme: &'a Theme) -> Self {
        Self {
            replay,
            step: step.min(replay.steps()),
            theme,
        }
    }
}

/// One row's figures.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Figure {
    /// Counts per side.
    Count(usize, usize),
    /// Expected goals per side.
    Xg(f32, f32),
    /// A rate per side, 0 to 1, unknown before the first attempt.
    Rate(Option<f32>, Option<f32>),
    /// The home side's share of something both sides split (possession);
    /// the away side has the rest.
    Share(Option<f32>),
    /// The data cannot give it.
    Missing,
}

impl Figure {
    /// The figures as written at the bar ends.
    fn texts(self) -> [String; 2] {
        let percent =
            |v: Option<f32>| v.map_or_else(|| "–".to_owned(), |v| format!("{:.0}%", v * 100.0));
        match self {
            Figure::Count(h, a) => [h.to_string(), a.to_string()],
            Figure::Xg(h, a) => [format!("{h:.2}"), format!("{a:.2}")],
            Figure::Rate(h, a) => [percent(h), percent(a)],
            Figure::Share(Some(h)) => {
                // Rounded so that the two always add up to 100%.
                let home = (h.clamp(0.0, 1.0) * 100.0).round();
                [format!("{home:.0}%"), format!("{:.0}%", 100.0 - home)]
            }
            Figure::Share(None) => ["–".to_owned(), "–".to_owned()],
            Figure::Missing => [String::new(), String::new()],
        }
    }

    /// How much of its half each side's bar fills, 0 to 1: a count's
    /// share of both sides' total, a rate as it is.
    fn fills(self) -> [f64; 2] {
        let share = |h: f64, a: f64| {
            if h + a > 0.0 {
                [h / (h + a), a / (h + a)]
            } else {
                [0.0, 0.0]
            }
        };
        match self {
            Figure::Count(h, a) => share(h as f64, a as f64),
            Figure::Xg(h, a) => share(f64::from(h.max(0.0)), f64::from(a.max(0.0))),
            Figure::Rate(h, a) => [h, a].map(|v| v.map_or(0.0, |v| f64::from(v.clamp(0.0, 1.0)))),
            Figure::Share(Some(h)) => {
                let h = f64::from(h.clamp(0.0, 1.0));
                [h, 1.0 - h]
            }
            Figure::Share(None) | Figure::Missing => [0.0, 0.0],
        }
    }

    /// Which side leads, for emphasis.
    fn leader(self) -> Option<Side> {
        let [h, a] = self.fills();
        if h > a {
            Some(Side::Home)
        } else if a > h {
            Some(Side::Away)
        } else {
            None
        }
    }
}

/// A row of the panel.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Row {
    label: &'static str,
    figure: Figure,
}

/// The rows in the order a broadcast shows them. Passes give possession,
/// completion, corners and offsides in the data this reads, so without
/// passes those are missing too; without xG, xG is.
fn rows(stats: &MatchStats) -> Vec<Row> {
    let (h, a) = (&stats.home, &stats.away);
    let passes = |figure| {
        if stats.has_passes {
            figure
        } else {
            Figure::Missing
        }
    };
    let row = |label, figure| Row { label, figure };
    vec![
        row(
            "Possession",
            passes(Figure::Share(stats.possession(Side::Home))),
        ),
        row("Shots", Figure::Count(h.shots, a.shots)),
        row("Shots on target", Figure::Count(h.on_target, a.on_target)),
        row(
            "xG",
            if stats.has_xg {
                Figure::Xg(h.xg, a.xg)
            } else {
                Figure::Missing
            },
        ),
        row("Passes", passes(Figure::Count(h.passes, a.passes))),
        row(
            "Pass completion",
            passes(Figure::Rate(h.pass_accuracy(), a.pass_accuracy())),
        ),
        row("Corners", passes(Figure::Count(h.corners, a.corners))),
        row("Offsides", passes(Figure::Count(h.offsides, a.offsides))),
        row("Fouls", Figure::Count(h.fouls, a.fouls)),
        row(
            "Yellow cards",
            Figure::Count(h.yellow_cards, a.yellow_cards),
        ),
        row("Red cards", Figure::Count(h.red_cards, a.red_cards)),
    ]
}

/// Columns for a figure at a bar's end ("100%", "12.34").
const VALUE: usize = 6;
/// Columns for the label between the bars.
const LABEL: usize = 17;
/// The narrowest bar worth drawing.
const MIN_BAR: usize = 3;

impl StatsWidget<'_> {
    /// The solid part of a side's bar: its colour as a background, or
    /// reverse video where there is no colour to use.
    fn bar_style(&self, side: Side) -> Style {
        match self.theme.team_mark(Some(side)).fg {
            Some(color) if color != Color::Reset && self.theme.mode != ColorMode::None => {
                Style::new().bg(color)
            }
            _ => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    fn header(&self, width: usize) -> Line<'static> {
        let theme = self.theme;
        let info = &self.replay.game().info;
        let state = self.replay.at(self.step);
        let when = match state.clock() {
            Some(clock) => format!("after {}", clock.display()),
            None if self.step == 0 => "before kick-off".to_owned(),
            None => format!("after {} moments", self.step),
        };
        let name = |side: Side| {
            let team = info.team(side);
            let code = team.short_code();
            match side {
                Side::Home => format!("{code}  {}", team.name),
                Side::Away => format!("{}  {code}", team.name),
            }
        };
        let (mut home, mut away) = (name(Side::Home), name(Side::Away));
        if text::width(&home) + text::width(&when) + text::width(&away) + 4 > width {
            home = info.home.short_code();
            away = info.away.short_code();
        }
        let used = text::width(&home) + text::width(&when) + text::width(&away);
        let spare = width.saturating_sub(used);
        let left = spare / 2;
        Line::from(vec![
            Span::styled(home, theme.team(Side::Home)),
            Span::raw(" ".repeat(left)),
            Span::styled(when, theme.dim()),
            Span::raw(" ".repeat(spare - left)),
            Span::styled(away, theme.team(Side::Away)),
        ])
    }

    /// One row across `area.width` columns at `y`.
    fn draw_row(&self, row: Row, area: Rect, y: u16, buf: &mut Buffer) {
        let theme = self.theme;
        let width = usize::from(area.width);
        if row.figure == Figure::Missing {
            let note = format!("{}: not in this data", row.label);
            let note = text::truncate(&note, width).into_owned();
            let x = area.x + ((width - text::width(&note)) / 2) as u16;
            put(buf, area, x, y, &Line::styled(note, theme.dim()));
            return;
        }
        let [home, away] = row.figure.texts();
        let leader = row.figure.leader();
        let value_style = |side| {
            if leader == Some(side) {
                theme.strong()
            } else {
                theme.text()
            }
        };
        if width < 2 * VALUE + 3 {
            // Too narrow for columns: "Shots 12-7".
            let line = Line::from(vec![
                Span::styled(format!("{} ", row.label), theme.dim()),
                Span::styled(home, value_style(Side::Home)),
                Span::raw("-"),
                Span::styled(away, value_style(Side::Away)),
            ]);
            put(buf, area, area.x, y, &fit(line, width));
            return;
        }
        let label_width = LABEL.min(width - 2 * VALUE);
        let bar = (width - 2 * VALUE - label_width) / 2;
        let bar = if bar >= MIN_BAR { bar } else { 0 };
        let label_width = width - 2 * VALUE - 2 * bar;
        let label = text::truncate(row.label, label_width).into_owned();
        let label_pad = label_width - text::width(&label);
        let [home_fill, away_fill] = row
            .figure
            .fills()
            .map(|f| (f * bar as f64).round() as usize);
        let home_fill = home_fill.min(bar);
        let away_fill = away_fill.min(bar);
        let line = Line::from(vec![
            Span::styled(
                format!("{home:>w$} ", w = VALUE - 1),
                value_style(Side::Home),
            ),
            Span::raw(" ".repeat(bar - home_fill)),
            Span::styled(" ".repeat(home_fill), self.bar_style(Side::Home)),
            Span::raw(" ".repeat(label_pad / 2)),
            Span::styled(label, theme.text()),
            Span::raw(" ".repeat(label_pad - label_pad / 2)),
            Span::styled(" ".repeat(away_fill), self.bar_style(Side::Away)),
            Span::raw(" ".repeat(bar - away_fill)),
            Span::styled(
                format!(" {away:<w$}", w = VALUE - 1),
                value_style(Side::Away),
            ),
        ]);
        put(buf, area, area.x, y, &fit(line, width));
    }
}

impl Widget for StatsWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &StatsWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = framed("Stats", self.theme, area, buf);
        if inner.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        let stats = self.replay.stats_at(self.step);
        let rows = rows(&stats);
        let mut y = inner.y;
        // The header (who is on which side, and when) gives way when it is
        // all that keeps the last rows off the screen: the scoreboard above
        // names the sides in the same places.
        let n = rows.len() as u16;
        if inner.height != n {
            put(buf, inner, inner.x, y, &fit(self.header(width), width));
            y += 1;
        }

        let footnote = stats
            .has_passes
            .then_some("possession is each side's share of the passes");
        let room = inner.bottom() - y;
        // The footnote only when every row fits above it with a blank line.
        let footnote = footnote.filter(|_| room >= n + 2);
        let avail = room - u16::from(footnote.is_some());
        let (shown, gap) = if avail >= 2 * n - 1 {
            // Air between the rows, as on television.
            (n, 1)
        } else if avail >= n {
            (n, 0)
        } else {
            // The last row says how many are left out.
            (avail.saturating_sub(1), 0)
        };
        let block = (shown + gap * shown.saturating_sub(1)).max(1);
        // The rows sit in the middle of the room under the header.
        let mut row_y = y + avail.saturating_sub(block) / 2;
        for row in rows.iter().take(usize::from(shown)) {
            self.draw_row(*row, inner, row_y, buf);
            row_y += 1 + gap;
        }
        if shown < n && avail > 0 {
            let more = format!(
                "… {} more rows below; a taller window shows them",
                n - shown
            );
            let at = y + avail - 1;
            put(
                buf,
                inner,
                inner.x,
                at,
                &fit(Line::styled(more, self.theme.dim()), width),
            );
        }
        if let Some(note) = footnote {
            let note = fit(Line::styled(note, self.theme.dim()), width);
            let x = inner.x + ((width - note.width()) / 2) as u16;
            put(buf, inner, x, inner.bottom() - 1, &note);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::views::test_support::{bundled, render, synthetic, theme};

    #[test]
    fn the_bundled_match_lists_what_it_cannot_give() {
        let replay = bundled();
        let theme = theme(&replay);
        let screen = render(StatsWidget::new(&replay, replay.steps(), &theme), 120, 40);
        for missing in [
            "Possession: not in this data",
            "xG: not in this data",
            "Passes: not in this data",
            "Pass completion: not in this data",
        ] {
            assert!(screen.contains(missing), "{missing}\n{screen}");
        }
        // What it has is counted: England's three shots to France's two
        // goals, and the cards.
        let stats = replay.stats_at(replay.steps());
        assert_eq!((stats.home.shots, stats.away.shots), (3, 2));
        let row = |label: &str| {
            screen
                .lines()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("no {label} row:\n{screen}"))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(
            row("Shots on target").starts_with("│ 1 "),
            "{}",
            row("Shots on target")
        );
        assert!(
            row("Yellow cards").contains("1 Yellow cards 3"),
            "{}",
            row("Yellow cards")
        );
        assert!(!screen.contains("share of the passes"));
    }

    #[test]
    fn figures_count_only_up_to_the_cursor() {
        let replay = synthetic();
        let theme = theme(&replay);
        let early = replay.stats_at(40);
        let late = replay.stats_at(replay.steps());
        assert!(early.home.passes < late.home.passes);
        let screen = render(StatsWidget::new(&replay, 40, &theme), 120, 40);
        let passes = screen.lines().find(|l| l.contains(" Passes ")).unwrap();
        let figures: Vec<&str> = passes
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(
            figures,
            [early.home.passes.to_string(), early.away.passes.to_string()]
        );
        assert!(!screen.contains("not in this data"), "{screen}");
        assert!(screen.contains("share of the passes"), "{screen}");
    }

    #[test]
    fn possession_adds_up_to_a_hundred_and_bars_follow_the_shares() {
        let [h, a] = Figure::Share(Some(0.555)).texts();
        assert_eq!((h.as_str(), a.as_str()), ("56%", "44%"));
        assert_eq!(Figure::Share(None).texts(), ["–", "–"]);
        assert_eq!(Figure::Count(3, 1).fills(), [0.75, 0.25]);
        assert_eq!(Figure::Count(0, 0).fills(), [0.0, 0.0]);
        assert_eq!(Figure::Count(3, 1).leader(), Some(Side::Home));
        assert_eq!(Figure::Count(2, 2).leader(), None);
        assert_eq!(Figure::Rate(Some(0.8), None).texts(), ["80%", "–"]);
        assert_eq!(Figure::Xg(1.234, 0.5).texts(), ["1.23", "0.50"]);
    }

    #[test]
    fn bars_grow_outwards_from_the_middle() {
        let replay = synthetic();
        let theme = theme(&replay);
        let area = Rect::new(0, 0, 60, 1);
        let mut buf = Buffer::empty(area);
        let widget = StatsWidget::new(&replay, 0, &theme);
        let row = Row {
            label: "Shots",
            figure: Figure::Count(3, 1),
        };
        widget.draw_row(row, area, 0, &mut buf);
        let filled: Vec<bool> = (0..60).map(|x| buf[(x, 0)].bg != Color::Reset).collect();
        let bar = (60 - 2 * VALUE - LABEL) / 2;
        let home: usize = filled[VALUE..VALUE + bar].iter().filter(|&&f| f).count();
        let away: usize = filled[60 - VALUE - bar..60 - VALUE]
            .iter()
            .filter(|&&f| f)
            .count();
        assert_eq!(
            (home, away),
            (
                ((bar * 3) as f64 / 4.0).round() as usize,
                ((bar as f64) / 4.0).round() as usize
            )
        );
        // The home bar touches the label, the away bar too.
        assert!(filled[VALUE + bar - 1] && filled[60 - VALUE - bar]);
        assert!(!filled[VALUE]);
    }

    #[test]
    fn a_short_panel_says_how_many_rows_it_left_out() {
        let replay = synthetic();
        let theme = theme(&replay);
        let screen = render(StatsWidget::new(&replay, 100, &theme), 80, 8);
        assert!(screen.contains("more rows below"), "{screen}");
    }
}
