//! The loader for match file v1 (`specs/match-file-v1.md`): serde types that
//! mirror the file, their conversion into [`crate::model`], and the checks
//! that span events (ids, reviews, order, the declared result).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::Loaded;
use super::diagnostic::{Diagnostic, LoadError, Source, bare_message};
use super::intern::Interner;
use super::split::Taken;
use crate::model::Text;
use crate::model::{
    Card, Clock, Detail, Event, FinalResult, GoalMethod, KickOutcome, Match, MatchInfo, Period,
    Player, Point, Possession, Quote, Rgb, Score, ShotOutcome, Side, Team,
};
use crate::text::sanitize_owned;
use std::borrow::Cow;

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
        (_, Some(Failure::Refused { index, mut error })) => {
            error.0.position = Some(src.position(locate.offset(index)));
            return Err(error);
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
        return Err(LoadError(src.at(
            src.text.len().saturating_sub(1),
            "missing field \"match\", expected the match's teams and facts",
        )));
    };
    if !top.has_events {
        return Err(LoadError(src.at(
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
    let order = sort_into_match_order(src, &mut events, &locate, &mut warnings);
    check_references(src, &events, |i| locate.offset(order.original(i)))?;
    let game = Match {
        format: 1,
        info,
        events,
    };
    if let Some((declared, offset)) = declared_result(src, info_raw) {
        check_result(src, &game, declared, offset)?;
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
    if let Some(loaded) = stream_clean(name, reader, size) {
        return Ok(loaded);
    }
    let bytes = whole_text()?;
    let text = super::utf8_text(name, &bytes)?;
    super::check_depth(name, text)?;
    parse(Source { name, text })
}

/// The streaming load of a clean file; `None` as soon as anything would
/// need a diagnostic.
fn stream_clean(name: &str, reader: impl std::io::Read, size: usize) -> Option<Loaded> {
    // An event takes well over 64 bytes of JSON, so this is room enough
    // without regrowing (and copying) the list; pages never used cost no
    // memory.
    let mut events = Vec::with_capacity(size / 64);
    let mut names = Interner::default();
    let mut ignored = Vec::new();
    let mut warnings = Vec::new();
    let (skeleton, _) = super::split::split(reader, |rest, whole| {
        // serde reads the event straight from the read buffer and says
        // where it ends; strings without escapes are borrowed, not copied.
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<StrictRawEvent<'_>>();
        let raw: RawEvent<'_> = match stream.next() {
            Some(Ok(strict)) => strict.into(),
            Some(Err(e)) if e.is_eof() && !whole => return Ok(Taken::NeedMore),
            _ => return Err(()),
        };
        let len = stream.byte_offset();
        let text = &rest[..len];
        // Quotes are lenient even in the strict twin; the few events with
        // quotes are read once more to catch unknown fields in them.
        if !raw.quotes.is_empty() {
            let mut de = serde_json::Deserializer::from_str(text);
            serde::de::DeserializeSeed::deserialize(EventSeed(&mut ignored), &mut de)
                .map_err(drop)?;
            if !ignored.is_empty() {
                return Err(());
            }
        }
        let unplaced = |message| Diagnostic {
            file: name.to_owned(),
            position: None,
            message,
        };
        let event = convert_event(raw, &mut names, unplaced, &mut warnings).map_err(drop)?;
        if !warnings.is_empty() {
            return Err(());
        }
        events.push(event);
        Ok(Taken::Event(len))
    })
    .ok()?;

    // The skeleton is the document with an empty events list.
    let src = Source {
        name,
        text: std::str::from_utf8(&skeleton.text).ok()?,
    };
    let mut sink = EventSink::default();
    let top = read_top(src, &mut sink).ok()?;
    let mut warnings = top.warnings;
    let info_raw = top.info.filter(|_| top.has_events)?;
    let info: RawInfo<'_> = parse_at(src, info_raw.get(), &mut warnings).ok()?;
    let info = convert_info(src, info, &mut warnings).ok()?;
    let in_order = events
        .windows(2)
        .all(|pair| pair[0].order_key() <= pair[1].order_key());
    if !warnings.is_empty() || !in_order || check_references(src, &events, |_| 0).is_err() {
        return None;
    }
    let game = Match {
        format: 1,
        info,
        events,
    };
    if let Some((declared, offset)) = declared_result(src, info_raw) {
        check_result(src, &game, declared, offset).ok()?;
    }
    Some(Loaded {
        game,
        warnings: Vec::new(),
        report: None,
    })
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
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
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
    Refused { index: usize, error: LoadError },
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
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
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

/// One event, read straight from the file, with the paths of the fields it
/// ignored collected for `validate` (`x-` fields are meant to be ignored).
struct EventSeed<'s>(&'s mut Vec<String>);

impl<'de> serde::de::DeserializeSeed<'de> for EventSeed<'_> {
    type Value = RawEvent<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<RawEvent<'de>, D::Error> {
        let ignored = self.0;
        serde_ignored::deserialize(deserializer, |path| {
            let path = path.to_string();
            if !path.split('.').any(|segment| segment.starts_with("x-")) {
                ignored.push(path);
            }
        })
    }
}

/// The top level's shape, only to name the field of a top-level error.
#[derive(Deserialize)]
#[allow(dead_code)] // read by serde_path_to_error for the path alone
struct TopPath {
    #[serde(default)]
    format: FormatVersion,
    #[serde(rename = "match")]
    info: serde::de::IgnoredAny,
    events: serde::de::IgnoredAny,
}

/// The declared result and where it stands, read from the raw `match`.
fn declared_result(src: Source<'_>, info: &RawValue) -> Option<(FinalResult, usize)> {
    let raw: RawResultOnly<'_> = serde_json::from_str(info.get()).ok()?;
    let raw = raw.result?;
    let declared = serde_json::from_str(raw.get()).ok()?;
    Some((declared, src.offset_of_slice(raw.get())))
}

#[derive(Deserialize)]
struct RawResultOnly<'a> {
    #[serde(borrow, default)]
    result: Option<&'a RawValue>,
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
    let result = serde_ignored::deserialize(&mut de, |path| {
        let path = path.to_string();
        if !path.split('.').any(|segment| segment.starts_with("x-")) {
            ignored.push(path);
        }
    })
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
    LoadError(src.at(offset, message))
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

#[derive(Default)]
struct FormatVersion;

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = serde_json::Number::deserialize(deserializer)?;
        if n.as_u64() == Some(1) {
            Ok(FormatVersion)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unsupported format {n}, expected 1 (this touchline reads match file version 1)"
            )))
        }
    }
}

#[derive(Deserialize)]
struct RawInfo<'a> {
    competition: Option<String>,
    stage: Option<String>,
    venue: Option<String>,
    #[serde(default, deserialize_with = "kickoff")]
    kickoff: Option<DateTime<FixedOffset>>,
    referee: Option<String>,
    attendance: Option<u64>,
    home: RawTeam,
    away: RawTeam,
    #[serde(borrow, default)]
    #[allow(dead_code)] // read separately, for its position
    result: Option<&'a RawValue>,
    source: Option<String>,
}

fn kickoff<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(&text).map(Some).map_err(|_| {
        serde::de::Error::custom(format_args!(
            "invalid kickoff \"{}\", expected an RFC 3339 date-time with offset like \"2022-12-10T22:00:00+03:00\"",
            crate::text::sanitize_line(&text)
        ))
    })
}

#[derive(Deserialize)]
struct RawTeam {
    name: String,
    code: Option<String>,
    color: Option<Rgb>,
    manager: Option<String>,
    #[serde(default)]
    players: Vec<RawPlayer>,
}

#[derive(Deserialize)]
struct RawPlayer {
    number: u32,
    name: String,
    position: Option<String>,
    #[serde(default = "yes")]
    starter: bool,
}

fn yes() -> bool {
    true
}

fn convert_info(
    src: Source<'_>,
    raw: RawInfo<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<MatchInfo, LoadError> {
    let result = match raw.result {
        Some(r) => Some(parse_at::<FinalResult>(src, r.get(), warnings)?),
        None => None,
    };
    let team = |t: RawTeam| Team {
        name: line(t.name),
        code: t.code.map(line),
        color: t.color,
        manager: t.manager.map(line),
        players: t
            .players
            .into_iter()
            .map(|p| Player {
                number: p.number,
                name: line(p.name),
                position: p.position.map(line),
                starter: p.starter,
            })
            .collect(),
    };
    Ok(MatchInfo {
        competition: raw.competition.map(line),
        stage: raw.stage.map(line),
        venue: raw.venue.map(line),
        kickoff: raw.kickoff,
        referee: raw.referee.map(line),
        attendance: raw.attendance,
        home: team(raw.home),
        away: team(raw.away),
        result,
        source: raw.source.map(line),
    })
}

fn line(text: String) -> String {
    sanitize_owned(text, false)
}

/// Ids are never drawn, but `convert` writes them out, so they pass the
/// sanitiser like names; an id and the `overturns` naming it change alike
/// and still match.
fn identifier(id: &str) -> Text {
    Text::from(&*crate::text::sanitize_line(id))
}

fn prose(text: String) -> String {
    sanitize_owned(text, true)
}

/// A pitch position in file form, checked to lie on the pitch.
#[derive(Clone, Copy)]
struct RawPoint(Point);

impl<'de> Deserialize<'de> for RawPoint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [x, y] = <[f32; 2]>::deserialize(deserializer)?;
        if (0.0..=100.0).contains(&x) && (0.0..=100.0).contains(&y) {
            Ok(RawPoint(Point { x, y }))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "location [{x}, {y}] is off the pitch, expected [x, y] with each from 0 to 100"
            )))
        }
    }
}

/// Who had the ball during an event and how long it lasted, checked to be
/// a real duration: at most an hour, as no single action lasts longer.
#[derive(Clone, Copy)]
struct RawPossession(Possession);

impl<'de> Deserialize<'de> for RawPossession {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            team: Side,
            seconds: f32,
        }
        let Fields { team, seconds } = Fields::deserialize(deserializer)?;
        if (0.0..=3600.0).contains(&seconds) {
            Ok(RawPossession(Possession { team, seconds }))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "possession lasting {seconds} seconds, expected 0 to 3600"
            )))
        }
    }
}

#[derive(Deserialize)]
struct RawQuote {
    speaker: String,
    role: Option<String>,
    text: String,
    source: Option<String>,
}

/// Declares [`RawEvent`] and a strict twin with the same fields that
/// refuses unknown ones, so the streaming path can read events without
/// serde_ignored's wrapper (a tenth of the load time) and still notice a
/// field it would have to warn about: then it hands over to the checking
/// path.
macro_rules! raw_event {
    ($($(#[$attr:meta])* $field:ident: $ty:ty,)*) => {
        /// Every field any kind can carry; `convert_event` keeps the ones
        /// the kind uses and warns about the rest.
        #[derive(Deserialize, Default)]
        struct RawEvent<'a> {
            $($(#[$attr])* $field: $ty,)*
        }

        /// [`RawEvent`], refusing any field it does not know (`x-` ones
        /// too, which the checking path then ignores).
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct StrictRawEvent<'a> {
            $($(#[$attr])* $field: $ty,)*
        }

        impl<'a> From<StrictRawEvent<'a>> for RawEvent<'a> {
            fn from(strict: StrictRawEvent<'a>) -> Self {
                Self { $($field: strict.$field,)* }
            }
        }
    };
}

raw_event! {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    clock: Option<Clock>,
    period: Option<Period>,
    team: Option<Side>,
    #[serde(borrow)]
    player: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(default)]
    quotes: Vec<RawQuote>,
    location: Option<RawPoint>,
    possession: Option<RawPossession>,
    method: Option<RawGoalMethod>,
    #[serde(borrow)]
    assist: Option<Cow<'a, str>>,
    #[serde(borrow)]
    fouled: Option<Cow<'a, str>>,
    #[serde(borrow)]
    fouler: Option<Cow<'a, str>>,
    #[serde(borrow)]
    outcome: Option<Cow<'a, str>>,
    #[serde(borrow)]
    keeper: Option<Cow<'a, str>>,
    xg: Option<f32>,
    #[serde(borrow)]
    reason: Option<Cow<'a, str>>,
    #[serde(borrow)]
    player_in: Option<Cow<'a, str>>,
    #[serde(borrow)]
    player_out: Option<Cow<'a, str>>,
    #[serde(borrow)]
    decision: Option<Cow<'a, str>>,
    #[serde(borrow)]
    overturns: Option<Cow<'a, str>>,
    #[serde(borrow)]
    action: Option<Cow<'a, str>>,
    end_location: Option<RawPoint>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum RawGoalMethod {
    OpenPlay,
    Header,
    Penalty,
    FreeKick,
    OwnGoal,
}

impl From<RawGoalMethod> for GoalMethod {
    fn from(m: RawGoalMethod) -> Self {
        match m {
            RawGoalMethod::OpenPlay => GoalMethod::OpenPlay,
            RawGoalMethod::Header => GoalMethod::Header,
            RawGoalMethod::Penalty => GoalMethod::Penalty,
            RawGoalMethod::FreeKick => GoalMethod::FreeKick,
            RawGoalMethod::OwnGoal => GoalMethod::OwnGoal,
        }
    }
}

/// Kinds whose events name a side, and those that name a player.
const NEEDS_TEAM: &[&str] = &[
    "goal",
    "penalty_awarded",
    "penalty_miss",
    "chance",
    "yellow_card",
    "second_yellow",
    "red_card",
    "substitution",
    "foul",
    "shootout_kick",
];
const NEEDS_PLAYER: &[&str] = &[
    "goal",
    "penalty_miss",
    "yellow_card",
    "second_yellow",
    "red_card",
    "shootout_kick",
];

fn convert_event(
    raw: RawEvent<'_>,
    names: &mut Interner,
    at: impl Fn(String) -> Diagnostic,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Event, LoadError> {
    let kind: &str = &raw.kind;
    let fail = |message: String| LoadError(at(message));
    let shown_kind = crate::text::sanitize_line(kind);
    if NEEDS_TEAM.contains(&kind) && raw.team.is_none() {
        return Err(fail(format!(
            "{shown_kind} event has no \"team\", expected \"home\" or \"away\""
        )));
    }
    if NEEDS_PLAYER.contains(&kind) && raw.player.is_none() {
        return Err(fail(format!(
            "{shown_kind} event has no \"player\", expected the player's name"
        )));
    }
    let period = match (raw.period, raw.clock) {
        (Some(p), _) => p,
        (None, Some(c)) if kind != "shootout_kick" => c.default_period(),
        (None, _) if kind == "shootout_kick" => Period::Shootout,
        (None, _) => {
            return Err(fail(format!(
                "{shown_kind} event has no \"clock\", expected a minute like \"17\" or \"45+2\""
            )));
        }
    };
    if raw.clock.is_none() && period != Period::Shootout {
        return Err(fail(format!(
            "{shown_kind} event has no \"clock\", expected a minute like \"17\" or \"45+2\" (only shoot-out events may leave it out)"
        )));
    }
    if period == Period::Shootout && matches!(kind, "goal" | "penalty_miss") {
        return Err(fail(format!(
            "{shown_kind} event in the shoot-out, expected \"shootout_kick\" for shoot-out penalties"
        )));
    }
    if kind == "shootout_kick" && period != Period::Shootout {
        return Err(fail(format!(
            "shootout_kick in period {period}, expected period \"PSO\""
        )));
    }

    warn_unused_fields(&raw, kind, &shown_kind, &at, warnings);
    let outcome = raw.outcome.clone();
    let shot_outcome = |allow_blocked: bool| -> Result<Option<ShotOutcome>, LoadError> {
        outcome
            .as_deref()
            .map(|o| match o {
                "saved" => Ok(ShotOutcome::Saved),
                "off_target" => Ok(ShotOutcome::OffTarget),
                "woodwork" => Ok(ShotOutcome::Woodwork),
                "blocked" if allow_blocked => Ok(ShotOutcome::Blocked),
                other => Err(fail(format!(
                    "unknown outcome \"{}\" for {shown_kind}, expected {}",
                    crate::text::sanitize_line(other),
                    if allow_blocked {
                        "\"saved\", \"off_target\", \"woodwork\" or \"blocked\""
                    } else {
                        "\"saved\", \"off_target\" or \"woodwork\""
                    }
                ))),
            })
            .transpose()
    };
    let mut opt_line = |s: Option<Cow<'_, str>>| s.map(|s| names.name(&s));

    let detail = match kind {
        "period_start" => Detail::PeriodStart,
        "period_end" => Detail::PeriodEnd,
        "goal" => Detail::Goal {
            method: raw.method.map(GoalMethod::from).unwrap_or_default(),
            assist: opt_line(raw.assist),
            xg: raw.xg,
        },
        "penalty_awarded" => Detail::PenaltyAwarded {
            fouled: opt_line(raw.fouled),
            fouler: opt_line(raw.fouler),
        },
        "penalty_miss" => Detail::PenaltyMiss {
            outcome: shot_outcome(false)?,
            keeper: opt_line(raw.keeper),
            xg: raw.xg,
        },
        "chance" => Detail::Chance {
            outcome: shot_outcome(true)?,
            xg: raw.xg,
        },
        "yellow_card" | "second_yellow" | "red_card" => {
            let card = match kind {
                "yellow_card" => Card::Yellow,
                "second_yellow" => Card::SecondYellow,
                _ => Card::Red,
            };
            Detail::Card {
                card,
                reason: opt_line(raw.reason),
            }
        }
        "substitution" => Detail::Substitution {
            player_in: opt_line(raw.player_in),
            player_out: opt_line(raw.player_out),
        },
        "var" => Detail::Var {
            decision: raw.decision.as_deref().map(Interner::prose),
            overturns: raw.overturns.as_deref().map(identifier),
        },
        "foul" => Detail::Foul {
            fouled: opt_line(raw.fouled),
        },
        "shootout_kick" => {
            let outcome = match raw.outcome.as_deref() {
                Some("scored") => KickOutcome::Scored,
                Some("saved") => KickOutcome::Saved,
                Some("missed") => KickOutcome::Missed,
                other => {
                    return Err(fail(format!(
                        "shootout_kick outcome {}, expected \"scored\", \"saved\" or \"missed\"",
                        other.map_or("missing".to_owned(), |o| format!(
                            "\"{}\"",
                            crate::text::sanitize_line(o)
                        ))
                    )));
                }
            };
            Detail::ShootoutKick { outcome }
        }
        "play" => Detail::Play {
            action: opt_line(raw.action),
            end_location: raw.end_location.map(|p| p.0),
        },
        "note" => Detail::Note { unknown_kind: None },
        _ => {
            warnings.push(at(format!("unknown kind \"{shown_kind}\" loads as a note")));
            Detail::Note {
                unknown_kind: Some(opt_line(Some(raw.kind.clone())).unwrap_or_default()),
            }
        }
    };

    Ok(Event {
        id: raw.id.as_deref().map(identifier),
        period,
        clock: raw.clock,
        team: raw.team,
        player: opt_line(raw.player),
        text: raw.text.as_deref().map(Interner::prose),
        quotes: raw
            .quotes
            .into_iter()
            .map(|q| Quote {
                speaker: line(q.speaker),
                role: q.role.map(line),
                text: prose(q.text),
                source: q.source.map(line),
            })
            .collect(),
        location: raw.location.map(|p| p.0),
        possession: raw.possession.map(|p| p.0),
        detail,
    })
}

/// The extra fields each kind reads; any other extra field on an event of
/// that kind is reported by `validate`.
fn fields_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "goal" => &["method", "assist", "xg"],
        "penalty_awarded" => &["fouled", "fouler"],
        "penalty_miss" => &["outcome", "keeper", "xg"],
        "chance" => &["outcome", "xg"],
        "yellow_card" | "second_yellow" | "red_card" => &["reason"],
        "substitution" => &["player_in", "player_out"],
        "var" => &["decision", "overturns"],
        "foul" => &["fouled"],
        "shootout_kick" => &["outcome"],
        "play" => &["action", "end_location"],
        _ => &[],
    }
}

fn warn_unused_fields(
    raw: &RawEvent,
    kind: &str,
    shown_kind: &str,
    at: &impl Fn(String) -> Diagnostic,
    warnings: &mut Vec<Diagnostic>,
) {
    let present = [
        ("method", raw.method.is_some()),
        ("assist", raw.assist.is_some()),
        ("fouled", raw.fouled.is_some()),
        ("fouler", raw.fouler.is_some()),
        ("outcome", raw.outcome.is_some()),
        ("keeper", raw.keeper.is_some()),
        ("xg", raw.xg.is_some()),
        ("reason", raw.reason.is_some()),
        ("player_in", raw.player_in.is_some()),
        ("player_out", raw.player_out.is_some()),
        ("decision", raw.decision.is_some()),
        ("overturns", raw.overturns.is_some()),
        ("action", raw.action.is_some()),
        ("end_location", raw.end_location.is_some()),
    ];
    let used = fields_of(kind);
    for (name, is_present) in present {
        if is_present && !used.contains(&name) {
            warnings.push(at(format!(
                "field \"{name}\" is not used by a {shown_kind} event and is ignored"
            )));
        }
    }
}

/// Files should list events in match order; one that does not still loads,
/// sorted by period and clock with file order kept for ties.
fn sort_into_match_order(
    src: Source<'_>,
    events: &mut Vec<Event>,
    locate: &Locator<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Order {
    let first_out_of_order = events
        .windows(2)
        .position(|pair| pair[1].order_key() < pair[0].order_key());
    let Some(i) = first_out_of_order else {
        return Order::AsInFile;
    };
    warnings.push(src.at(
        locate.offset(i + 1),
        "event is out of match order; events are loaded sorted by period and clock",
    ));
    let mut paired: Vec<(Event, u32)> = events.drain(..).zip(0u32..).collect();
    paired.sort_by_key(|(e, _)| e.order_key());
    let mut original = Vec::with_capacity(paired.len());
    for (event, index) in paired {
        events.push(event);
        original.push(index);
    }
    Order::Sorted(original)
}

/// Where each loaded event stood in the file.
enum Order {
    /// Loaded as listed.
    AsInFile,
    /// Sorted: the file index of each loaded event.
    Sorted(Vec<u32>),
}

impl Order {
    fn original(&self, i: usize) -> usize {
        match self {
            Order::AsInFile => i,
            Order::Sorted(original) => original.get(i).map_or(i, |&o| o as usize),
        }
    }
}

/// Ids are unique and every review overturns an earlier event.
fn check_references(
    src: Source<'_>,
    events: &[Event],
    offset_of: impl Fn(usize) -> usize,
) -> Result<(), LoadError> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, event) in events.iter().enumerate() {
        if let Some(id) = &event.id {
            if let Some(&first) = ids.get(&**id) {
                let (line, _) = src.position(offset_of(first));
                return Err(LoadError(src.at(
                    offset_of(i),
                    format!(
                        "duplicate id \"{}\", first used on line {line}, expected each id once",
                        crate::text::sanitize_line(id)
                    ),
                )));
            }
            ids.insert(id, i);
        }
    }
    for (i, event) in events.iter().enumerate() {
        if let Detail::Var {
            overturns: Some(target),
            ..
        } = &event.detail
        {
            let shown = crate::text::sanitize_line(target);
            match ids.get(&**target) {
                None => {
                    return Err(LoadError(src.at(
                        offset_of(i),
                        format!(
                            "\"overturns\" names no event: no event has id \"{shown}\", expected the id of an earlier event"
                        ),
                    )));
                }
                Some(&t) if t >= i => {
                    return Err(LoadError(src.at(
                        offset_of(i),
                        format!(
                            "\"overturns\" names event \"{shown}\", which comes later, expected an earlier event"
                        ),
                    )));
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

fn check_result(
    src: Source<'_>,
    game: &Match,
    declared: FinalResult,
    offset: usize,
) -> Result<(), LoadError> {
    let replay = crate::replay::Replay::new(game.clone());
    let end = replay.at(replay.steps());
    let derived = end.score();
    let shootout = end.shootout();
    let shootout_matches = match (declared.shootout, shootout) {
        (None, _) => true,
        (Some(d), Some(s)) => d == s,
        (Some(_), None) => false,
    };
    if derived.home == declared.home && derived.away == declared.away && shootout_matches {
        return Ok(());
    }
    let fmt_pens =
        |s: Option<Score>| s.map_or(String::new(), |s| format!(", {}-{} pens", s.home, s.away));
    Err(LoadError(src.at(
        offset,
        format!(
            "declared result {}-{}{} does not match the events, which give {}-{}{}; expected the two to agree",
            declared.home,
            declared.away,
            fmt_pens(declared.shootout),
            derived.home,
            derived.away,
            fmt_pens(shootout),
        ),
    )))
}

/// Parses a document of type `T` with positions; used by other importers'
/// tests and by callers that need a typed part of a file.
pub fn parse_document<T: DeserializeOwned>(src: Source<'_>) -> Result<T, LoadError> {
    let mut sink = Vec::new();
    parse_at(src, src.text, &mut sink)
}
