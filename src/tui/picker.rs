//! The match list (`touchline DIR`): every match under a folder, filtered
//! by typed words, opened in the viewer with Enter; Esc in the viewer comes
//! back to the list, which remembers where in each match the fan was.
//!
//! [`Picker`] is a screen like the viewer: its own actions
//! ([`ListAction`]), its own help, and the global actions handled by the
//! one global handler. While a match is open, the viewer ([`App`]) is the
//! screen on top and takes every input; when it asks to leave the match
//! ([`Effect::Leave`]), the list takes the fan back.
//!
//! Like [`App`], [`Picker`] does no I/O: opening a match and finding a
//! result the list does not know are effects ([`Effect::Open`],
//! [`Effect::FetchResults`]) that the event loop, which may read files,
//! carries out and answers ([`Picker::opened`], [`Picker::set_result`]).
//! Rendering lives in [`view`].

pub mod view;

use std::collections::HashMap;

use crossterm::event::Event;

use super::action::{Action, ListAction};
use super::app::{App, AppOptions};
use super::clipboard::Clipboard;
use super::effect::{Effect, Effects, Handled};
use super::global;
use super::help::Help;
use super::keymap::{Keymap, Section};
use super::look::{Look, Setup};
use super::notice::Notice;
use super::theme::{ColorMode, Theme};
use super::viewport::Scroll;
use crate::import::{LoadError, Loaded};
use crate::library::{Catalog, Entry};
use crate::model::FinalResult;
use crate::replay::{Phase, Replay};
use crate::text::fold;

/// One line of the list: a match, or a file that could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// `catalog.entries[i]`.
    Match(usize),
    /// `catalog.unreadable[i]`.
    Unreadable(usize),
}

/// What the list knows of a match's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Known {
    /// Not known yet; found by loading the match once the fan asks to see
    /// results.
    Unknown,
    /// Being found.
    Pending,
    /// The final result.
    Result(FinalResult),
    /// The match did not load, for this reason.
    Failed(String),
}

/// Where the fan left a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    /// The step they were on.
    pub step: usize,
    /// The clock there, as the list shows it ("54'", "HT", "FT").
    pub label: String,
}

/// The list's layout facts on the last frame (see
/// [`view::measure`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListViewport {
    /// Rows of matches on screen: a page.
    pub rows: usize,
    /// The help screen's scrolling.
    pub help: Scroll,
}

/// The longest filter accepted.
const FILTER_MAX: usize = 64;

/// The match list and, while one is open, the viewer on it.
#[derive(Debug)]
pub struct Picker {
    catalog: Catalog,
    rows: Vec<Row>,
    /// Lower-cased text each row is searched in.
    haystacks: Vec<String>,
    filter: String,
    /// Whether the fan is typing the filter.
    typing: bool,
    /// Rows that pass the filter, in list order.
    shown: Vec<usize>,
    /// Index into `shown`.
    selected: usize,
    /// First of `shown` on screen.
    offset: usize,
    /// The last frame's layout facts, once known.
    viewport: Option<ListViewport>,
    spoilers: bool,
    notice: Option<Notice>,
    look: Look,
    /// How the matches it opens start (their step aside).
    options: AppOptions,
    /// How the matches it opens reach the clipboard.
    clipboard: Clipboard,
    results: Vec<Known>,
    visits: HashMap<usize, Visit>,
    help: Option<Help>,
    viewer: Option<(usize, App)>,
}

impl Picker {
    /// A list of `catalog`'s matches; `options` are how each match opens
    /// (speed, colours) and whether spoilers start shown.
    pub fn new(catalog: Catalog, options: AppOptions) -> Self {
        let rows: Vec<Row> = (0..catalog.entries.len())
            .map(Row::Match)
            .chain((0..catalog.unreadable.len()).map(Row::Unreadable))
            .collect();
        let haystacks = rows
            .iter()
            .map(|row| match *row {
                Row::Match(i) => haystack(&catalog.entries[i], &catalog),
                Row::Unreadable(i) => fold(&crate::library::display_relative(
                    &catalog.unreadable[i].path,
                    &catalog.root,
                )),
            })
            .collect();
        let results = catalog
            .entries
            .iter()
            .map(|e| e.result.map_or(Known::Unknown, Known::Result))
            .collect();
        let mut picker = Self {
            shown: (0..rows.len()).collect(),
            rows,
            haystacks,
            filter: String::new(),
            typing: false,
            selected: 0,
            offset: 0,
            viewport: None,
            spoilers: options.spoilers,
            notice: None,
            look: Look::plain(options.colors),
            options: AppOptions {
                start_step: None,
                ..options
            },
            clipboard: Setup::default().clipboard,
            results,
            visits: HashMap::new(),
            help: None,
            viewer: None,
            catalog,
        };
        picker.refilter();
        picker
    }

    /// The same list with the fan's keys, colours and clipboard, for
    /// itself and the matches it opens.
    pub fn with_setup(mut self, setup: &Setup) -> Self {
        self.look.set_up(setup, None);
        self.clipboard = setup.clipboard;
        self
    }

    /// The same list opening with `notice` in the footer, such as a
    /// config file's mistake; it goes with the first key.
    pub fn with_notice(mut self, notice: Notice) -> Self {
        self.notice = Some(notice);
        self
    }

    /// The key bindings in force.
    pub fn keymap(&self) -> &Keymap {
        &self.look.keymap
    }

    /// Which keys are in force: the open viewer's, the help's, or the
    /// list's (typing or not).
    pub fn section(&self) -> Section {
        match (&self.viewer, self.help, self.typing) {
            (Some((_, app)), ..) => app.section(),
            (None, Some(_), _) => Section::Help,
            (None, None, true) => Section::LibraryFilter,
            (None, None, false) => Section::Library,
        }
    }

    /// Applies a terminal event: with a match open, everything goes to its
    /// viewer. Returns what it did (see [`Picker::handle`]).
    pub fn handle_event(&mut self, event: &Event) -> Handled {
        if let Some((_, app)) = &mut self.viewer {
            let handled = super::handle_event(app, event);
            return self.after_viewer(handled);
        }
        match event {
            Event::Key(key) => match self.look.keymap.action_for(self.section(), *key) {
                Some(action) => self.handle(action),
                None => Handled::NotConsumed,
            },
            Event::Resize(..) => Handled::done(),
            _ => Handled::NotConsumed,
        }
    }

    /// Applies one action and returns what it asks of the world (see
    /// [`Picker::handle`]).
    pub fn update(&mut self, action: impl Into<Action>) -> Effects {
        self.handle(action.into()).effects()
    }

    /// Applies one action: the open viewer takes everything; otherwise the
    /// help takes its own while open, the list its own, and what they do
    /// not take bubbles to the global handler. Results the list then shows
    /// without knowing them are asked for.
    pub fn handle(&mut self, action: Action) -> Handled {
        if let Some((_, app)) = &mut self.viewer {
            let handled = app.handle(action);
            return self.after_viewer(handled);
        }
        self.notice = None;
        let help = self.viewport.map_or(Scroll::UNKNOWN, |v| v.help);
        let on_top = match action {
            Action::Help(action) => Help::update(&mut self.help, action, help),
            Action::List(action) if self.help.is_none() => self.apply(action).into(),
            _ => Handled::NotConsumed,
        };
        match on_top.or_else(|| match action {
            Action::Global(action) => global::handle(action, &mut self.help).into(),
            _ => Handled::NotConsumed,
        }) {
            Handled::Consumed(effects) => Handled::Consumed(effects.and(self.results_to_fetch())),
            Handled::NotConsumed => Handled::NotConsumed,
        }
    }

    /// What the open viewer did: leaving the match brings the list back.
    fn after_viewer(&mut self, handled: Handled) -> Handled {
        let Handled::Consumed(mut effects) = handled else {
            return handled;
        };
        if !effects.extract(|e| *e == Effect::Leave).is_empty() {
            self.close();
            effects = effects.and(self.results_to_fetch());
        }
        Handled::Consumed(effects)
    }

    /// Applies one of the list's own actions.
    fn apply(&mut self, action: ListAction) -> Effects {
        match action {
            ListAction::Down => self.select(self.selected.saturating_add(1)),
            ListAction::Up => self.select(self.selected.saturating_sub(1)),
            ListAction::PageDown => self.select(self.selected.saturating_add(self.page_rows())),
            ListAction::PageUp => self.select(self.selected.saturating_sub(self.page_rows())),
            ListAction::First => self.select(0),
            ListAction::Last => self.select(usize::MAX),
            // Typing ends with the choice; the filter stays for the way
            // back.
            ListAction::Open => {
                self.typing = false;
                return self.open_selected();
            }
            ListAction::Filter => self.typing = true,
            ListAction::FilterType(c) => {
                if self.filter.chars().count() < FILTER_MAX {
                    self.filter.push(c);
                    self.refilter();
                }
            }
            ListAction::FilterBackspace => {
                self.filter.pop();
                self.refilter();
            }
            ListAction::FilterDone => self.typing = false,
            ListAction::FilterClear => self.clear_filter(),
            ListAction::ToggleSpoilers => self.spoilers = !self.spoilers,
        }
        Effects::none()
    }

    fn clear_filter(&mut self) {
        if self.filter.is_empty() {
            self.notice = Some(Notice::NoListFilter);
        } else {
            self.filter.clear();
            self.refilter();
        }
    }

    fn page_rows(&self) -> usize {
        self.viewport.map_or(10, |v| v.rows).max(1)
    }

    /// Moves the highlight to `index` of the shown rows (clamped), keeping
    /// it on screen.
    fn select(&mut self, index: usize) {
        self.selected = index.min(self.shown.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    fn scroll_to_selection(&mut self) {
        let page = self.page_rows();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(self.shown.len().saturating_sub(page));
    }

    /// Keeps the rows whose text holds every typed word (case and accents
    /// ignored), and the highlight on the same row when it is still
    /// listed.
    fn refilter(&mut self) {
        let current = self.shown.get(self.selected).copied();
        let words: Vec<String> = self.filter.split_whitespace().map(fold).collect();
        self.shown = (0..self.rows.len())
            .filter(|&i| words.iter().all(|w| self.haystacks[i].contains(w.as_str())))
            .collect();
        self.selected = current
            .and_then(|row| self.shown.iter().position(|&r| r == row))
            .unwrap_or(0);
        self.offset = 0;
        self.scroll_to_selection();
    }

    /// Asks for the highlighted match to be loaded, or says why it cannot
    /// be.
    fn open_selected(&mut self) -> Effects {
        match self.shown.get(self.selected).map(|&r| self.rows[r]) {
            Some(Row::Match(index)) => {
                let origin = self.catalog.entries[index].origin.clone();
                return Effects::one(Effect::Open { index, origin });
            }
            Some(Row::Unreadable(index)) => {
                let reason = self.catalog.unreadable[index].reason.to_string();
                self.notice = Some(Notice::CannotOpen { reason });
            }
            None => self.notice = Some(Notice::NothingFits),
        }
        Effects::none()
    }

    /// The answer to [`Effect::Open`]: the viewer opens on the match,
    /// where the fan left it if they have been in it before; a match that
    /// does not load stays in the list with the reason.
    pub fn opened(&mut self, index: usize, loaded: Result<Loaded, LoadError>) {
        match loaded {
            Ok(loaded) => {
                let replay = Replay::new(loaded.game);
                let result = final_result(&replay);
                self.results[index] = Known::Result(result);
                let options = AppOptions {
                    spoilers: self.spoilers,
                    start_step: self.visits.get(&index).map(|v| v.step),
                    ..self.options
                };
                let file = self.catalog.entries[index]
                    .origin
                    .path()
                    .map(|path| path.display().to_string());
                let setup = Setup {
                    keymap: self.look.keymap.clone(),
                    palette: self.look.palette.clone(),
                    clipboard: self.clipboard,
                };
                let app = App::new(replay, options).with_setup(&setup).with_file(file);
                self.viewer = Some((index, app));
            }
            Err(reason) => {
                let reason = reason.to_string();
                self.notice = Some(Notice::CouldNotOpen {
                    reason: reason.clone(),
                });
                self.results[index] = Known::Failed(reason);
            }
        }
    }

    /// Back from the viewer: remember the step and the spoiler setting.
    fn close(&mut self) {
        let Some((index, app)) = self.viewer.take() else {
            return;
        };
        let state = app.state();
        let label = match (state.phase(), state.clock()) {
            (Phase::FullTime, _) => "FT".to_owned(),
            (Phase::PreMatch, _) => "KO".to_owned(),
            (Phase::Break(_), _) => state.phase().code().to_owned(),
            (_, Some(clock)) => clock.display().to_string(),
            (phase, None) => phase.code().to_owned(),
        };
        self.visits.insert(
            index,
            Visit {
                step: app.step(),
                label,
            },
        );
        self.spoilers = app.spoilers_shown();
    }

    /// Matches on screen whose result the list does not know, while
    /// results are shown: each is asked for once (marked pending), and
    /// the event loop answers with [`Picker::set_result`].
    fn results_to_fetch(&mut self) -> Effects {
        if !self.spoilers || self.viewer.is_some() {
            return Effects::none();
        }
        let page = self.page_rows();
        let mut wanted = Vec::new();
        for &row in self.shown.iter().skip(self.offset).take(page) {
            if let Row::Match(index) = self.rows[row]
                && self.results[index] == Known::Unknown
            {
                self.results[index] = Known::Pending;
                wanted.push((index, self.catalog.entries[index].origin.clone()));
            }
        }
        if wanted.is_empty() {
            Effects::none()
        } else {
            Effects::one(Effect::FetchResults(wanted))
        }
    }

    /// A result found for a match (or why it could not be).
    pub fn set_result(&mut self, index: usize, result: Result<FinalResult, LoadError>) {
        if let Some(known) = self.results.get_mut(index) {
            *known = match result {
                Ok(result) => Known::Result(result),
                Err(reason) => Known::Failed(reason.to_string()),
            };
        }
    }

    /// Tells the list the layout facts of the frame just drawn (see
    /// [`view::measure`]), so that paging moves by what is on screen; the
    /// results of rows that came into view are asked for.
    pub fn set_viewport(&mut self, viewport: ListViewport) -> Effects {
        let rows_changed = self.viewport.map(|v| v.rows) != Some(viewport.rows);
        self.viewport = Some(viewport);
        if rows_changed {
            self.scroll_to_selection();
        }
        self.results_to_fetch()
    }

    /// The open viewer, if a match is open.
    pub fn viewer(&self) -> Option<&App> {
        self.viewer.as_ref().map(|(_, app)| app)
    }

    /// The open viewer, to drive its autoplay and tell it its layout.
    pub fn viewer_mut(&mut self) -> Option<&mut App> {
        self.viewer.as_mut().map(|(_, app)| app)
    }

    /// What was scanned.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Every row, in list order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Indices into [`Picker::rows`] of the rows that pass the filter.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// Index into [`Picker::shown`] of the highlighted row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The highlighted match's entry index, if a match is highlighted.
    pub fn selected_match(&self) -> Option<usize> {
        match self.rows[*self.shown.get(self.selected)?] {
            Row::Match(index) => Some(index),
            Row::Unreadable(_) => None,
        }
    }

    /// First of the shown rows on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The typed filter.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether the fan is typing the filter.
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// Whether results are shown.
    pub fn spoilers_shown(&self) -> bool {
        self.spoilers
    }

    /// What the list knows of match `index`'s result.
    pub fn result(&self, index: usize) -> &Known {
        &self.results[index]
    }

    /// Where the fan left match `index`, if they opened it.
    pub fn visit(&self, index: usize) -> Option<&Visit> {
        self.visits.get(&index)
    }

    /// Whether any match has been opened this session.
    pub fn visited(&self) -> bool {
        !self.visits.is_empty()
    }

    /// The footer's one-off notice.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The notice in words, with the keys in force.
    pub fn message(&self) -> Option<String> {
        self.notice.as_ref().map(|n| n.text(self.keymap()))
    }

    /// The open help screen, if any.
    pub fn help(&self) -> Option<&Help> {
        self.help.as_ref()
    }

    /// The list's styles.
    pub fn theme(&self) -> &Theme {
        &self.look.theme
    }

    /// The colour mode matches open in.
    pub fn colors(&self) -> ColorMode {
        self.options.colors
    }
}

/// The final result a loaded match comes to.
pub fn final_result(replay: &Replay) -> FinalResult {
    let end = replay.at(replay.full_time());
    let score = end.score();
    FinalResult {
        home: score.home,
        away: score.away,
        shootout: end.shootout(),
    }
}

/// What the filter searches for a match: date, competition, teams, file
/// and format; never the result.
fn haystack(entry: &Entry, catalog: &Catalog) -> String {
    let format = match entry.format {
        crate::library::Format::MatchFile => "match file",
        crate::library::Format::StatsBomb => "statsbomb",
        crate::library::Format::OpenFootball => "openfootball",
    };
    let date = entry.date.map(|d| d.to_string()).unwrap_or_default();
    fold(&format!(
        "{date} {} {} {} {} {format}",
        entry.competition.as_deref().unwrap_or(""),
        entry.home,
        entry.away,
        entry.location(&catalog.root),
    ))
}
