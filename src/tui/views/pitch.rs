//! The pitch view: a pitch drawn in Braille dots with where the current
//! moment happened (and where a pass or carry went), the few actions before
//! it as a fading trail, every shot so far sized by its xG with goals
//! filled in, and the ball, which the App can move between moments during
//! autoplay with [`ball_between`].
//!
//! Positions use the match file's frame: `x` from the home goal line (0)
//! to the away one (100), `y` from the top touchline (0) to the bottom one
//! (100). The home side therefore always attacks to the right.

use std::cell::RefCell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{color_of, fit, framed, put, team_color};
use crate::model::{Detail, Event, GoalMethod, Point, ShotOutcome, Side};
use crate::replay::Replay;
use crate::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::braille::Braille;
use crate::tui::widgets::moment;

/// Pitch size in metres: the drawing keeps a real pitch's proportions.
const LENGTH: f64 = 105.0;
const WIDTH: f64 = 68.0;
const CENTRE_Y: f64 = WIDTH / 2.0;
/// How far the goals stick out behind the goal lines.
const GOAL_DEPTH: f64 = 2.2;
const X_BOUNDS: [f64; 2] = [-GOAL_DEPTH - 0.8, LENGTH + GOAL_DEPTH + 0.8];
const Y_BOUNDS: [f64; 2] = [-0.8, WIDTH + 0.8];

/// Actions drawn before the current one.
const TRAIL: usize = 7;
/// How far back the trail looks for located actions, so that a file with
/// few positions does not send it searching the whole match.
const TRAIL_LOOKBACK: usize = 40;
/// How much match time the trail covers: actions further back are no
/// longer where the ball just was (and, in a file with few positions, the
/// line to them would cross the pitch for nothing).
const TRAIL_SECONDS: u32 = 90;
/// How many recent moments decide whether the match "has positions".
const COVERAGE_WINDOW: usize = 200;

/// Terminal cells are about twice as tall as wide; a Braille cell holds
/// 2x4 dots, so a dot is square when the pitch is this many columns per
/// row.
fn columns_per_row() -> f64 {
    2.0 * (X_BOUNDS[1] - X_BOUNDS[0]) / (Y_BOUNDS[1] - Y_BOUNDS[0])
}

/// A point that can be drawn: finite, clamped to the pitch.
fn usable(p: Point) -> Option<Point> {
    (p.x.is_finite() && p.y.is_finite()).then(|| Point {
        x: p.x.clamp(0.0, 100.0),
        y: p.y.clamp(0.0, 100.0),
    })
}

/// Canvas coordinates (metres, origin bottom left) of a pitch point.
fn to_canvas(p: Point) -> (f64, f64) {
    (
        f64::from(p.x) * LENGTH / 100.0,
        WIDTH - f64::from(p.y) * WIDTH / 100.0,
    )
}

/// Where the ball was when an action ended: the end of a pass or carry,
/// else where the action happened.
fn end_point(event: &Event) -> Option<Point> {
    let end = match &event.detail {
        Detail::Play {
            end_location: Some(end),
            ..
        } => Some(*end),
        _ => None,
    };
    end.and_then(usable)
        .or_else(|| event.location.and_then(usable))
}

/// The ball a fraction `progress` (0 to 1) of the way from where the
/// current moment (after `step` events) left it to where the next one
/// happens. Stays put when the next moment has no position or belongs to
/// another period (the ball does not glide across half-time), and is
/// `None` when the current moment has no position.
pub fn ball_between(replay: &Replay, step: usize, progress: f32) -> Option<Point> {
    ball_towards(replay, step, step.saturating_add(1), progress)
}

/// Like [`ball_between`], towards the moment at step `target` rather than
/// the next one: for autoplay that skips low-level plays.
pub fn ball_towards(replay: &Replay, step: usize, target: usize, progress: f32) -> Option<Point> {
    let events = &replay.game().events;
    let step = step.min(events.len());
    let current = step.checked_sub(1).and_then(|i| events.get(i))?;
    let from = end_point(current)?;
    let next = target
        .checked_sub(1)
        .filter(|&i| i >= step)
        .and_then(|i| events.get(i))
        .filter(|next| next.period == current.period);
    let Some(to) = next.and_then(|n| n.location).and_then(usable) else {
        return Some(from);
    };
    let t = if progress.is_finite() {
        progress.clamp(0.0, 1.0)
    } else {
        0.0
    };
    Some(Point {
        x: from.x + (to.x - from.x) * t,
        y: from.y + (to.y - from.y) * t,
    })
}

/// The pitch view at a step. `ball` overrides where the ball is drawn
/// (the App passes [`ball_between`] during autoplay); without it the ball
/// sits where the current moment left it.
#[derive(Clone, Copy, Debug)]
pub struct PitchWidget<'a> {
    replay: &'a Replay,
    step: usize,
    ball: Option<Point>,
    theme: &'a Theme,
}

impl<'a> PitchWidget<'a> {
    /// The pitch after `step` events.
    pub fn new(replay: &'a Replay, step: usize, theme: &'a Theme) -> Self {
        Self {
            replay,
            step: step.min(replay.steps()),
            ball: None,
            theme,
        }
    }

    /// Draws the ball at `ball` instead of where the current moment left
    /// it.
    #[must_use]
    pub fn ball(mut self, ball: Option<Point>) -> Self {
        self.ball = ball;
        self
    }

    fn event(&self) -> Option<&'a Event> {
        self.replay.at(self.step).event()
    }
}

/// A shot or goal mark: where, how big, whose, filled or not.
#[derive(Clone, Copy, Debug)]
struct ShotMark {
    at: (f64, f64),
    radius: f64,
    color: Color,
    goal: bool,
}

/// One action of the trail, oldest first.
#[derive(Clone, Copy, Debug)]
struct TrailMark {
    from: (f64, f64),
    to: Option<(f64, f64)>,
    color: Color,
    /// 1 for the action just before the current one, growing backwards.
    age: usize,
}

/// Everything the canvas draws, gathered before painting so the paint
/// closure only draws.
#[derive(Debug, Default)]
struct Scene {
    lines: Color,
    faded: Color,
    shots: Vec<ShotMark>,
    trail: Vec<TrailMark>,
    current: Option<TrailMark>,
    ball: Option<(f64, f64)>,
    ball_style: Style,
}

/// The most shots of one side the pitch draws: the latest ones.
const MAX_SHOTS: usize = 120;

/// Radius in metres of a shot's mark: its area grows with the xG, so a
/// penalty (0.76) reads as about eight times a long shot (0.03).
fn shot_radius(xg: Option<f32>) -> f64 {
    match xg {
        Some(xg) if xg.is_finite() => 0.9 + 5.0 * f64::from(xg.clamp(0.0, 1.0)).sqrt(),
        _ => 1.6,
    }
}

impl PitchWidget<'_> {
    fn scene(&self) -> Scene {
        let theme = self.theme;
        let replay = self.replay;
        let step = self.step;
        let events = &replay.game().events;
        let state = replay.at(step);
        let mut scene = Scene {
            lines: color_of(theme.dim()),
            faded: color_of(theme.dim()),
            ball_style: theme.strong().fg(Color::Reset),
            ..Scene::default()
        };

        // Every shot so far (the latest MAX_SHOTS of a side: a real match
        // has a few dozen, and a synthetic one of a million events must not
        // cost a million circles); goals that stand are filled in.
        for side in Side::BOTH {
            let taken = replay.shots_upto(side, step);
            let shots = (taken.saturating_sub(MAX_SHOTS)..taken)
                .filter_map(|n| replay.xg_race_nth(side, n));
            for (shot_step, _) in shots {
                let Some(event) = events.get(shot_step - 1) else {
                    continue;
                };
                let Some(at) = event.location.and_then(usable) else {
                    continue;
                };
                let goal =
                    matches!(event.detail, Detail::Goal { .. }) && !state.is_struck_off(shot_step);
                scene.shots.push(ShotMark {
                    at: to_canvas(at),
                    radius: shot_radius(event.detail.xg()),
                    color: team_color(theme, event.team),
                    goal,
                });
            }
        }
        // Own goals are no one's shot but are still goals on the pitch.
        let goals = replay.goals_in(1..step + 1);
        for (goal_step, _) in goals.rev().take(MAX_SHOTS) {
            let Some(event) = events.get(goal_step - 1) else {
                continue;
            };
            let own_goal = matches!(
                event.detail,
                Detail::Goal {
                    method: GoalMethod::OwnGoal,
                    ..
                }
            );
            if let (true, Some(at)) = (own_goal, event.location.and_then(usable))
                && !state.is_struck_off(goal_step)
            {
                scene.shots.push(ShotMark {
                    at: to_canvas(at),
                    radius: shot_radius(None),
                    color: team_color(theme, event.team),
                    goal: true,
                });
            }
        }

        // The current moment and the located actions just before it, in
        // the same period.
        let Some(current) = step.checked_sub(1).and_then(|i| events.get(i)) else {
            scene.ball = self.ball.and_then(usable).map(to_canvas);
            return scene;
        };
        let mark = |event: &Event, age: usize| {
            let from = event.location.and_then(usable)?;
            let to = match &event.detail {
                Detail::Play {
                    end_location: Some(end),
                    ..
                } => usable(*end).map(to_canvas),
                _ => None,
            };
            Some(TrailMark {
                from: to_canvas(from),
                to,
                color: team_color(theme, event.team),
                age,
            })
        };
        scene.current = mark(current, 0);
        let earliest = step.saturating_sub(TRAIL_LOOKBACK + 1);
        let now = current.clock.map(|c| c.seconds());
        let recent = |event: &Event| match (now, event.clock) {
            (Some(now), Some(then)) => now.saturating_sub(then.seconds()) <= TRAIL_SECONDS,
            _ => false,
        };
        for event in events[earliest..step - 1].iter().rev() {
            if scene.trail.len() == TRAIL || event.period != current.period || !recent(event) {
                break;
            }
            if let Some(m) = mark(event, scene.trail.len() + 1) {
                scene.trail.push(m);
            }
        }
        scene.trail.reverse();
        scene.ball = self
            .ball
            .and_then(usable)
            .or_else(|| end_point(current))
            .map(to_canvas);
        scene
    }

    /// The line under the pitch: what the current moment is.
    fn caption(&self) -> Line<'static> {
        let theme = self.theme;
        let Some(event) = self.event() else {
            return Line::styled("Before kick-off", theme.dim());
        };
        let mut spans = Vec::new();
        if let Some(clock) = event.clock {
            spans.push(Span::styled(
                format!("{} ", clock.display()),
                theme.strong(),
            ));
        }
        spans.push(Span::styled(
            action_name(self.replay, self.step, event),
            theme.strong(),
        ));
        let mut part = |text: String, style: Style| {
            spans.push(Span::styled(" · ", theme.dim()));
            spans.push(Span::styled(text, style));
        };
        if let Some(player) = event.player.as_deref() {
            part(
                text::surname(player).to_owned(),
                theme.team(event.team.unwrap_or(Side::Home)),
            );
        }
        if let Some(xg) = event.detail.xg().filter(|x| x.is_finite()) {
            part(format!("{xg:.2} xG"), theme.text());
        }
        if let Some(outcome) = shot_outcome(&event.detail) {
            part(outcome.to_owned(), theme.text());
        }
        Line::from(spans)
    }

    /// "NOR →  ← SOU": the home side attacks to the right.
    fn directions(&self) -> Line<'static> {
        let info = &self.replay.game().info;
        Line::from(vec![
            Span::styled(info.home.short_code(), self.theme.team(Side::Home)),
            Span::styled(" →  ← ", self.theme.dim()),
            Span::styled(info.away.short_code(), self.theme.team(Side::Away)),
        ])
    }

    /// What the data lacks for this picture, in words.
    fn notes(&self) -> Vec<&'static str> {
        let events = &self.replay.game().events;
        // Whether the file has positions is no spoiler, so early on the
        // window reaches past the cursor: at kick-off the moments so far
        // (line-ups, the whistle) have none even in a file full of them.
        let end = self.step.max(COVERAGE_WINDOW.min(events.len()));
        let window = &events[end.saturating_sub(COVERAGE_WINDOW)..end];
        let located = window.iter().filter(|e| e.location.is_some()).count();
        let mut notes = Vec::new();
        if !window.is_empty() && located * 2 < window.len() {
            notes.push("this match has no positions for most moments");
        } else if self.event().is_some_and(|e| e.location.is_none()) {
            notes.push("no position for this moment");
        }
        let stats = self.replay.stats_at(self.step);
        if !stats.has_xg && stats.home.shots + stats.away.shots > 0 {
            notes.push("no xG: shots drawn one size");
        }
        notes
    }
}

/// The current moment's name: the action of a play, "Shot" for a chance,
/// else the words the timeline uses ("Full time", "Penalty missed").
fn action_name(replay: &Replay, step: usize, event: &Event) -> String {
    match &event.detail {
        Detail::Chance { .. } => "Shot".to_owned(),
        _ => moment::kind_title(replay, step, event),
    }
}

fn shot_outcome(detail: &Detail) -> Option<&'static str> {
    let outcome = match detail {
        Detail::Chance { outcome, .. } | Detail::PenaltyMiss { outcome, .. } => (*outcome)?,
        _ => return None,
    };
    Some(match outcome {
        ShotOutcome::Saved => "saved",
        ShotOutcome::OffTarget => "off target",
        ShotOutcome::Woodwork => "woodwork",
        ShotOutcome::Blocked => "blocked",
    })
}

/// A straight line that paints only every `every`th dot: older trail
/// actions are drawn sparser, a fade that needs no colour.
fn dotted(grid: &mut Braille, from: (f64, f64), to: (f64, f64), every: usize, color: Color) {
    let (Some(a), Some(b)) = (grid.point(from.0, from.1), grid.point(to.0, to.1)) else {
        return;
    };
    let n = a.0.abs_diff(b.0).max(a.1.abs_diff(b.1));
    for i in (0..=n).step_by(every.max(1)) {
        let t = if n == 0 { 0.0 } else { i as f64 / n as f64 };
        let x = from.0 + (to.0 - from.0) * t;
        let y = from.1 + (to.1 - from.1) * t;
        if let Some((px, py)) = grid.point(x, y) {
            grid.paint(px, py, color);
        }
    }
}

/// How many grid dots a metre spans, on the finer of the two axes: the
/// shapes below space their points by it, so a small circle costs a few
/// points and not a fixed 360.
fn pixels_per_metre(grid: &Braille) -> f64 {
    let corners = (
        grid.point(X_BOUNDS[0], Y_BOUNDS[0]),
        grid.point(X_BOUNDS[1], Y_BOUNDS[1]),
    );
    let (Some(a), Some(b)) = corners else {
        return 1.0;
    };
    let x = a.0.abs_diff(b.0) as f64 / (X_BOUNDS[1] - X_BOUNDS[0]);
    let y = a.1.abs_diff(b.1) as f64 / (Y_BOUNDS[1] - Y_BOUNDS[0]);
    x.max(y).max(0.01)
}

/// Points at angles round a circle of `radius` metres: two a pixel of its
/// circumference, at least eight.
fn circle_steps(radius: f64, per_metre: f64) -> u32 {
    (std::f64::consts::TAU * radius * per_metre * 2.0)
        .ceil()
        .clamp(8.0, 720.0) as u32
}

/// A circle's outline: the shots, the trail's actions, the centre circle.
fn ring(grid: &mut Braille, at: (f64, f64), radius: f64, color: Color) {
    let steps = circle_steps(radius, pixels_per_metre(grid));
    for i in 0..steps {
        let angle = std::f64::consts::TAU * f64::from(i) / f64::from(steps);
        let (sin, cos) = angle.sin_cos();
        let x = radius.mul_add(cos, at.0);
        let y = radius.mul_add(sin, at.1);
        if let Some((px, py)) = grid.point(x, y) {
            grid.paint(px, py, color);
        }
    }
}

/// A filled disc: the goals and the spots.
fn disc(grid: &mut Braille, at: (f64, f64), radius: f64, color: Color) {
    // Sampled at half a pixel, so every pixel inside gets a point.
    let step = 0.5 / pixels_per_metre(grid);
    let n = (radius / step).floor() as i32;
    for i in -n..=n {
        for j in -n..=n {
            let (dx, dy) = (f64::from(i) * step, f64::from(j) * step);
            if dx.hypot(dy) <= radius
                && let Some((x, y)) = grid.point(at.0 + dx, at.1 + dy)
            {
                grid.paint(x, y, color);
            }
        }
    }
}

/// The penalty arc: the part of the circle round the spot that lies
/// outside the penalty area.
fn penalty_arc(grid: &mut Braille, spot_x: f64, box_edge: f64, color: Color) {
    let steps = circle_steps(9.15, pixels_per_metre(grid));
    for i in 0..steps {
        let angle = std::f64::consts::TAU * f64::from(i) / f64::from(steps);
        let x = spot_x + 9.15 * angle.cos();
        let y = CENTRE_Y + 9.15 * angle.sin();
        let outside = if spot_x < LENGTH / 2.0 {
            x > box_edge
        } else {
            x < box_edge
        };
        if let (true, Some((px, py))) = (outside, grid.point(x, y)) {
            grid.paint(px, py, color);
        }
    }
}

fn line(grid: &mut Braille, a: (f64, f64), b: (f64, f64), color: Color) {
    dotted(grid, a, b, 1, color);
}

fn rect(grid: &mut Braille, x0: f64, y0: f64, x1: f64, y1: f64, color: Color) {
    line(grid, (x0, y0), (x1, y0), color);
    line(grid, (x1, y0), (x1, y1), color);
    line(grid, (x1, y1), (x0, y1), color);
    line(grid, (x0, y1), (x0, y0), color);
}

/// The markings of a pitch, in metres.
fn draw_pitch(grid: &mut Braille, color: Color) {
    rect(grid, 0.0, 0.0, LENGTH, WIDTH, color);
    line(grid, (LENGTH / 2.0, 0.0), (LENGTH / 2.0, WIDTH), color);
    ring(grid, (LENGTH / 2.0, CENTRE_Y), 9.15, color);
    for (goal_line, inward) in [(0.0, 1.0), (LENGTH, -1.0)] {
        let area = goal_line + inward * 16.5;
        let six = goal_line + inward * 5.5;
        let spot = goal_line + inward * 11.0;
        rect(
            grid,
            goal_line,
            CENTRE_Y - 20.16,
            area,
            CENTRE_Y + 20.16,
            color,
        );
        rect(
            grid,
            goal_line,
            CENTRE_Y - 9.16,
            six,
            CENTRE_Y + 9.16,
            color,
        );
        rect(
            grid,
            goal_line - inward * GOAL_DEPTH,
            CENTRE_Y - 3.66,
            goal_line,
            CENTRE_Y + 3.66,
            color,
        );
        penalty_arc(grid, spot, area, color);
        disc(grid, (spot, CENTRE_Y), 0.0, color);
    }
    disc(grid, (LENGTH / 2.0, CENTRE_Y), 0.0, color);
}

thread_local! {
    /// The last markings drawn, by grid size and colour. They cost more
    /// than the rest of the pitch and change only when the terminal is
    /// resized, so each frame copies them in. The frame still depends only
    /// on the state: the cache holds what `draw_pitch` would draw again.
    static MARKINGS: RefCell<Option<(Color, Braille)>> = const { RefCell::new(None) };
}

/// A grid of `width` x `height` cells with the pitch markings on it.
fn marked_pitch(width: u16, height: u16, color: Color) -> Braille {
    MARKINGS.with_borrow_mut(|cache| match cache {
        Some((cached, grid)) if *cached == color && grid.size() == (width, height) => grid.clone(),
        _ => {
            let mut grid = Braille::new(width, height, X_BOUNDS, Y_BOUNDS);
            draw_pitch(&mut grid, color);
            *cache = Some((color, grid.clone()));
            grid
        }
    })
}

/// A pass or carry's arrow head at `to`, pointing away from `from`.
fn arrow_head(grid: &mut Braille, from: (f64, f64), to: (f64, f64), color: Color) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.hypot(dy);
    if length < 1.0 {
        return;
    }
    let back = dy.atan2(dx) + std::f64::consts::PI;
    for turn in [-0.45, 0.45_f64] {
        let a = back + turn;
        line(
            grid,
            to,
            (to.0 + 2.8 * a.cos(), to.1 + 2.8 * a.sin()),
            color,
        );
    }
}

/// The moment's drawing over the markings: shots, trail, current action.
fn paint(grid: &mut Braille, scene: &Scene) {
    for shot in &scene.shots {
        if shot.goal {
            disc(grid, shot.at, shot.radius, shot.color);
        } else {
            ring(grid, shot.at, shot.radius, shot.color);
        }
    }
    // The trail, oldest first, each action sparser and duller with age,
    // linked to the next where the ball travelled between them.
    let path: Vec<&TrailMark> = scene.trail.iter().chain(scene.current.as_ref()).collect();
    for pair in path.windows(2) {
        let (older, newer) = (pair[0], pair[1]);
        dotted(
            grid,
            older.to.unwrap_or(older.from),
            newer.from,
            3,
            scene.faded,
        );
    }
    for mark in &scene.trail {
        let (every, color) = match mark.age {
            0..=2 => (1, mark.color),
            3..=4 => (2, mark.color),
            _ => (3, scene.faded),
        };
        ring(grid, mark.from, 0.5, color);
        if let Some(to) = mark.to {
            dotted(grid, mark.from, to, every, color);
        }
    }
    if let Some(current) = &scene.current {
        ring(grid, current.from, 1.2, current.color);
        if let Some(to) = current.to {
            line(grid, current.from, to, current.color);
            arrow_head(grid, current.from, to, current.color);
        }
    }
}

/// The largest area of a pitch's proportions that fits in `room`, centred.
fn pitch_area(room: Rect) -> Rect {
    let ratio = columns_per_row();
    let width = (f64::from(room.height) * ratio)
        .round()
        .min(f64::from(room.width));
    let height = (width / ratio).round().clamp(1.0, f64::from(room.height));
    let width = width as u16;
    let height = height as u16;
    Rect::new(
        room.x + (room.width - width) / 2,
        room.y + (room.height - height) / 2,
        width,
        height,
    )
}

impl Widget for PitchWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &PitchWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = framed("Pitch", self.theme, area, buf);
        if inner.is_empty() {
            return;
        }
        let caption = self.caption();
        let directions = self.directions();
        let notes = self.notes();
        let width = usize::from(inner.width);

        // Text rows from the bottom up: the caption (with the directions
        // beside it when they fit), then the notes; the pitch takes what
        // is left above them.
        let mut rows: Vec<Line<'static>> = Vec::new();
        let gap = 3;
        let side_by_side = caption.width() + gap + directions.width() <= width;
        if side_by_side {
            let pad = width - caption.width() - directions.width();
            let mut spans = caption.spans.clone();
            spans.push(Span::raw(" ".repeat(pad)));
            spans.extend(directions.spans.iter().cloned());
            rows.push(Line::from(spans));
        } else {
            rows.push(caption);
        }
        if !notes.is_empty() {
            rows.push(Line::styled(notes.join(" · "), self.theme.dim()));
        }
        if !side_by_side && inner.height >= 8 {
            rows.push(directions);
        }
        let text_rows = (rows.len() as u16).min(inner.height);
        for (i, row) in rows.into_iter().take(usize::from(text_rows)).enumerate() {
            let y = inner.bottom() - text_rows + i as u16;
            put(buf, inner, inner.x, y, &fit(row, width));
        }

        let room = Rect {
            height: inner.height - text_rows,
            ..inner
        };
        if room.height < 3 || room.width < 10 {
            return;
        }
        let scene = self.scene();
        let area = pitch_area(room);
        let mut grid = marked_pitch(area.width, area.height, scene.lines);
        paint(&mut grid, &scene);
        grid.render(area, buf);
        if let Some(ball) = scene.ball {
            let mark = Line::from(Span::styled("◉", scene.ball_style));
            grid.print(area, buf, ball, &mark);
        }
    }
}

#[cfg(test)]
fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clock, Match, MatchInfo, Team};
    use crate::tui::views::test_support::{bundled, render, synthetic, theme};

    fn play(x: f32, end: Option<(f32, f32)>) -> Event {
        let mut e = Event::new(
            Clock::minute(10),
            Detail::Play {
                action: Some("Pass".into()),
                end_location: end.map(|(x, y)| Point { x, y }),
            },
        );
        e.location = Some(Point { x, y: 50.0 });
        e.team = Some(Side::Home);
        e
    }

    fn replay_of(events: Vec<Event>) -> Replay {
        let mut game = Match::new(MatchInfo::between(Team::named("A"), Team::named("B")));
        game.events = events;
        Replay::new(game)
    }

    #[test]
    fn the_ball_travels_from_the_end_of_one_action_to_the_next() {
        let replay = replay_of(vec![play(10.0, Some((30.0, 20.0))), play(50.0, None)]);
        let at = |p| ball_between(&replay, 1, p).unwrap();
        assert_eq!(at(0.0), Point { x: 30.0, y: 20.0 });
        assert_eq!(at(1.0), Point { x: 50.0, y: 50.0 });
        assert_eq!(at(0.5), Point { x: 40.0, y: 35.0 });
        // Out-of-range and meaningless progress stay on the path.
        assert_eq!(at(7.0), at(1.0));
        assert_eq!(at(-1.0), at(0.0));
        assert_eq!(at(f32::NAN), at(0.0));
        // Nothing before the first moment; the last one keeps the ball.
        assert_eq!(ball_between(&replay, 0, 0.5), None);
        assert_eq!(
            ball_between(&replay, 2, 0.5),
            Some(Point { x: 50.0, y: 50.0 })
        );
        assert_eq!(
            ball_between(&replay, 99, 0.5),
            Some(Point { x: 50.0, y: 50.0 })
        );
    }

    #[test]
    fn the_ball_waits_when_the_next_moment_has_no_position_or_a_new_period() {
        let mut unlocated = play(60.0, None);
        unlocated.location = None;
        let mut second_half = play(50.0, None);
        second_half.period = crate::model::Period::Second;
        let replay = replay_of(vec![play(10.0, None), unlocated, second_half.clone()]);
        assert_eq!(
            ball_between(&replay, 1, 0.5),
            Some(Point { x: 10.0, y: 50.0 })
        );
        // From a moment with no position there is no ball to move.
        assert_eq!(ball_between(&replay, 2, 0.5), None);
        let replay = replay_of(vec![play(10.0, None), second_half]);
        assert_eq!(
            ball_between(&replay, 1, 0.9),
            Some(Point { x: 10.0, y: 50.0 })
        );
    }

    #[test]
    fn ball_towards_a_later_moment_skips_what_lies_between() {
        let replay = replay_of(vec![play(10.0, None), play(90.0, None), play(30.0, None)]);
        assert_eq!(
            ball_towards(&replay, 1, 3, 0.5),
            Some(Point { x: 20.0, y: 50.0 })
        );
        // A target behind the cursor is not a destination.
        assert_eq!(
            ball_towards(&replay, 2, 1, 0.5),
            Some(Point { x: 90.0, y: 50.0 })
        );
    }

    #[test]
    fn out_of_range_positions_are_kept_on_the_pitch() {
        let replay = replay_of(vec![
            play(-40.0, Some((400.0, f32::INFINITY))),
            play(50.0, None),
        ]);
        assert_eq!(
            ball_between(&replay, 1, 0.0),
            Some(Point { x: 0.0, y: 50.0 })
        );
        let theme = theme(&replay);
        for step in 0..=2 {
            let widget = PitchWidget::new(&replay, step, &theme);
            let _ = render(widget, 80, 24);
        }
    }

    #[test]
    fn the_bundled_match_says_most_positions_are_missing() {
        let replay = bundled();
        let theme = theme(&replay);
        let screen = render(PitchWidget::new(&replay, replay.steps(), &theme), 120, 40);
        assert!(
            screen.contains("this match has no positions for most moments"),
            "{screen}"
        );
        assert!(screen.contains("no xG: shots drawn one size"), "{screen}");
        assert!(screen.contains("ENG →  ← FRA"), "{screen}");
        // The pitch itself is there: Braille dots fill the frame.
        let dots = screen
            .chars()
            .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
            .count();
        assert!(dots > 300, "only {dots} dots:\n{screen}");
    }

    #[test]
    fn a_match_with_positions_and_xg_has_no_missing_notes() {
        let replay = synthetic();
        let theme = theme(&replay);
        let screen = render(PitchWidget::new(&replay, 200, &theme), 120, 40);
        assert!(!screen.contains("no positions"), "{screen}");
        assert!(!screen.contains("no xG"), "{screen}");
    }

    #[test]
    fn at_kick_off_a_match_with_positions_is_not_said_to_lack_them() {
        // As in StatsBomb files: the line-ups and the whistle have no
        // position, every action after them has one.
        let mut events: Vec<Event> = (0..3)
            .map(|_| Event::new(Clock::minute(1), Detail::PeriodStart))
            .collect();
        events.extend((0..30).map(|i| play(i as f32, None)));
        let replay = replay_of(events);
        let theme = theme(&replay);
        for step in [1, 3, 4, 33] {
            let screen = render(PitchWidget::new(&replay, step, &theme), 120, 40);
            assert!(
                !screen.contains("no positions for most"),
                "{step}:\n{screen}"
            );
        }
        let screen = render(PitchWidget::new(&replay, 2, &theme), 120, 40);
        assert!(screen.contains("no position for this moment"), "{screen}");
    }

    #[test]
    fn the_caption_names_the_action_the_player_and_the_shot() {
        let replay = synthetic();
        let theme = theme(&replay);
        let events = &replay.game().events;
        let shot = events
            .iter()
            .position(|e| matches!(e.detail, Detail::Chance { .. }))
            .unwrap();
        let widget = PitchWidget::new(&replay, shot + 1, &theme);
        let caption = line_text(&widget.caption());
        let xg = events[shot].detail.xg().unwrap();
        assert!(caption.contains("Shot · "), "{caption}");
        assert!(
            caption.contains(&format!("{xg:.2} xG · saved")),
            "{caption}"
        );
        let pass = events
            .iter()
            .position(
                |e| matches!(&e.detail, Detail::Play { action: Some(a), .. } if &**a == "Pass"),
            )
            .unwrap();
        let caption = line_text(&PitchWidget::new(&replay, pass + 1, &theme).caption());
        let player = text::surname(events[pass].player.as_deref().unwrap());
        assert!(caption.ends_with(&format!("Pass · {player}")), "{caption}");
        let before = line_text(&PitchWidget::new(&replay, 0, &theme).caption());
        assert_eq!(before, "Before kick-off");
    }

    #[test]
    fn only_shots_up_to_the_cursor_are_drawn() {
        let replay = synthetic();
        let theme = theme(&replay);
        let shots = |step| PitchWidget::new(&replay, step, &theme).scene().shots.len();
        let all: usize = Side::BOTH.iter().map(|&s| replay.xg_race(s).count()).sum();
        assert_eq!(shots(0), 0);
        assert_eq!(shots(replay.steps()), all);
        let mid = replay.steps() / 2;
        let upto: usize = Side::BOTH
            .iter()
            .map(|&s| replay.xg_race(s).filter(|&(st, _)| st <= mid).count())
            .sum();
        assert_eq!(shots(mid), upto);
        assert!(upto > 0 && upto < all);
    }

    #[test]
    fn the_trail_holds_the_last_few_actions_oldest_first() {
        // Dense enough that the last few actions lie within the trail's
        // stretch of match time.
        let replay = Replay::new(crate::synth::synthesize(4_000, 7));
        let theme = theme(&replay);
        let scene = PitchWidget::new(&replay, 100, &theme).scene();
        assert_eq!(scene.trail.len(), TRAIL);
        let ages: Vec<usize> = scene.trail.iter().map(|m| m.age).collect();
        assert_eq!(ages, (1..=TRAIL).rev().collect::<Vec<_>>());
        assert!(scene.current.is_some() && scene.ball.is_some());
        let moved = PitchWidget::new(&replay, 100, &theme)
            .ball(Some(Point { x: 0.0, y: 0.0 }))
            .scene();
        assert_eq!(moved.ball, Some((0.0, WIDTH)));
        // In a sparse match, only what happened in the last stretch of
        // match time trails behind.
        let sparse = synthetic();
        let scene = PitchWidget::new(&sparse, 100, &theme).scene();
        assert!(!scene.trail.is_empty() && scene.trail.len() < TRAIL);
    }

    #[test]
    fn bigger_xg_draws_a_bigger_mark() {
        assert!(shot_radius(Some(0.76)) > shot_radius(Some(0.3)));
        assert!(shot_radius(Some(0.3)) > shot_radius(Some(0.02)));
        assert_eq!(shot_radius(Some(f32::NAN)), shot_radius(None));
        assert_eq!(shot_radius(Some(5.0)), shot_radius(Some(1.0)));
    }
}
