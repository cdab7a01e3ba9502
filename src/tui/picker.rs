//! The match list (`touchline DIR`): every match under a folder, filtered
//! by typed words, opened in the viewer with Enter; Esc in the viewer comes
//! back to the list, which remembers where in each match the fan was.
//!
//! Like [`App`], [`Picker`] does no I/O: opening a match and finding a
//! result the list does not know are requests that the event loop, which
//! may read files, carries out and answers ([`Picker::take_open_request`]
//! and [`Picker::opened`], [`Picker::wanted_results`] and
//! [`Picker::set_result`]). Rendering lives in [`view`].

pub mod view;

use std::collections::HashMap;

use crossterm::event::Event;

use super::action::Action;
use super::app::{App, AppOptions, Sharing};
use super::clipboard::Clipboard;
use super::keymap::{Keymap, Mode};
use super::theme::{ColorMode, Palette, Theme};
use crate::import::Loaded;
use crate::library::{Catalog, Entry, Origin};
use crate::model::FinalResult;
use crate::replay::{Phase, Replay};

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
    /// Rows that pass the filter, in list order.
    shown: Vec<usize>,
    /// Index into `shown`.
    selected: usize,
    /// First of `shown` on screen.
    offset: usize,
    /// Rows the screen has room for, once known.
    page: Option<usize>,
    spoilers: bool,
    mode: Mode,
    theme: Theme,
    options: AppOptions,
    results: Vec<Known>,
    visits: HashMap<usize, Visit>,
    viewer: Option<(usize, App)>,
    open_request: Option<usize>,
    message: Option<String>,
    running: bool,
    suspend_requested: bool,
    keymap: Keymap,
    palette: Palette,
    clipboard: Clipboard,
    /// Lines copied in matches since closed, where the clipboard may not
    /// have got them.
    unsure_copies: Vec<String>,
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
            selected: 0,
            offset: 0,
            page: None,
            spoilers: options.spoilers,
            mode: Mode::Library,
            theme: Theme::plain(options.colors, &Palette::default()),
            options: AppOptions {
                start_step: None,
                ..options
            },
            results,
            visits: HashMap::new(),
            viewer: None,
            open_request: None,
            message: None,
            running: true,
            suspend_requested: false,
            keymap: Keymap::default(),
            palette: Palette::default(),
            clipboard: Clipboard::MaybeTerminal,
            unsure_copies: Vec::new(),
            catalog,
        };
        picker.refilter();
        picker
    }

    /// The same list with these key bindings (from a config file), for
    /// itself and the matches it opens.
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    /// The same list with these colours (from a config file).
    pub fn with_palette(mut self, palette: &Palette) -> Self {
        self.theme = Theme::plain(self.options.colors, palette);
        self.palette = palette.clone();
        self
    }

    /// The same list reaching the clipboard this way when a match it opens
    /// copies a moment (`y`).
    pub fn with_clipboard(mut self, clipboard: Clipboard) -> Self {
        self.clipboard = clipboard;
        self
    }

    /// The same list opening with `notice` in the footer, such as a
    /// config file's mistake; it goes with the first key.
    pub fn with_notice(mut self, notice: String) -> Self {
        self.message = Some(notice);
        self
    }

    /// Lines copied this session where the clipboard may not have got
    /// them, to print on the way out.
    pub fn unsure_copies(&self) -> Vec<String> {
        let mut lines = self.unsure_copies.clone();
        if let Some((_, app)) = &self.viewer {
            lines.extend(app.unsure_copies().iter().cloned());
        }
        lines
    }

    /// The key bindings in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Which bindings are in force: the open viewer's, or the list's.
    pub fn mode(&self) -> Mode {
        match &self.viewer {
            Some((_, app)) => app.mode(),
            None => self.mode,
        }
    }

    /// Applies a terminal event; returns whether to redraw. With a match
    /// open, everything goes to its viewer but the Back that would leave
    /// it (with no search or filter left to clear), which comes back here.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        if let Some((_, app)) = &mut self.viewer {
            if let Event::Key(key) = event
                && app.keymap().action_for(app.mode(), *key) == Some(Action::Back)
                && app.back_leaves_the_match()
            {
                self.update(Action::Back);
                return true;
            }
            let redraw = super::handle_event(app, event);
            if !app.is_running() {
                self.running = false;
            }
            return redraw;
        }
        match event {
            Event::Key(key) => match self.keymap.action_for(self.mode, *key) {
                Some(action) => {
                    self.update(action);
                    true
                }
                None => false,
            },
            Event::Resize(..) => true,
            _ => false,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if let Some((index, app)) = &mut self.viewer {
            if action == Action::Back && app.back_leaves_the_match() {
                let index = *index;
                self.close(index);
            } else {
                app.update(action);
                if !app.is_running() {
                    self.running = false;
                }
            }
            return;
        }
        self.message = None;
        match action {
            Action::ListDown => self.select(self.selected.saturating_add(1)),
            Action::ListUp => self.select(self.selected.saturating_sub(1)),
            Action::ListPageDown => self.select(self.selected.saturating_add(self.page_rows())),
            Action::ListPageUp => self.select(self.selected.saturating_sub(self.page_rows())),
            Action::ListFirst => self.select(0),
            Action::ListLast => self.select(usize::MAX),
            Action::ListOpen => {
                // Typing ends with the choice; the filter stays for the
                // way back.
                self.mode = Mode::Library;
                self.request_open();
            }
            Action::ListFilter => self.mode = Mode::LibraryFilter,
            Action::ListFilterType(c) if self.filter.chars().count() < FILTER_MAX => {
                self.filter.push(c);
                self.refilter();
            }
            Action::ListFilterBackspace => {
                self.filter.pop();
                self.refilter();
            }
            Action::ListFilterDone => self.mode = Mode::Library,
            Action::ListFilterClear => {
                if self.filter.is_empty() {
                    self.message = Some("No filter to clear. / starts one; q quits.".to_owned());
                } else {
                    self.filter.clear();
                    self.refilter();
                }
            }
            Action::ToggleSpoilers => self.spoilers = !self.spoilers,
            Action::OpenHelp => self.mode = Mode::Help,
            Action::CloseHelp => self.mode = Mode::Library,
            Action::Suspend => self.suspend_requested = true,
            Action::Quit => self.running = false,
            _ => {}
        }
    }

    fn page_rows(&self) -> usize {
        self.page.unwrap_or(10).max(1)
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
    /// ignored),
    /// and the highlight on the same row when it is still listed.
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

    fn request_open(&mut self) {
        match self.shown.get(self.selected).map(|&r| self.rows[r]) {
            Some(Row::Match(index)) => self.open_request = Some(index),
            Some(Row::Unreadable(index)) => {
                let reason = &self.catalog.unreadable[index].reason;
                self.message = Some(format!("That file cannot be opened: {reason}"));
            }
            None => {
                self.message =
                    Some("No match fits the filter. Esc, then Esc again, clears it.".to_owned());
            }
        }
    }

    /// The match the fan asked to open, once; the event loop loads it and
    /// answers with [`Picker::opened`].
    pub fn take_open_request(&mut self) -> Option<(usize, Origin)> {
        let index = self.open_request.take()?;
        Some((index, self.catalog.entries[index].origin.clone()))
    }

    /// The answer to an open request: the viewer opens on the match, where
    /// the fan left it if they have been in it before; a match that does
    /// not load stays in the list with the reason.
    pub fn opened(&mut self, index: usize, loaded: Result<Loaded, String>) {
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
                let app = App::new(replay, options)
                    .with_keymap(self.keymap.clone())
                    .with_palette(&self.palette)
                    .with_sharing(Sharing {
                        file,
                        clipboard: self.clipboard,
                    });
                self.viewer = Some((index, app));
            }
            Err(reason) => {
                self.message = Some(format!("Could not open it: {reason}"));
                self.results[index] = Known::Failed(reason);
            }
        }
    }

    /// Back from the viewer: remember the step and the spoiler setting.
    fn close(&mut self, index: usize) {
        if let Some((_, app)) = self.viewer.take() {
            let state = app.state();
            let label = match (state.phase(), state.clock()) {
                (Phase::FullTime, _) => "FT".to_owned(),
                (Phase::PreMatch, _) => "KO".to_owned(),
                (Phase::Break(_), _) => state.phase().label().to_owned(),
                (_, Some(clock)) => clock.display().to_string(),
                (phase, None) => phase.label().to_owned(),
            };
            self.visits.insert(
                index,
                Visit {
                    step: app.step(),
                    label,
                },
            );
            self.spoilers = app.spoilers_shown();
            self.unsure_copies
                .extend(app.unsure_copies().iter().cloned());
        }
    }

    /// Matches on screen whose result the list does not know, while
    /// results are shown; each is asked for once (marked pending), and
    /// the event loop answers with [`Picker::set_result`].
    pub fn wanted_results(&mut self) -> Vec<(usize, Origin)> {
        if !self.spoilers || self.viewer.is_some() {
            return Vec::new();
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
        wanted
    }

    /// A result found for a match (or why it could not be).
    pub fn set_result(&mut self, index: usize, result: Result<FinalResult, String>) {
        if let Some(known) = self.results.get_mut(index) {
            *known = match result {
                Ok(result) => Known::Result(result),
                Err(reason) => Known::Failed(reason),
            };
        }
    }

    /// Tells the list the screen's size, so that paging moves by what is
    /// on screen; the event loop calls it before every frame.
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        if let Some((_, app)) = &mut self.viewer {
            app.set_viewport(width, height);
        }
        let page = view::list_rows(ratatui::layout::Rect::new(0, 0, width, height));
        if self.page != Some(page) {
            self.page = Some(page);
            self.scroll_to_selection();
        }
    }

    /// The open viewer, if a match is open.
    pub fn viewer(&self) -> Option<&App> {
        self.viewer.as_ref().map(|(_, app)| app)
    }

    /// The open viewer, to drive its autoplay.
    pub fn viewer_mut(&mut self) -> Option<&mut App> {
        self.viewer.as_mut().map(|(_, app)| app)
    }

    /// Whether the fan asked to suspend (Ctrl-Z) since the last call.
    pub fn take_suspend_request(&mut self) -> bool {
        let viewer = self
            .viewer
            .as_mut()
            .is_some_and(|(_, app)| app.take_suspend_request());
        std::mem::take(&mut self.suspend_requested) || viewer
    }

    /// Whether the list should keep running.
    pub fn is_running(&self) -> bool {
        self.running
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

    /// A one-off note for the footer.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The list's styles.
    pub fn theme(&self) -> &Theme {
        &self.theme
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

/// Text as the filter compares it: lower case, accents dropped, so that
/// "alaves" finds "Alavés" and "KOLN" finds "Köln".
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}
