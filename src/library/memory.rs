//! What touchline remembers of each match a fan has watched: where they
//! left it, their marks, the view they were on and whether spoilers were
//! shown, so that reopening the match can offer to carry on.
//!
//! A match is known by the SHA-256 of its file's bytes ([`MatchKey`]), so
//! a renamed or moved file is still recognised and an edited one is a new
//! match. Positions are kept as [`Spot`]s: the step with the period and
//! clock of its moment, so that a later touchline that orders a file's
//! events differently still finds the same moment.
//!
//! Everything lives in one small JSON file, `memory.json`, in the user's
//! state directory ([`default_dir`]; `TOUCHLINE_STATE_DIR` names another,
//! and set but empty turns remembering off). It is bounded: at most
//! [`MAX_MATCHES`] matches (the least recently saved go first) with at
//! most [`MAX_MARKS`] marks each, and a file over [`MAX_FILE_BYTES`] is
//! not read. Each save reads the file afresh, changes one match and
//! writes the whole through a temporary file in the same directory,
//! flushed to disk and renamed over the old one, so a crash leaves the old
//! file or the new, never half of one, and two viewers saving different
//! matches keep both.
//!
//! Remembering is a courtesy: a file that cannot be read, is not JSON,
//! is too large or is not touchline's is ignored with a [`Problem`] (also
//! logged), never an error that stops the viewer. Such a file is moved
//! aside to `memory.json.bad` by the next save, rather than lost.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Clock, Match, Period};

/// The environment variable naming the directory of the memory file;
/// set but empty, nothing is remembered.
pub const ENV_VAR: &str = "TOUCHLINE_STATE_DIR";

/// The memory file's name in its directory.
pub const FILE_NAME: &str = "memory.json";

/// Where an unusable memory file is moved by the next save.
pub const SET_ASIDE_NAME: &str = "memory.json.bad";

/// The most matches remembered; the least recently saved go first.
pub const MAX_MATCHES: usize = 300;

/// The most marks remembered per match (the first ones, in match order).
pub const MAX_MARKS: usize = 100;

/// The longest view name kept, in characters.
pub const MAX_VIEW_NAME: usize = 32;

/// A memory file larger than this is not read: at the limits above the
/// file stays near a megabyte.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What the file says it is.
const FORMAT: &str = "touchline-memory";
const VERSION: u32 = 1;

/// A match's identity: the SHA-256 of its file's bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MatchKey([u8; 32]);

impl MatchKey {
    /// The key of a file's bytes (the bundled match's text, say).
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// The key of the file at `path`, read in pieces.
    pub fn of_file(path: &Path) -> io::Result<Self> {
        let mut file = File::open(path)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let read = match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            hasher.update(&buffer[..read]);
        }
        Ok(Self(hasher.finalize().into()))
    }

    /// The key in lower-case hexadecimal, as the file writes it.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A key written by [`MatchKey::to_hex`].
    pub fn from_hex(text: &str) -> Option<Self> {
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Self(key))
    }
}

impl fmt::Debug for MatchKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MatchKey({})", &self.to_hex()[..12])
    }
}

/// A moment of a match that survives a change in how events are
/// numbered: the step, with the period and clock of its event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    /// The step (0: before anything).
    pub step: usize,
    /// The period of the step's event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The clock of the step's event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
}

impl Spot {
    /// The moment at `step` of `game` (clamped to its last step).
    pub fn of(game: &Match, step: usize) -> Self {
        let step = step.min(game.events.len());
        let event = step.checked_sub(1).map(|i| &game.events[i]);
        Self {
            step,
            period: event.map(|e| e.period),
            clock: event.and_then(|e| e.clock),
        }
    }

    /// The step of `game` this spot names: its own when the event there
    /// still has its period and clock, else the last step at or before
    /// that period and clock; clamped to the match.
    pub fn resolve(&self, game: &Match) -> usize {
        let events = &game.events;
        if self.step == 0 {
            return 0;
        }
        let same = events
            .get(self.step - 1)
            .is_some_and(|e| Some(e.period) == self.period && e.clock == self.clock);
        match self.period {
            Some(period) if !same => {
                events.partition_point(|e| e.order_key() <= (period, self.clock))
            }
            _ => self.step.min(events.len()),
        }
    }
}

/// What is remembered of one match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// Where the fan left it.
    pub position: Spot,
    /// Their marks, in match order.
    #[serde(default)]
    pub marks: Vec<Spot>,
    /// The view they were on, by name ("Pitch"); the viewer decides what
    /// a name it does not know means.
    #[serde(default)]
    pub view: String,
    /// Whether what lay ahead was shown.
    #[serde(default)]
    pub spoilers: bool,
}

/// One match in the file, with when it was saved (seconds since 1970).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    remembered: Remembered,
    saved: u64,
}

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
struct File1 {
    format: String,
    version: u32,
    #[serde(default)]
    matches: BTreeMap<String, Entry>,
}

/// Why a memory file was ignored (or could not be written).
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// It could not be read.
    #[error("cannot read {path}: {error}; nothing is remembered from it")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        error: io::Error,
    },
    /// It is over [`MAX_FILE_BYTES`].
    #[error("{path} is {bytes} bytes, over the {MAX_FILE_BYTES} a memory file may have; ignored")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// It is not JSON, or not in the shape touchline writes.
    #[error("{path} is damaged ({reason}); ignored")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// It is JSON of another kind, or of a later touchline.
    #[error("{path} is not a memory file this touchline writes ({what}); ignored")]
    Foreign {
        /// The file.
        path: PathBuf,
        /// What it says it is.
        what: String,
    },
    /// The memory could not be written.
    #[error("cannot save to {path}: {error}")]
    Unwritable {
        /// The file.
        path: PathBuf,
        /// Why.
        error: io::Error,
    },
}

impl Problem {
    /// Whether the file is there but unusable, so that a save moves it
    /// aside.
    fn sets_aside(&self) -> bool {
        matches!(
            self,
            Problem::TooLarge { .. } | Problem::Corrupt { .. } | Problem::Foreign { .. }
        )
    }
}

/// The directory the memory lives in: `TOUCHLINE_STATE_DIR` when set
/// (`None` when set but empty: remember nothing), else touchline's state
/// directory (`~/.local/state/touchline` on Linux), or its local data
/// directory where the platform has no state directory.
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os(ENV_VAR) {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            let dirs = directories::ProjectDirs::from("", "", "touchline")?;
            Some(
                dirs.state_dir()
                    .unwrap_or_else(|| dirs.data_local_dir())
                    .to_owned(),
            )
        }
    }
}

/// The matches remembered, as read from a directory (or none).
#[derive(Debug, Default)]
pub struct Memory {
    dir: Option<PathBuf>,
    matches: BTreeMap<MatchKey, Entry>,
}

impl Memory {
    /// Reads the memory in `dir` (`None`: remember nothing). A missing file
    /// is an empty memory; an unusable one is too, with the problem
    /// (logged as a warning).
    pub fn open(dir: Option<PathBuf>) -> (Self, Option<Problem>) {
        let (matches, problem) = match &dir {
            Some(dir) => read(&dir.join(FILE_NAME)),
            None => (BTreeMap::new(), None),
        };
        if let Some(problem) = &problem {
            tracing::warn!("{problem}");
        }
        (Self { dir, matches }, problem)
    }

    /// The memory file, when there is a directory for it.
    pub fn path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(FILE_NAME))
    }

    /// What is remembered of the match `key`.
    pub fn recall(&self, key: &MatchKey) -> Option<&Remembered> {
        self.matches.get(key).map(|entry| &entry.remembered)
    }

    /// How many matches are remembered.
    pub fn len(&self) -> usize {
        self.matches.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }

    /// Remembers `remembered` for the match `key` as of `now`, and saves:
    /// the file is read afresh (another viewer may have saved since), this
    /// match changed, the oldest matches beyond [`MAX_MATCHES`] dropped,
    /// and the whole written atomically. Returns what went wrong, if
    /// anything (also logged); the memory in hand is updated either way.
    pub fn remember(
        &mut self,
        key: MatchKey,
        remembered: Remembered,
        now: SystemTime,
    ) -> Option<Problem> {
        let saved = now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        let entry = Entry {
            remembered: bounded(remembered),
            saved,
        };
        let Some(dir) = self.dir.clone() else {
            self.matches.insert(key, entry);
            prune(&mut self.matches);
            return None;
        };
        let path = dir.join(FILE_NAME);
        let (mut matches, problem) = read(&path);
        let mut warning = None;
        if let Some(problem) = problem {
            if problem.sets_aside() {
                let aside = dir.join(SET_ASIDE_NAME);
                tracing::warn!("{problem}; moving it to {}", aside.display());
                if let Err(error) = fs::rename(&path, &aside) {
                    let problem = Problem::Unwritable { path, error };
                    tracing::warn!("{problem}");
                    self.matches.insert(key, entry);
                    return Some(problem);
                }
            } else {
                // Unreadable now, though it may be written still; the
                // matches in hand stand in for it.
                tracing::warn!("{problem}");
                matches = self.matches.clone();
                warning = Some(problem);
            }
        }
        matches.insert(key, entry);
        prune(&mut matches);
        self.matches = matches;
        match write(&dir, &path, &self.matches) {
            Ok(()) => warning,
            Err(error) => {
                let problem = Problem::Unwritable { path, error };
                tracing::warn!("{problem}");
                Some(problem)
            }
        }
    }
}

/// `remembered` within the limits: so many marks, a view name so long.
fn bounded(mut remembered: Remembered) -> Remembered {
    remembered.marks.sort_by_key(|spot| spot.step);
    remembered.marks.dedup_by_key(|spot| spot.step);
    remembered.marks.truncate(MAX_MARKS);
    remembered.view = remembered.view.chars().take(MAX_VIEW_NAME).collect();
    remembered
}

/// Keeps the [`MAX_MATCHES`] most recently saved.
fn prune(matches: &mut BTreeMap<MatchKey, Entry>) {
    if matches.len() <= MAX_MATCHES {
        return;
    }
    let mut by_age: Vec<(u64, MatchKey)> = matches.iter().map(|(k, e)| (e.saved, *k)).collect();
    by_age.sort();
    let excess = matches.len() - MAX_MATCHES;
    for (_, key) in by_age.into_iter().take(excess) {
        matches.remove(&key);
    }
}

/// Reads the file at `path`: its matches, or none and why.
fn read(path: &Path) -> (BTreeMap<MatchKey, Entry>, Option<Problem>) {
    let empty = BTreeMap::new();
    let unreadable = |error| Problem::Unreadable {
        path: path.to_owned(),
        error,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (empty, None),
        Err(e) => return (empty, Some(unreadable(e))),
    };
    let mut bytes = Vec::new();
    // A file growing while it is read stops at the limit all the same.
    if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return (empty, Some(unreadable(e)));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let bytes = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        let problem = Problem::TooLarge {
            path: path.to_owned(),
            bytes,
        };
        return (empty, Some(problem));
    }
    match parse(&bytes) {
        Ok(matches) => (matches, None),
        Err(Unusable::Corrupt(reason)) => (
            empty,
            Some(Problem::Corrupt {
                path: path.to_owned(),
                reason,
            }),
        ),
        Err(Unusable::Foreign(what)) => (
            empty,
            Some(Problem::Foreign {
                path: path.to_owned(),
                what,
            }),
        ),
    }
}

enum Unusable {
    Corrupt(String),
    Foreign(String),
}

/// The matches of a memory file's bytes. Entries under keys that are not
/// keys are dropped; anything else amiss makes the whole unusable.
fn parse(bytes: &[u8]) -> Result<BTreeMap<MatchKey, Entry>, Unusable> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Unusable::Corrupt(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str());
    let version = value.get("version").and_then(|v| v.as_u64());
    match (format, version) {
        (Some(FORMAT), Some(v)) if v == u64::from(VERSION) => {}
        (Some(FORMAT), Some(v)) => return Err(Unusable::Foreign(format!("version {v}"))),
        (Some(FORMAT), None) => return Err(Unusable::Corrupt("no version".to_owned())),
        _ => return Err(Unusable::Foreign("no touchline-memory format".to_owned())),
    }
    let file: File1 =
        serde_json::from_value(value).map_err(|e| Unusable::Corrupt(e.to_string()))?;
    Ok(file
        .matches
        .into_iter()
        .filter_map(|(key, entry)| Some((MatchKey::from_hex(&key)?, entry)))
        .map(|(key, entry)| {
            let entry = Entry {
                remembered: bounded(entry.remembered),
                ..entry
            };
            (key, entry)
        })
        .collect())
}

/// Writes `matches` to `path` in `dir` atomically: a temporary file in
/// the same directory, flushed to disk, renamed over the old file, and
/// the directory flushed so that the rename itself lasts.
fn write(dir: &Path, path: &Path, matches: &BTreeMap<MatchKey, Entry>) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let file = File1 {
        format: FORMAT.to_owned(),
        version: VERSION,
        matches: matches
            .iter()
            .map(|(key, entry)| (key.to_hex(), entry.clone()))
            .collect(),
    };
    let text = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".memory-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temporary.write_all(&text)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    fn bundled() -> (MatchKey, Match) {
        (
            MatchKey::of_bytes(import::BUNDLED_MATCH.as_bytes()),
            import::bundled().game,
        )
    }

    fn left_at(game: &Match, step: usize) -> Remembered {
        Remembered {
            position: Spot::of(game, step),
            marks: vec![Spot::of(game, 2), Spot::of(game, 8)],
            view: "Pitch".to_owned(),
            spoilers: true,
        }
    }

    #[test]
    fn a_match_is_remembered_across_openings() {
        let dir = tempfile::tempdir().unwrap();
        let (key, game) = bundled();
        let (mut memory, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(problem.is_none() && memory.is_empty());
        let remembered = left_at(&game, 17);
        assert!(
            memory
                .remember(key, remembered.clone(), at(1_000))
                .is_none()
        );
        let (again, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(problem.is_none());
        assert_eq!(again.recall(&key), Some(&remembered));
        assert_eq!(
            remembered.position.clock.unwrap().display().to_string(),
            "84'"
        );
        assert_eq!(remembered.position.resolve(&game), 17);
        // Nothing but the memory file is left in the directory.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE_NAME]);
    }

    #[test]
    fn a_renamed_file_is_the_same_match_and_an_edited_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("match.json");
        fs::write(&first, import::BUNDLED_MATCH).unwrap();
        let key = MatchKey::of_file(&first).unwrap();
        let moved = dir.path().join("renamed.json");
        fs::rename(&first, &moved).unwrap();
        assert_eq!(MatchKey::of_file(&moved).unwrap(), key);
        assert_eq!(key, MatchKey::of_bytes(import::BUNDLED_MATCH.as_bytes()));
        fs::write(&moved, format!("{} ", import::BUNDLED_MATCH)).unwrap();
        assert_ne!(MatchKey::of_file(&moved).unwrap(), key);
        assert_eq!(MatchKey::from_hex(&key.to_hex()), Some(key));
        assert_eq!(MatchKey::from_hex("abc"), None);
        assert_eq!(
            MatchKey::of_bytes(b"").to_hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn a_spot_finds_its_moment_when_the_steps_move() {
        let (_, game) = bundled();
        let spot = Spot::of(&game, 8);
        let mut shifted = game.clone();
        shifted.events.insert(0, shifted.events[0].clone());
        assert_eq!(spot.resolve(&shifted), 9, "found by period and clock");
        assert_eq!(spot.resolve(&game), 8);
        let mut shorter = game.clone();
        shorter.events.truncate(5);
        assert_eq!(spot.resolve(&shorter), 5);
        assert_eq!(Spot::of(&game, 0).resolve(&game), 0);
        assert_eq!(Spot::of(&game, 999).step, game.events.len());
    }

    #[test]
    fn damaged_foreign_and_oversized_files_are_ignored_then_set_aside() {
        let cases: [(&[u8], &str); 5] = [
            (
                b"{\"format\": \"touchline-memory\", \"version\": 1, \"matches\": [",
                "damaged",
            ),
            (b"\xff\xfe not json", "damaged"),
            (b"{\"something\": \"else\"}", "not a memory file"),
            (
                b"{\"format\": \"touchline-memory\", \"version\": 9}",
                "version 9",
            ),
            (
                b"{\"format\": \"touchline-memory\", \"version\": 1, \"matches\": {\"k\": 5}}",
                "damaged",
            ),
        ];
        let (key, game) = bundled();
        for (bytes, expected) in cases {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(FILE_NAME);
            fs::write(&path, bytes).unwrap();
            let (mut memory, problem) = Memory::open(Some(dir.path().to_owned()));
            let message = problem.expect("a problem").to_string();
            assert!(message.contains(expected), "{message}");
            assert!(memory.is_empty());
            assert!(memory.remember(key, left_at(&game, 3), at(5)).is_none());
            assert_eq!(fs::read(dir.path().join(SET_ASIDE_NAME)).unwrap(), bytes);
            let (again, problem) = Memory::open(Some(dir.path().to_owned()));
            assert!(problem.is_none());
            assert_eq!(again.len(), 1);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, vec![b' '; MAX_FILE_BYTES as usize + 1]).unwrap();
        let (_, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(matches!(problem, Some(Problem::TooLarge { .. })));
    }

    #[test]
    fn entries_under_keys_that_are_not_keys_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let (key, game) = bundled();
        let (mut memory, _) = Memory::open(Some(dir.path().to_owned()));
        memory.remember(key, left_at(&game, 3), at(5));
        let path = dir.path().join(FILE_NAME);
        let text = fs::read_to_string(&path).unwrap();
        let edited = text.replace(&key.to_hex(), "not-a-key");
        fs::write(&path, edited).unwrap();
        let (memory, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(problem.is_none());
        assert!(memory.is_empty());
    }

    #[test]
    fn an_unreadable_directory_is_a_problem_never_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be: it cannot be read as one,
        // nor replaced.
        fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
        let (key, game) = bundled();
        let (mut memory, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(
            matches!(problem, Some(Problem::Unreadable { .. })),
            "{problem:?}"
        );
        let problem = memory.remember(key, left_at(&game, 3), at(5));
        assert!(
            matches!(problem, Some(Problem::Unwritable { .. })),
            "{problem:?}"
        );
        assert!(memory.recall(&key).is_some(), "kept in hand");
    }

    #[test]
    fn the_memory_is_bounded_the_oldest_going_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let (_, game) = bundled();
        let remembered = left_at(&game, 3);
        let mut overgrown = remembered.clone();
        overgrown.marks = (0..500).map(|s| Spot::of(&game, s % 23)).collect();
        overgrown.view = "x".repeat(1_000);
        let key = |i: usize| MatchKey::of_bytes(&i.to_le_bytes());
        // A file over the limits, as another program might leave it.
        let crowded = (0..MAX_MATCHES + 20)
            .map(|i| {
                let entry = Entry {
                    remembered: if i == 7 { &overgrown } else { &remembered }.clone(),
                    saved: i as u64,
                };
                (key(i), entry)
            })
            .collect();
        write(dir.path(), &path, &crowded).unwrap();
        let (mut memory, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(problem.is_none());
        let bounded = memory.recall(&key(7)).unwrap();
        assert_eq!(bounded.marks.len(), 23, "one per step, in order");
        assert!(bounded.marks.windows(2).all(|w| w[0].step < w[1].step));
        assert_eq!(bounded.view.len(), MAX_VIEW_NAME);
        let newest = key(MAX_MATCHES + 20);
        memory.remember(newest, remembered, at(1_000_000));
        let (again, problem) = Memory::open(Some(dir.path().to_owned()));
        assert!(problem.is_none());
        assert_eq!(again.len(), MAX_MATCHES);
        assert!(again.recall(&newest).is_some());
        assert!(again.recall(&key(20)).is_none(), "the oldest went");
        assert!(again.recall(&key(21)).is_some());
        let size = fs::metadata(&path).unwrap().len();
        assert!(size < MAX_FILE_BYTES / 2, "{size}");
    }

    #[test]
    fn two_viewers_saving_different_matches_keep_both() {
        let dir = tempfile::tempdir().unwrap();
        let (_, game) = bundled();
        let (mut one, _) = Memory::open(Some(dir.path().to_owned()));
        let (mut two, _) = Memory::open(Some(dir.path().to_owned()));
        let (a, b) = (MatchKey::of_bytes(b"a"), MatchKey::of_bytes(b"b"));
        one.remember(a, left_at(&game, 3), at(1));
        two.remember(b, left_at(&game, 4), at(2));
        let (both, _) = Memory::open(Some(dir.path().to_owned()));
        assert_eq!(both.len(), 2);
    }

    #[test]
    fn without_a_directory_nothing_is_written() {
        let (key, game) = bundled();
        let (mut memory, problem) = Memory::open(None);
        assert!(problem.is_none());
        assert!(memory.remember(key, left_at(&game, 3), at(1)).is_none());
        assert!(memory.recall(&key).is_some());
        assert_eq!(memory.path(), None);
    }
}
