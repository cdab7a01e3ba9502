//! The fast path for a clean file: events parsed as the splitter cuts them
//! out of the read buffer, so the text is never whole in memory. It gives
//! up (`None`) at the first thing that would need a diagnostic, and the
//! checking path in [`super::parse`] reads the file again to place it.

use super::checks::{check_references, check_result, declared_result, first_out_of_order};
use super::convert::{convert_event, convert_info};
use super::raw::{EventSeed, RawEvent, RawInfo, StrictRawEvent};
use super::{EventSink, parse_at, read_top};
use crate::import::Loaded;
use crate::import::diagnostic::{Diagnostic, Source};
use crate::import::intern::Interner;
use crate::import::split::{self, Taken};
use crate::model::Match;

/// The streaming load of a clean file; `None` as soon as anything would
/// need a diagnostic.
pub(super) fn stream_clean(name: &str, reader: impl std::io::Read, size: usize) -> Option<Loaded> {
    // An event takes well over 64 bytes of JSON, so this is room enough
    // without regrowing (and copying) the list; pages never used cost no
    // memory.
    let mut events = Vec::with_capacity(size / 64);
    let mut names = Interner::default();
    let mut ignored = Vec::new();
    let mut warnings = Vec::new();
    let (skeleton, _) = split::split(reader, |rest, whole| {
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
    let in_order = first_out_of_order(&events).is_none();
    if !warnings.is_empty() || !in_order || check_references(src, &events, |_| 0).is_err() {
        return None;
    }
    let game = Match {
        format: 1,
        info,
        events,
    };
    if let Some((declared, offset)) = declared_result(src, info_raw) {
        check_result(src, &game.events, declared, offset).ok()?;
    }
    Some(Loaded {
        game,
        warnings: Vec::new(),
        report: None,
    })
}
