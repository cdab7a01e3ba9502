//! Reads a match file in chunks and splits it into its skeleton (the whole
//! document with the `events` list emptied) and the raw bytes of each
//! event, handed over one at a time. Memory stays bounded by the largest
//! event however long the file is: a million events never sit in memory as
//! text, only as the events they become.
//!
//! The splitter checks only what it must to find the events: strings,
//! nesting (at most [`MAX_DEPTH`] levels) and the commas between events.
//! Everything else, UTF-8 included, is for serde on the skeleton and on
//! each event; structure bytes are ASCII, so every cut falls between
//! characters.

use std::io::Read;

use super::MAX_DEPTH;

/// How much is read at a time.
const CHUNK: usize = 1 << 20;

/// Everything of the document but the events: `{"match": …, "events": []}`.
#[derive(Debug, Default)]
pub struct Skeleton {
    /// The bytes, in file order.
    pub text: Vec<u8>,
}

impl Skeleton {
    fn push(&mut self, bytes: &[u8]) {
        self.text.extend_from_slice(bytes);
    }
}

/// Why splitting stopped. Offsets count from the start of the text (after
/// a byte-order mark).
#[derive(Debug)]
// The loader only needs to know that splitting failed (it then reads the
// whole text to report where and why); the details are for the tests.
#[allow(dead_code)]
pub enum SplitError<E> {
    /// Reading failed.
    Io(std::io::Error),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep { at: usize },
    /// Something between two events other than one comma.
    Between { at: usize, message: &'static str },
    /// The consumer of events gave up.
    Stopped(E),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Outside the events list: bytes go to the skeleton.
    Skeleton,
    /// Inside the list, between events.
    Between { expect_event: bool, seen_any: bool },
    /// Inside an object or list event.
    Nested,
    /// Inside a string event.
    ScalarString,
    /// Inside a number or literal event.
    ScalarWord,
}

/// Splits the document read from `reader`, calling `on_event(bytes, offset)`
/// for each event in order. Returns the skeleton and the text length.
pub fn split<E>(
    mut reader: impl Read,
    mut on_event: impl FnMut(&[u8], usize) -> Result<(), E>,
) -> Result<(Skeleton, usize), SplitError<E>> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK * 2);
    // File offset of buf[0].
    let mut base = 0usize;
    // Index in buf of the next byte to scan.
    let mut i = 0usize;
    let mut validated = 0usize;
    let mut skeleton = Skeleton::default();
    // Start (in buf) of the skeleton run or event being scanned.
    let mut run_start = 0usize;
    let mut mode = Mode::Skeleton;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // Top-level keys: whether the one just read was "events".
    let mut expect_key = false;
    let mut key_start: Option<usize> = None;
    let mut key_is_events = false;
    let mut bom_checked = false;
    let mut eof = false;

    loop {
        // Read more when the scanned bytes run out.
        if i == validated {
            if eof {
                break;
            }
            // Keep what the current run still needs, drop the rest.
            if mode == Mode::Skeleton {
                skeleton.push(&buf[run_start..i]);
                run_start = i;
            }
            let keep = key_start.map_or(run_start, |k| k.min(run_start));
            if keep > 0 {
                buf.drain(..keep);
                base += keep;
                i -= keep;
                validated -= keep;
                run_start -= keep;
                key_start = key_start.map(|k| k - keep);
            }
            let old = buf.len();
            buf.resize(old + CHUNK, 0);
            let n = loop {
                match reader.read(&mut buf[old..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(SplitError::Io(e)),
                }
            };
            buf.truncate(old + n);
            if n == 0 {
                eof = true;
            }
            if !bom_checked && (buf.len() >= 3 || eof) {
                if buf.starts_with(b"\xEF\xBB\xBF") {
                    buf.drain(..3);
                }
                bom_checked = true;
            }
            if !bom_checked {
                continue;
            }
            validated = buf.len();
            continue;
        }
        if in_string && !escaped {
            // Most of a file's bytes are inside strings: skip them in a
            // tight loop to the next quote or backslash.
            let rest = &buf[i..validated];
            match rest.iter().position(|&c| c == b'"' || c == b'\\') {
                Some(at) => i += at,
                None => {
                    i = validated;
                    continue;
                }
            }
        }
        let b = buf[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if let Some(start) = key_start.take() {
                    key_is_events = &buf[start..i] == b"events";
                }
                if mode == Mode::ScalarString {
                    on_event(&buf[run_start..=i], base + run_start).map_err(SplitError::Stopped)?;
                    mode = Mode::Between {
                        expect_event: false,
                        seen_any: true,
                    };
                    run_start = i + 1;
                }
            }
            i += 1;
            continue;
        }
        match mode {
            Mode::Skeleton => match b {
                b'"' => {
                    in_string = true;
                    if depth == 1 && expect_key {
                        key_start = Some(i + 1);
                        expect_key = false;
                    }
                }
                b'{' | b'[' => {
                    if depth == 1 && b == b'[' && key_is_events {
                        key_is_events = false;
                        skeleton.push(&buf[run_start..=i]);
                        depth += 1;
                        mode = Mode::Between {
                            expect_event: true,
                            seen_any: false,
                        };
                        i += 1;
                        run_start = i;
                        continue;
                    }
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(SplitError::TooDeep { at: base + i });
                    }
                    expect_key = depth == 1 && b == b'{';
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                b',' if depth == 1 => expect_key = true,
                b':' if depth == 1 => {}
                b' ' | b'\n' | b'\r' | b'\t' => {}
                _ if depth == 1 => key_is_events = false,
                _ => {}
            },
            Mode::Between {
                expect_event,
                seen_any,
            } => match b {
                b' ' | b'\n' | b'\r' | b'\t' => {}
                b']' => {
                    if expect_event && seen_any {
                        return Err(SplitError::Between {
                            at: base + i,
                            message: "expected an event after \",\", found \"]\"",
                        });
                    }
                    depth -= 1;
                    mode = Mode::Skeleton;
                    run_start = i;
                    continue;
                }
                b',' => {
                    if expect_event {
                        return Err(SplitError::Between {
                            at: base + i,
                            message: "expected an event, found \",\"",
                        });
                    }
                    mode = Mode::Between {
                        expect_event: true,
                        seen_any,
                    };
                }
                _ if !expect_event => {
                    return Err(SplitError::Between {
                        at: base + i,
                        message: "expected \",\" or \"]\" after an event",
                    });
                }
                b'{' | b'[' => {
                    run_start = i;
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(SplitError::TooDeep { at: base + i });
                    }
                    mode = Mode::Nested;
                }
                b'"' => {
                    run_start = i;
                    in_string = true;
                    mode = Mode::ScalarString;
                }
                _ => {
                    run_start = i;
                    mode = Mode::ScalarWord;
                }
            },
            Mode::Nested => match b {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(SplitError::TooDeep { at: base + i });
                    }
                }
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 2 {
                        on_event(&buf[run_start..=i], base + run_start)
                            .map_err(SplitError::Stopped)?;
                        mode = Mode::Between {
                            expect_event: false,
                            seen_any: true,
                        };
                        run_start = i + 1;
                    }
                }
                _ => {}
            },
            Mode::ScalarWord => {
                if matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b',' | b']') {
                    on_event(&buf[run_start..i], base + run_start).map_err(SplitError::Stopped)?;
                    mode = Mode::Between {
                        expect_event: false,
                        seen_any: true,
                    };
                    run_start = i;
                    // The delimiter belongs to the list: look at it again.
                    continue;
                }
            }
            // A string event is scanned by the `in_string` branch above.
            Mode::ScalarString => {}
        }
        i += 1;
    }

    // The text ended. An unfinished event goes to the consumer as it is, so
    // its parser reports where it stops; an unfinished skeleton is for the
    // skeleton's parser to report.
    match mode {
        Mode::Skeleton => skeleton.push(&buf[run_start..i]),
        Mode::Nested | Mode::ScalarString | Mode::ScalarWord => {
            on_event(&buf[run_start..i], base + run_start).map_err(SplitError::Stopped)?;
        }
        Mode::Between { .. } => {}
    }
    Ok((skeleton, base + buf.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (String, Vec<(String, usize)>) {
        let mut events = Vec::new();
        let (skeleton, _) = split::<()>(text.as_bytes(), |bytes, at| {
            events.push((String::from_utf8(bytes.to_vec()).unwrap(), at));
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        (String::from_utf8(skeleton.text).unwrap(), events)
    }

    #[test]
    fn events_are_cut_out_of_the_skeleton() {
        let text = r#"{"match": {"events": [1]}, "events": [ {"a": "]"}, [2], "s\"", 7 ], "x": 1}"#;
        let (skeleton, events) = parts(text);
        assert_eq!(
            skeleton,
            r#"{"match": {"events": [1]}, "events": [], "x": 1}"#
        );
        let bodies: Vec<&str> = events.iter().map(|(b, _)| b.as_str()).collect();
        assert_eq!(bodies, [r#"{"a": "]"}"#, "[2]", r#""s\"""#, "7"]);
        for (body, at) in &events {
            assert_eq!(&text[*at..*at + body.len()], body);
        }
    }

    #[test]
    fn missing_and_extra_commas_are_refused() {
        for (text, at) in [
            (r#"{"events": [{} {}]}"#, 15),
            (r#"{"events": [{},]}"#, 15),
            (r#"{"events": [,{}]}"#, 12),
        ] {
            match split::<()>(text.as_bytes(), |_, _| Ok(())) {
                Err(SplitError::Between { at: got, .. }) => assert_eq!(got, at, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn nesting_is_checked() {
        let deep = format!(r#"{{"events": [{}]}}"#, "[".repeat(200));
        assert!(matches!(
            split::<()>(deep.as_bytes(), |_, _| Ok(())),
            Err(SplitError::TooDeep { at: 138 })
        ));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_long_files_stream() {
        let event = r#"{"kind": "note", "clock": "1", "text": "ü"}"#;
        let body = vec![event; 60_000].join(",\n");
        let text = format!("\u{feff}{{\"match\": {{}}, \"events\": [{body}]}}");
        let mut count = 0;
        let (skeleton, len) = split::<()>(text.as_bytes(), |bytes, _| {
            assert_eq!(bytes, event.as_bytes());
            count += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 60_000);
        assert_eq!(skeleton.text, br#"{"match": {}, "events": []}"#);
        assert_eq!(len, text.len() - 3);
    }
}
