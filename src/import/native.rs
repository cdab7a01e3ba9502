//! The loader for match file v1 (`specs/match-file-v1.md`). A clean file
//! is streamed (`stream`); anything that needs a diagnostic is read again
//! whole here, by the checking path, which places every error and warning
//! at its line and column. Both read the file's JSON into the types of
//! `raw`, turn each event into the model by the table of kinds in
//! `convert`, and run the checks across events of `checks`.

mod checks;
mod convert;
mod raw;
mod stream;

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::Loaded;
use super::diagnostic::{Diagnostic, LoadError, Source, bare_message};
use super::intern::Interner;
use crate::model::{Event, Match};
use checks::{check_references, check_result, declared_result, sort_into_match_order};
use convert::{convert_event, convert_info};
use raw::{EventSeed, FormatVersion, RawEvent, RawInfo, TopPath, unknown_fields};

/// Parses a match file's text (already checked to be UTF-8, BOM removed).
///
/// One pass over the text: each event is converted as soon as the parser
/// has delimited it, while its bytes are still in cache, so a million
/// events cost one traversal and no list of raw slices.
pub fn parse(src: Source<'_>) -> Result<Loaded, LoadError> {
    let mut sink = EventSink::default();
    let top = read_top(src, &mut sink);
    let locate = Locator::new(src);
    let top = match (top, sink.failure.take()) {
        (_, Some(Failure::Refused { index, error })) => {
            return Err(LoadError::Refused(Diagnostic {
                position: Some(src.position(locate.offset(index))),
                ..error
            }));
        }
        // A malformed event always fails the parse, so it never pairs with Ok.
        (Ok(top), _) => top,
        (Err(error), failure) => {
            let path = match failure {
                Some(Failure::Malformed { index }) => {
                    locate.slice(index).and_then(field_path::<RawEvent>)
                }
                _ => field_path::<TopPath>(src.text),
            };
            return Err(positioned(src, 0, &error, path));
        }
    };
    let mut warnings = top.warnings;
    let Some(info_raw) = top.info else {
        return Err(LoadError::Malformed(src.at(
            src.text.len().saturating_sub(1),
            "missing field \"match\", expected the match's teams and facts",
        )));
    };
    if !top.has_events {
        return Err(LoadError::Malformed(src.at(
            src.text.len().saturating_sub(1),
            "missing field \"events\", expected a list of events",
        )));
    }
    let info: RawInfo<'_> = parse_at(src, info_raw.get(), &mut warnings)?;
    let info = convert_info(src, info, &mut warnings)?;
    for (index, mut warning) in sink.warnings.drain(..) {
        warning.position = Some(src.position(locate.offset(index)));
        warnings.push(warning);
    }

    let mut events = sink.events;
    let order = sort_into_match_order(src, &mut events, |i| locate.offset(i), &mut warnings);
    check_references(src, &events, |i| locate.offset(order.original(i)))?;
    let game = Match {
        format: 1,
        info,
        events,
    };
    if let Some((declared, offset)) = declared_result(src, info_raw) {
        check_result(src, &game.events, declared, offset)?;
    }
    Ok(Loaded {
        game,
        warnings,
        report: None,
    })
}

/// Loads a match file read from `reader` in chunks, so the text is never
/// whole in memory: each event is parsed as soon as the splitter has cut
/// it out, and only the events stay.
///
/// This path stops at the first sign of trouble (an error, a warning,
/// events out of order) and hands over to [`parse`] on the whole text,
/// fetched by `whole_text`, which gives every diagnostic its line and
/// column. A good file is read once; a bad one twice.
pub fn parse_stream(
    name: &str,
    reader: impl std::io::Read,
    size: usize,
    whole_text: impl FnOnce() -> Result<Vec<u8>, LoadError>,
) -> Result<Loaded, LoadError> {
    if let Some(loaded) = stream::stream_clean(name, reader, size) {
        return Ok(loaded);
    }
    let bytes = whole_text()?;
    let text = super::utf8_text(name, &bytes)?;
    super::check_depth(name, text)?;
    parse(Source { name, text })
}

/// Where each event starts in the file. Found only when a diagnostic needs
/// it, by a second, shallow pass, so loading a good file pays nothing.
struct Locator<'a> {
    src: Source<'a>,
    slices: std::cell::OnceCell<Vec<&'a str>>,
}

impl<'a> Locator<'a> {
    fn new(src: Source<'a>) -> Self {
        Self {
            src,
            slices: std::cell::OnceCell::new(),
        }
    }

    /// The text of the event at `index` in file order.
    fn slice(&self, index: usize) -> Option<&'a str> {
        self.slices
            .get_or_init(|| event_slices(self.src.text))
            .get(index)
            .copied()
    }

    /// Byte offset of the event at `index` (the file's start if unknown).
    fn offset(&self, index: usize) -> usize {
        self.slice(index)
            .map_or(0, |slice| self.src.offset_of_slice(slice))
    }
}

/// The raw text of every event the file's `events` list holds, as far as
/// the JSON is readable: a file broken after event 10 still locates 0-10.
fn event_slices(text: &str) -> Vec<&str> {
    struct Slices<'s, 'a>(&'s mut Vec<&'a str>);
    impl<'de> serde::de::Visitor<'de> for Slices<'_, 'de> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a match file")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                if key == "events" {
                    map.next_value_seed(Slices(&mut *self.0))?;
                } else {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
            Ok(())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                self.0.push(raw.get());
            }
            Ok(())
        }
    }
    impl<'de> serde::de::DeserializeSeed<'de> for Slices<'_, 'de> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    let mut slices = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    // Errors end the list where the text stops making sense.
    let _ = serde::de::DeserializeSeed::deserialize(Slices(&mut slices), &mut de);
    slices
}

/// The top level of a match file: `format` checked, `match` kept raw for a
/// positioned second look, `events` converted one by one into the sink.
struct TopLevel<'a> {
    info: Option<&'a RawValue>,
    has_events: bool,
    warnings: Vec<Diagnostic>,
}

/// Reads the whole document: the top level, with each event converted
/// into `sink` as soon as the parser has delimited it.
fn read_top<'a>(src: Source<'a>, sink: &mut EventSink) -> Result<TopLevel<'a>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(src.text);
    let top = serde::Deserializer::deserialize_map(&mut de, TopVisitor { src, sink })?;
    de.end()?;
    Ok(top)
}

struct TopVisitor<'s, 'a> {
    src: Source<'a>,
    sink: &'s mut EventSink,
}

#[derive(Default)]
struct EventSink {
    events: Vec<Event>,
    names: Interner,
    /// Warnings about events, by the event's index in the file; they get
    /// their position once loading is over.
    warnings: Vec<(usize, Diagnostic)>,
    /// Why the parse stopped inside `events`; serde only carries its own
    /// error type, so ours waits here.
    failure: Option<Failure>,
}

enum Failure {
    /// The JSON of event `index` did not fit the format.
    Malformed { index: usize },
    /// Event `index` was read but refused (no scorer for a goal…).
    Refused { index: usize, error: Diagnostic },
}

impl<'de, 's> serde::de::Visitor<'de> for TopVisitor<'s, 'de> {
    type Value = TopLevel<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a match file object with \"match\" and \"events\"")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut top = TopLevel {
            info: None,
            has_events: false,
            warnings: Vec::new(),
        };
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "format" => {
                    map.next_value::<FormatVersion>()?;
                }
                "match" => top.info = Some(map.next_value()?),
                "events" => {
                    map.next_value_seed(EventsSeed {
                        src: self.src,
                        sink: &mut *self.sink,
                    })?;
                    top.has_events = true;
                }
                other => {
                    if !other.starts_with("x-") {
                        // The top level has no better place than its start.
                        top.warnings.push(self.src.at(
                            0,
                            format!(
                                "unknown field \"{}\" is ignored",
                                crate::text::sanitize_line(other)
                            ),
                        ));
                    }
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(top)
    }
}

struct EventsSeed<'s, 'a> {
    src: Source<'a>,
    sink: &'s mut EventSink,
}

impl<'de, 's> serde::de::DeserializeSeed<'de> for EventsSeed<'s, 'de> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, 's> serde::de::Visitor<'de> for EventsSeed<'s, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of events")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Self { src, sink } = self;
        if let Some(hint) = seq.size_hint() {
            sink.events.reserve(hint);
        }
        let mut ignored = Vec::new();
        let mut warnings = Vec::new();
        for index in 0.. {
            let raw = match seq.next_element_seed(EventSeed(&mut ignored)) {
                Ok(Some(raw)) => raw,
                Ok(None) => break,
                Err(error) => {
                    sink.failure = Some(Failure::Malformed { index });
                    return Err(error);
                }
            };
            let unplaced = |message| Diagnostic {
                file: src.name.to_owned(),
                position: None,
                message,
            };
            for path in ignored.drain(..) {
                warnings.push(unplaced(format!(
                    "unknown field \"{}\" is ignored",
                    crate::text::sanitize_line(&path)
                )));
            }
            match convert_event(raw, &mut sink.names, unplaced, &mut warnings) {
                Ok(event) => sink.events.push(event),
                Err(error) => {
                    sink.failure = Some(Failure::Refused { index, error });
                    return Err(serde::de::Error::custom("event refused"));
                }
            }
            sink.warnings.extend(warnings.drain(..).map(|w| (index, w)));
        }
        Ok(())
    }
}

/// Deserializes one sub-document, translating serde_json's positions (which
/// count from the start of `part`) into positions in the whole file, and
/// collecting the fields that were ignored as warnings.
fn parse_at<'a, T: Deserialize<'a>>(
    src: Source<'a>,
    part: &'a str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<T, LoadError> {
    let start = src.offset_of_slice(part);
    let mut ignored = Vec::new();
    let mut de = serde_json::Deserializer::from_str(part);
    let result = serde_ignored::deserialize(&mut de, unknown_fields(&mut ignored))
        .and_then(|value| de.end().map(|()| value));
    match result {
        Ok(value) => {
            for path in ignored {
                warnings.push(src.at(
                    start,
                    format!(
                        "unknown field \"{}\" is ignored",
                        crate::text::sanitize_line(&path)
                    ),
                ));
            }
            Ok(value)
        }
        Err(error) => Err(positioned(src, start, &error, field_path::<T>(part))),
    }
}

/// A serde_json error as a diagnostic: its position made absolute (it
/// counts from `start`), moved to the start of a bad string value, and
/// prefixed with the field's path when the error is about a value.
fn positioned(
    src: Source<'_>,
    start: usize,
    error: &serde_json::Error,
    path: Option<String>,
) -> LoadError {
    let mut offset = src.offset_of(start, error.line(), error.column());
    let mut message = bare_message(error);
    if error.classify() == serde_json::error::Category::Data {
        offset = src.start_of_string(offset);
        if let Some(path) = path {
            message = format!("{path}: {message}");
        }
    }
    LoadError::Malformed(src.at(offset, message))
}

/// On failure only, parse again to learn which field was wrong: the path
/// makes "invalid type: integer 5, expected a string" actionable.
fn field_path<'a, T: Deserialize<'a>>(part: &'a str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(part);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => {
            let path = e.path().to_string();
            (path != "." && !path.is_empty()).then(|| format!("\"{path}\""))
        }
        Ok(_) => None,
    }
}
