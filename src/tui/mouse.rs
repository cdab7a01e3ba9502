//! The mouse, turned into [`Action`]s like the keys are: a click on a
//! timeline row goes to that moment, a press or drag on the progress bar
//! seeks, and the wheel steps (or scrolls the help screen).
//!
//! Hit-testing is a pure function of the app and the screen's area, and
//! it asks the same code that draws: [`plan`] places the panels,
//! [`TimelineWidget::layout`] the rows and [`ProgressWidget::step_at`]
//! the bar's columns. What is under the pointer is therefore what was
//! drawn there, at every size.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::{Action, HelpAction, ViewerAction};
use super::app::{App, Mode};
use super::views::View;
use super::widgets::{ProgressWidget, TimelineWidget, plan};

/// The action a mouse event asks for on a screen of `area`, if any.
/// Outside the replay (a prompt, a menu) only the help screen listens, to
/// the wheel.
pub fn action_for(app: &App, area: Rect, mouse: MouseEvent) -> Option<Action> {
    if app.help().is_some() {
        return match mouse.kind {
            MouseEventKind::ScrollDown => Some(HelpAction::ScrollDown.into()),
            MouseEventKind::ScrollUp => Some(HelpAction::ScrollUp.into()),
            _ => None,
        };
    }
    match app.mode() {
        Mode::Replay => replay(app, area, mouse).map(Action::Viewer),
        Mode::Prompt | Mode::Search | Mode::Filter => None,
    }
}

/// What the mouse asks of the replay.
fn replay(app: &App, area: Rect, mouse: MouseEvent) -> Option<ViewerAction> {
    let (x, y) = (mouse.column, mouse.row);
    let plan = plan(app, area);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(ViewerAction::NextEvent),
        MouseEventKind::ScrollUp => Some(ViewerAction::PrevEvent),
        MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(x, y);
            if let Some(bar) = plan.progress.filter(|bar| bar.contains(at)) {
                return seek(app, bar, x).map(ViewerAction::Grab);
            }
            // Only the timeline view draws the timeline.
            let timeline = plan.timeline.filter(|_| app.view() == View::Timeline)?;
            if !timeline.contains(at) {
                return None;
            }
            TimelineWidget::new(app)
                .step_at(timeline, x, y)
                .map(ViewerAction::GoTo)
        }
        // A drag that began on the bar follows the pointer's column
        // wherever it goes, as a slider does.
        MouseEventKind::Drag(MouseButton::Left) if app.dragging() => {
            let bar = plan.progress?;
            let x = x.clamp(bar.left(), bar.right().saturating_sub(1));
            seek(app, bar, x).map(ViewerAction::Grab)
        }
        MouseEventKind::Up(MouseButton::Left) if app.dragging() => Some(ViewerAction::Release),
        _ => None,
    }
}

/// The stop the bar drawn on `bar` shows at column `x`.
fn seek(app: &App, bar: Rect, x: u16) -> Option<usize> {
    ProgressWidget::new(app)
        .step_at(bar, x)
        .map(|step| app.nav().stop_at_or_before(step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::replay::Replay;
    use crate::tui::AppOptions;
    use crate::tui::action::Global;
    use crossterm::event::KeyModifiers;
    use ratatui::buffer::Buffer;
    use ratatui::style::Color;
    use ratatui::widgets::Widget;

    const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

    fn app() -> App {
        let options = AppOptions {
            spoilers: true,
            ..AppOptions::default()
        };
        let mut app = App::new(Replay::new(import::bundled().game), options);
        // Mid-match, so the timeline has rows on both sides of the cursor.
        let _ = app.update(Action::Viewer(ViewerAction::NextGoal));
        let _ = app.update(Action::Viewer(ViewerAction::NextGoal));
        app
    }

    fn pointer(kind: MouseEventKind, x: u16, y: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn click(x: u16, y: u16) -> MouseEvent {
        pointer(MouseEventKind::Down(MouseButton::Left), x, y)
    }

    fn render(app: &App, area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        app.render(area, &mut buf);
        buf
    }

    fn row_text(buf: &Buffer, rect: Rect, y: u16) -> String {
        (rect.left()..rect.right())
            .map(|x| buf[(x, y)].symbol())
            .collect()
    }

    /// What the timeline row of `step` must show: its clock, or the
    /// pre-match row's words.
    fn clock_of(app: &App, step: usize) -> String {
        match step.checked_sub(1) {
            None => "Before kick-off".to_owned(),
            Some(i) => app.replay().game().events[i]
                .clock
                .map_or("pens".to_owned(), |c| c.display().to_string()),
        }
    }

    #[test]
    fn a_click_on_a_timeline_row_goes_to_the_moment_drawn_there() {
        for (w, h) in SIZES {
            let mut app = app();
            let area = Rect::new(0, 0, w, h);
            let buf = render(&app, area);
            let timeline = plan(&app, area).timeline.expect("a timeline");
            let layout = TimelineWidget::new(&app).layout(timeline);
            assert!(layout.rows.len() >= 5, "{w}x{h}: {layout:?}");
            for &(y, step) in &layout.rows {
                let drawn = row_text(&buf, timeline, y);
                assert!(drawn.contains(&clock_of(&app, step)), "{w}x{h}: {drawn}");
                for x in [layout.inner.left(), layout.inner.right() - 1] {
                    assert_eq!(
                        action_for(&app, area, click(x, y)),
                        Some(Action::Viewer(ViewerAction::GoTo(step))),
                        "{w}x{h} at ({x}, {y}): {drawn}"
                    );
                }
                // The frame is not a row.
                assert_eq!(action_for(&app, area, click(timeline.left(), y)), None);
            }
            // Clicking a row and drawing again puts the cursor on it.
            let &(y, step) = layout.rows.first().unwrap();
            let action = action_for(&app, area, click(timeline.x + 4, y)).unwrap();
            let _ = app.update(action);
            assert_eq!(app.step(), step);
            let layout = TimelineWidget::new(&app).layout(timeline);
            assert_eq!(layout.rows[layout.current].1, step);
        }
    }

    #[test]
    fn rows_below_the_last_and_the_hidden_note_are_not_moments() {
        for (w, h) in SIZES {
            let mut app = app();
            let _ = app.update(Action::Viewer(ViewerAction::ToggleSpoilers));
            let area = Rect::new(0, 0, w, h);
            let timeline = plan(&app, area).timeline.expect("a timeline");
            let layout = TimelineWidget::new(&app).layout(timeline);
            let hint = layout.hint.expect("later moments are hidden");
            assert_eq!(action_for(&app, area, click(timeline.x + 3, hint)), None);
            let below = timeline.bottom() - 2;
            assert!(below > hint);
            assert_eq!(action_for(&app, area, click(timeline.x + 3, below)), None);
        }
    }

    /// The column the progress bar draws its cursor in (the cursor's
    /// colour is its own).
    fn cursor_column(buf: &Buffer, bar: Rect) -> Option<u16> {
        (bar.left()..bar.right()).find(|&x| buf[(x, bar.y)].fg == Color::LightCyan)
    }

    #[test]
    fn a_click_on_the_progress_bar_lands_on_the_last_moment_at_or_before_it() {
        for (w, h) in SIZES {
            let mut app = app();
            let area = Rect::new(0, 0, w, h);
            let bar = plan(&app, area).progress.expect("a progress bar");
            let mut last = 0;
            let mut landed = Vec::new();
            for x in bar.left()..bar.right() {
                let Some(Action::Viewer(ViewerAction::Grab(step))) =
                    action_for(&app, area, click(x, bar.y))
                else {
                    panic!("{w}x{h}: column {x} does not seek");
                };
                assert!(step >= last, "{w}x{h}: column {x} goes back to {step}");
                assert!(
                    app.nav().is_stop(step),
                    "{w}x{h}: {step} is not a listed moment"
                );
                last = step;
                // Between two periods' bars: the later one's label.
                let segments = ProgressWidget::new(&app).segments(Rect { height: 1, ..bar });
                let on_label = segments
                    .windows(2)
                    .any(|pair| x >= pair[0].x + pair[0].width && x < pair[1].x);
                let _ = app.update(Action::Viewer(ViewerAction::Grab(step)));
                let buf = render(&app, area);
                if step > app.replay().kick_off() {
                    let cursor = cursor_column(&buf, bar).expect("a cursor");
                    if on_label {
                        // A period's label stands for its start, just right.
                        assert!(cursor > x, "{w}x{h}: label at {x}, cursor at {cursor}");
                    } else {
                        assert!(cursor <= x, "{w}x{h}: clicked {x}, cursor at {cursor}");
                    }
                }
                landed.push(step);
                let _ = app.update(Action::Viewer(ViewerAction::Release));
            }
            assert_eq!(landed[0], app.replay().kick_off(), "the 1H label");
            assert_eq!(last, app.replay().full_time(), "the right end");
            let goals: Vec<usize> = app.replay().goal_steps().map(|(s, _)| s).collect();
            for goal in goals {
                assert!(
                    landed.contains(&goal),
                    "{w}x{h}: goal at {goal} unreachable"
                );
            }
            // The label row seeks too.
            let below = bar.y + 1;
            assert!(matches!(
                action_for(&app, area, click(bar.x + 10, below)),
                Some(Action::Viewer(ViewerAction::Grab(_)))
            ));
        }
    }

    #[test]
    fn a_drag_from_the_bar_follows_the_pointer_until_released() {
        let mut app = app();
        let area = Rect::new(0, 0, 120, 40);
        let bar = plan(&app, area).progress.unwrap();
        let drag = |x, y| pointer(MouseEventKind::Drag(MouseButton::Left), x, y);
        // A drag that did not start on the bar does nothing.
        assert_eq!(action_for(&app, area, drag(bar.x + 50, bar.y)), None);
        let press = action_for(&app, area, click(bar.x + 5, bar.y)).unwrap();
        let _ = app.update(press);
        assert!(app.dragging());
        let early = app.step();
        // Off the bar's row, the column still counts.
        let Some(Action::Viewer(ViewerAction::Grab(late))) =
            action_for(&app, area, drag(bar.right() - 2, 3))
        else {
            panic!("the drag does not seek");
        };
        assert!(late > early);
        let _ = app.update(Action::Viewer(ViewerAction::Grab(late)));
        let past = action_for(&app, area, drag(bar.right() + 30, 3));
        assert_eq!(
            past,
            Some(Action::Viewer(ViewerAction::Grab(app.replay().full_time())))
        );
        let up = pointer(MouseEventKind::Up(MouseButton::Left), 0, 0);
        assert_eq!(
            action_for(&app, area, up),
            Some(Action::Viewer(ViewerAction::Release))
        );
        let _ = app.update(Action::Viewer(ViewerAction::Release));
        assert!(!app.dragging());
        assert_eq!(action_for(&app, area, drag(bar.x + 5, bar.y)), None);
        assert_eq!(action_for(&app, area, up), None);
    }

    #[test]
    fn the_wheel_steps_and_scrolls_the_help() {
        let mut app = app();
        let area = Rect::new(0, 0, 80, 24);
        let wheel = |kind| pointer(kind, 40, 12);
        assert_eq!(
            action_for(&app, area, wheel(MouseEventKind::ScrollDown)),
            Some(Action::Viewer(ViewerAction::NextEvent))
        );
        assert_eq!(
            action_for(&app, area, wheel(MouseEventKind::ScrollUp)),
            Some(Action::Viewer(ViewerAction::PrevEvent))
        );
        let _ = app.update(Global::OpenHelp);
        assert_eq!(
            action_for(&app, area, wheel(MouseEventKind::ScrollDown)),
            Some(Action::Help(HelpAction::ScrollDown))
        );
        assert_eq!(action_for(&app, area, click(3, 10)), None);
    }

    #[test]
    fn other_views_and_open_prompts_take_no_clicks_in_the_middle() {
        let mut app = app();
        let area = Rect::new(0, 0, 120, 40);
        let plan = plan(&app, area);
        let (timeline, bar) = (plan.timeline.unwrap(), plan.progress.unwrap());
        let _ = app.update(Action::Viewer(ViewerAction::NextView));
        assert_eq!(
            action_for(&app, area, click(timeline.x + 3, timeline.y + 2)),
            None
        );
        assert!(matches!(
            action_for(&app, area, click(bar.x + 20, bar.y)),
            Some(Action::Viewer(ViewerAction::Grab(_)))
        ));
        let _ = app.update(Action::Viewer(ViewerAction::PrevView));
        for open in [
            Action::Viewer(ViewerAction::OpenSearch),
            Action::Viewer(ViewerAction::OpenPrompt),
            Action::Viewer(ViewerAction::OpenFilter),
        ] {
            let _ = app.update(open);
            assert_eq!(action_for(&app, area, click(bar.x + 20, bar.y)), None);
            let _ = app.update(Action::Viewer(ViewerAction::CloseFilter));
            let _ = app.update(Action::Viewer(ViewerAction::PromptCancel));
        }
    }

    #[test]
    fn no_size_or_point_panics() {
        let app = app();
        for w in (0..=130).step_by(7) {
            for h in (0..=45).step_by(4) {
                let area = Rect::new(0, 0, w, h);
                for (x, y) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                    (w + 5, h + 5),
                ] {
                    for kind in [
                        MouseEventKind::Down(MouseButton::Left),
                        MouseEventKind::Drag(MouseButton::Left),
                        MouseEventKind::ScrollDown,
                        MouseEventKind::Moved,
                    ] {
                        let _ = action_for(&app, area, pointer(kind, x, y));
                    }
                }
            }
        }
    }
}
