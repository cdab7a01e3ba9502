//! Following a file that another program keeps writing (`touchline
//! --follow FILE`): each time the file changes, [`Follower::check`] reads
//! it again and says what became of it: a newer match, or why the last
//! good one stays on screen (half-written, broken, emptied, gone).
//!
//! This is the state machine alone, with no watching and no threads, so
//! tests drive it write by write; [`watch`] runs it on a thread woken by
//! the operating system's file notifications.
//!
//! A match file that is still being written usually lacks its end: a
//! writer that appends event after event closes the `events` list only at
//! full time, and one that rewrites the file is caught half way. Such a
//! file is read up to its last complete event. That version is taken
//! only when it has at least as many events as the one shown, so a rewrite
//! caught half way never takes the fan back; the same holds for a
//! StatsBomb events file (an array) rewritten as it grows.

mod prefix;
mod watch;

pub use watch::{Watch, watch};

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::import::{self, LoadError, LoadOptions, statsbomb};
use crate::model::Match;
use crate::text::sanitize_line;

/// What a check found.
#[derive(Clone, Debug, PartialEq)]
pub enum Update {
    /// A version of the match to show.
    Match {
        /// The match as the file now has it (boxed: a match is large and
        /// updates travel through channels).
        game: Box<Match>,
        /// Set when the file ends part way (it is still being written) and
        /// this is what its complete events make.
        partial: Option<Partial>,
    },
    /// The file changed but gives nothing to show; the last good version
    /// stays.
    Problem(Problem),
}

/// Why the last good version stays on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not there: deleted, or between the two steps of a
    /// replacement.
    Missing,
    /// The file is empty: truncated, perhaps to be written again.
    Empty,
    /// The file ends part way and its complete events are fewer than the
    /// ones shown (a rewrite caught half way), or none can be read.
    Incomplete(Ending),
    /// The file does not load: the loader's error, with line and column.
    Broken(LoadError),
}

/// Where a file that is still being written stops: "it ends at line 40,
/// column 3".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ending {
    /// 1-based line and column, when the loader could tell.
    pub position: Option<(usize, usize)>,
}

impl std::fmt::Display for Ending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "it ends at line {line}, column {column}"),
            None => f.write_str("it ends part way"),
        }
    }
}

/// A version made of the complete events of a file that ends part way:
/// "it ends at line 40, column 3; showing its 12 complete events".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Partial {
    /// Where the file stops.
    pub ending: Ending,
    /// The complete events before it.
    pub events: usize,
}

impl std::fmt::Display for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}; showing its {} complete events",
            self.ending, self.events
        )
    }
}

impl Problem {
    /// A line for the status bar, naming the file.
    pub fn describe(&self, file: &str) -> String {
        match self {
            Problem::Missing => {
                format!("{file} is gone; the last good version stays until it is back")
            }
            Problem::Empty => format!("{file} was emptied; the last good version stays"),
            Problem::Incomplete(at) => {
                format!("{file} is half-written ({at}); the last good version stays")
            }
            Problem::Broken(message) => {
                format!("update refused, the last good version stays: {message}")
            }
        }
    }
}

/// What the file was at the last check, to tell a change from a
/// notification that changed nothing (a `touch`, a rewrite with the same
/// bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    Nothing,
    Missing,
    Bytes(u64),
}

/// Reads a followed file again on demand; see the module notes.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    name: String,
    options: LoadOptions,
    lineups: Option<PathBuf>,
    seen: Seen,
    /// Events in the version shown (0 before the first).
    shown: usize,
}

impl Follower {
    /// Follows `path`; `lineups` is a StatsBomb lineups file given by the
    /// user (otherwise one beside the events is used, as when loading).
    pub fn new(path: &Path, lineups: Option<&Path>, options: LoadOptions) -> Self {
        Self {
            path: path.to_path_buf(),
            name: sanitize_line(&path.display().to_string()).into_owned(),
            options,
            lineups: lineups.map(Path::to_path_buf),
            seen: Seen::Nothing,
            shown: 0,
        }
    }

    /// The file followed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's name as the status line shows it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Reads the file and says what changed since the last check; `None`
    /// when nothing did.
    pub fn check(&mut self) -> Option<Update> {
        let bytes = match import::read_limited(&self.path, self.options) {
            Ok(bytes) => bytes,
            Err(_) if !self.path.exists() => {
                return self.problem(Seen::Missing, Problem::Missing);
            }
            Err(e) => {
                // Unreadable for another reason (permissions, the size
                // limit): a fresh look next time.
                self.seen = Seen::Nothing;
                return Some(Update::Problem(Problem::Broken(e)));
            }
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        let seen = Seen::Bytes(hasher.finish());
        if seen == self.seen {
            return None;
        }
        self.seen = seen;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Some(Update::Problem(Problem::Empty));
        }
        match self.parse(&bytes) {
            Ok(game) => Some(self.take(game, None)),
            Err(error) => Some(self.salvage(&bytes, error)),
        }
    }

    fn problem(&mut self, seen: Seen, problem: Problem) -> Option<Update> {
        if self.seen == seen {
            return None;
        }
        self.seen = seen;
        Some(Update::Problem(problem))
    }

    fn take(&mut self, game: Match, partial: Option<Partial>) -> Update {
        self.shown = game.events.len();
        Update::Match {
            game: Box::new(game),
            partial,
        }
    }

    fn parse(&self, bytes: &[u8]) -> Result<Match, LoadError> {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        if !statsbomb::looks_like(&head) {
            return import::parse_bytes(&self.name, bytes).map(|l| l.game);
        }
        let lineups = self
            .lineups
            .clone()
            .or_else(|| statsbomb::find_lineups(&self.path));
        let text = import::decode_text(&self.name, bytes)?;
        let with = lineups.and_then(|path| {
            let lineups_bytes = import::read_limited(&path, self.options).ok()?;
            let lineups_text = std::str::from_utf8(&lineups_bytes).ok()?.to_owned();
            Some((
                sanitize_line(&path.display().to_string()).into_owned(),
                lineups_text,
            ))
        });
        let loaded = match &with {
            Some((name, lineups_text)) => {
                statsbomb::parse(&self.name, text, Some((name, lineups_text)))
                    .or_else(|_| statsbomb::parse(&self.name, text, None))
            }
            None => statsbomb::parse(&self.name, text, None),
        };
        loaded.map(|l| l.game)
    }

    /// The file did not load: when it merely stops part way, its complete
    /// events may still make a newer version.
    fn salvage(&mut self, bytes: &[u8], error: LoadError) -> Update {
        let Some(cut) = prefix::cut(bytes) else {
            return Update::Problem(Problem::Broken(error));
        };
        let at = Ending {
            position: error.position(),
        };
        let game = cut.complete.and_then(|text| {
            self.parse(&text)
                .ok()
                .or_else(|| self.parse(&without_result(&text)?).ok())
        });
        match game {
            Some(game) if game.events.len() >= self.shown => {
                let partial = Partial {
                    ending: at,
                    events: game.events.len(),
                };
                self.take(game, Some(partial))
            }
            _ => Update::Problem(Problem::Incomplete(at)),
        }
    }
}

/// A match file's text without its declared `result`, which states how
/// the whole match ends and so cannot hold for part of it; `None` when
/// there is none to take out.
fn without_result(text: &[u8]) -> Option<Vec<u8>> {
    let mut value: serde_json::Value = serde_json::from_slice(text).ok()?;
    value.get_mut("match")?.as_object_mut()?.remove("result")?;
    serde_json::to_vec(&value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_file_and_say_the_last_version_stays() {
        for problem in [
            Problem::Missing,
            Problem::Empty,
            Problem::Incomplete(Ending {
                position: Some((3, 1)),
            }),
            Problem::Broken(LoadError::Empty {
                file: "live.json".to_owned(),
            }),
        ] {
            let line = problem.describe("live.json");
            assert!(line.contains("live.json"), "{line}");
            assert!(line.contains("the last good version stays"), "{line}");
        }
    }
}
