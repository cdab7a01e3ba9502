//! The match library: every match file and StatsBomb events file under a
//! folder, described by what a list of matches needs (date, competition,
//! teams, and the result when the file states it) without loading any of
//! them. A folder of thousands of matches opens in a fraction of a second
//! because each file is read only as far as its description goes:
//!
//! - a match file up to the end of its `match` object (the events, which
//!   come after it in every file touchline writes, are never read; a file
//!   that puts them first is skipped through without building anything);
//! - a StatsBomb events file up to its two "Starting XI" events, which
//!   name the teams in the order the importer makes them home and away;
//! - an openfootball tournament file whole (a few dozen KB): it is listed
//!   as its matches, each opening on its own.
//!
//! StatsBomb events carry no date or competition. In the open-data layout
//! (`data/matches/COMP/SEASON.json` beside `data/events/ID.json`) the
//! season's match list has them, with the result, and is read whole (it is
//! small); without it they are unknown and the list says so.
//!
//! A file that cannot be described is kept with the reason, never a panic;
//! lineups files and match lists are recognised and not listed.
//!
//! [`memory`] keeps, per match, where the fan left it and their marks.

mod header;
pub mod memory;
mod open_data;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::import::{self, LoadOptions};
use crate::model::FinalResult;

pub use header::{DescribeError, Described, describe_file};
pub use open_data::MatchListEntry;

/// Where a listed match comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The match compiled into the binary.
    Bundled,
    /// A file in the folder.
    File(PathBuf),
    /// One match of an openfootball tournament file in the folder: its
    /// index in kick-off order.
    Fixture {
        /// The tournament file.
        path: PathBuf,
        /// The match's index in the tournament, in kick-off order.
        index: usize,
    },
}

impl Origin {
    /// The file it comes from, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::Bundled => None,
            Origin::File(path) | Origin::Fixture { path, .. } => Some(path),
        }
    }
}

/// The format of a listed file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// touchline's own match file (format 1).
    MatchFile,
    /// A StatsBomb events file.
    StatsBomb,
    /// A match of an openfootball tournament file.
    OpenFootball,
}

/// One match as the list shows it. Every text is sanitised.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where to load it from.
    pub origin: Origin,
    /// Its format.
    pub format: Format,
    /// The day it was played, when known.
    pub date: Option<NaiveDate>,
    /// Competition and stage ("FIFA World Cup 2022 · Quarter-final"), when
    /// known.
    pub competition: Option<String>,
    /// The home side, as the viewer names it.
    pub home: String,
    /// The away side.
    pub away: String,
    /// The final result when the file (or its match list) states it; else
    /// it is known only by loading the match.
    pub result: Option<FinalResult>,
}

impl Entry {
    /// The bundled England v France.
    pub fn bundled() -> Self {
        let info = import::bundled().game.info;
        Self {
            origin: Origin::Bundled,
            format: Format::MatchFile,
            date: info.kickoff.map(|k| k.date_naive()),
            competition: competition_label(info.competition.as_deref(), info.stage.as_deref()),
            home: info.home.name,
            away: info.away.name,
            result: info.result,
        }
    }

    /// "England v France".
    pub fn title(&self) -> String {
        format!("{} v {}", self.home, self.away)
    }

    /// The path relative to `root`, or "bundled match".
    pub fn location(&self, root: &Path) -> String {
        match &self.origin {
            Origin::Bundled => format!("bundled match ({})", import::BUNDLED_NAME),
            Origin::File(path) => display_relative(path, root),
            Origin::Fixture { path, index } => {
                format!("{} (match {})", display_relative(path, root), index + 1)
            }
        }
    }
}

/// A file that looked like a match but could not be described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The file.
    pub path: PathBuf,
    /// Why; it displays as a sentence that names what was expected.
    pub reason: DescribeError,
}

/// Everything found under a folder.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The folder scanned.
    pub root: PathBuf,
    /// The matches, newest first; the bundled match among them.
    pub entries: Vec<Entry>,
    /// Files that could not be described, by path.
    pub unreadable: Vec<Unreadable>,
    /// StatsBomb lineups files and match lists seen (used, not listed).
    pub companions: usize,
    /// JSON files passed over because they are neither (counted, so the
    /// list can say how many).
    pub ignored: usize,
}

/// Folders deeper than this are not entered (a guard against pathological
/// trees; real collections are a few levels deep).
const MAX_DEPTH: usize = 32;

/// Scans `root` recursively. Only `.json` files are read; hidden files and
/// folders are skipped, and symbolic links to folders are not followed (so
/// a link loop cannot trap the scan). Fails only when `root` itself cannot
/// be read.
pub fn scan(root: &Path, options: LoadOptions) -> std::io::Result<Catalog> {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    std::fs::read_dir(root)?;
    walk(root, 0, &mut files, &mut unreadable);
    files.sort();

    let mut catalog = Catalog {
        root: root.to_path_buf(),
        ..Catalog::default()
    };
    let mut match_lists = Vec::new();
    let mut described = Vec::new();
    for (path, outcome) in files.iter().zip(describe_all(&files, options)) {
        let path = path.clone();
        match outcome {
            Ok(Described::Match(entry)) => described.push(entry),
            Ok(Described::Tournament(entries)) => described.extend(entries),
            Ok(Described::MatchList(list)) => {
                catalog.companions += 1;
                match_lists.push(list);
            }
            Ok(Described::Lineups) => catalog.companions += 1,
            Ok(Described::Other) => catalog.ignored += 1,
            Err(reason) => {
                tracing::debug!("{}: not listed: {reason}", path.display());
                unreadable.push(Unreadable { path, reason });
            }
        }
    }
    let by_id: HashMap<u64, &MatchListEntry> = match_lists
        .iter()
        .flatten()
        .map(|entry| (entry.match_id, entry))
        .collect();
    for entry in &mut described {
        if entry.format == Format::StatsBomb
            && let Some(meta) = statsbomb_id(entry).and_then(|id| by_id.get(&id))
        {
            meta.fill(entry);
        }
    }
    described.push(Entry::bundled());
    sort_newest_first(&mut described);
    catalog.entries = described;
    unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    catalog.unreadable = unreadable;
    Ok(catalog)
}

/// Threads reading files at once. Reading the start of thousands of files
/// waits on the disk far more than it computes; with several reads in
/// flight a cold folder (nothing in the page cache) opens several times
/// faster, and a warm one uses every core.
const READERS: usize = 8;

/// [`describe_file`] for every file, in order, on [`READERS`] threads.
fn describe_all(files: &[PathBuf], options: LoadOptions) -> Vec<Result<Described, DescribeError>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Result<Described, DescribeError>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..READERS.min(files.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else {
                            return mine;
                        };
                        mine.push((i, describe_file(path, options)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                // A panic in a reader is a bug; pass it on.
                w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    });
    // Every index was taken by exactly one reader.
    let mut results: Vec<(usize, Result<Described, DescribeError>)> =
        done.into_iter().flatten().collect();
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Newest first; undated matches after the dated ones, by competition and
/// teams; ties keep a stable order by where they come from.
fn sort_newest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.competition.cmp(&b.competition))
            .then_with(|| a.home.cmp(&b.home))
            .then_with(|| a.away.cmp(&b.away))
            .then_with(|| origin_key(&a.origin).cmp(&origin_key(&b.origin)))
    });
}

fn origin_key(origin: &Origin) -> (Option<&Path>, usize) {
    match origin {
        Origin::Bundled => (None, 0),
        Origin::File(path) => (Some(path), 0),
        Origin::Fixture { path, index } => (Some(path), *index),
    }
}

/// The match id a StatsBomb file's name carries: `3788741.json` in the
/// open data, `3788741_turkey_italy_events.json` in other collections.
fn statsbomb_id(entry: &Entry) -> Option<u64> {
    let Origin::File(path) = &entry.origin else {
        return None;
    };
    let name = path.file_stem()?.to_str()?;
    let digits: &str = &name[..name
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(name.len())];
    digits.parse().ok()
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, unreadable: &mut Vec<Unreadable>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            unreadable.push(Unreadable {
                path: dir.to_path_buf(),
                reason: DescribeError::Folder {
                    kind: e.kind(),
                    detail: e.to_string(),
                },
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH {
                walk(&path, depth + 1, files, unreadable);
            }
        } else if is_json(&path) && (kind.is_file() || path.is_file()) {
            files.push(path);
        }
    }
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// "FIFA World Cup 2022 · Quarter-final", from whichever parts are known.
fn competition_label(competition: Option<&str>, stage: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = [competition, stage]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| crate::text::sanitize_line(&parts.join(" · ")).into_owned())
}

/// `path` relative to `root` when it lies inside, for display.
pub fn display_relative(path: &Path, root: &Path) -> String {
    let shown = path.strip_prefix(root).unwrap_or(path);
    crate::text::sanitize_line(&shown.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_leading_digits_of_the_name() {
        let entry = |name: &str| Entry {
            origin: Origin::File(PathBuf::from("data/events").join(name)),
            ..Entry::bundled()
        };
        assert_eq!(statsbomb_id(&entry("3788741.json")), Some(3_788_741));
        assert_eq!(
            statsbomb_id(&entry("15946_barcelona_alaves_events.json")),
            Some(15946)
        );
        assert_eq!(statsbomb_id(&entry("final.json")), None);
        assert_eq!(statsbomb_id(&Entry::bundled()), None);
    }

    #[test]
    fn competition_labels_join_the_known_parts() {
        assert_eq!(
            competition_label(Some("La Liga"), Some("")).as_deref(),
            Some("La Liga")
        );
        assert_eq!(
            competition_label(Some("Cup"), Some("Final")).as_deref(),
            Some("Cup · Final")
        );
        assert_eq!(competition_label(None, None), None);
    }

    #[test]
    fn undated_matches_sort_after_dated_ones() {
        let dated = Entry::bundled();
        let undated = Entry {
            date: None,
            origin: Origin::File("a.json".into()),
            ..Entry::bundled()
        };
        let older = Entry {
            date: NaiveDate::from_ymd_opt(1999, 1, 1),
            origin: Origin::File("b.json".into()),
            ..Entry::bundled()
        };
        let mut entries = vec![undated.clone(), older.clone(), dated.clone()];
        sort_newest_first(&mut entries);
        assert_eq!(entries, [dated, older, undated]);
    }
}
