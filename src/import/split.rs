//! Reads a match file in chunks and splits it into its skeleton (the whole
//! document with the `events` list emptied) and its events, handed one at
//! a time to a consumer that parses each straight from the read buffer.
//! Memory stays bounded by the largest event however long the file is: a
//! million events never sit in memory as text, only as the events they
//! become.
//!
//! Only the skeleton is scanned here, byte by byte, for its strings, its
//! nesting (at most [`MAX_DEPTH`] levels) and the `events` key. Inside the
//! list the splitter reads just the commas between events: each event's
//! end is found by the consumer's own parser, so the bulk of the file is
//! read once, by serde, and not scanned a second time to be cut up.

use std::io::Read;

use super::MAX_DEPTH;

/// How much is read at a time.
const CHUNK: usize = 1 << 20;

/// How much of the file, at least, follows the start of an event when it
/// is handed over (unless the file ends first). An event shorter than this
/// is always whole in what the consumer sees, so its parser's only reason
/// to stop early is a real fault; see [`Taken::NeedMore`].
const LOOKAHEAD: usize = 64 << 10;

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

/// What the consumer made of the bytes from an event's start on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// It read one event, this many bytes long.
    Event(usize),
    /// The bytes ran out inside the event: hand it over again with more.
    NeedMore,
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
    /// The consumer of events gave up, or asked for more at the end.
    Stopped(Option<E>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Outside the events list: bytes go to the skeleton.
    Skeleton,
    /// Inside the list, between events.
    Between { expect_event: bool, seen_any: bool },
}

/// The read buffer over the file.
struct Input<R> {
    reader: R,
    buf: Vec<u8>,
    /// File offset of `buf[0]`.
    base: usize,
    eof: bool,
}

impl<R: Read> Input<R> {
    /// Drops the bytes before `keep` and reads at least a chunk more, or
    /// as much again as is kept, so that an event handed over again and
    /// again is read in ever larger steps (linear time in its length).
    /// Returns how far the kept bytes moved down.
    fn refill(&mut self, keep: usize) -> std::io::Result<usize> {
        self.buf.drain(..keep);
        self.base += keep;
        let old = self.buf.len();
        self.buf.resize(old + CHUNK.max(old), 0);
        let mut filled = old;
        while filled < self.buf.len() {
            match self.reader.read(&mut self.buf[filled..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.buf.truncate(filled);
        if self.base == 0 && old == 0 && self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        Ok(keep)
    }
}

/// The longest UTF-8 start of `buf`, and whether it stops at a fault (an
/// invalid byte, or a character the end of the file cut) rather than at a
/// character the buffer's end cut, which the next read completes.
fn valid_prefix(buf: &[u8], eof: bool) -> (&str, bool) {
    match std::str::from_utf8(buf) {
        Ok(text) => (text, false),
        Err(e) => {
            let (valid, _) = buf.split_at(e.valid_up_to());
            let text = std::str::from_utf8(valid).unwrap_or_default();
            (text, e.error_len().is_some() || eof)
        }
    }
}

/// Where the scan of the skeleton stands between two bytes: the nesting,
/// a string being read, and whether the top-level key just read is
/// `events`, whose list is the one split out.
#[derive(Default)]
struct Scan {
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// At the top level, a key comes next.
    expect_key: bool,
    /// Where (in the buffer) the top-level key being read starts.
    key_start: Option<usize>,
    key_is_events: bool,
}

/// What a byte of the skeleton did.
enum Seen {
    /// Nothing to act on.
    Byte,
    /// It opened the `events` list.
    EventsList,
}

impl Scan {
    /// Reads byte `buf[i]` inside a string; says whether it was one.
    fn string_byte(&mut self, buf: &[u8], i: usize) -> bool {
        if !self.in_string {
            return false;
        }
        match buf[i] {
            _ if self.escaped => self.escaped = false,
            b'\\' => self.escaped = true,
            b'"' => {
                self.in_string = false;
                if let Some(start) = self.key_start.take() {
                    self.key_is_events = &buf[start..i] == b"events";
                }
            }
            _ => {}
        }
        true
    }

    /// Reads byte `buf[i]` of the skeleton, outside strings; `at` is its
    /// offset in the file, for an error.
    fn skeleton<E>(&mut self, buf: &[u8], i: usize, at: usize) -> Result<Seen, SplitError<E>> {
        let b = buf[i];
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.expect_key {
                    self.key_start = Some(i + 1);
                    self.expect_key = false;
                }
            }
            b'[' if self.depth == 1 && self.key_is_events => {
                self.key_is_events = false;
                self.depth += 1;
                return Ok(Seen::EventsList);
            }
            b'{' | b'[' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(SplitError::TooDeep { at });
                }
                self.expect_key = self.depth == 1 && b == b'{';
            }
            b'}' | b']' => self.depth = self.depth.saturating_sub(1),
            b',' if self.depth == 1 => self.expect_key = true,
            b':' if self.depth == 1 => {}
            b' ' | b'\n' | b'\r' | b'\t' => {}
            _ if self.depth == 1 => self.key_is_events = false,
            _ => {}
        }
        Ok(Seen::Byte)
    }
}

/// What comes next inside the events list, outside any event: refuses
/// anything but white space, one comma between events and the closing
/// bracket; `Ok(true)` where an event starts.
fn between<E>(b: u8, at: usize, mode: &mut Mode, scan: &mut Scan) -> Result<bool, SplitError<E>> {
    let Mode::Between {
        expect_event,
        seen_any,
    } = *mode
    else {
        return Ok(false);
    };
    let refuse = |message| Err(SplitError::Between { at, message });
    match b {
        b' ' | b'\n' | b'\r' | b'\t' => {}
        b']' if expect_event && seen_any => {
            return refuse("expected an event after \",\", found \"]\"");
        }
        b']' => {
            scan.depth -= 1;
            *mode = Mode::Skeleton;
        }
        b',' if expect_event => return refuse("expected an event, found \",\""),
        b',' => {
            *mode = Mode::Between {
                expect_event: true,
                seen_any,
            }
        }
        _ if !expect_event => return refuse("expected \",\" or \"]\" after an event"),
        _ => return Ok(true),
    }
    Ok(false)
}

/// Splits the document read from `reader`. At the start of each event,
/// `on_event(text, whole)` gets the text from there on (`whole` when no
/// more will follow: the file ends, or an invalid byte does) and says how
/// many bytes the event took. Returns the skeleton and the text length.
///
/// The buffer is checked to be UTF-8 once a read, so the events' parser
/// reads text and need not check each string again.
pub fn split<E>(
    reader: impl Read,
    mut on_event: impl FnMut(&str, bool) -> Result<Taken, E>,
) -> Result<(Skeleton, usize), SplitError<E>> {
    let mut input = Input {
        reader,
        buf: Vec::with_capacity(CHUNK * 2),
        base: 0,
        eof: false,
    };
    input.refill(0).map_err(SplitError::Io)?;
    let (mut text, mut faulty) = valid_prefix(&input.buf, input.eof);
    // Index in buf of the next byte to scan.
    let mut i = 0usize;
    let mut skeleton = Skeleton::default();
    // Start (in buf) of the skeleton run being scanned.
    let mut run_start = 0usize;
    let mut mode = Mode::Skeleton;
    let mut scan = Scan::default();

    loop {
        let short = mode != Mode::Skeleton && input.buf.len() - i < LOOKAHEAD;
        if i == input.buf.len() || (short && !input.eof) {
            if input.eof {
                break;
            }
            // Keep what the current run still needs, drop the rest.
            let keep = if mode == Mode::Skeleton {
                skeleton.push(&input.buf[run_start..i]);
                scan.key_start.map_or(i, |k| k.min(i))
            } else {
                i
            };
            let moved = input.refill(keep).map_err(SplitError::Io)?;
            (text, faulty) = valid_prefix(&input.buf, input.eof);
            i -= moved;
            run_start = i;
            scan.key_start = scan.key_start.map(|k| k - moved);
            continue;
        }
        let at = input.base + i;
        if scan.string_byte(&input.buf, i) {
            i += 1;
            continue;
        }
        if mode == Mode::Skeleton {
            if let Seen::EventsList = scan.skeleton(&input.buf, i, at)? {
                skeleton.push(&input.buf[run_start..=i]);
                mode = Mode::Between {
                    expect_event: true,
                    seen_any: false,
                };
            }
            i += 1;
            continue;
        }
        if !between(input.buf[i], at, &mut mode, &mut scan)? {
            if mode == Mode::Skeleton {
                // The list closed: its bracket starts the skeleton's next run.
                run_start = i;
                continue;
            }
            i += 1;
            continue;
        }
        let whole = input.eof || faulty;
        match on_event(text.get(i..).unwrap_or_default(), whole)
            .map_err(|e| SplitError::Stopped(Some(e)))?
        {
            Taken::Event(n) => {
                i += n.max(1);
                mode = Mode::Between {
                    expect_event: false,
                    seen_any: true,
                };
            }
            Taken::NeedMore if whole => return Err(SplitError::Stopped(None)),
            Taken::NeedMore => {
                let moved = input.refill(i).map_err(SplitError::Io)?;
                (text, faulty) = valid_prefix(&input.buf, input.eof);
                i -= moved;
            }
        }
    }

    // The text ended. A skeleton cut short is for the skeleton's parser to
    // report; a list never closed leaves it incomplete, which does too.
    if mode == Mode::Skeleton {
        skeleton.push(&input.buf[run_start..i]);
    }
    Ok((skeleton, input.base + input.buf.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A consumer that reads each event as any JSON value, as the loader
    /// reads it as an event, and keeps its text.
    fn values(events: &mut Vec<String>) -> impl FnMut(&str, bool) -> Result<Taken, ()> {
        move |text: &str, whole: bool| {
            let mut stream =
                serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
            match stream.next() {
                Some(Ok(_)) => {
                    let n = stream.byte_offset();
                    events.push(text[..n].to_owned());
                    Ok(Taken::Event(n))
                }
                Some(Err(e)) if e.is_eof() && !whole => Ok(Taken::NeedMore),
                _ => Err(()),
            }
        }
    }

    fn parts(text: &str) -> (String, Vec<String>) {
        let mut events = Vec::new();
        let (skeleton, _) =
            split(text.as_bytes(), values(&mut events)).unwrap_or_else(|e| panic!("{e:?}"));
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
        assert_eq!(events, [r#"{"a": "]"}"#, "[2]", r#""s\"""#, "7"]);
    }

    #[test]
    fn missing_and_extra_commas_are_refused() {
        for (text, at) in [
            (r#"{"events": [{} {}]}"#, 15),
            (r#"{"events": [{},]}"#, 15),
            (r#"{"events": [,{}]}"#, 12),
        ] {
            let mut events = Vec::new();
            match split(text.as_bytes(), values(&mut events)) {
                Err(SplitError::Between { at: got, .. }) => assert_eq!(got, at, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_skeleton_s_nesting_is_checked() {
        let deep = format!(r#"{{"match": {}}}"#, "[".repeat(200));
        assert!(matches!(
            split(deep.as_bytes(), |_, _| Ok::<_, ()>(Taken::Event(1))),
            Err(SplitError::TooDeep { at: 137 })
        ));
    }

    #[test]
    fn an_invalid_byte_in_an_event_stops_the_split() {
        let text = b"{\"events\": [{\"kind\": \"no\xFFte\"}]}";
        let mut events = Vec::new();
        assert!(matches!(
            split(&text[..], values(&mut events)),
            Err(SplitError::Stopped(_))
        ));
    }

    #[test]
    fn an_event_cut_off_by_the_end_of_the_file_stops_the_split() {
        let text = r#"{"events": [{"kind": "no"#;
        let mut events = Vec::new();
        assert!(matches!(
            split(text.as_bytes(), values(&mut events)),
            Err(SplitError::Stopped(_))
        ));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_long_files_stream() {
        let event = r#"{"kind": "note", "clock": "1", "text": "ü"}"#;
        let body = vec![event; 60_000].join(",\n");
        let text = format!("\u{feff}{{\"match\": {{}}, \"events\": [{body}]}}");
        let mut events = Vec::new();
        let (skeleton, len) = split(text.as_bytes(), values(&mut events)).unwrap();
        assert_eq!(events.len(), 60_000);
        assert!(events.iter().all(|e| e == event));
        assert_eq!(skeleton.text, br#"{"match": {}, "events": []}"#);
        assert_eq!(len, text.len() - 3);
    }

    /// An event longer than a chunk is handed over again with more until
    /// it is whole, in steps that double.
    #[test]
    fn an_event_longer_than_a_chunk_is_read_whole() {
        let long = "x".repeat(3 * CHUNK + 17);
        let event = format!(r#"{{"kind": "note", "text": "{long}"}}"#);
        let text = format!(r#"{{"events": [{event}, {{}}]}}"#);
        let mut events = Vec::new();
        let mut calls = 0;
        let mut consumer = values(&mut events);
        split(text.as_bytes(), |bytes, whole| {
            calls += 1;
            consumer(bytes, whole)
        })
        .unwrap();
        drop(consumer);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0], event);
        assert!(calls <= 5, "{calls} hand-overs");
    }
}
