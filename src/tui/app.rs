//! The viewer: one match being watched. [`App`] is a few named parts, one
//! for each concern:
//!
//! - navigation: the [`Navigator`] (the replay, the cursor, the filter and
//!   where stepping stops) and autoplay ([`Playback`] and the ball's way
//!   between two moments);
//! - finding: the search and the marks ([`Finding`]);
//! - chrome: the viewer's mode, the prompt, the footer's notice, the view,
//!   spoilers, scrolling, dragging and the last frame's layout facts
//!   ([`Chrome`]);
//! - look: the styles and the keys in force ([`Look`]);
//! - live: the file being followed, if any ([`Live`]);
//!
//! and, while it is open, the help screen over it ([`Help`]).
//!
//! [`App::update`] is the only way the state changes from outside: an
//! action goes to the help when it is open, else to the viewer (whose
//! handlers are in `update.rs`), and what neither takes bubbles to the
//! global handler ([`global::handle`]). It reads no clock
//! and does no I/O: what it asks of the world comes back as [`Effects`],
//! which the event loop carries out. The clock reaches the app only
//! through [`App::tick`] and [`App::animate`].
//!
//! Where stepping stops is the navigator's business: at what the timeline
//! lists, or on the pitch view, with no filter, at every action with a
//! position too ([`Stops::Located`]), so that autoplay there moves the ball
//! from action to action. The app tells the navigator which view is shown.
//!
//! [`Stops::Located`]: crate::replay::Stops::Located

mod chrome;
mod finding;
mod update;

pub use chrome::{Chrome, Mode, Prompt};
pub use finding::Finding;

use std::time::Duration;

use super::action::Action;
use super::clipboard::Clipboard;
use super::effect::{Effects, Handled};
use super::global;
use super::help::Help;
use super::keymap::{Keymap, Section};
use super::look::{Look, Setup};
use super::notice::Notice;
use super::theme::{ColorMode, Theme};
use super::viewport::Viewport;
use super::views::{View, ball_towards};
use crate::follow::Update;
use crate::model::{Clock, Match, Point, Text};
use crate::replay::filter::EventFilter;
use crate::replay::{Navigator, Playback, Replay, State};

/// How the viewer starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppOptions {
    /// Show what lies ahead of the cursor from the start.
    pub spoilers: bool,
    /// Autoplay speed as a multiple of match time (rounded to an offered
    /// speed).
    pub speed: u32,
    /// How much colour to use.
    pub colors: ColorMode,
    /// The step to open at; kick-off when `None`.
    pub start_step: Option<usize>,
}

impl Default for AppOptions {
    /// Spoilers hidden, 1x, 24-bit colour, at kick-off.
    fn default() -> Self {
        Self {
            spoilers: false,
            speed: 1,
            colors: ColorMode::TrueColor,
            start_step: None,
        }
    }
}

/// How `y` shares a moment: the file as the shared command names it, and
/// how the clipboard is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sharing {
    /// The match file as the fan named it (`None`: the bundled match).
    pub file: Option<String>,
    /// The route to the clipboard.
    pub clipboard: Clipboard,
}

impl Default for Sharing {
    /// The bundled match, with a terminal that may or may not take OSC 52.
    fn default() -> Self {
        Self {
            file: None,
            clipboard: Clipboard::MaybeTerminal,
        }
    }
}

/// What the viewer knows about the file it follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Live {
    /// The file, as the status line names it.
    pub file: String,
    /// Why the screen shows an older version than the file's, if it does.
    pub problem: Option<String>,
}

/// Autoplay: whether it runs and how fast, and how far (0 to 1) it has
/// taken the ball towards the next stop.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Play {
    playback: Playback,
    ball: f32,
}

/// The replay viewer: a [`Replay`] plus everything about how it is being
/// watched. Render it with `frame.render_widget(&app, area)`.
#[derive(Debug)]
pub struct App {
    nav: Navigator,
    play: Play,
    finding: Finding,
    ui: Chrome,
    look: Look,
    live: Option<Live>,
    sharing: Sharing,
    help: Option<Help>,
}

impl App {
    /// A viewer on `replay`, at `options.start_step` or kick-off, with
    /// touchline's own keys and colours.
    pub fn new(replay: Replay, options: AppOptions) -> Self {
        let look = Look::for_match(options.colors, &replay.game().info);
        Self {
            nav: Navigator::new(replay, options.start_step),
            play: Play {
                playback: Playback::at_speed(options.speed),
                ball: 0.0,
            },
            finding: Finding::default(),
            ui: Chrome {
                spoilers: options.spoilers,
                ..Chrome::default()
            },
            look,
            live: None,
            sharing: Sharing::default(),
            help: None,
        }
    }

    /// The same viewer with the fan's keys, colours and clipboard.
    pub fn with_setup(mut self, setup: &Setup) -> Self {
        self.look
            .set_up(setup, Some(&self.nav.replay().game().info));
        self.sharing.clipboard = setup.clipboard;
        self
    }

    /// The same viewer sharing its moments as moments of `file` (`None`:
    /// the bundled match).
    pub fn with_file(mut self, file: Option<String>) -> Self {
        self.sharing.file = file;
        self
    }

    /// The same viewer opening with `notice` in the footer, such as a
    /// config file's mistake; it goes with the first key.
    pub fn with_notice(mut self, notice: Notice) -> Self {
        self.ui.notice = Some(notice);
        self
    }

    /// Starts following `file` (already loaded as this app's match): the
    /// status bar says "LIVE" at the newest moment, and
    /// [`App::follow_update`] takes each new version. With `to_newest`,
    /// the cursor moves to the newest moment.
    pub fn start_following(&mut self, file: &str, to_newest: bool) {
        self.live = Some(Live {
            file: file.to_owned(),
            problem: None,
        });
        if to_newest {
            self.nav.go_to(self.nav.newest());
        }
    }

    /// Takes what a check of the followed file found: a new version
    /// replaces the match, keeping the fan where they were, unless they
    /// were at the newest moment, in which case they move on with it; a
    /// problem keeps the match and is shown until the next good version.
    pub fn follow_update(&mut self, update: Update) {
        let Some(live) = &mut self.live else {
            return;
        };
        match update {
            Update::Problem(problem) => live.problem = Some(problem.describe(&live.file)),
            // A file still being written gives its complete events: a
            // good version like any other.
            Update::Match { game, .. } => {
                live.problem = None;
                self.replace_match(*game);
            }
        }
    }

    /// Swaps in a newer version of the match, keeping the cursor (see
    /// [`App::follow_update`]).
    fn replace_match(&mut self, game: Match) {
        let before = self.step();
        self.nav.replace(game);
        self.look.restyle(Some(&self.nav.replay().game().info));
        // What was worked out from the old version: the searchable text
        // and the search's hits.
        self.finding.forget_text();
        self.finding.refind(&self.nav);
        self.settle(before);
    }

    /// Applies one action (see [`App::handle`]) and returns what it asks
    /// of the world.
    pub fn update(&mut self, action: impl Into<Action>) -> Effects {
        self.handle(action.into()).effects()
    }

    /// Applies one action: the help takes its own while it is open, the
    /// viewer its own otherwise, and what they do not take bubbles to the
    /// global handler. Any action sends the last notice away.
    pub fn handle(&mut self, action: Action) -> Handled {
        self.ui.notice = None;
        let before = self.step();
        let on_top = match action {
            Action::Help(action) => Help::update(&mut self.help, action, self.ui.help()),
            Action::Viewer(action) if self.help.is_none() => self.apply(action).into(),
            _ => Handled::NotConsumed,
        };
        let handled = on_top.or_else(|| match action {
            Action::Global(action) => global::handle(action, &mut self.help).into(),
            _ => Handled::NotConsumed,
        });
        self.settle(before);
        handled
    }

    /// Autoplay's timer ran out: on to the next stop, stopping at the
    /// last. Only the event loop, which owns the clock, calls it.
    pub fn tick(&mut self) {
        if !self.play.playback.playing {
            return;
        }
        let before = self.step();
        if let Some(step) = self.nav.next_stop(before) {
            self.nav.go_to(step);
        }
        if self.nav.next_stop(self.step()).is_none() {
            self.play.playback.playing = false;
        }
        self.settle(before);
    }

    /// After a change: a new moment starts at the top of its commentary
    /// with the ball where it lies, and a paused ball does not move.
    fn settle(&mut self, before: usize) {
        if self.step() != before {
            self.ui.scroll = 0;
            self.play.ball = 0.0;
        }
        if !self.play.playback.playing {
            self.play.ball = 0.0;
        }
    }

    /// Tells the app the layout facts of the frame just drawn (see
    /// [`widgets::measure`](super::widgets::measure)), so that scrolling
    /// stops where the commentary and the help end, and the mouse knows
    /// the screen. Without them, scrolling goes by pages of ten.
    pub fn set_viewport(&mut self, viewport: Viewport) {
        self.ui.viewport = Some(viewport);
    }

    /// The last frame's layout facts (see [`App::set_viewport`]).
    pub fn viewport(&self) -> Option<Viewport> {
        self.ui.viewport
    }

    /// How far the commentary is scrolled, in lines.
    pub fn scroll(&self) -> usize {
        self.ui.scroll
    }

    /// The player the player filter narrows to (see
    /// [`Finding::moment_player`]).
    pub fn moment_player(&self) -> Option<Text> {
        self.finding.moment_player(&self.state())
    }

    /// How long autoplay stays on the current moment before moving on, or
    /// `None` when it is not playing (the event loop then blocks on input).
    pub fn autoplay_wait(&self) -> Option<Duration> {
        if !self.play.playback.playing {
            return None;
        }
        let next = self.nav.next_stop(self.step())?;
        Some(self.play.playback.wait(self.replay(), self.step(), next))
    }

    /// Tells the app how far autoplay has got from the current moment to
    /// the next, as a fraction (0 to 1) of the wait between them, so the
    /// pitch can draw the ball on its way. Only the event loop, which
    /// owns the clock, calls it; stepping or pausing resets it to 0.
    pub fn animate(&mut self, progress: f32) {
        self.play.ball = if progress.is_finite() && self.play.playback.playing {
            progress.clamp(0.0, 1.0)
        } else {
            0.0
        };
    }

    /// Where the pitch draws the ball while autoplay carries it to the
    /// next moment; `None` when paused or on another view (the ball then
    /// sits where the current moment left it).
    pub fn ball(&self) -> Option<Point> {
        if !self.play.playback.playing || !self.ui.view.animates() {
            return None;
        }
        let next = self.nav.next_stop(self.step())?;
        ball_towards(self.replay(), self.step(), next, self.play.ball)
    }

    /// Whether the screen changes as time passes between two moments:
    /// autoplay runs on the pitch and the ball has somewhere to go. The
    /// event loop redraws every [`FRAME`](super::views::FRAME) only then.
    pub fn animating(&self) -> bool {
        if !self.play.playback.playing || !self.ui.view.animates() {
            return false;
        }
        let Some(next) = self.nav.next_stop(self.step()) else {
            return false;
        };
        let at = |progress| ball_towards(self.replay(), self.step(), next, progress);
        at(0.0) != at(1.0)
    }

    /// Where stepping goes: the replay, the cursor, the filter and the
    /// stops.
    pub fn nav(&self) -> &Navigator {
        &self.nav
    }

    /// The match being watched.
    pub fn replay(&self) -> &Replay {
        self.nav.replay()
    }

    /// The cursor: how many events have been applied.
    pub fn step(&self) -> usize {
        self.nav.step()
    }

    /// The state at the cursor.
    pub fn state(&self) -> State<'_> {
        self.nav.state()
    }

    /// Which events are listed.
    pub fn filter(&self) -> &EventFilter {
        self.nav.filter()
    }

    /// Changes which events are listed; a search on finds its hits again
    /// among them.
    pub fn set_filter(&mut self, filter: EventFilter) {
        self.nav.set_filter(filter);
        self.finding.refind(&self.nav);
    }

    /// Autoplay's state.
    pub fn playback(&self) -> Playback {
        self.play.playback
    }

    /// Whether what lies ahead of the cursor is shown.
    pub fn spoilers_shown(&self) -> bool {
        self.ui.spoilers
    }

    /// Whether the event at `step` is visible now: reached, or ahead with
    /// spoilers shown.
    pub fn reveals(&self, step: usize) -> bool {
        self.ui.spoilers || step <= self.step()
    }

    /// Which view fills the screen below the scoreboard.
    pub fn view(&self) -> View {
        self.ui.view
    }

    /// The viewer's own mode (the help aside).
    pub fn mode(&self) -> Mode {
        self.ui.mode
    }

    /// Which keys are in force: the help's while it is open, else the
    /// mode's.
    pub fn section(&self) -> Section {
        if self.help.is_some() {
            Section::Help
        } else {
            self.ui.mode.section()
        }
    }

    /// The minute or search prompt.
    pub fn prompt(&self) -> &Prompt {
        &self.ui.prompt
    }

    /// The footer's one-off notice, such as "No goal after this moment".
    pub fn notice(&self) -> Option<&Notice> {
        self.ui.notice.as_ref()
    }

    /// The notice in words, with the keys in force.
    pub fn message(&self) -> Option<String> {
        self.ui.notice.as_ref().map(|n| n.text(self.keymap()))
    }

    /// Whether the pointer holds the progress bar.
    pub fn dragging(&self) -> bool {
        self.ui.dragging
    }

    /// The search and the marks.
    pub fn finding(&self) -> &Finding {
        &self.finding
    }

    /// The last search, if one is on.
    pub fn search(&self) -> Option<&crate::tui::find::Search> {
        self.finding.search()
    }

    /// The search for the footer: "/kane · hit 3 of 7", counted only up
    /// to the cursor while spoilers are hidden.
    pub fn search_status(&self) -> Option<String> {
        self.finding.status(self.step(), self.ui.spoilers)
    }

    /// Whether the timeline marks `step` as a search hit.
    pub fn is_hit(&self, step: usize) -> bool {
        self.finding.is_hit(step)
    }

    /// The fan's marks.
    pub fn marks(&self) -> &crate::tui::find::Bookmarks {
        self.finding.marks()
    }

    /// The open help screen, if any.
    pub fn help(&self) -> Option<&Help> {
        self.help.as_ref()
    }

    /// How far the help screen is scrolled, in lines (0 when closed).
    pub fn help_scroll(&self) -> usize {
        self.help.map_or(0, |h| h.scroll())
    }

    /// The styles in use.
    pub fn theme(&self) -> &Theme {
        &self.look.theme
    }

    /// The key bindings in force.
    pub fn keymap(&self) -> &Keymap {
        &self.look.keymap
    }

    /// The followed file's state, when following one.
    pub fn live(&self) -> Option<&Live> {
        self.live.as_ref()
    }

    /// How `y` shares a moment.
    pub fn sharing(&self) -> &Sharing {
        &self.sharing
    }
}

/// Reads what was typed into the minute prompt, with a message that says
/// what is expected when it is not a minute.
pub fn parse_minute(input: &str) -> Result<Clock, String> {
    input
        .parse::<Clock>()
        .map_err(|_| format!("\"{input}\" is not a minute: type 54, 45+2 or 90+4:30 (up to 120)"))
}

#[cfg(test)]
mod tests;
