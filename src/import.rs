//! Reading matches from files: the project's own match file and, by
//! content, other formats. Every failure is a [`LoadError`] naming the file,
//! line and column and what was expected; nothing here panics on bad input.

mod diagnostic;
mod intern;
pub mod native;
pub mod openfootball;
mod split;

pub use intern::Interner;
pub mod statsbomb;

pub use diagnostic::{Diagnostic, LoadError, Source};

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::model::Match;

/// The bundled match, England 1-2 France (2022 World Cup quarter-final),
/// compiled into the binary so it opens from any directory.
pub const BUNDLED_MATCH: &str =
    include_str!("../assets/matches/2022-world-cup-qf-england-france.json");

/// The name the bundled match goes by in messages.
pub const BUNDLED_NAME: &str = "2022-world-cup-qf-england-france.json";

/// The largest file read unless the user raises the limit: 256 MiB.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// How files are read.
#[derive(Clone, Copy, Debug)]
pub struct LoadOptions {
    /// Files larger than this many bytes are refused before reading.
    pub max_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// A loaded match and what `validate` should warn about.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The match, events in match order.
    pub game: Match,
    /// Problems that did not stop loading.
    pub warnings: Vec<Diagnostic>,
    /// For an imported format (not a match file), what was read and what
    /// became of it.
    pub report: Option<ImportReport>,
}

/// What an importer made of a file's records. Every record read is
/// loaded (it gave at least one event), merged (its content went into
/// another record's event or into the team sheets) or skipped (it could
/// not be used), so `events_read` is the sum of the other three counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The format read, such as "StatsBomb events".
    pub format: &'static str,
    /// Records in the file.
    pub events_read: usize,
    /// Records that gave at least one event.
    pub events_loaded: usize,
    /// Records folded into others, by reason, sorted by reason.
    pub merged: Vec<(String, usize)>,
    /// Records that could not be used, by reason, sorted by reason.
    pub skipped: Vec<(String, usize)>,
}

impl ImportReport {
    /// How many records were merged.
    pub fn merged_total(&self) -> usize {
        self.merged.iter().map(|(_, n)| n).sum()
    }

    /// How many records were skipped.
    pub fn skipped_total(&self) -> usize {
        self.skipped.iter().map(|(_, n)| n).sum()
    }
}

/// Loads the bundled match.
pub fn bundled() -> Loaded {
    // The bundled file is checked by tests; a failure here is a build bug.
    parse_bytes(BUNDLED_NAME, BUNDLED_MATCH.as_bytes()).unwrap_or_else(|e| {
        panic!("the bundled match does not load: {e}");
    })
}

/// Reads and parses the file at `path`. A StatsBomb events file picks up
/// its lineups file on its own when one sits where
/// [`statsbomb::find_lineups`] looks.
pub fn load_path(path: &Path, options: LoadOptions) -> Result<Loaded, LoadError> {
    load_path_with_lineups(path, None, options)
}

/// Like [`load_path`], with a StatsBomb lineups file named by the user
/// (`--lineups`); giving one for a match file is an error.
pub fn load_path_with_lineups(
    path: &Path,
    lineups: Option<&Path>,
    options: LoadOptions,
) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    // A match file is streamed; only a StatsBomb file (a JSON array, a few
    // MB) is read whole. The first bytes tell which.
    let (head, file, file_size) = open_limited(path, options)?;
    if !statsbomb::looks_like(&String::from_utf8_lossy(&head)) {
        if openfootball::looks_like(&String::from_utf8_lossy(&head)) {
            return Err(openfootball::not_one_match(&name));
        }
        if let Some(lineups) = lineups {
            return Err(LoadError::UnwantedLineups {
                lineups: lineups.display().to_string(),
                file: name,
            });
        }
        let limit = options.max_size.saturating_sub(head.len() as u64) + 1;
        let reader = LimitCheck {
            inner: std::io::Cursor::new(head).chain(file.take(limit)),
            left: options.max_size,
        };
        let size = usize::try_from(file_size).unwrap_or(usize::MAX);
        return native::parse_stream(&name, reader, size, || read_limited(path, options));
    }
    let bytes = read_limited(path, options)?;
    let text = utf8_text(&name, &bytes)?;
    let given = lineups.is_some();
    let Some(lineups_path) = lineups
        .map(Path::to_path_buf)
        .or_else(|| statsbomb::find_lineups(path))
    else {
        return statsbomb::parse(&name, text, None);
    };
    let lineups_name = lineups_path.display().to_string();
    let with_lineups = read_limited(&lineups_path, options).and_then(|bytes| {
        let lineups_text = utf8_text(&lineups_name, &bytes)?;
        statsbomb::parse(&name, text, Some((&lineups_name, lineups_text)))
    });
    match with_lineups {
        Err(e) if !given => {
            // A lineups file found on its own that cannot be read does not
            // stop the match from opening; `validate` says why.
            let mut loaded = statsbomb::parse(&name, text, None)?;
            let why = e.diagnostic();
            loaded.warnings.push(Diagnostic {
                message: format!("{}; the match loads without it", why.message),
                ..why
            });
            Ok(loaded)
        }
        result => result,
    }
}

/// Opens a file, refusing directories, missing paths and files over the
/// size limit with messages that say so; gives the file and its size.
fn open_checked(path: &Path, options: LoadOptions) -> Result<(fs::File, u64), LoadError> {
    let name = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| LoadError::io(&name, &e))?;
    if meta.is_dir() {
        return Err(LoadError::Directory { file: name });
    }
    if meta.len() > options.max_size {
        return Err(LoadError::TooLarge {
            file: name,
            size: Some(meta.len()),
            limit: options.max_size,
        });
    }
    let file = fs::File::open(path).map_err(|e| LoadError::io(&name, &e))?;
    Ok((file, meta.len()))
}

/// Reads a file whole, after the same checks as streaming (a directory, a
/// missing path or a file over the size limit is refused first).
pub fn read_limited(path: &Path, options: LoadOptions) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let (file, size) = open_checked(path, options)?;
    let mut bytes = Vec::with_capacity(size as usize);
    // Reading one byte past the limit catches files that grew after the check.
    file.take(options.max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(&name, &e))?;
    if bytes.len() as u64 > options.max_size {
        return Err(LoadError::TooLarge {
            file: name,
            size: None,
            limit: options.max_size,
        });
    }
    Ok(bytes)
}

/// Opens a file after the checks of [`open_checked`] and reads its first
/// bytes, enough to recognise the format.
fn open_limited(path: &Path, options: LoadOptions) -> Result<(Vec<u8>, fs::File, u64), LoadError> {
    let (mut file, size) = open_checked(path, options)?;
    let mut head = Vec::new();
    (&mut file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| LoadError::io(&path.display().to_string(), &e))?;
    Ok((head, file, size))
}

/// Fails the read once more than the size limit has come through: a file
/// that grows while it is read is stopped at the limit too (and the whole
/// read then reports it, with the message [`read_limited`] gives).
struct LimitCheck<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for LimitCheck<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self.left.checked_sub(n as u64).ok_or_else(|| {
            std::io::Error::other("the file grew past the size limit while it was read")
        })?;
        Ok(n)
    }
}

/// Checks that the bytes are UTF-8 text (a byte-order mark is allowed and
/// dropped), not empty and not nested too deeply.
pub fn decode_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let text = utf8_text(name, bytes)?;
    check_depth(name, text)?;
    Ok(text)
}

/// [`decode_text`] without the depth check, for StatsBomb files: their
/// importer only descends a few fixed levels and serde_json skips the
/// rest without recursing, so the extra pass over 3 MB (a third of the
/// import's time) buys nothing there.
fn utf8_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let bad = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
        LoadError::NotText(Source { name, text: good }.at(
            good.len(),
            format!("invalid UTF-8 (byte 0x{bad:02X}), expected UTF-8 text"),
        ))
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: name.to_owned(),
        });
    }
    Ok(text)
}

/// How deeply arrays and objects may nest. Match files need four levels
/// and StatsBomb files about six; the limit keeps hostile files from
/// costing stack or time anywhere downstream.
pub const MAX_DEPTH: usize = 128;

/// Refuses JSON nested deeper than [`MAX_DEPTH`], pointing at the bracket
/// that goes too deep. One byte scan, skipping strings.
fn check_depth(name: &str, text: &str) -> Result<(), LoadError> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(LoadError::TooDeep(Source { name, text }.at(
                        i,
                        format!(
                            "JSON nested more than {MAX_DEPTH} levels deep, expected a flatter document"
                        ),
                    )));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses a file's bytes, recognising the format by content: a JSON array
/// is a StatsBomb events file, anything else a match file.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let head = &bytes[..bytes.len().min(4096)];
    if statsbomb::looks_like(&String::from_utf8_lossy(head)) {
        statsbomb::parse(name, utf8_text(name, bytes)?, None)
    } else if openfootball::looks_like(&String::from_utf8_lossy(head)) {
        Err(openfootball::not_one_match(name))
    } else {
        native::parse_stream(name, bytes, bytes.len(), || Ok(bytes.to_vec()))
    }
}
