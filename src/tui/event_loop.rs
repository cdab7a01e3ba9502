//! The terminal loop: draw, wait for a key (or autoplay's next moment),
//! apply it, draw again. While paused it blocks on input and uses no CPU;
//! while playing it sleeps in `poll` until the next moment is due.

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::app::App;
use super::keymap;

/// Runs the viewer until the fan quits. The caller sets the terminal up
/// (`ratatui::init`) and restores it afterwards, also on error.
pub fn run(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut timer = Timer::default();
    let size = terminal.size()?;
    app.set_viewport(size.width, size.height);
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    while app.is_running() {
        let event = match app.autoplay_wait() {
            None => {
                timer.clear();
                Some(event::read()?)
            }
            Some(wait) => {
                let now = Instant::now();
                let due = timer.due(app.step(), wait, now);
                if event::poll(due.saturating_duration_since(now))? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
        };
        let redraw = match event {
            Some(event) => handle_event(app, &event),
            None => {
                app.update(Action::Tick);
                true
            }
        };
        if redraw && app.is_running() {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
    }
    Ok(())
}

/// Applies a terminal event; returns whether the screen needs redrawing.
/// Key releases, unbound keys, mouse and focus events change nothing.
pub fn handle_event(app: &mut App, event: &Event) -> bool {
    match event {
        Event::Key(key) => match keymap::action_for(app.mode(), *key) {
            Some(action) => {
                app.update(action);
                true
            }
            None => false,
        },
        Event::Resize(width, height) => {
            app.set_viewport(*width, *height);
            true
        }
        _ => false,
    }
}

/// When autoplay's next moment is due. It is set once per moment and
/// speed, so keys pressed while playing do not postpone the next moment,
/// while stepping or changing speed starts a fresh wait.
#[derive(Debug, Default)]
struct Timer {
    armed: Option<(usize, Duration, Instant)>,
}

impl Timer {
    fn due(&mut self, step: usize, wait: Duration, now: Instant) -> Instant {
        match self.armed {
            Some((s, w, due)) if s == step && w == wait => due,
            _ => {
                let due = now + wait;
                self.armed = Some((step, wait, due));
                due
            }
        }
    }

    fn clear(&mut self) {
        self.armed = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::replay::Replay;
    use crate::tui::AppOptions;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    fn app() -> App {
        App::new(Replay::new(import::bundled().game), AppOptions::default())
    }

    #[test]
    fn a_press_acts_once_and_its_release_not_at_all() {
        let mut app = app();
        let start = app.step();
        let press = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
        let mut release = press;
        release.kind = KeyEventKind::Release;
        assert!(handle_event(&mut app, &Event::Key(press)));
        assert!(!handle_event(&mut app, &Event::Key(release)));
        assert_eq!(app.step(), app.next_visible(start).unwrap());
    }

    #[test]
    fn resizes_redraw_and_other_events_do_not() {
        let mut app = app();
        assert!(handle_event(&mut app, &Event::Resize(80, 24)));
        assert!(!handle_event(&mut app, &Event::FocusGained));
        let unbound = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert!(!handle_event(&mut app, &Event::Key(unbound)));
    }

    #[test]
    fn ctrl_c_stops_the_loop() {
        let mut app = app();
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        handle_event(&mut app, &Event::Key(ctrl_c));
        assert!(!app.is_running());
    }

    #[test]
    fn the_timer_keeps_its_deadline_until_the_moment_or_speed_changes() {
        let mut timer = Timer::default();
        let t0 = Instant::now();
        let wait = Duration::from_secs(2);
        let due = timer.due(5, wait, t0);
        assert_eq!(timer.due(5, wait, t0 + Duration::from_secs(1)), due);
        let later = t0 + Duration::from_secs(1);
        assert_eq!(timer.due(6, wait, later), later + wait);
        assert_eq!(
            timer.due(6, Duration::from_secs(1), later),
            later + Duration::from_secs(1)
        );
        timer.clear();
        assert_eq!(timer.due(6, wait, later), later + wait);
    }
}
