//! The xG race: each side's expected goals added up shot by shot against
//! the minute, as step lines, with the goals marked on them and the
//! cursor's minute drawn across. Only shots up to the cursor count; the
//! minute axis runs to 90, or to 120 once extra time is reached (or when
//! spoilers are shown). A match without xG races its shot counts instead
//! and says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{axis_minute, axis_minute_at, color_of, fit, framed, put, team_color};
use crate::model::{Event, Period, Side};
use crate::replay::Replay;
use crate::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::braille::Braille;

/// The xG race after `step` events.
#[derive(Clone, Copy, Debug)]
pub struct XgRaceWidget<'a> {
    replay: &'a Replay,
    step: usize,
    spoilers: bool,
    theme: &'a Theme,
}

impl<'a> XgRaceWidget<'a> {
    /// The race after `step` events, spoilers hidden.
    pub fn new(replay: &'a Replay, step: usize, theme: &'a Theme) -> Self {
        Self {
            replay,
            step: step.min(replay.steps()),
            spoilers: false,
            theme,
        }
    }

    /// With spoilers shown the minute axis covers extra time from the
    /// start when the match has it; hidden, only once it is reached.
    #[must_use]
    pub fn spoilers(mut self, shown: bool) -> Self {
        self.spoilers = shown;
        self
    }
}

/// What the chart shows, gathered before drawing.
#[derive(Clone, Debug, PartialEq)]
struct Race {
    /// Corners of each side's step line, (minute, running total).
    lines: [Vec<(f64, f64)>; 2],
    /// Goals that stand: (minute, the scorer's running total, side).
    goals: Vec<(f64, f64, Side)>,
    /// Running totals at the cursor.
    totals: [f64; 2],
    /// Goals that stand, per side.
    scored: [usize; 2],
    /// Whether the totals are xG (else shot counts).
    xg: bool,
    /// The cursor's minute.
    cursor: f64,
    /// The end of the minute axis: 90 or 120.
    x_max: f64,
    /// The top of the value axis and its tick spacing.
    y_max: f64,
    y_tick: f64,
}

/// How many ticks the value axis may have at most, above zero.
const MAX_TICKS: f64 = 4.0;

/// A round top for the value axis with at most [`MAX_TICKS`] ticks.
fn value_axis(max: f64, xg: bool) -> (f64, f64) {
    let steps: &[f64] = if xg {
        &[0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
    };
    let max = if max.is_finite() { max.max(0.0) } else { 0.0 };
    let tick = steps
        .iter()
        .copied()
        .find(|&t| max <= t * MAX_TICKS)
        .unwrap_or_else(|| (max / MAX_TICKS).ceil().max(1.0));
    // One tick above the leader, so its line never runs along the top.
    let least = if xg { 0.5 } else { 2.0 };
    let top = (((max / tick).floor() + 1.0) * tick).max(least);
    (top, tick)
}

impl XgRaceWidget<'_> {
    /// The race up to the cursor, for a chart `columns` dots wide. Every
    /// shot makes its own corner while there are at most two a dot; past
    /// that (synthetic matches of a million events) each dot column takes
    /// the total at its minute, found by binary search, so a frame costs
    /// the same whatever the number of shots.
    fn race(&self, columns: usize) -> Race {
        let replay = self.replay;
        let step = self.step;
        let events = &replay.game().events;
        let state = replay.at(step);
        let xg = replay.stats_at(step).has_xg;
        let current = state.event();
        let late = current.is_some_and(|e| e.period >= Period::ExtraFirst);
        let x_max = if replay.has_extra_time() && (late || self.spoilers) {
            120.0
        } else {
            90.0
        };
        let cursor = match current {
            None => 0.0,
            Some(e) if e.period == Period::Shootout => x_max,
            Some(_) => last_minute(&events[..step]).unwrap_or(0.0),
        }
        .min(x_max);
        let minute_of = |shot_step: usize| events.get(shot_step - 1).and_then(axis_minute);
        // The running total after the `n`th shot (from 1; 0 before any).
        let total_after = |side: Side, n: usize| -> f64 {
            if n == 0 {
                return 0.0;
            }
            let value = if xg {
                replay
                    .xg_race_nth(side, n - 1)
                    .map_or(0.0, |(_, v)| f64::from(v))
            } else {
                n as f64
            };
            if value.is_finite() { value } else { 0.0 }
        };

        let mut lines: [Vec<(f64, f64)>; 2] = [vec![(0.0, 0.0)], vec![(0.0, 0.0)]];
        let mut totals = [0.0; 2];
        for side in Side::BOTH {
            let i = side.index();
            let shots = replay.shots_upto(side, step);
            let corner = |line: &mut Vec<(f64, f64)>, x: f64, from: f64, to: f64| {
                line.push((x.min(x_max), from));
                line.push((x.min(x_max), to));
            };
            if shots <= 2 * columns.max(1) {
                for n in 1..=shots {
                    let shot_step = replay.xg_race_nth(side, n - 1).map_or(0, |(s, _)| s);
                    let value = total_after(side, n);
                    if let Some(x) = minute_of(shot_step) {
                        corner(&mut lines[i], x, totals[i], value);
                    }
                    totals[i] = value;
                }
            } else {
                // Shots are in match order, so their minutes never go down;
                // the compact times keep the probes off the events.
                let shots_by = |minute: f64| {
                    partition(shots, |n| {
                        replay
                            .xg_race_nth(side, n)
                            .and_then(|(s, _)| axis_minute_at(replay, s))
                            .is_none_or(|m| m <= minute)
                    })
                };
                for k in 1..=columns {
                    let x = x_max * k as f64 / columns as f64;
                    let value = total_after(side, shots_by(x));
                    if value != totals[i] {
                        corner(&mut lines[i], x, totals[i], value);
                        totals[i] = value;
                    }
                }
                totals[i] = total_after(side, shots);
            }
            lines[i].push((cursor, totals[i]));
        }

        // The goals that stand, each on its scorer's line; with more than
        // the chart can mark, the latest of each dot column.
        let score = state.score();
        let scored = [score.home as usize, score.away as usize];
        let standing = |(goal_step, struck_off): (usize, Option<usize>)| {
            let event = events.get(goal_step - 1)?;
            let side = event.team?;
            if struck_off.is_some_and(|s| s <= step) {
                return None;
            }
            let x = axis_minute(event)?.min(x_max);
            let height = total_after(side, replay.shots_upto(side, goal_step));
            Some((x, height, side))
        };
        let all = replay.goals_in(1..step + 1);
        let goals = if all.len() <= 2 * columns.max(1) {
            all.filter_map(standing).collect()
        } else {
            let first_after = |minute: f64| {
                1 + partition(step, |i| {
                    axis_minute_at(replay, i + 1).unwrap_or(x_max) <= minute
                })
            };
            let mut from = 1;
            (1..=columns)
                .filter_map(|k| {
                    let to = first_after(x_max * k as f64 / columns as f64);
                    let range = from..to;
                    from = to;
                    replay.goals_in(range).rev().find_map(standing)
                })
                .collect()
        };
        let (y_max, y_tick) = value_axis(totals[0].max(totals[1]), xg);
        Race {
            lines,
            goals,
            totals,
            scored,
            xg,
            cursor,
            x_max,
            y_max,
            y_tick,
        }
    }

    /// "NOR 1.23 xG · 2 goals": a side's total and goals at the cursor.
    fn total(&self, race: &Race, side: Side) -> Vec<Span<'static>> {
        let i = side.index();
        let code = self.replay.game().info.team(side).short_code();
        let value = if race.xg {
            format!("{:.2} xG", race.totals[i])
        } else {
            let n = race.totals[i] as usize;
            format!("{n} shot{}", if n == 1 { "" } else { "s" })
        };
        let goals = match race.scored[i] {
            1 => "1 goal".to_owned(),
            n => format!("{n} goals"),
        };
        vec![
            Span::styled(code, self.theme.team(side)),
            Span::styled(format!(" {value}"), self.theme.strong()),
            Span::styled(format!(" · {goals}"), self.theme.dim()),
        ]
    }

    fn legend(&self, race: &Race, width: usize) -> Line<'static> {
        let home = self.total(race, Side::Home);
        let away = self.total(race, Side::Away);
        let key = vec![
            Span::styled("◉", self.theme.goal()),
            Span::styled(" goal  ", self.theme.dim()),
            Span::styled("│", self.theme.cursor()),
            Span::styled(" now", self.theme.dim()),
        ];
        let w = |spans: &[Span<'_>]| spans.iter().map(Span::width).sum::<usize>();
        let mut spans = home.clone();
        if w(&home) + w(&key) + w(&away) + 4 <= width {
            let spare = width - w(&home) - w(&key) - w(&away);
            spans.push(Span::raw(" ".repeat(spare / 2)));
            spans.extend(key);
            spans.push(Span::raw(" ".repeat(spare - spare / 2)));
        } else {
            spans.push(Span::raw(
                " ".repeat(width.saturating_sub(w(&home) + w(&away)).max(2)),
            ));
        }
        spans.extend(away);
        Line::from(spans)
    }
}

/// The first `n` in `0..len` for which `left` is false, where `left` is
/// true up to some point and false after it.
fn partition(len: usize, left: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if left(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The minute of the latest moment up to here that has one (periods'
/// whistles and notes may have none).
fn last_minute(events: &[Event]) -> Option<f64> {
    events.iter().rev().take(64).find_map(axis_minute)
}

/// A vertical line at minute `x` that paints every `every`th dot.
fn dashed(grid: &mut Braille, x: f64, y: [f64; 2], every: usize, color: Color) {
    let (Some(top), Some(bottom)) = (grid.point(x, y[1]), grid.point(x, y[0])) else {
        return;
    };
    for row in (top.1..=bottom.1).step_by(every.max(1)) {
        grid.paint(top.0, row, color);
    }
}

struct Scene<'r> {
    race: &'r Race,
    grid: Color,
    teams: [Color; 2],
    cursor: Color,
    goal_styles: [Style; 2],
    codes: [String; 2],
    /// Minutes and value units a text cell spans, to place labels.
    cell: (f64, f64),
}

/// Draws the chart on `plot` in three layers, each over the one before:
/// the faint grid, the cursor's minute, the teams' lines; then the labels.
fn paint(s: &Scene<'_>, plot: Rect, buf: &mut Buffer) {
    let race = s.race;
    let layer = || {
        Braille::new(
            plot.width,
            plot.height,
            [0.0, race.x_max],
            [0.0, race.y_max],
        )
    };
    // Period boundaries and value ticks, faint.
    let mut grid = layer();
    for minute in [45.0, 90.0, 105.0] {
        if minute < race.x_max {
            dashed(&mut grid, minute, [0.0, race.y_max], 3, s.grid);
        }
    }
    grid.line((0.0, 0.0), (race.x_max, 0.0), s.grid);
    grid.line((0.0, 0.0), (0.0, race.y_max), s.grid);
    grid.render(plot, buf);
    let mut cursor = layer();
    dashed(&mut cursor, race.cursor, [0.0, race.y_max], 1, s.cursor);
    cursor.render_over(plot, buf);
    let mut lines = layer();
    for side in Side::BOTH {
        let i = side.index();
        for pair in race.lines[i].windows(2) {
            lines.line(pair[0], pair[1], s.teams[i]);
        }
    }
    lines.render_over(plot, buf);
    for &(x, y, side) in &race.goals {
        // Labels sit in the cell whose lower left corner is the point;
        // nudge up so the mark sits on the line rather than under it.
        let mark = Line::from(Span::styled("◉", s.goal_styles[side.index()]));
        lines.print(plot, buf, (x, (y + s.cell.1 * 0.5).min(race.y_max)), &mark);
    }
    // Each line's team code at its end, so the lines can be told apart
    // without colour; one above the other when they end close together.
    let [home, away] = race.totals;
    let close = (home - away).abs() < s.cell.1;
    for side in Side::BOTH {
        let i = side.index();
        let code = &s.codes[i];
        let cols = text::width(code) as f64 + 1.0;
        // Two cells clear of the cursor line, on whichever side has room.
        let x = if race.cursor + (cols + 2.0) * s.cell.0 <= race.x_max {
            race.cursor + 2.0 * s.cell.0
        } else {
            (race.cursor - (cols + 1.0) * s.cell.0).max(0.0)
        };
        let mut y = race.totals[i] + s.cell.1 * 0.5;
        if close {
            let higher = if side == Side::Home {
                home >= away
            } else {
                away > home
            };
            y = race.totals[i]
                + if higher {
                    s.cell.1 * 1.5
                } else {
                    -s.cell.1 * 0.5
                };
        }
        let y = y.clamp(0.0, race.y_max);
        let label = Line::from(Span::styled(code.clone(), s.goal_styles[i]));
        lines.print(plot, buf, (x, y), &label);
    }
}

fn tick_label(value: f64, xg: bool) -> String {
    if xg {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        format!("{value:.0}")
    }
}

impl Widget for XgRaceWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &XgRaceWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let inner = framed("xG race", theme, area, buf);
        if inner.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        // Two dots a column: the chart's width in braille dots.
        let race = self.race(usize::from(inner.width) * 2);
        let mut top = inner.y;
        put(
            buf,
            inner,
            inner.x,
            top,
            &fit(self.legend(&race, width), width),
        );
        top += 1;
        if !race.xg && top < inner.bottom() {
            let note = "no xG in this match: the race counts shots instead";
            put(
                buf,
                inner,
                inner.x,
                top,
                &fit(Line::styled(note, theme.dim()), width),
            );
            top += 1;
        }

        // The chart: value labels on the left, minutes along the bottom.
        let y_labels: Vec<(f64, String)> = {
            let mut v = Vec::new();
            let mut t = 0.0;
            while t <= race.y_max + 1e-9 {
                v.push((t, tick_label(t, race.xg)));
                t += race.y_tick;
            }
            v
        };
        let gutter = y_labels
            .iter()
            .map(|(_, l)| text::width(l))
            .max()
            .unwrap_or(1) as u16
            + 1;
        let rows = inner.bottom().saturating_sub(top);
        if rows < 4 || inner.width < gutter + 16 {
            return;
        }
        let plot = Rect::new(inner.x + gutter, top, inner.width - gutter, rows - 1);
        let (pw, ph) = (f64::from(plot.width), f64::from(plot.height));
        let scene = Scene {
            race: &race,
            grid: color_of(theme.dim()),
            teams: [
                team_color(theme, Some(Side::Home)),
                team_color(theme, Some(Side::Away)),
            ],
            cursor: color_of(theme.cursor()),
            goal_styles: [theme.team(Side::Home), theme.team(Side::Away)],
            codes: [
                self.replay.game().info.home.short_code(),
                self.replay.game().info.away.short_code(),
            ],
            cell: (race.x_max / pw, race.y_max / ph),
        };
        paint(&scene, plot, buf);

        for (value, label) in &y_labels {
            let row = ((1.0 - value / race.y_max) * (ph - 1.0)).round() as u16;
            let x = inner.x + gutter - 1 - text::width(label) as u16;
            put(
                buf,
                inner,
                x,
                plot.y + row,
                &Line::styled(label.clone(), theme.dim()),
            );
        }
        let axis_y = plot.bottom();
        let mut free_from = plot.x;
        let ticks = if race.x_max > 90.0 {
            &[0.0, 15.0, 30.0, 45.0, 60.0, 75.0, 90.0, 105.0, 120.0][..]
        } else {
            &[0.0, 15.0, 30.0, 45.0, 60.0, 75.0, 90.0][..]
        };
        for &minute in ticks {
            let label = format!("{minute:.0}'");
            let at = plot.x + ((minute / race.x_max) * (pw - 1.0)).round() as u16;
            let w = text::width(&label) as u16;
            let x = at
                .saturating_sub(w / 2)
                .max(plot.x)
                .min(inner.right().saturating_sub(w));
            if x < free_from {
                continue;
            }
            put(buf, inner, x, axis_y, &Line::styled(label, theme.dim()));
            free_from = x + w + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clock, Detail, GoalMethod, Match, MatchInfo, ShotOutcome, Team};
    use crate::tui::views::test_support::{bundled, render, synthetic, theme};

    fn shot(minute: u16, side: Side, xg: f32, goal: bool) -> Event {
        let detail = if goal {
            Detail::Goal {
                method: GoalMethod::OpenPlay,
                assist: None,
                xg: Some(xg),
            }
        } else {
            Detail::Chance {
                outcome: Some(ShotOutcome::Saved),
                xg: Some(xg),
            }
        };
        let mut e = Event::new(Clock::minute(minute), detail);
        e.team = Some(side);
        e
    }

    fn replay_of(events: Vec<Event>) -> Replay {
        let mut game = Match::new(MatchInfo::between(
            Team::named("Alpha"),
            Team::named("Beta"),
        ));
        game.events = events;
        Replay::new(game)
    }

    #[test]
    fn lines_step_up_at_each_shot_and_run_on_to_the_cursor() {
        let replay = replay_of(vec![
            shot(10, Side::Home, 0.25, false),
            shot(20, Side::Away, 0.5, true),
            shot(30, Side::Home, 0.5, true),
            shot(60, Side::Home, 0.25, false),
        ]);
        let theme = theme(&replay);
        let race = XgRaceWidget::new(&replay, 3, &theme).race(200);
        assert_eq!(
            race.lines[0],
            [
                (0.0, 0.0),
                (9.5, 0.0),
                (9.5, 0.25),
                (29.5, 0.25),
                (29.5, 0.75),
                (29.5, 0.75)
            ]
        );
        assert_eq!(
            race.lines[1],
            [(0.0, 0.0), (19.5, 0.0), (19.5, 0.5), (29.5, 0.5)]
        );
        assert_eq!(
            race.goals,
            [(19.5, 0.5, Side::Away), (29.5, 0.75, Side::Home)]
        );
        assert_eq!(race.totals, [0.75, 0.5]);
        assert_eq!(race.scored, [1, 1]);
        assert_eq!((race.cursor, race.x_max), (29.5, 90.0));
        // The fourth shot lies ahead: not counted, not drawn.
        assert!(race.lines[0].iter().all(|&(x, _)| x <= 29.5));
        assert_eq!(race.y_max, 1.0);
    }

    #[test]
    fn extra_time_widens_the_axis_once_reached_or_with_spoilers() {
        let mut late = shot(100, Side::Home, 0.3, false);
        late.period = Period::ExtraFirst;
        let replay = replay_of(vec![shot(10, Side::Home, 0.1, false), late]);
        let theme = theme(&replay);
        assert_eq!(XgRaceWidget::new(&replay, 1, &theme).race(200).x_max, 90.0);
        assert_eq!(
            XgRaceWidget::new(&replay, 1, &theme)
                .spoilers(true)
                .race(200)
                .x_max,
            120.0
        );
        let race = XgRaceWidget::new(&replay, 2, &theme).race(200);
        assert_eq!(race.x_max, 120.0);
        assert_eq!(race.cursor, 99.5);
    }

    #[test]
    fn without_xg_the_race_counts_shots_and_says_so() {
        let replay = bundled();
        let theme = theme(&replay);
        let race = XgRaceWidget::new(&replay, replay.steps(), &theme).race(200);
        assert!(!race.xg);
        assert_eq!(race.totals, [3.0, 2.0]);
        assert_eq!(race.scored, [1, 2]);
        assert_eq!(race.goals.len(), 3);
        assert_eq!(race.cursor, 90.0);
        let screen = render(XgRaceWidget::new(&replay, replay.steps(), &theme), 120, 40);
        assert!(screen.contains("no xG in this match"), "{screen}");
        assert!(screen.contains("ENG 3 shots · 1 goal"), "{screen}");
        assert!(screen.contains("FRA 2 shots · 2 goals"), "{screen}");
        assert_eq!(screen.matches('◉').count(), 3 + 1, "{screen}");
    }

    #[test]
    fn the_axis_top_is_round_and_above_the_leader() {
        assert_eq!(value_axis(0.0, true), (0.5, 0.1));
        assert_eq!(value_axis(0.37, true), (0.5, 0.1));
        assert_eq!(value_axis(1.3, true), (1.5, 0.5));
        assert_eq!(value_axis(2.9, true), (3.0, 1.0));
        assert_eq!(value_axis(7.0, false), (8.0, 2.0));
        assert_eq!(value_axis(0.0, false), (2.0, 1.0));
        assert_eq!(value_axis(f64::NAN, true), (0.5, 0.1));
        let (top, tick) = value_axis(1e6, false);
        assert!(top >= 1e6 && top / tick <= MAX_TICKS + 1.0);
    }

    #[test]
    fn the_synthetic_race_reaches_the_engines_totals() {
        let replay = synthetic();
        let theme = theme(&replay);
        let step = replay.steps() / 2;
        let race = XgRaceWidget::new(&replay, step, &theme).race(200);
        let stats = replay.stats_at(step);
        assert!((race.totals[0] - f64::from(stats.home.xg)).abs() < 1e-6);
        assert!((race.totals[1] - f64::from(stats.away.xg)).abs() < 1e-6);
        assert!(race.totals[0].max(race.totals[1]) <= race.y_max);
        let screen = render(XgRaceWidget::new(&replay, step, &theme), 120, 40);
        assert!(
            screen.contains(&format!("NOR {:.2} xG", stats.home.xg)),
            "{screen}"
        );
        assert!(screen.contains("90'"), "{screen}");
        assert!(!screen.contains("no xG"), "{screen}");
    }
}
