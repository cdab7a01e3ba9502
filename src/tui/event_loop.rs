//! The terminal loop: draw, wait for something to happen, apply it, draw
//! again. Everything that can happen arrives on one channel: keys and
//! resizes from a thread blocked reading the terminal, new versions of a
//! followed file from the watcher's thread, results the match list asked
//! for from a loader thread. While paused the loop blocks on that channel
//! and uses no CPU; while playing it sleeps until the next moment is due,
//! waking every [`FRAME`] only while the pitch has a ball to move.
//!
//! It is also the only part that owns the terminal and reads files: what
//! the screens ask of the world comes back from their updates as
//! [`Effects`], and `Runner::carry_out` does it, in one place. So Ctrl-Z
//! (which the app merely asks for) is carried out here: the
//! terminal goes back to the shell (mouse reporting off too), the process
//! stops, and `fg` brings back a fully redrawn screen; and so is opening a
//! match from the list. A stop that did not come from Ctrl-Z (`kill
//! -STOP`, a debugger) leaves the shell free to change the terminal's modes
//! and draw its prompt over the viewer, so every SIGCONT also takes the
//! terminal back and repaints. Likewise a copy (`y`): the app says what to copy,
//! and the loop writes the OSC 52 sequence that hands it to the terminal's
//! clipboard.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Instant;

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::App;
use super::clipboard::Copies;
use super::effect::{Effect, Effects, Handled};
use super::picker::{Picker, final_result, view};
use super::views::FRAME;
use super::{mouse, terminal, widgets};
use crate::follow::{self, Follower, Update};
use crate::import::{LoadError, Loaded};
use crate::library::Origin;
use crate::model::FinalResult;
use crate::replay::Replay;

/// Loads a match of the list; the binary supplies it with its reading
/// options (size limit, lineups).
pub type Loader = Arc<dyn Fn(&Origin) -> Result<Loaded, LoadError> + Send + Sync>;

/// What wakes the loop.
enum Input {
    Terminal(Event),
    TerminalFailed(io::Error),
    Follow(Update),
    Result(usize, Result<FinalResult, LoadError>),
    /// The process was stopped and has been continued.
    Continued,
}

/// How a session ended: whether the terminal kept working, and the lines
/// copied where the clipboard may not have got them, for the binary to
/// print once the terminal is restored.
#[derive(Debug)]
pub struct Ending {
    /// The loop's own outcome.
    pub result: io::Result<()>,
    /// Copies to print on the way out.
    pub unsure_copies: Vec<String>,
}

impl Ending {
    fn failed(error: io::Error) -> Self {
        Self {
            result: Err(error),
            unsure_copies: Vec::new(),
        }
    }
}

/// Runs the viewer until the fan quits. The caller sets the terminal up
/// (`ratatui::init`) and restores it afterwards, also on error.
pub fn run(terminal: &mut DefaultTerminal, app: &mut App) -> Ending {
    let (inputs, wakes) = mpsc::channel();
    if let Err(e) = read_terminal(inputs.clone()) {
        return Ending::failed(e);
    }
    watch_for_continue(inputs);
    run_screen(terminal, Screen::Viewer(app), None, &wakes)
}

/// Runs the viewer on a file another program writes: `follower` has
/// already loaded the version `app` shows (see [`App::start_following`]),
/// and each change of the file reaches the app as it lands.
pub fn run_follow(terminal: &mut DefaultTerminal, app: &mut App, follower: Follower) -> Ending {
    let (inputs, wakes) = mpsc::channel();
    if let Err(e) = read_terminal(inputs.clone()) {
        return Ending::failed(e);
    }
    watch_for_continue(inputs.clone());
    let name = follower.name().to_owned();
    let watch = follow::watch(follower, move |update| {
        inputs.send(Input::Follow(update)).is_ok()
    });
    let _watch = match watch {
        Ok(watch) => watch,
        Err(e) => {
            let message = format!("cannot watch {name} for changes: {e}");
            return Ending::failed(io::Error::other(message));
        }
    };
    run_screen(terminal, Screen::Viewer(app), None, &wakes)
}

/// Runs the match list until the fan quits; `load` opens its matches.
pub fn run_library(terminal: &mut DefaultTerminal, picker: &mut Picker, load: Loader) -> Ending {
    let (inputs, wakes) = mpsc::channel();
    if let Err(e) = read_terminal(inputs.clone()) {
        return Ending::failed(e);
    }
    watch_for_continue(inputs.clone());
    let jobs = match find_results(load.clone(), inputs) {
        Ok(jobs) => jobs,
        Err(e) => return Ending::failed(e),
    };
    let library = Library { load, jobs };
    run_screen(terminal, Screen::Library(picker), Some(library), &wakes)
}

/// Runs `screen` until it quits, carrying out what it asks for.
fn run_screen(
    terminal: &mut DefaultTerminal,
    screen: Screen<'_>,
    library: Option<Library>,
    wakes: &Receiver<Input>,
) -> Ending {
    let mut runner = Runner {
        terminal,
        screen,
        library,
        clock: Autoplay::default(),
        copies: Copies::default(),
        running: true,
    };
    let result = runner.run(wakes);
    Ending {
        result,
        unsure_copies: runner.copies.into_unsure(),
    }
}

/// A thread that blocks reading the terminal and passes on what it reads.
/// It ends with the process (a read cannot be interrupted portably), which
/// is soon after the loop returns.
fn read_terminal(inputs: Sender<Input>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("touchline-keys".to_owned())
        .spawn(move || {
            loop {
                let input = match event::read() {
                    Ok(event) => Input::Terminal(event),
                    Err(e) => Input::TerminalFailed(e),
                };
                let failed = matches!(input, Input::TerminalFailed(_));
                if inputs.send(input).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}

/// A thread that loads the matches whose results the list asks for, one
/// at a time, and sends each result back.
fn find_results(load: Loader, inputs: Sender<Input>) -> io::Result<Sender<(usize, Origin)>> {
    let (jobs, queue) = mpsc::channel::<(usize, Origin)>();
    std::thread::Builder::new()
        .name("touchline-results".to_owned())
        .spawn(move || {
            for (index, origin) in queue {
                let result = load(&origin).map(|loaded| final_result(&Replay::new(loaded.game)));
                if let Err(e) = &result {
                    tracing::warn!("no result for the list: {e}");
                }
                if inputs.send(Input::Result(index, result)).is_err() {
                    return;
                }
            }
        })?;
    Ok(jobs)
}

/// What the loop drives: a viewer, or the match list (which may have a
/// viewer open).
enum Screen<'a> {
    Viewer(&'a mut App),
    Library(&'a mut Picker),
}

impl Screen<'_> {
    /// The viewer on screen, whose autoplay the loop times.
    fn app(&mut self) -> Option<&mut App> {
        match self {
            Screen::Viewer(app) => Some(app),
            Screen::Library(picker) => picker.viewer_mut(),
        }
    }

    /// Applies an input; what it did (taken: redraw, with these effects).
    fn input(&mut self, input: Input) -> io::Result<Handled> {
        Ok(match (self, input) {
            (_, Input::TerminalFailed(e)) => return Err(e),
            (Screen::Viewer(app), Input::Terminal(event)) => handle_event(app, &event),
            (Screen::Library(picker), Input::Terminal(event)) => picker.handle_event(&event),
            (Screen::Viewer(app), Input::Follow(update)) => {
                app.follow_update(update);
                Handled::done()
            }
            (Screen::Library(picker), Input::Result(index, result)) => {
                picker.set_result(index, result);
                Handled::done()
            }
            _ => Handled::NotConsumed,
        })
    }

    /// Tells the screen the layout facts of the frame drawn on `area` (for
    /// scrolling, paging and the mouse); the list may then want results.
    fn measure(&mut self, area: Rect) -> Effects {
        let effects = match self {
            Screen::Viewer(_) => Effects::none(),
            Screen::Library(picker) => {
                let viewport = view::measure(picker, area);
                picker.set_viewport(viewport)
            }
        };
        if let Some(app) = self.app() {
            let viewport = widgets::measure(app, area);
            app.set_viewport(viewport);
        }
        effects
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        match self {
            Screen::Viewer(app) => (&**app).render(area, buf),
            Screen::Library(picker) => (&**picker).render(area, buf),
        }
    }
}

/// What serves the match list: the loader, and the thread that finds
/// results.
struct Library {
    load: Loader,
    jobs: Sender<(usize, Origin)>,
}

/// The loop and everything it owns: the terminal, the screen, autoplay's
/// clock, the session's copies.
struct Runner<'t, 's> {
    terminal: &'t mut DefaultTerminal,
    screen: Screen<'s>,
    library: Option<Library>,
    clock: Autoplay,
    copies: Copies,
    running: bool,
}

impl Runner<'_, '_> {
    fn run(&mut self, wakes: &Receiver<Input>) -> io::Result<()> {
        self.draw()?;
        while self.running {
            let now = Instant::now();
            let wake_at = match self.screen.app() {
                Some(app) => self.clock.wake_at(app, now),
                None => {
                    self.clock.restart();
                    None
                }
            };
            // The senders live as long as the loop, so the channel never
            // closes under it.
            let input = match wake_at {
                None => wakes.recv().ok(),
                Some(at) => wakes.recv_timeout(at.saturating_duration_since(now)).ok(),
            };
            let handled = match input {
                Some(Input::Continued) => {
                    retake(self.terminal)?;
                    self.clock.restart();
                    Handled::done()
                }
                Some(input) => self.screen.input(input)?,
                None => {
                    let woke = self.screen.app();
                    match woke.map(|app| self.clock.wake(app, Instant::now())) {
                        Some(true) => Handled::done(),
                        _ => Handled::NotConsumed,
                    }
                }
            };
            let redraw = handled.is_consumed();
            let redraw = self.carry_out(handled.effects())? || redraw;
            if redraw && self.running {
                self.draw()?;
            }
        }
        Ok(())
    }

    /// Carries out what the screens asked for, in order: the one place
    /// the outside world is touched on their behalf. Returns whether the
    /// screen needs redrawing for it.
    fn carry_out(&mut self, effects: Effects) -> io::Result<bool> {
        let mut redraw = false;
        for effect in effects {
            match effect {
                Effect::Copy { line, clipboard } => {
                    if let Some(bytes) = self.copies.copy(&line, clipboard) {
                        let out = self.terminal.backend_mut();
                        out.write_all(&bytes)?;
                        out.flush()?;
                    }
                }
                Effect::Suspend => {
                    suspend(self.terminal)?;
                    // The time spent stopped is not the match's: the
                    // current moment gets its whole wait again.
                    self.clock.restart();
                    redraw = true;
                }
                // A Leave reaches the loop only from a viewer on its own:
                // the list takes its viewer's.
                Effect::Quit | Effect::Leave => self.running = false,
                Effect::Open { index, origin } => {
                    if let (Some(library), Screen::Library(picker)) =
                        (&self.library, &mut self.screen)
                    {
                        picker.opened(index, (library.load)(&origin));
                        redraw = true;
                    }
                }
                Effect::FetchResults(wanted) => {
                    if let Some(library) = &self.library {
                        for job in wanted {
                            // The thread outlives the loop, so sending
                            // fails only if it died.
                            if library.jobs.send(job).is_err() {
                                tracing::warn!("the thread finding results has stopped");
                            }
                        }
                    }
                }
            }
        }
        Ok(redraw)
    }

    /// Draws a frame, telling the app how far the ball has got, then
    /// tells the screen the frame's layout; results that came into view
    /// are asked for.
    fn draw(&mut self) -> io::Result<()> {
        let now = Instant::now();
        if let Some(app) = self.screen.app() {
            self.clock.animate(app, now);
        }
        self.clock.drawn = Some(now);
        let mut area = Rect::default();
        let screen = &self.screen;
        self.terminal.draw(|frame| {
            area = frame.area();
            screen.render(area, frame.buffer_mut());
        })?;
        let effects = self.screen.measure(area);
        self.carry_out(effects)?;
        Ok(())
    }
}

/// Hands the terminal back to the shell, stops the process as Ctrl-Z does
/// in a cooked terminal, and takes the terminal again once the shell
/// continues it (`fg`). The screen is cleared and the next draw repaints
/// every cell, since the alternate screen comes back blank.
fn suspend(screen: &mut DefaultTerminal) -> io::Result<()> {
    terminal::release_mouse();
    ratatui::try_restore()?;
    crossterm::execute!(screen.backend_mut(), crossterm::cursor::Show)?;
    // Stops here until SIGCONT. Without job control (no shell to come
    // back to) the kernel discards the signal and this returns at once.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    retake(screen)
}

/// Takes the terminal (back): raw mode afresh, since the shell may have
/// reset the modes while the process was stopped, the alternate screen,
/// the mouse when the viewer had it, and a blank screen so that the next
/// draw paints every cell.
fn retake(screen: &mut DefaultTerminal) -> io::Result<()> {
    crossterm::terminal::disable_raw_mode()?;
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        screen.backend_mut(),
        crossterm::terminal::EnterAlternateScreen
    )?;
    terminal::reclaim_mouse()?;
    repaint_all(screen)
}

/// A thread that waits for SIGCONT and wakes the loop with
/// [`Input::Continued`]. Without it (if the handler cannot be installed)
/// a continued viewer repaints only what changes next.
fn watch_for_continue(inputs: Sender<Input>) {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGCONT])
    else {
        tracing::warn!("no handler for SIGCONT: a continued viewer repaints only what changes");
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("touchline-sigcont".to_owned())
        .spawn(move || {
            for _ in signals.forever() {
                if inputs.send(Input::Continued).is_err() {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("no thread to wait for SIGCONT: {e}");
    }
}

/// Blanks the screen and forgets the last frame, so the next draw paints
/// every cell. `Terminal::clear` would do as much but first asks the
/// terminal where its cursor is, and with the keys read on a thread of
/// their own that answer never reaches it (it waits two seconds, then
/// fails).
fn repaint_all(screen: &mut DefaultTerminal) -> io::Result<()> {
    crossterm::execute!(
        screen.backend_mut(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    // After a draw the back buffer holds the last frame; swapping resets
    // it, so both are blank and the next diff is the whole frame.
    screen.swap_buffers();
    Ok(())
}

/// Applies a terminal event to a viewer: what it did (taken: redraw, with
/// these effects). Key releases, unbound keys, mouse events that hit
/// nothing (or arrive before the first frame) and focus events are not
/// taken.
pub fn handle_event(app: &mut App, event: &Event) -> Handled {
    let action = match event {
        Event::Key(key) => app.keymap().action_for(app.section(), *key),
        Event::Mouse(pointer) => app
            .viewport()
            .and_then(|viewport| mouse::action_for(app, viewport.area, *pointer)),
        // The size is read again when drawing, so a storm of resizes
        // always ends on a frame of the final size.
        Event::Resize(..) => return Handled::done(),
        _ => None,
    };
    match action {
        Some(action) => app.handle(action),
        None => Handled::NotConsumed,
    }
}

/// Autoplay's clock: when the current moment was reached, so that its
/// wait (and the ball's progress) is measured from then, whatever other
/// events, such as resizes or keys that do not step, come in between.
#[derive(Debug, Default)]
struct Autoplay {
    /// The step autoplay is on and when it got there (or play started).
    since: Option<(usize, Instant)>,
    /// When the last frame was drawn, for the ball's frame rate.
    drawn: Option<Instant>,
}

impl Autoplay {
    /// When the current moment began, for `step`: remembered while the
    /// step stays, started afresh at `now` when it changes.
    fn since(&mut self, step: usize, now: Instant) -> Instant {
        match self.since {
            Some((s, at)) if s == step => at,
            _ => {
                self.since = Some((step, now));
                now
            }
        }
    }

    /// Forgets the current moment's start, so its wait begins again.
    fn restart(&mut self) {
        self.since = None;
    }

    /// When the loop must wake without input: the next moment's deadline,
    /// or the next frame while the ball moves; `None` when paused.
    fn wake_at(&mut self, app: &App, now: Instant) -> Option<Instant> {
        let Some(wait) = app.autoplay_wait() else {
            self.since = None;
            return None;
        };
        let due = self.since(app.step(), now) + wait;
        if app.animating() {
            let frame = self.drawn.map_or(now, |at| at + FRAME);
            Some(due.min(frame))
        } else {
            Some(due)
        }
    }

    /// The loop woke with no input: moves on a moment if one is due, else
    /// it is time for a frame. Returns whether to redraw.
    fn wake(&mut self, app: &mut App, now: Instant) -> bool {
        let Some(wait) = app.autoplay_wait() else {
            return false;
        };
        let due = self.since(app.step(), now) + wait;
        if now < due {
            return app.animating();
        }
        app.tick();
        // The next wait counts from when this moment was due, not from
        // when the loop got round to it, so autoplay keeps match time;
        // but never from long ago, which would rush through moments.
        let start = now.checked_sub(FRAME).map_or(due, |recent| due.max(recent));
        self.since = Some((app.step(), start));
        true
    }

    /// Tells the app how far through the current wait autoplay is.
    fn animate(&mut self, app: &mut App, now: Instant) {
        let progress = match app.autoplay_wait() {
            Some(wait) if !wait.is_zero() => {
                let elapsed = now.saturating_duration_since(self.since(app.step(), now));
                elapsed.as_secs_f32() / wait.as_secs_f32()
            }
            _ => 0.0,
        };
        app.animate(progress);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::replay::Replay;
    use crate::tui::AppOptions;
    use crate::tui::action::ViewerAction;
    use crate::tui::views::View;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
    use std::time::Duration;

    fn app() -> App {
        App::new(Replay::new(import::bundled().game), AppOptions::default())
    }

    fn statsbomb() -> App {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/statsbomb/cup_final_events.json"
        );
        let loaded = import::load_path(std::path::Path::new(path), Default::default())
            .expect("the fixture loads");
        App::new(Replay::new(loaded.game), AppOptions::default())
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn a_press_acts_once_and_its_release_not_at_all() {
        let mut app = app();
        let start = app.step();
        let press = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
        let mut release = press;
        release.kind = KeyEventKind::Release;
        assert!(handle_event(&mut app, &Event::Key(press)).is_consumed());
        assert!(!handle_event(&mut app, &Event::Key(release)).is_consumed());
        assert_eq!(app.step(), app.nav().next_visible(start).unwrap());
    }

    #[test]
    fn resizes_redraw_and_other_events_do_not() {
        let mut app = app();
        assert!(handle_event(&mut app, &Event::Resize(80, 24)).is_consumed());
        assert!(!handle_event(&mut app, &Event::FocusGained).is_consumed());
        let unbound = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert!(!handle_event(&mut app, &Event::Key(unbound)).is_consumed());
    }

    #[test]
    fn keys_follow_the_keymap_in_force() {
        use crate::tui::keymap::{Key, Keymap, Section};
        let mut keymap = Keymap::default();
        keymap
            .rebind(
                Section::Replay,
                ViewerAction::NextGoal,
                &[Key::Plain(KeyCode::F(2))],
            )
            .unwrap();
        let setup = crate::tui::Setup {
            keymap,
            ..crate::tui::Setup::default()
        };
        let mut app = app().with_setup(&setup);
        assert!(
            !handle_event(&mut app, &key(KeyCode::Char(']'))).is_consumed(),
            "] is free now"
        );
        assert_eq!(app.state().score().away, 0);
        assert!(handle_event(&mut app, &key(KeyCode::F(2))).is_consumed());
        assert_eq!(app.state().score().away, 1, "F2 went to the first goal");
    }

    #[test]
    fn mouse_events_act_once_the_screen_is_known_and_moves_do_nothing() {
        use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
        let mut app = app();
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        });
        let start = app.step();
        assert!(
            !handle_event(&mut app, &wheel).is_consumed(),
            "no frame drawn yet"
        );
        assert_eq!(app.step(), start);
        app.set_viewport(widgets::measure(&app, Rect::new(0, 0, 80, 24)));
        assert!(handle_event(&mut app, &wheel).is_consumed());
        assert_eq!(Some(app.step()), app.nav().next_visible(start));
        let moved = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        });
        assert!(!handle_event(&mut app, &moved).is_consumed());
        let right_click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Right),
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        });
        assert!(!handle_event(&mut app, &right_click).is_consumed());
    }

    #[test]
    fn ctrl_c_stops_the_loop() {
        let mut app = app();
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let effects = handle_event(&mut app, &Event::Key(ctrl_c)).effects();
        assert_eq!(effects, Effects::one(Effect::Quit));
    }

    #[test]
    fn ctrl_z_is_a_request_the_loop_takes_once() {
        let mut app = app();
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        let effects = handle_event(&mut app, &Event::Key(ctrl_z)).effects();
        assert_eq!(effects, Effects::one(Effect::Suspend), "asked once");
        assert!(!effects.quits());
        let next = handle_event(&mut app, &key(KeyCode::Right)).effects();
        assert!(!next.contains(&Effect::Suspend), "and not again");
    }

    #[test]
    fn paused_the_loop_sleeps_until_input() {
        let mut app = app();
        let mut clock = Autoplay::default();
        assert_eq!(clock.wake_at(&app, Instant::now()), None);
        let _ = app.update(ViewerAction::NextView);
        assert_eq!(app.view(), View::Pitch);
        assert_eq!(clock.wake_at(&app, Instant::now()), None);
        assert!(!app.animating());
    }

    #[test]
    fn resizes_and_idle_keys_keep_autoplay_s_deadline() {
        let mut app = app();
        let mut clock = Autoplay::default();
        let _ = app.update(ViewerAction::TogglePlay);
        let t0 = Instant::now();
        let due = clock.wake_at(&app, t0).expect("playing");
        let step = app.step();
        for i in 1..=20 {
            let later = t0 + Duration::from_millis(10 * i);
            assert!(handle_event(&mut app, &Event::Resize(60 + i as u16, 20)).is_consumed());
            assert!(!handle_event(&mut app, &key(KeyCode::Char('x'))).is_consumed());
            assert_eq!(clock.wake_at(&app, later), Some(due), "resize {i}");
        }
        assert_eq!(app.step(), step);
        // Woken early, nothing moves; at the deadline, the next moment.
        assert!(!clock.wake(&mut app, due - Duration::from_millis(1)));
        assert_eq!(app.step(), step);
        let next = app.nav().next_stop(step);
        assert!(clock.wake(&mut app, due));
        assert_eq!(Some(app.step()), next);
        // The next wait counts from the deadline just met.
        let wait = app.autoplay_wait().expect("still playing");
        assert_eq!(
            clock.wake_at(&app, due + Duration::from_millis(5)),
            Some(due + wait)
        );
    }

    #[test]
    fn a_speed_change_keeps_the_moment_s_start_and_a_pause_forgets_it() {
        let mut app = app();
        let mut clock = Autoplay::default();
        let _ = app.update(ViewerAction::TogglePlay);
        let t0 = Instant::now();
        let slow = app.autoplay_wait().expect("playing");
        assert_eq!(clock.wake_at(&app, t0), Some(t0 + slow));
        let _ = app.update(ViewerAction::Faster);
        let later = t0 + Duration::from_millis(100);
        let fast = app.autoplay_wait().expect("playing");
        assert_eq!(clock.wake_at(&app, later), Some(t0 + fast));
        assert!(fast <= slow);
        let _ = app.update(ViewerAction::TogglePlay);
        assert_eq!(clock.wake_at(&app, later), None);
        let _ = app.update(ViewerAction::TogglePlay);
        assert_eq!(clock.wake_at(&app, later), Some(later + fast));
    }

    #[test]
    fn on_the_pitch_the_loop_wakes_for_frames_while_the_ball_moves() {
        let mut app = statsbomb();
        let _ = app.update(ViewerAction::NextView);
        // Find a moment from which the ball has somewhere to go.
        let _ = app.update(ViewerAction::TogglePlay);
        let mut guard = 0;
        while !app.animating() {
            app.tick();
            guard += 1;
            assert!(guard < 100 && app.playback().playing, "no moving ball");
        }
        let mut clock = Autoplay::default();
        let t0 = Instant::now();
        let wait = app.autoplay_wait().expect("playing");
        clock.drawn = Some(t0);
        let wake = clock.wake_at(&app, t0).expect("playing");
        assert_eq!(wake, (t0 + wait).min(t0 + FRAME));
        // Halfway through the wait the ball is halfway along.
        let start = app.ball().expect("a located moment");
        clock.animate(&mut app, t0 + wait / 2);
        let middle = app.ball().expect("a located moment");
        clock.animate(&mut app, t0 + wait);
        let end = app.ball().expect("a located moment");
        assert_ne!(start, end);
        assert!(
            (middle.x - (start.x + end.x) / 2.0).abs() < 0.5,
            "{middle:?}"
        );
        // Paused, the ball rests where the moment left it.
        let _ = app.update(ViewerAction::TogglePlay);
        assert_eq!(app.ball(), None);
        assert!(!app.animating());
    }
}
