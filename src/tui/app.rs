//! The viewer's state: the replay, where the cursor is, which view is
//! shown and how autoplay runs. [`App::update`] is the only way the
//! replay's state changes; it reads no clock and does no I/O, so tests
//! drive it directly. The event loop, which owns the clock, tells the app
//! how far the ball has travelled between two moments with
//! [`App::animate`].
//!
//! Where stepping stops is the [`Navigator`]'s business: at what the
//! timeline lists, or on the pitch view, with no filter, at every action
//! with a position too ([`Stops::Located`]), so that autoplay there moves
//! the ball from action to action. The app tells the navigator which view
//! is shown.
//!
//! The app also keeps the fan's finding tools (see [`find`] and
//! [`filter`](crate::replay::filter)): the last search, whose hits are among the listed moments,
//! and the marks. What the screen may say about them with spoilers hidden
//! is decided here, in [`App::search_status`] and the search messages.

use std::time::Duration;

use super::action::Action;
use super::clipboard::Clipboard;
use super::find::{self, Bookmarks, Query, Search};
use super::keymap::{Keymap, Mode};
use super::theme::{ColorMode, Palette, Theme};
use super::views::{View, ball_towards};
use super::widgets::{CommentaryWidget, HelpWidget};
use crate::follow::Update;
use crate::model::{Clock, Match, Point, Side, Text};
use crate::replay::filter::{self, EventFilter, Only, Scope};
use crate::replay::{Navigator, Playback, Replay, State, Stops};
use ratatui::layout::Rect;

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

/// The minute prompt's text and its complaint, if the last entry was
/// refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    /// What has been typed.
    pub input: String,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// The longest entry the minute prompt accepts (`"120+15:59"` is 9).
const PROMPT_MAX: usize = 9;

/// The longest search, in characters: a few names' worth.
const SEARCH_MAX: usize = 40;

/// The replay viewer: a [`Replay`] plus everything about how it is being
/// watched. Render it with `frame.render_widget(&app, area)`.
#[derive(Debug)]
pub struct App {
    nav: Navigator,
    playback: Playback,
    spoilers: bool,
    mode: Mode,
    prompt: Prompt,
    message: Option<String>,
    running: bool,
    theme: Theme,
    scroll: usize,
    viewport: Option<Rect>,
    view: View,
    /// How far (0 to 1) autoplay has taken the ball towards the next stop.
    ball_progress: f32,
    suspend_requested: bool,
    /// The last search run, with its hits among the listed moments.
    search: Option<Search>,
    /// Each event's searchable text, folded; built on the first search.
    haystacks: Vec<String>,
    marks: Bookmarks,
    /// Whether the pointer holds the progress bar (pressed on it and not
    /// yet released), so a drag seeks even off the bar's row.
    dragging: bool,
    help_scroll: usize,
    keymap: Keymap,
    sharing: Sharing,
    /// A line to put on the clipboard, for the event loop.
    copy_request: Option<String>,
    /// Lines copied where the clipboard may not have got them, to print
    /// on the way out.
    unsure_copies: Vec<String>,
    /// The colours from a config file, kept to restyle a new version
    /// of a followed match.
    palette: Palette,
    /// Set while following a file that another program writes.
    live: Option<Live>,
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

impl App {
    /// A viewer on `replay`, at `options.start_step` or kick-off.
    pub fn new(replay: Replay, options: AppOptions) -> Self {
        let theme = Theme::new(options.colors, &replay.game().info);
        Self {
            nav: Navigator::new(replay, options.start_step),
            playback: Playback::at_speed(options.speed),
            spoilers: options.spoilers,
            mode: Mode::Normal,
            prompt: Prompt::default(),
            message: None,
            running: true,
            theme,
            scroll: 0,
            viewport: None,
            view: View::default(),
            ball_progress: 0.0,
            suspend_requested: false,
            keymap: Keymap::default(),
            sharing: Sharing::default(),
            copy_request: None,
            unsure_copies: Vec::new(),
            search: None,
            haystacks: Vec::new(),
            marks: Bookmarks::default(),
            dragging: false,
            help_scroll: 0,
            palette: Palette::default(),
            live: None,
        }
    }

    /// The same viewer with these key bindings (from a config file).
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    /// The same viewer with these colours (from a config file).
    pub fn with_palette(mut self, palette: &Palette) -> Self {
        self.theme = Theme::with_palette(self.theme.mode, &self.nav.replay().game().info, palette);
        self.palette = palette.clone();
        self
    }

    /// The same viewer opening with `notice` in the footer, such as a
    /// config file's mistake; it goes with the first key.
    pub fn with_notice(mut self, notice: String) -> Self {
        self.message = Some(notice);
        self
    }

    /// The same viewer sharing moments this way.
    pub fn with_sharing(mut self, sharing: Sharing) -> Self {
        self.sharing = sharing;
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
        let info = &self.nav.replay().game().info;
        self.theme = Theme::with_palette(self.theme.mode, info, &self.palette);
        // What was worked out from the old version: the searchable text
        // and the search's hits.
        self.haystacks.clear();
        self.refind();
        if self.step() != before {
            self.scroll = 0;
            self.ball_progress = 0.0;
        }
    }

    /// Where stepping goes: the replay, the cursor, the filter and the
    /// stops.
    pub fn nav(&self) -> &Navigator {
        &self.nav
    }

    /// The followed file's state, when following one.
    pub fn live(&self) -> Option<&Live> {
        self.live.as_ref()
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if action != Action::Tick {
            self.message = None;
        }
        let before = self.nav.step();
        self.apply(action);
        if self.nav.step() != before {
            self.scroll = 0;
            self.ball_progress = 0.0;
        }
        if !self.playback.playing {
            self.ball_progress = 0.0;
        }
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::NextEvent => match self.nav.next_stop(self.nav.step()) {
                Some(step) => self.nav.go_to(step),
                None => match self.nav.filter().label(&self.nav.replay().game().info) {
                    Some(label) if self.nav.filter().is_narrowed() => {
                        self.message = Some(format!("Nothing later is listed ({label})."));
                    }
                    _ => self.say("This is the last moment of the match."),
                },
            },
            Action::PrevEvent => match self.nav.prev_stop(self.nav.step()) {
                Some(step) => self.nav.go_to(step),
                None => self.say("Before kick-off: nothing earlier."),
            },
            Action::NextGoal => match self.nav.replay().next_goal(self.nav.step()) {
                Some(step) => self.nav.go_to(step),
                None => self.say("No goal after this moment."),
            },
            Action::PrevGoal => match self.nav.replay().prev_goal(self.nav.step()) {
                Some(step) => self.nav.go_to(step),
                None => self.say("No goal before this moment."),
            },
            Action::KickOff => self.nav.go_to(self.nav.replay().kick_off()),
            Action::FullTime => self.nav.go_to(self.nav.replay().full_time()),
            Action::TogglePlay => {
                if self.playback.playing {
                    self.playback.playing = false;
                } else if self.nav.next_stop(self.nav.step()).is_some() {
                    self.playback.playing = true;
                } else {
                    self.say("That was the final moment. Home or g goes back to kick-off.");
                }
            }
            Action::ScrollDown if self.mode == Mode::Help => {
                let (page, max) = self.help_page();
                self.help_scroll = (self.help_scroll + page).min(max);
            }
            Action::ScrollUp if self.mode == Mode::Help => {
                let (page, max) = self.help_page();
                self.help_scroll = self.help_scroll.saturating_sub(page).min(max);
            }
            Action::ScrollDown => {
                let page = self.commentary_page();
                self.scroll = (self.scroll + page).min(self.max_scroll());
            }
            Action::ScrollUp => {
                let page = self.commentary_page();
                self.scroll = self.scroll.saturating_sub(page).min(self.max_scroll());
            }
            Action::Faster => self.playback.faster(),
            Action::Slower => self.playback.slower(),
            Action::OpenPrompt => {
                self.prompt = Prompt::default();
                self.mode = Mode::Prompt;
            }
            Action::ToggleSpoilers => self.spoilers = !self.spoilers,
            Action::NextView => self.set_view(self.view.next()),
            Action::PrevView => self.set_view(self.view.prev()),
            Action::ToggleAllEvents => {
                let (scope, note) = match self.nav.filter().scope {
                    Scope::KeyMoments => (
                        Scope::All,
                        "Every event: passes, carries and the rest are listed too.",
                    ),
                    Scope::All => (
                        Scope::KeyMoments,
                        "Key moments only: goals, chances, cards, substitutions, periods.",
                    ),
                };
                self.set_filter(EventFilter {
                    scope,
                    ..self.nav.filter().clone()
                });
                self.say(note);
            }
            Action::CopyMoment => self.copy_moment(),
            Action::OpenSearch => {
                self.prompt = Prompt::default();
                self.mode = Mode::Search;
            }
            Action::NextHit => self.step_to_hit(true),
            Action::PrevHit => self.step_to_hit(false),
            Action::OpenFilter => self.mode = Mode::Filter,
            Action::FilterGoals => self.choose_filter(Some(Only::Goals)),
            Action::FilterCards => self.choose_filter(Some(Only::Cards)),
            Action::FilterHome => self.choose_filter(Some(Only::Team(Side::Home))),
            Action::FilterAway => self.choose_filter(Some(Only::Team(Side::Away))),
            Action::FilterPlayer => match self.moment_player() {
                Some(name) => self.choose_filter(Some(Only::Player(name))),
                None => {
                    self.mode = Mode::Normal;
                    self.say(
                        "This moment names no player: step to one of theirs (or find them with /), then f p.",
                    );
                }
            },
            Action::ClearFilter => self.choose_filter(None),
            Action::CloseFilter => self.mode = Mode::Normal,
            Action::ToggleMark => self.toggle_mark(),
            Action::NextMark => self.next_mark(),
            Action::Back => self.back(),
            Action::GoTo(step) => {
                self.nav.go_to(step);
                self.dragging = false;
            }
            Action::Grab(step) => {
                self.nav.go_to(step);
                self.dragging = true;
            }
            Action::Release => self.dragging = false,
            Action::Suspend => self.suspend_requested = true,
            Action::OpenHelp => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Action::CloseHelp => self.mode = Mode::Normal,
            Action::PromptType(c) => {
                let room = match self.mode {
                    Mode::Search => self.prompt.input.chars().count() < SEARCH_MAX,
                    _ => self.prompt.input.len() < PROMPT_MAX,
                };
                if room {
                    self.prompt.input.push(c);
                }
                self.prompt.error = None;
            }
            Action::PromptBackspace => {
                self.prompt.input.pop();
                self.prompt.error = None;
            }
            Action::PromptSubmit if self.mode == Mode::Search => self.submit_search(),
            Action::PromptSubmit => self.submit_prompt(),
            Action::PromptCancel => self.mode = Mode::Normal,
            Action::Tick => self.tick(),
            Action::Quit => self.running = false,
            // The match list's own actions mean nothing in the viewer.
            Action::ListDown
            | Action::ListUp
            | Action::ListPageDown
            | Action::ListPageUp
            | Action::ListFirst
            | Action::ListLast
            | Action::ListOpen
            | Action::ListFilter
            | Action::ListFilterType(_)
            | Action::ListFilterBackspace
            | Action::ListFilterDone
            | Action::ListFilterClear => {}
        }
    }

    /// Tells the app the size of the screen it is drawn on, so that
    /// scrolling stops where the commentary ends. The event loop calls it
    /// at start and on every resize; without it, drawing still clamps.
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        self.viewport = Some(Rect::new(0, 0, width, height));
    }

    /// How far the commentary is scrolled, in lines.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Lines of commentary that do not fit on the current screen.
    fn max_scroll(&self) -> usize {
        match self.viewport {
            Some(area) => CommentaryWidget::new(self).overflow(self.plan(area).commentary),
            None => usize::MAX,
        }
    }

    /// Lines a page of scrolling moves: the commentary's height less the
    /// two lines that may carry the "more above/below" notes, so no line
    /// is skipped.
    fn commentary_page(&self) -> usize {
        self.viewport
            .and_then(|area| self.plan(area).commentary)
            .map_or(10, |rect| {
                CommentaryWidget::body(rect).height.saturating_sub(2).max(1) as usize
            })
    }

    /// Puts the current moment's line up for the event loop to copy, and
    /// says in the footer what will become of it.
    fn copy_moment(&mut self) {
        let line = crate::share::moment_line(&self.state(), self.sharing.file.as_deref());
        let clipboard = self.sharing.clipboard;
        self.message = Some(format!("{}: {line}", clipboard.outcome()));
        if !clipboard.certain() && !self.unsure_copies.contains(&line) {
            self.unsure_copies.push(line.clone());
        }
        if clipboard.sequence("").is_some() {
            self.copy_request = Some(line);
        }
    }

    fn say(&mut self, message: &str) {
        self.message = Some(message.to_owned());
    }

    fn submit_prompt(&mut self) {
        let input = self.prompt.input.trim();
        if input.is_empty() {
            self.prompt.error = Some("type a minute, such as 54 or 90+4".to_owned());
            return;
        }
        match parse_minute(input) {
            Ok(clock) => {
                self.nav.go_to(self.nav.replay().step_at_clock(clock));
                self.mode = Mode::Normal;
            }
            Err(reason) => self.prompt.error = Some(reason),
        }
    }

    /// Runs the search typed into the prompt. An empty one clears the
    /// last search.
    ///
    /// Where the cursor goes depends on the spoiler setting. With spoilers
    /// shown, it goes to the first hit from here on (or the first of all),
    /// as in any pager. With them hidden it stays: the hits already
    /// reached are marked and counted, and `n` goes on to the next one
    /// when the fan chooses to look ahead. Running a search must not
    /// itself carry the fan into the part of the match they have not seen,
    /// nor tell them how often a name comes up there.
    fn submit_search(&mut self) {
        self.mode = Mode::Normal;
        let Some(query) = Query::new(&self.prompt.input) else {
            if self.search.take().is_some() {
                self.say("Search cleared.");
            }
            return;
        };
        let hits = self.hits(&query);
        let search = Search::new(query, hits);
        if self.spoilers {
            let from_here = search
                .hits()
                .iter()
                .copied()
                .find(|&s| s >= self.nav.step());
            let wrapped = from_here.is_none() && !search.hits().is_empty();
            if let Some(step) = from_here.or_else(|| search.hits().first().copied()) {
                self.nav.go_to(step);
            }
            let mut note = self.search_note(&search);
            if wrapped {
                note.push_str(" (from the start)");
            }
            if search.hits().len() > 1 {
                note.push_str(" · n next, N previous");
            }
            self.message = Some(note);
        } else {
            let mut note = self.search_note(&search);
            note.push_str(if search.count_upto(self.nav.step()) == 0 {
                " · n looks ahead"
            } else {
                " · n looks ahead, N back"
            });
            self.message = Some(note);
        }
        self.search = Some(search);
    }

    /// "hit 3 of 7 for “kane”", counted as [`Search::status`] allows.
    fn search_note(&self, search: &Search) -> String {
        format!(
            "{} for “{}”",
            search.status(self.nav.step(), self.spoilers),
            search.query().shown()
        )
    }

    /// The listed moments that `query` finds.
    fn hits(&mut self, query: &Query) -> Vec<usize> {
        let events = &self.nav.replay().game().events;
        if self.haystacks.len() != events.len() {
            self.haystacks = events
                .iter()
                .enumerate()
                .map(|(i, event)| find::haystack(self.nav.replay(), i + 1, event))
                .collect();
        }
        events
            .iter()
            .zip(&self.haystacks)
            .enumerate()
            .filter(|(_, (event, hay))| self.nav.filter().shows(event) && query.matches(hay))
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// `n` (forward) or `N`: on to the next hit, which the fan may choose
    /// even when it lies ahead with spoilers hidden, as `]` does for goals.
    fn step_to_hit(&mut self, forward: bool) {
        let Some(search) = self.search.take() else {
            self.say("No search yet: / searches players, teams and commentary.");
            return;
        };
        let target = if forward {
            search.next(self.nav.step())
        } else {
            search.prev(self.nav.step())
        };
        match target {
            Some(step) => {
                self.nav.go_to(step);
                self.message = Some(self.search_note(&search));
            }
            None => {
                let which = if forward { "later" } else { "earlier" };
                self.message = Some(format!(
                    "No {which} match for “{}”.",
                    search.query().shown()
                ));
            }
        }
        self.search = Some(search);
    }

    /// Applies a choice from the filter menu (`None`: no filter) and
    /// closes it.
    fn choose_filter(&mut self, only: Option<Only>) {
        self.mode = Mode::Normal;
        let cleared = only.is_none();
        self.set_filter(EventFilter {
            only,
            ..self.nav.filter().clone()
        });
        let note = match self.nav.filter().label(&self.nav.replay().game().info) {
            Some(label) if !cleared => {
                format!("Listing {label}: ←→ step through them, Esc clears the filter.")
            }
            _ => "No filter: the timeline lists every key moment again.".to_owned(),
        };
        self.message = Some(note);
    }

    /// The player `f p` narrows to: of the people the current moment
    /// names, the first the search matches when there is a search, else
    /// the main one (the scorer, the player booked, the one coming on).
    pub fn moment_player(&self) -> Option<Text> {
        let event = self.state().event()?;
        if let Some(search) = &self.search {
            let found = filter::people(event).find(|p| search.query().matches(&find::fold(p)));
            if let Some(name) = found {
                return Some(name.clone());
            }
        }
        filter::people(event).next().cloned()
    }

    fn toggle_mark(&mut self) {
        let marked = self.marks.toggle(self.nav.step());
        let n = self.marks.len();
        let note = if marked {
            format!(
                "Marked {}: ' comes back to it ({n} {}).",
                self.moment_label(),
                if n == 1 { "mark" } else { "marks" }
            )
        } else {
            format!("Mark removed ({n} left).")
        };
        self.message = Some(note);
    }

    fn next_mark(&mut self) {
        match self.marks.next_cycling(self.nav.step()) {
            None => self.say("No marks yet: m marks the moment you are on."),
            Some(step) if step == self.nav.step() => self.say("This is your only mark."),
            Some(step) => {
                self.nav.go_to(step);
                let i = self.marks.position(step).unwrap_or(1);
                let note = format!("Mark {i} of {}: {}", self.marks.len(), self.moment_label());
                self.message = Some(note);
            }
        }
    }

    /// The current moment in a few words: "54'", "before kick-off".
    fn moment_label(&self) -> String {
        let state = self.state();
        match (state.event(), state.clock()) {
            (None, _) => "before kick-off".to_owned(),
            (Some(_), Some(clock)) => clock.display().to_string(),
            (Some(_), None) => "a shoot-out kick".to_owned(),
        }
    }

    /// Esc: the search goes first, then the filter, and only then the
    /// viewer, so a fan backing out of a search does not lose the replay.
    /// Backs out one level. Leaving the match quits here: an app opened
    /// from the match list never gets that far, since the list takes a
    /// Back that [`back_leaves_the_match`](Self::back_leaves_the_match).
    fn back(&mut self) {
        if self.search.take().is_some() {
            self.say("Search cleared.");
        } else if self.nav.filter().is_narrowed() {
            self.choose_filter(None);
        } else {
            self.running = false;
        }
    }

    /// Whether Back would leave the match now, having no search or filter
    /// to clear first.
    pub fn back_leaves_the_match(&self) -> bool {
        self.search.is_none() && !self.nav.filter().is_narrowed()
    }

    /// Lines a page of help scrolling moves and the furthest it can go.
    fn help_page(&self) -> (usize, usize) {
        match self.viewport {
            Some(area) => HelpWidget::new(self).scroll_range(area),
            None => (10, usize::MAX),
        }
    }

    /// Autoplay: on to the next stop, stopping at the last.
    fn tick(&mut self) {
        if !self.playback.playing {
            return;
        }
        if let Some(step) = self.nav.next_stop(self.nav.step()) {
            self.nav.go_to(step);
        }
        if self.nav.next_stop(self.nav.step()).is_none() {
            self.playback.playing = false;
        }
    }

    fn set_view(&mut self, view: View) {
        self.view = view;
        self.nav.set_stops(if view == View::Pitch {
            Stops::Located
        } else {
            Stops::Listed
        });
        self.ball_progress = 0.0;
    }

    /// How long autoplay stays on the current moment before moving on, or
    /// `None` when it is not playing (the event loop then blocks on input).
    pub fn autoplay_wait(&self) -> Option<Duration> {
        if !self.playback.playing {
            return None;
        }
        let next = self.nav.next_stop(self.nav.step())?;
        Some(self.playback.wait(self.nav.replay(), self.nav.step(), next))
    }

    /// Tells the app how far autoplay has got from the current moment to
    /// the next, as a fraction (0 to 1) of the wait between them, so the
    /// pitch can draw the ball on its way. Only the event loop, which
    /// owns the clock, calls it; stepping or pausing resets it to 0.
    pub fn animate(&mut self, progress: f32) {
        self.ball_progress = if progress.is_finite() && self.playback.playing {
            progress.clamp(0.0, 1.0)
        } else {
            0.0
        };
    }

    /// Where the pitch draws the ball while autoplay carries it to the
    /// next moment; `None` when paused or on another view (the ball then
    /// sits where the current moment left it).
    pub fn ball(&self) -> Option<Point> {
        if !self.playback.playing || !self.view.animates() {
            return None;
        }
        let next = self.nav.next_stop(self.nav.step())?;
        ball_towards(self.nav.replay(), self.nav.step(), next, self.ball_progress)
    }

    /// Whether the screen changes as time passes between two moments:
    /// autoplay runs on the pitch and the ball has somewhere to go. The
    /// event loop redraws every [`FRAME`](super::views::FRAME) only then.
    pub fn animating(&self) -> bool {
        if !self.playback.playing || !self.view.animates() {
            return false;
        }
        let Some(next) = self.nav.next_stop(self.nav.step()) else {
            return false;
        };
        let at = |progress| ball_towards(self.nav.replay(), self.nav.step(), next, progress);
        at(0.0) != at(1.0)
    }

    /// Whether the fan asked to suspend (Ctrl-Z) since the last call; the
    /// event loop, which owns the terminal, carries it out.
    pub fn take_suspend_request(&mut self) -> bool {
        std::mem::take(&mut self.suspend_requested)
    }

    /// The line the fan asked to copy (`y`) since the last call, with the
    /// route to the clipboard; the event loop writes it to the terminal.
    pub fn take_copy_request(&mut self) -> Option<(String, Clipboard)> {
        self.copy_request
            .take()
            .map(|line| (line, self.sharing.clipboard))
    }

    /// The lines copied this session that may not have reached the
    /// clipboard, for the binary to print once the terminal is restored.
    pub fn unsure_copies(&self) -> &[String] {
        &self.unsure_copies
    }

    /// The key bindings in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Which view fills the screen below the scoreboard.
    pub fn view(&self) -> View {
        self.view
    }

    /// The last search, if one is on.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The search for the footer: "/kane · hit 3 of 7", counted only up
    /// to the cursor while spoilers are hidden.
    pub fn search_status(&self) -> Option<String> {
        self.search.as_ref().map(|s| {
            format!(
                "/{} · {}",
                s.query().shown(),
                s.status(self.nav.step(), self.spoilers)
            )
        })
    }

    /// Whether the timeline marks `step` as a search hit.
    pub fn is_hit(&self, step: usize) -> bool {
        self.search.as_ref().is_some_and(|s| s.is_hit(step))
    }

    /// The fan's marks.
    pub fn marks(&self) -> &Bookmarks {
        &self.marks
    }

    /// Whether the pointer holds the progress bar.
    pub fn dragging(&self) -> bool {
        self.dragging
    }

    /// How far the help screen is scrolled, in lines.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The screen the app was last drawn on (see [`App::set_viewport`]).
    pub fn viewport(&self) -> Option<Rect> {
        self.viewport
    }

    /// Whether the viewer should keep running.
    pub fn is_running(&self) -> bool {
        self.running
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

    /// Autoplay's state.
    pub fn playback(&self) -> Playback {
        self.playback
    }

    /// Whether what lies ahead of the cursor is shown.
    pub fn spoilers_shown(&self) -> bool {
        self.spoilers
    }

    /// Which events are listed.
    pub fn filter(&self) -> &EventFilter {
        self.nav.filter()
    }

    /// Changes which events are listed; a search on finds its hits again
    /// among them.
    pub fn set_filter(&mut self, filter: EventFilter) {
        self.nav.set_filter(filter);
        self.refind();
    }

    /// Finds the search's hits again, among the moments listed now.
    fn refind(&mut self) {
        if let Some(search) = self.search.take() {
            let hits = self.hits(search.query());
            self.search = Some(Search::new(search.query().clone(), hits));
        }
    }

    /// Which bindings are in force.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The minute prompt.
    pub fn prompt(&self) -> &Prompt {
        &self.prompt
    }

    /// A one-off note for the footer, such as "No goal after this moment".
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The styles in use.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Whether the event at `step` is visible now: reached, or ahead with
    /// spoilers shown.
    pub fn reveals(&self, step: usize) -> bool {
        self.spoilers || step <= self.nav.step()
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
mod tests {
    use super::*;
    use crate::import;
    use crate::model::{Detail, Period};

    fn app() -> App {
        App::new(Replay::new(import::bundled().game), AppOptions::default())
    }

    fn typed(app: &mut App, text: &str) {
        app.update(Action::OpenPrompt);
        for c in text.chars() {
            app.update(Action::PromptType(c));
        }
        app.update(Action::PromptSubmit);
    }

    /// A short match with low-level plays between its key moments.
    const WITH_PLAYS: &str = r#"{
      "match": {"home": {"name": "Home"}, "away": {"name": "Away"}},
      "events": [
        {"kind": "period_start", "clock": "1"},
        {"kind": "play", "clock": "1", "team": "home", "action": "Pass"},
        {"kind": "play", "clock": "2", "team": "home", "action": "Carry"},
        {"kind": "goal", "clock": "3", "team": "home", "player": "A. Striker"},
        {"kind": "play", "clock": "4", "team": "away", "action": "Pass"},
        {"kind": "period_end", "clock": "45"}
      ]
    }"#;

    fn with_plays() -> App {
        let loaded = import::parse_bytes("plays.json", WITH_PLAYS.as_bytes()).unwrap();
        App::new(Replay::new(loaded.game), AppOptions::default())
    }

    #[test]
    fn stepping_skips_plays_unless_every_event_is_shown() {
        let mut app = with_plays();
        assert_eq!(app.step(), 1);
        app.update(Action::NextEvent);
        assert_eq!(app.step(), 4, "straight to the goal");
        app.update(Action::NextEvent);
        assert_eq!(app.step(), 6);
        app.update(Action::PrevEvent);
        assert_eq!(app.step(), 4);
        app.set_filter(EventFilter::ALL_EVENTS);
        app.update(Action::NextEvent);
        assert_eq!(app.step(), 5, "the play after the goal");
        app.update(Action::KickOff);
        app.update(Action::TogglePlay);
        app.update(Action::Tick);
        assert_eq!(app.step(), 2, "autoplay visits plays too when shown");
    }

    /// Plays with and without positions around a goal.
    const LOCATED: &str = r#"{
      "match": {"home": {"name": "Home"}, "away": {"name": "Away"}},
      "events": [
        {"kind": "period_start", "clock": "1"},
        {"kind": "play", "clock": "1", "team": "home", "action": "Pass",
         "location": [50, 50], "end_location": [70, 40]},
        {"kind": "play", "clock": "2", "action": "Referee Ball-Drop"},
        {"kind": "goal", "clock": "3", "team": "home", "player": "A. Striker",
         "location": [90, 50]},
        {"kind": "play", "clock": "4", "team": "away", "action": "Carry",
         "location": [50, 50], "end_location": [40, 50]},
        {"kind": "period_end", "clock": "45"}
      ]
    }"#;

    fn located() -> App {
        let loaded = import::parse_bytes("located.json", LOCATED.as_bytes()).unwrap();
        App::new(Replay::new(loaded.game), AppOptions::default())
    }

    #[test]
    fn tab_cycles_the_views_and_a_toggles_every_event() {
        let mut app = with_plays();
        let mut seen = Vec::new();
        for _ in 0..View::ALL.len() {
            seen.push(app.view());
            app.update(Action::NextView);
        }
        assert_eq!(seen, View::ALL);
        assert_eq!(app.view(), View::Timeline, "round the cycle");
        app.update(Action::PrevView);
        assert_eq!(app.view(), View::Lineups);
        app.update(Action::NextView);
        assert_eq!(app.view(), View::Timeline);

        assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
        app.update(Action::ToggleAllEvents);
        assert_eq!(app.filter(), &EventFilter::ALL_EVENTS);
        assert!(app.message().is_some_and(|m| m.contains("Every event")));
        app.update(Action::NextEvent);
        assert_eq!(app.step(), 2, "the pass is a stop now");
        app.update(Action::ToggleAllEvents);
        assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
        app.update(Action::NextEvent);
        assert_eq!(app.step(), 4, "plays are passed over again");
    }

    #[test]
    fn the_pitch_stops_at_located_actions_while_the_timeline_keeps_its_filter() {
        let mut app = located();
        app.update(Action::NextView);
        assert_eq!(app.view(), View::Pitch);
        let mut stops = vec![app.step()];
        loop {
            let before = app.step();
            app.update(Action::NextEvent);
            if app.step() == before {
                break;
            }
            stops.push(app.step());
        }
        // The ball-drop has no position; the pass and the carry have.
        assert_eq!(stops, [1, 2, 4, 5, 6]);
        let mut back = Vec::new();
        while app.step() > 0 {
            app.update(Action::PrevEvent);
            back.push(app.step());
        }
        assert_eq!(back, [5, 4, 2, 1, 0]);
        // What the timeline lists is unchanged.
        assert_eq!(app.nav().next_visible(1), Some(4));
        assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
        // Autoplay on the pitch goes action by action, with every event
        // shown too.
        app.update(Action::KickOff);
        app.update(Action::TogglePlay);
        app.update(Action::Tick);
        assert_eq!(app.step(), 2);
        app.update(Action::ToggleAllEvents);
        app.update(Action::Tick);
        assert_eq!(app.step(), 3);
        // Back on the timeline, stepping follows its filter again.
        app.update(Action::ToggleAllEvents);
        app.update(Action::PrevView);
        app.update(Action::Tick);
        assert_eq!(app.step(), 4);
    }

    #[test]
    fn the_ball_moves_only_on_the_pitch_while_playing() {
        let mut app = located();
        app.update(Action::NextView);
        app.update(Action::NextEvent);
        assert_eq!(app.step(), 2);
        assert_eq!(app.ball(), None, "paused: the pitch places the ball");
        app.update(Action::TogglePlay);
        assert!(app.animating());
        // From the pass's end (70, 40) towards the goal at (90, 50).
        app.animate(0.5);
        let ball = app.ball().unwrap();
        assert!((ball.x - 80.0).abs() < 1e-3 && (ball.y - 45.0).abs() < 1e-3);
        app.animate(f32::NAN);
        assert_eq!(app.ball().unwrap().x, 70.0);
        app.animate(0.5);
        app.update(Action::Tick);
        assert_eq!(app.ball().unwrap().x, 90.0, "a new moment starts at 0");
        app.update(Action::NextView);
        assert_eq!(app.ball(), None);
        assert!(!app.animating(), "other views do not animate");
    }

    #[test]
    fn autoplay_over_key_moments_skips_plays() {
        let mut app = with_plays();
        app.update(Action::TogglePlay);
        app.update(Action::Tick);
        assert_eq!(app.step(), 4);
    }

    #[test]
    fn opens_at_kick_off_with_spoilers_hidden() {
        let app = app();
        assert_eq!(app.step(), app.replay().kick_off());
        assert!(!app.spoilers_shown());
        assert!(matches!(
            app.state().event().unwrap().detail,
            Detail::PeriodStart
        ));
        assert!(app.is_running());
    }

    #[test]
    fn start_step_is_honoured_and_clamped() {
        let replay = Replay::new(import::bundled().game);
        let steps = replay.steps();
        let options = AppOptions {
            start_step: Some(10_000),
            ..AppOptions::default()
        };
        assert_eq!(App::new(replay, options).step(), steps);
    }

    #[test]
    fn stepping_reaches_pre_match_and_stops_at_both_ends() {
        let mut app = app();
        app.update(Action::PrevEvent);
        assert_eq!(app.step(), 0);
        app.update(Action::PrevEvent);
        assert_eq!(app.step(), 0);
        assert!(app.message().is_some());
        app.update(Action::FullTime);
        let last = app.step();
        app.update(Action::NextEvent);
        assert_eq!(app.step(), last);
        app.update(Action::KickOff);
        assert_eq!(app.step(), app.replay().kick_off());
    }

    #[test]
    fn goal_keys_walk_the_goals_in_order() {
        let mut app = app();
        let mut scores = Vec::new();
        for _ in 0..4 {
            app.update(Action::NextGoal);
            let s = app.state().score();
            scores.push((s.home, s.away));
        }
        assert_eq!(scores, [(0, 1), (1, 1), (1, 2), (1, 2)]);
        assert_eq!(app.message(), Some("No goal after this moment."));
        app.update(Action::PrevGoal);
        assert_eq!(app.state().score().home, 1);
        assert_eq!(
            app.state().scorers(crate::model::Side::Home)[0].label(),
            "Kane 54' (pen)"
        );
    }

    #[test]
    fn typed_minutes_jump_and_bad_ones_explain() {
        let mut app = app();
        typed(&mut app, "54");
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(app.state().score().home, 1);
        typed(&mut app, "45+5");
        assert_eq!(app.state().period(), Some(Period::First));
        typed(&mut app, "9+:");
        assert_eq!(app.mode(), Mode::Prompt);
        assert!(
            app.prompt()
                .error
                .as_deref()
                .unwrap()
                .contains("not a minute")
        );
        app.update(Action::PromptBackspace);
        assert_eq!(app.prompt().error, None);
        app.update(Action::PromptCancel);
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(app.state().period(), Some(Period::First));
        typed(&mut app, "");
        assert!(app.prompt().error.is_some());
    }

    #[test]
    fn prompt_input_is_bounded() {
        let mut app = app();
        app.update(Action::OpenPrompt);
        for _ in 0..50 {
            app.update(Action::PromptType('9'));
        }
        assert_eq!(app.prompt().input.len(), PROMPT_MAX);
    }

    #[test]
    fn parse_minute_accepts_clock_forms() {
        assert_eq!(parse_minute("54"), Ok(Clock::minute(54)));
        assert_eq!(parse_minute("90+4"), Ok(Clock::stoppage(90, 4)));
        assert!(parse_minute("90+4:30").is_ok());
        for bad in ["+", "121", "4:5", "::", "45++2"] {
            assert!(parse_minute(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn autoplay_waits_plays_on_and_stops_at_the_end() {
        let mut app = app();
        assert_eq!(app.autoplay_wait(), None);
        app.update(Action::TogglePlay);
        let wait = app.autoplay_wait().unwrap();
        assert!(wait <= crate::replay::MAX_WAIT);
        let mut ticks = 0;
        while app.autoplay_wait().is_some() {
            app.update(Action::Tick);
            ticks += 1;
            assert!(ticks < 1_000);
        }
        assert_eq!(app.step(), app.replay().full_time());
        assert!(!app.playback().playing);
        app.update(Action::TogglePlay);
        assert!(!app.playback().playing);
        assert!(app.message().is_some());
    }

    #[test]
    fn speed_keys_move_through_the_offered_speeds() {
        let mut app = app();
        for _ in 0..10 {
            app.update(Action::Faster);
        }
        assert_eq!(app.playback().speed(), 60);
        app.update(Action::Slower);
        assert_eq!(app.playback().speed(), 30);
    }

    #[test]
    fn scrolling_stops_at_the_end_of_the_commentary_and_resets_on_a_step() {
        let mut app = app();
        app.set_viewport(80, 24);
        app.update(Action::FullTime);
        for _ in 0..100 {
            app.update(Action::ScrollDown);
        }
        let bottom = app.scroll();
        assert!(bottom > 0);
        app.update(Action::ScrollUp);
        assert!(app.scroll() < bottom, "one page up moves at once");
        app.update(Action::PrevEvent);
        assert_eq!(app.scroll(), 0);
        app.update(Action::KickOff);
        app.update(Action::ScrollDown);
        assert_eq!(app.scroll(), 0, "the kick-off text fits: nothing to scroll");
    }

    fn searched(app: &mut App, text: &str) {
        app.update(Action::OpenSearch);
        assert_eq!(app.mode(), Mode::Search);
        for c in text.chars() {
            app.update(Action::PromptType(c));
        }
        app.update(Action::PromptSubmit);
        assert_eq!(app.mode(), Mode::Normal);
    }

    /// The steps of the bundled match whose event satisfies `keep`.
    fn steps_where(app: &App, keep: impl Fn(&crate::model::Event) -> bool) -> Vec<usize> {
        let events = &app.replay().game().events;
        (1..=events.len())
            .filter(|&s| keep(&events[s - 1]))
            .collect()
    }

    #[test]
    fn with_spoilers_hidden_a_search_stays_put_and_counts_only_what_was_reached() {
        let mut app = app();
        let start = app.step();
        searched(&mut app, "giroud");
        assert_eq!(app.step(), start, "Enter does not carry the fan ahead");
        let note = app.message().unwrap().to_owned();
        assert!(note.starts_with("no match so far for “giroud”"), "{note}");
        assert!(note.contains("n looks ahead"), "{note}");
        let hits = app.search().unwrap().hits().to_vec();
        assert!(!hits.is_empty());
        // n is the fan's own choice to look ahead.
        app.update(Action::NextHit);
        assert_eq!(app.step(), hits[0]);
        assert_eq!(app.message(), Some("hit 1 for “giroud”"));
        let status = app.search_status().unwrap();
        assert_eq!(status, "/giroud · hit 1");
        // Nothing says how many more there are.
        for step in 0..=app.replay().steps() {
            app.update(Action::GoTo(step));
            let status = app.search_status().unwrap();
            assert!(!status.contains(" of "), "{step}: {status}");
            assert!(app.search().unwrap().count_upto(step) <= hits.len());
        }
        app.update(Action::GoTo(hits[0]));
        app.update(Action::PrevHit);
        assert_eq!(app.step(), hits[0]);
        assert_eq!(app.message(), Some("No earlier match for “giroud”."));
    }

    #[test]
    fn with_spoilers_shown_a_search_goes_to_the_first_hit_and_counts_them_all() {
        let mut app = app();
        app.update(Action::ToggleSpoilers);
        searched(&mut app, "TCHOUAMENI");
        let hits = app.search().unwrap().hits().to_vec();
        let goal = steps_where(&app, |e| {
            e.player.as_deref() == Some("Aurélien Tchouaméni")
                && matches!(e.detail, Detail::Goal { .. })
        });
        assert!(hits.contains(&goal[0]), "case and accents do not matter");
        assert_eq!(app.step(), hits[0]);
        let total = hits.len();
        assert!(
            app.message()
                .unwrap()
                .starts_with(&format!("hit 1 of {total} for “TCHOUAMENI”")),
            "{:?}",
            app.message()
        );
        app.update(Action::FullTime);
        searched(&mut app, "tchouaméni");
        assert_eq!(app.step(), hits[0], "from the end, round to the first");
        assert!(app.message().unwrap().contains("(from the start)"));
        searched(&mut app, "nobody at all");
        assert_eq!(app.message(), Some("no match for “nobody at all”"));
        assert_eq!(app.step(), hits[0]);
    }

    #[test]
    fn an_empty_search_and_esc_clear_the_search_then_the_filter_then_quit() {
        let mut app = app();
        searched(&mut app, "kane");
        assert!(app.search().is_some());
        searched(&mut app, "   ");
        assert!(app.search().is_none());
        assert_eq!(app.message(), Some("Search cleared."));
        searched(&mut app, "kane");
        app.update(Action::OpenFilter);
        app.update(Action::FilterGoals);
        app.update(Action::Back);
        assert!(app.search().is_none());
        assert!(app.filter().is_narrowed(), "one level at a time");
        app.update(Action::Back);
        assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
        assert!(app.is_running());
        app.update(Action::Back);
        assert!(!app.is_running());
    }

    /// Following a file, a search and a filter take in the events that
    /// arrive: they are worked out again for each new version.
    #[test]
    fn a_search_and_a_filter_follow_new_events() {
        use crate::follow::Update;
        let game = import::bundled().game;
        let mut first = game.clone();
        // The file so far stops before Giroud's goal.
        let giroud = first
            .events
            .iter()
            .position(|e| e.player.as_deref() == Some("Olivier Giroud"))
            .expect("Giroud scores");
        first.events.truncate(giroud);
        let options = AppOptions {
            spoilers: true,
            ..AppOptions::default()
        };
        let mut app = App::new(Replay::new(first), options);
        app.start_following("live.json", true);
        searched(&mut app, "giroud");
        assert!(app.search().unwrap().hits().is_empty());
        app.update(Action::OpenFilter);
        app.update(Action::FilterGoals);
        let goals_before = app.nav().listed().map(<[usize]>::len);
        app.follow_update(Update::Match {
            game: Box::new(game),
            partial: None,
        });
        assert_eq!(app.search().unwrap().hits(), [giroud + 1]);
        assert_eq!(
            app.nav().listed().map(<[usize]>::len),
            goals_before.map(|n| n + 1)
        );
    }

    #[test]
    fn a_search_prompt_cancelled_keeps_the_last_search() {
        let mut app = app();
        searched(&mut app, "kane");
        app.update(Action::OpenSearch);
        app.update(Action::PromptType('x'));
        app.update(Action::PromptCancel);
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(app.search().unwrap().query().shown(), "kane");
        app.update(Action::OpenSearch);
        for _ in 0..100 {
            app.update(Action::PromptType('é'));
        }
        assert_eq!(app.prompt().input.chars().count(), SEARCH_MAX);
    }

    #[test]
    fn filters_narrow_what_is_listed_and_where_stepping_stops() {
        let mut app = app();
        app.update(Action::ToggleSpoilers);
        let walk = |app: &mut App| {
            app.update(Action::GoTo(0));
            let mut stops = Vec::new();
            loop {
                let before = app.step();
                app.update(Action::NextEvent);
                if app.step() == before {
                    return stops;
                }
                stops.push(app.step());
            }
        };
        app.update(Action::OpenFilter);
        assert_eq!(app.mode(), Mode::Filter);
        app.update(Action::FilterGoals);
        assert_eq!(app.mode(), Mode::Normal);
        assert!(app.message().unwrap().contains("only goals"));
        let goals = steps_where(&app, |e| matches!(e.detail, Detail::Goal { .. }));
        assert_eq!(walk(&mut app), goals);
        // Back from the last goal: the earlier goals, then before kick-off.
        let mut back = Vec::new();
        while app.step() > 0 {
            app.update(Action::PrevEvent);
            back.push(app.step());
        }
        let mut expected: Vec<usize> = goals[..goals.len() - 1].iter().rev().copied().collect();
        expected.push(0);
        assert_eq!(back, expected);

        app.update(Action::FilterCards);
        let cards = steps_where(&app, |e| matches!(e.detail, Detail::Card { .. }));
        assert_eq!(walk(&mut app), cards);

        app.update(Action::FilterAway);
        let french = steps_where(&app, |e| e.team == Some(crate::model::Side::Away));
        assert_eq!(walk(&mut app), french);

        // The player of the current moment: Griezmann's booking.
        app.update(Action::GoTo(cards[0]));
        app.update(Action::FilterPlayer);
        let griezmann = steps_where(&app, |e| {
            filter::people(e).any(|p| &**p == "Antoine Griezmann")
        });
        assert!(griezmann.len() >= 3, "booked, and assisting twice");
        assert_eq!(walk(&mut app), griezmann);

        // Autoplay follows the filter too.
        app.update(Action::FilterGoals);
        app.update(Action::GoTo(0));
        app.update(Action::TogglePlay);
        app.update(Action::Tick);
        assert_eq!(app.step(), goals[0]);

        app.update(Action::ClearFilter);
        assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
        assert!(app.message().unwrap().starts_with("No filter"));
    }

    #[test]
    fn the_player_filter_takes_the_one_the_search_found() {
        let mut app = app();
        app.update(Action::ToggleSpoilers);
        let sub = steps_where(
            &app,
            |e| matches!(&e.detail, Detail::Substitution { player_out: Some(p), .. } if &**p == "Ousmane Dembélé"),
        )[0];
        app.update(Action::GoTo(sub));
        assert_eq!(app.moment_player().as_deref(), Some("Kingsley Coman"));
        searched(&mut app, "dembele");
        app.update(Action::GoTo(sub));
        assert_eq!(app.moment_player().as_deref(), Some("Ousmane Dembélé"));
        app.update(Action::FilterPlayer);
        assert_eq!(
            app.filter().only,
            Some(Only::Player(Text::from("Ousmane Dembélé")))
        );
        // A moment without a player leaves the filter as it was.
        app.update(Action::KickOff);
        app.update(Action::FilterPlayer);
        assert!(app.message().unwrap().contains("names no player"));
        assert!(matches!(app.filter().only, Some(Only::Player(_))));
    }

    #[test]
    fn search_hits_follow_the_filter() {
        let mut app = app();
        app.update(Action::ToggleSpoilers);
        searched(&mut app, "kane");
        let all = app.search().unwrap().hits().to_vec();
        app.update(Action::FilterGoals);
        let goals = app.search().unwrap().hits().to_vec();
        assert!(goals.len() < all.len(), "{goals:?} {all:?}");
        assert!(goals.iter().all(|s| all.contains(s)));
        for &s in &goals {
            let event = &app.replay().game().events[s - 1];
            assert!(matches!(event.detail, Detail::Goal { .. }));
        }
        app.update(Action::ClearFilter);
        assert_eq!(app.search().unwrap().hits(), all);
    }

    #[test]
    fn marks_toggle_and_the_quote_key_cycles_through_them() {
        let mut app = app();
        app.update(Action::NextMark);
        assert_eq!(
            app.message(),
            Some("No marks yet: m marks the moment you are on.")
        );
        app.update(Action::NextGoal);
        let first = app.step();
        app.update(Action::ToggleMark);
        assert!(app.message().unwrap().starts_with("Marked 17'"));
        app.update(Action::NextMark);
        assert_eq!(app.message(), Some("This is your only mark."));
        app.update(Action::NextGoal);
        let second = app.step();
        app.update(Action::ToggleMark);
        assert_eq!(app.marks().iter().collect::<Vec<_>>(), [first, second]);
        app.update(Action::NextMark);
        assert_eq!(app.step(), first, "round to the first");
        assert_eq!(app.message(), Some("Mark 1 of 2: 17'"));
        app.update(Action::NextMark);
        assert_eq!(app.step(), second);
        app.update(Action::ToggleMark);
        assert_eq!(app.message(), Some("Mark removed (1 left)."));
        assert!(!app.marks().contains(second));
    }

    #[test]
    fn n_without_a_search_says_how_to_start_one() {
        let mut app = app();
        app.update(Action::NextHit);
        assert!(app.message().unwrap().contains("/ searches"));
    }

    #[test]
    fn help_scrolls_only_as_far_as_it_goes() {
        let mut app = app();
        app.set_viewport(80, 24);
        app.update(Action::OpenHelp);
        for _ in 0..10 {
            app.update(Action::ScrollDown);
        }
        let bottom = app.help_scroll();
        assert!(bottom > 0);
        app.update(Action::ScrollUp);
        assert!(app.help_scroll() < bottom);
        app.update(Action::CloseHelp);
        app.update(Action::OpenHelp);
        assert_eq!(app.help_scroll(), 0, "the help opens at the top");
        assert_eq!(app.scroll(), 0, "the commentary did not move");
    }

    /// The navigator's own tests check that the listing found once steps
    /// as a scan would; here, that the filter menu sets and clears it.
    #[test]
    fn a_narrowed_listing_is_found_once_and_dropped_when_cleared() {
        let mut app = app();
        let choices = [Action::FilterGoals, Action::FilterCards, Action::FilterHome];
        for choice in choices {
            app.update(choice);
            assert!(app.nav().listed().is_some(), "{choice:?}");
        }
        app.update(Action::ClearFilter);
        assert!(app.nav().listed().is_none());
    }

    #[test]
    fn y_copies_the_moment_and_keeps_it_when_the_clipboard_is_in_doubt() {
        let mut app = app().with_sharing(Sharing {
            file: Some("ef.json".to_owned()),
            clipboard: Clipboard::MaybeTerminal,
        });
        typed(&mut app, "78");
        app.update(Action::CopyMoment);
        let line = "78' Giroud 1-2 England v France, World Cup 2022 QF · touchline ef.json --at 78";
        let (copied, clipboard) = app.take_copy_request().expect("a copy to write");
        assert_eq!(copied, line);
        assert_eq!(clipboard, Clipboard::MaybeTerminal);
        assert_eq!(app.take_copy_request(), None, "taken once");
        assert!(app.message().unwrap().ends_with(line));
        assert_eq!(app.unsure_copies(), [line]);
        app.update(Action::NextEvent);
        assert_eq!(app.message(), None, "the note goes with the next key");
    }

    #[test]
    fn a_sure_clipboard_prints_nothing_and_a_closed_one_writes_nothing() {
        let mut sure = app().with_sharing(Sharing {
            file: None,
            clipboard: Clipboard::Terminal,
        });
        sure.update(Action::CopyMoment);
        assert!(sure.take_copy_request().is_some());
        assert!(sure.unsure_copies().is_empty());
        assert!(
            sure.message()
                .unwrap()
                .starts_with("Copied: 1' kick-off 0-0")
        );

        let mut closed = app().with_sharing(Sharing {
            file: None,
            clipboard: Clipboard::TmuxClosed,
        });
        closed.update(Action::CopyMoment);
        closed.update(Action::CopyMoment);
        closed.update(Action::NextGoal);
        closed.update(Action::CopyMoment);
        assert_eq!(closed.take_copy_request(), None);
        assert_eq!(
            closed.unsure_copies().len(),
            2,
            "a line copied twice prints once"
        );
        assert!(closed.unsure_copies()[1].starts_with("17' Tchouaméni 0-1"));
        assert!(closed.message().unwrap().contains("set-clipboard on"));
    }

    #[test]
    fn help_and_spoilers_toggle() {
        let mut app = app();
        app.update(Action::OpenHelp);
        assert_eq!(app.mode(), Mode::Help);
        app.update(Action::CloseHelp);
        assert_eq!(app.mode(), Mode::Normal);
        app.update(Action::ToggleSpoilers);
        assert!(app.spoilers_shown());
        assert!(app.reveals(app.replay().full_time()));
        app.update(Action::Quit);
        assert!(!app.is_running());
    }
}
