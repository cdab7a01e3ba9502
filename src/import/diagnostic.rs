//! Errors and warnings that point into a file, and the arithmetic that turns
//! a byte offset into the line and column an editor shows.

use std::fmt;

use crate::text::sanitize_line;

/// A problem found in a file: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file's name as the user gave it.
    pub file: String,
    /// 1-based line and column (in characters), when the problem has a place.
    pub position: Option<(usize, usize)>,
    /// What is wrong and what was expected, on one line.
    pub message: String,
}

/// Messages quote the file's own bytes (an unknown variant, a bad clock),
/// and file names come from the user: both pass the sanitiser here, the
/// one place a diagnostic becomes text, so an error can never carry a
/// control character to the terminal.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = sanitize_line(&self.file);
        let message = sanitize_line(&self.message);
        match self.position {
            Some((line, column)) => write!(f, "{file}:{line}:{column}: {message}"),
            None => write!(f, "{file}: {message}"),
        }
    }
}

/// A file that could not be loaded: what went wrong, as a variant a caller
/// can act on, and where. It displays as a [`Diagnostic`] does:
/// `file:line:column: message`, or `file: message` when the whole file is
/// at fault, the message saying what was expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The path cannot be read: no such file, no permission, or another
    /// failure of the operating system (`detail` is its message).
    #[error("{}", self.diagnostic())]
    Unreadable {
        /// The path as the user gave it.
        file: String,
        /// What kind of failure.
        kind: std::io::ErrorKind,
        /// The operating system's words for it.
        detail: String,
    },
    /// The path is a folder.
    #[error("{}", self.diagnostic())]
    Directory {
        /// The path as the user gave it.
        file: String,
    },
    /// The file is larger than the limit; its `size` is unknown when it
    /// grew past the limit while it was read.
    #[error("{}", self.diagnostic())]
    TooLarge {
        /// The path as the user gave it.
        file: String,
        /// Its size in bytes, when known.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// A lineups file was given for a match file, which has its own.
    #[error("{}", self.diagnostic())]
    UnwantedLineups {
        /// The lineups file.
        lineups: String,
        /// The match file.
        file: String,
    },
    /// The file holds nothing but white space.
    #[error("{}", self.diagnostic())]
    Empty {
        /// The path as the user gave it.
        file: String,
    },
    /// The bytes are not UTF-8 text.
    #[error("{0}")]
    NotText(Diagnostic),
    /// Arrays and objects nest more deeply than [`crate::import::MAX_DEPTH`].
    #[error("{0}")]
    TooDeep(Diagnostic),
    /// The JSON is broken, or does not have the format's shape (a missing
    /// field, a value of the wrong type or out of range).
    #[error("{0}")]
    Malformed(Diagnostic),
    /// The file was read but cannot be a match: an event its kind cannot
    /// be, a duplicate id, a review naming no earlier event, a declared
    /// result the events contradict, StatsBomb data with no teams.
    #[error("{0}")]
    Refused(Diagnostic),
}

impl LoadError {
    /// The error as a diagnostic: the file, the place when there is one,
    /// and the message.
    pub fn diagnostic(&self) -> Diagnostic {
        let whole = |file: &str, message: String| Diagnostic {
            file: file.to_owned(),
            position: None,
            message,
        };
        match self {
            LoadError::Unreadable { file, kind, detail } => whole(
                file,
                match kind {
                    std::io::ErrorKind::NotFound => {
                        "no such file, expected a match file path".to_owned()
                    }
                    std::io::ErrorKind::PermissionDenied => {
                        "permission denied, expected a readable file".to_owned()
                    }
                    _ => format!("cannot read it: {detail}"),
                },
            ),
            LoadError::Directory { file } => whole(
                file,
                "is a directory, expected a match file (give a file path)".to_owned(),
            ),
            LoadError::TooLarge { file, size, limit } => whole(
                file,
                match size {
                    Some(size) => format!(
                        "file is {size} bytes, larger than the limit of {limit} bytes, expected a smaller file (raise the limit with --max-size)"
                    ),
                    None => format!(
                        "file is larger than the limit of {limit} bytes, expected a smaller file (raise the limit with --max-size)"
                    ),
                },
            ),
            LoadError::UnwantedLineups { lineups, file } => whole(
                lineups,
                format!(
                    "a lineups file goes with a StatsBomb events file, but {file} is a match file; expected no lineups file"
                ),
            ),
            LoadError::Empty { file } => Diagnostic {
                file: file.clone(),
                position: Some((1, 1)),
                message: "the file is empty, expected a JSON match file".to_owned(),
            },
            LoadError::NotText(d)
            | LoadError::TooDeep(d)
            | LoadError::Malformed(d)
            | LoadError::Refused(d) => d.clone(),
        }
    }

    /// The 1-based line and column the error points at, when it has a
    /// place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotText(d)
            | LoadError::TooDeep(d)
            | LoadError::Malformed(d)
            | LoadError::Refused(d) => d.position,
            LoadError::Empty { .. } => Some((1, 1)),
            _ => None,
        }
    }

    /// An operating system failure reading `file`.
    pub fn io(file: &str, error: &std::io::Error) -> Self {
        LoadError::Unreadable {
            file: file.to_owned(),
            kind: error.kind(),
            detail: error.to_string(),
        }
    }
}

/// A file's text and name, for placing diagnostics.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The name to print.
    pub name: &'a str,
    /// The whole text.
    pub text: &'a str,
}

impl<'a> Source<'a> {
    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// Byte offset of serde_json's 1-based line and byte column, counted
    /// from `start` (the beginning of a sub-document).
    pub fn offset_of(&self, start: usize, line: usize, byte_column: usize) -> usize {
        let mut offset = start;
        if line > 1 {
            let rest = &self.text.as_bytes()[start.min(self.text.len())..];
            let mut seen = 1;
            for (i, &b) in rest.iter().enumerate() {
                if b == b'\n' {
                    seen += 1;
                    if seen == line {
                        offset = start + i + 1;
                        break;
                    }
                }
            }
        }
        // serde_json's column points at the byte it stopped on, 1-based.
        (offset + byte_column.saturating_sub(1)).min(self.text.len())
    }

    /// serde_json reports a bad string value at its closing quote; an
    /// editor user wants the value's start. Moves `offset` from a closing
    /// quote back to the opening one.
    pub fn start_of_string(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        // Before a closing brace serde_json stops one byte further on.
        let offset = match (bytes.get(offset), offset.checked_sub(1)) {
            (Some(b'"'), _) => offset,
            (_, Some(before)) if bytes[before] == b'"' => before,
            _ => return offset,
        };
        let mut i = offset;
        while i > 0 {
            i -= 1;
            if bytes[i] == b'"' {
                let backslashes = bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count();
                if backslashes % 2 == 0 {
                    return i;
                }
            }
        }
        offset
    }

    /// A diagnostic at a byte offset.
    pub fn at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.position(offset);
        Diagnostic {
            file: self.name.to_owned(),
            position: Some((line, column)),
            message: message.into(),
        }
    }

    /// Byte offset of a slice of this source's text.
    pub fn offset_of_slice(&self, slice: &str) -> usize {
        (slice.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// serde_json puts " at line L column C" at the end of its messages; the
/// diagnostic carries the position itself.
pub fn bare_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    match error.classify() {
        serde_json::error::Category::Eof => {
            format!("the file ends too soon ({message}), expected the rest of the JSON document")
        }
        _ if message == "recursion limit exceeded" => {
            "JSON nested too deeply (over 128 levels), expected a match file".to_owned()
        }
        serde_json::error::Category::Syntax => format!("not valid JSON: {message}"),
        // serde quotes values in backticks; a string keeps quotes, a
        // number or other value reads better bare.
        _ if message.contains("invalid type: string `") => message.replace('`', "\""),
        _ => message.replace('`', ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = Source {
            name: "m.json",
            text: "{\n  \"é\": 1,\n  x\n}",
        };
        let x = src.text.find('x').unwrap();
        assert_eq!(src.position(x), (3, 3));
        assert_eq!(src.position(0), (1, 1));
        let one = src.text.find('1').unwrap();
        assert_eq!(src.position(one), (2, 8));
    }

    #[test]
    fn offsets_inside_a_sub_document_are_absolute() {
        let src = Source {
            name: "m.json",
            text: "[\n {\"a\":\n   5}]",
        };
        let start = src.text.find('{').unwrap();
        let five = src.offset_of(start, 2, 4);
        assert_eq!(&src.text[five..five + 1], "5");
    }

    #[test]
    fn displays_file_line_and_column() {
        let e = LoadError::Malformed(Diagnostic {
            file: "england.json".to_owned(),
            position: Some((12, 18)),
            message: "unknown team \"hom\"".to_owned(),
        });
        assert_eq!(e.to_string(), "england.json:12:18: unknown team \"hom\"");
        let e = LoadError::Unreadable {
            file: "x.json".to_owned(),
            kind: std::io::ErrorKind::NotFound,
            detail: String::new(),
        };
        assert_eq!(
            e.to_string(),
            "x.json: no such file, expected a match file path"
        );
    }

    /// Found by the mutation property test in CI: one flipped bit turned
    /// `open_play` into `open<DEL>play`, and serde's "unknown variant"
    /// message quoted it raw.
    #[test]
    fn a_control_character_quoted_from_the_file_is_shown_as_a_stand_in() {
        let text = crate::import::BUNDLED_MATCH.replacen("\"open_play\"", "\"open\u{7f}play\"", 1);
        let error = crate::import::parse_bytes("bundled.json", text.as_bytes()).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("unknown variant open\u{2421}play"),
            "{message}"
        );
        assert!(!message.chars().any(char::is_control), "{message:?}");
        let e = LoadError::Directory {
            file: "bad\u{1b}]0;x\u{7}.json".to_owned(),
        };
        assert_eq!(
            e.to_string(),
            "bad\u{241b}]0;x\u{2407}.json: is a directory, expected a match file (give a file path)"
        );
    }
}
