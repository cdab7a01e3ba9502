//! The views the fan cycles through with Tab below the scoreboard: the
//! core's timeline, then a drawn pitch, a statistics panel, the xG race and
//! the line-ups. Each extra view is a pure widget over a [`Replay`] and a
//! step: it counts only what happened up to the cursor, reads no clock and
//! does no I/O, and says what the data lacks instead of drawing an empty
//! frame.
//!
//! [`Replay`]: crate::replay::Replay

mod lineups;
mod pitch;
mod stats;
mod xg_race;

pub use lineups::LineupsWidget;
pub use pitch::{PitchWidget, ball_between, ball_towards};
pub use stats::StatsWidget;
pub use xg_race::XgRaceWidget;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::model::{Event, Period, Side};
use crate::replay::Replay;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::Panel;

/// What fills the screen below the scoreboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// The core's timeline and commentary.
    #[default]
    Timeline,
    /// The drawn pitch with the ball, the recent actions and the shots.
    Pitch,
    /// Team statistics side by side.
    Stats,
    /// Cumulative expected goals against the minute.
    XgRace,
    /// Starting elevens, substitutes, cards.
    Lineups,
}

impl View {
    /// Every view, in the order Tab visits them.
    pub const ALL: [View; 5] = [
        View::Timeline,
        View::Pitch,
        View::Stats,
        View::XgRace,
        View::Lineups,
    ];

    /// The view Tab moves to; after the last comes the first again.
    pub fn next(self) -> View {
        let i = Self::ALL.iter().position(|&v| v == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The view Shift-Tab moves to.
    pub fn prev(self) -> View {
        let i = Self::ALL.iter().position(|&v| v == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }

    /// The view's name, for its frame and for tabs.
    pub const fn title(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Pitch => "Pitch",
            View::Stats => "Stats",
            View::XgRace => "xG race",
            View::Lineups => "Line-ups",
        }
    }

    /// Whether the view moves between moments during autoplay (the ball on
    /// the pitch), so the event loop must redraw it while playing.
    pub const fn animates(self) -> bool {
        matches!(self, View::Pitch)
    }
}

/// How often the pitch is redrawn while autoplay moves the ball: 25
/// frames a second. Only then: paused, the viewer draws on input alone.
pub const FRAME: std::time::Duration = std::time::Duration::from_millis(40);

/// One of the extra views with everything it needs, so the App can draw
/// whichever is selected with one call. [`ViewPanel::new`] is `None` for
/// [`View::Timeline`], which the core draws itself.
#[derive(Clone, Copy, Debug)]
pub struct ViewPanel<'a> {
    view: View,
    replay: &'a crate::replay::Replay,
    step: usize,
    ball: Option<crate::model::Point>,
    spoilers: bool,
    theme: &'a Theme,
}

impl<'a> ViewPanel<'a> {
    /// `view` after `step` events, or `None` for the timeline.
    pub fn new(
        view: View,
        replay: &'a crate::replay::Replay,
        step: usize,
        theme: &'a Theme,
    ) -> Option<Self> {
        (view != View::Timeline).then_some(Self {
            view,
            replay,
            step,
            ball: None,
            spoilers: false,
            theme,
        })
    }

    /// Where autoplay has the ball between two moments (see
    /// [`ball_between`]); only the pitch uses it.
    #[must_use]
    pub fn ball(mut self, ball: Option<crate::model::Point>) -> Self {
        self.ball = ball;
        self
    }

    /// Whether spoilers are shown; only the xG race's axis uses it.
    #[must_use]
    pub fn spoilers(mut self, shown: bool) -> Self {
        self.spoilers = shown;
        self
    }
}

impl Widget for ViewPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (replay, step, theme) = (self.replay, self.step, self.theme);
        match self.view {
            View::Pitch => PitchWidget::new(replay, step, theme)
                .ball(self.ball)
                .render(area, buf),
            View::Stats => StatsWidget::new(replay, step, theme).render(area, buf),
            View::XgRace => XgRaceWidget::new(replay, step, theme)
                .spoilers(self.spoilers)
                .render(area, buf),
            View::Lineups => LineupsWidget::new(replay, step, theme).render(area, buf),
            // Not constructible: `new` refuses it.
            View::Timeline => {}
        }
    }
}

/// Draws a view's frame with its title when the area is big enough for a
/// frame to leave room inside, and returns the room inside. Small areas
/// get no frame: every row and column is worth more as content.
fn framed(title: &str, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    // Never draw outside the buffer, whatever area the caller passes.
    let area = area.intersection(buf.area);
    if area.width < 12 || area.height < 5 {
        return area;
    }
    let block = Panel::new(theme.border()).title(Line::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A team's colour as a plain colour for canvas drawing (which takes no
/// modifiers); the terminal's own colour when the theme has none.
fn team_color(theme: &Theme, side: Option<Side>) -> Color {
    theme.team_mark(side).fg.unwrap_or(Color::Reset)
}

/// The colour of a style, for canvas drawing.
fn color_of(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

/// Where an event sits on a 0-to-90 (or 120) minute axis: elapsed match
/// time, with stoppage time held at the end of its period so that 45+3'
/// does not land on the second half's 48th minute. `None` for events with
/// no clock and for the shoot-out, which has no minutes.
fn axis_minute(event: &Event) -> Option<f64> {
    let clock = event.clock?;
    let (start, end) = period_span(event.period)?;
    let raw = if clock.added > 0 {
        end
    } else {
        // "17'" covers 16:00 to 16:59; without seconds take the middle.
        let second = clock.second.map_or(30.0, f64::from);
        f64::from(clock.minute.saturating_sub(1)) + second / 60.0
    };
    Some(raw.clamp(start, end))
}

/// [`axis_minute`] of the event at `step` read from the replay's compact
/// times, for the binary searches of a view sampled by minute: a clock
/// without seconds counts from its minute's start, not its middle, and an
/// event without a clock sits at its period's start.
fn axis_minute_at(replay: &Replay, step: usize) -> Option<f64> {
    let (period, seconds) = replay.time_at(step)?;
    let (start, end) = period_span(period)?;
    Some((f64::from(seconds) / 60.0).clamp(start, end))
}

/// Where a period runs on a minute axis: 0-45, 45-90, 90-105, 105-120;
/// a shoot-out has no minutes.
fn period_span(period: Period) -> Option<(f64, f64)> {
    match period {
        Period::First => Some((0.0, 45.0)),
        Period::Second => Some((45.0, 90.0)),
        Period::ExtraFirst => Some((90.0, 105.0)),
        Period::ExtraSecond => Some((105.0, 120.0)),
        Period::Shootout => None,
    }
}

/// Cuts a styled line to `width` columns, ending with "…" when cut, and
/// keeping each part's style.
fn fit(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    if width == 0 {
        return Line::default();
    }
    let style = line.style;
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = span.width();
        if used + w < width {
            used += w;
            spans.push(span);
            continue;
        }
        // This part reaches the edge and more follows (or it overflows):
        // keep what fits before a "…".
        let mut cut = String::new();
        let mut cols = 0;
        for c in span.content.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cols + cw + 1 > width {
                break;
            }
            cols += cw;
            cut.push(c);
        }
        cut.push('…');
        spans.push(ratatui::text::Span::styled(cut, span.style));
        break;
    }
    Line::from(spans).style(style)
}

/// Writes `text` at `(x, y)` cut to the columns left in `area`.
fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, line: &Line<'_>) {
    let area = area.intersection(buf.area);
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return;
    }
    crate::tui::widgets::line::set_line(buf, x, y, line, area.right() - x);
}

#[cfg(test)]
pub(crate) mod test_support {
    //! What the views' unit tests share: the two matches and a renderer
    //! that returns the screen as text.

    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    use crate::replay::Replay;
    use crate::tui::theme::{ColorMode, Theme};

    /// The synthetic match the snapshots use too.
    pub fn synthetic() -> Replay {
        Replay::new(crate::synth::synthesize(400, 7))
    }

    /// The bundled England v France, which has few positions, no passes
    /// and no xG.
    pub fn bundled() -> Replay {
        Replay::new(crate::import::bundled().game)
    }

    pub fn theme(replay: &Replay) -> Theme {
        Theme::new(ColorMode::TrueColor, &replay.game().info)
    }

    /// Renders into a fresh buffer and returns its text, row by row.
    pub fn render<W: Widget>(widget: W, width: u16, height: u16) -> String {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        widget.render(area, &mut buf);
        let mut out = String::new();
        for y in 0..height {
            for x in 0..width {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clock, Detail};

    #[test]
    fn tab_visits_every_view_once_and_comes_back() {
        let mut view = View::Timeline;
        let mut seen = Vec::new();
        for _ in 0..View::ALL.len() {
            seen.push(view);
            view = view.next();
        }
        assert_eq!(view, View::Timeline);
        assert_eq!(seen, View::ALL);
        for v in View::ALL {
            assert_eq!(v.next().prev(), v);
            assert!(!v.title().is_empty());
        }
        assert_eq!(View::default(), View::Timeline);
        assert!(View::Pitch.animates());
        assert!(!View::Stats.animates() && !View::Timeline.animates());
    }

    #[test]
    fn the_panel_draws_the_chosen_view_and_leaves_the_timeline_to_the_core() {
        let replay = test_support::synthetic();
        let theme = test_support::theme(&replay);
        assert!(ViewPanel::new(View::Timeline, &replay, 10, &theme).is_none());
        for view in [View::Pitch, View::Stats, View::XgRace, View::Lineups] {
            let panel = ViewPanel::new(view, &replay, 10, &theme).unwrap();
            let screen = test_support::render(panel.spoilers(true), 80, 24);
            let title = format!("╭ {} ", view.title());
            assert!(screen.starts_with(&title), "{view:?}:\n{screen}");
        }
    }

    fn at(period: Period, clock: Clock) -> Event {
        let mut e = Event::new(clock, Detail::Note { unknown_kind: None });
        e.period = period;
        e
    }

    #[test]
    fn axis_minutes_hold_stoppage_time_at_the_end_of_its_period() {
        let m = |p, c| axis_minute(&at(p, c)).unwrap();
        assert!((m(Period::First, Clock::minute(17)) - 16.5).abs() < 1e-9);
        let exact = Clock {
            minute: 17,
            added: 0,
            second: Some(0),
        };
        assert!((m(Period::First, exact) - 16.0).abs() < 1e-9);
        assert_eq!(m(Period::First, Clock::stoppage(45, 5)), 45.0);
        assert_eq!(m(Period::Second, Clock::minute(46)), 45.5);
        assert_eq!(m(Period::Second, Clock::stoppage(90, 11)), 90.0);
        assert_eq!(m(Period::ExtraSecond, Clock::stoppage(120, 3)), 120.0);
        // A second-half clock that still reads 45 is kept in its half.
        assert_eq!(m(Period::Second, Clock::minute(45)), 45.0);
        let mut kick = at(Period::Shootout, Clock::minute(120));
        assert_eq!(axis_minute(&kick), None);
        kick.period = Period::First;
        kick.clock = None;
        assert_eq!(axis_minute(&kick), None);
    }
}
