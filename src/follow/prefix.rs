//! The complete part of a JSON document that stops part way: a match file
//! whose `events` list (or a StatsBomb file whose top-level array) has not
//! been closed yet, cut after its last complete event and closed.

use serde::de::IgnoredAny;

/// A document that ends part way.
#[derive(Debug, PartialEq, Eq)]
pub struct Cut {
    /// The document up to its last complete event, closed so that it
    /// parses; `None` when it stops before its list of events begins.
    pub complete: Option<Vec<u8>>,
}

/// `None` when `bytes` is not a document that stops part way (it is
/// whole, or broken before its end).
pub fn cut(bytes: &[u8]) -> Option<Cut> {
    let mut text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A write that stops inside a character leaves the start of one.
    if let Err(e) = std::str::from_utf8(text)
        && e.error_len().is_none()
    {
        text = &text[..e.valid_up_to()];
    }
    match serde_json::from_slice::<IgnoredAny>(text) {
        Err(e) if e.is_eof() => {}
        _ => return None,
    }
    Some(Cut {
        complete: complete_events(text),
    })
}

/// Scans the structure (strings, nesting, the keys of the top object) for
/// the list of events and the end of its last complete element.
fn complete_events(text: &[u8]) -> Option<Vec<u8>> {
    let mut stack: Vec<u8> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0;
    // The last string read in the top object where a key goes.
    let mut key: &[u8] = b"";
    let mut expect_key = false;
    let mut events_depth: Option<usize> = None;
    let mut list_open: Option<usize> = None;
    let mut last_end: Option<usize> = None;
    for (i, &b) in text.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    in_string = false;
                    if stack.len() == 1 && expect_key {
                        key = &text[string_start..i];
                        expect_key = false;
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b'{' | b'[' => {
                stack.push(b);
                let depth = stack.len();
                if b == b'[' && events_depth.is_none() {
                    let top_array = depth == 1;
                    let events_key = depth == 2 && stack[0] == b'{' && key == b"events";
                    if top_array || events_key {
                        events_depth = Some(depth);
                        list_open = Some(i + 1);
                    }
                }
                expect_key = b == b'{' && depth == 1;
            }
            b'}' | b']' => {
                stack.pop();
                if b == b'}' && Some(stack.len()) == events_depth {
                    last_end = Some(i + 1);
                }
            }
            b',' => expect_key = stack.len() == 1 && stack[0] == b'{',
            _ => {}
        }
    }
    let depth = events_depth?;
    // Cut after the last complete event (or at the list's opening when
    // there is none yet); what stays open there is the list and, for a
    // match file, the object around it.
    let end = last_end.or(list_open)?;
    let mut out = text[..end].to_vec();
    let closers: &[u8] = if depth == 1 { b"]" } else { b"]}" };
    out.push(b'\n');
    out.extend_from_slice(closers);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(text: &str) -> Option<String> {
        cut(text.as_bytes())
            .expect("stops part way")
            .complete
            .map(|b| String::from_utf8(b).unwrap())
    }

    #[test]
    fn whole_and_broken_documents_are_not_cut() {
        assert_eq!(cut(br#"{"match": {}, "events": []}"#), None);
        assert_eq!(cut(br#"{"match": {}, "events": [}, {"#), None);
        assert_eq!(cut(b"[1, 2] x"), None);
    }

    #[test]
    fn a_match_file_is_cut_after_its_last_complete_event() {
        let text = r#"{"match": {"home": {"name": "A ]}"}}, "events": [
            {"kind": "period_start", "clock": "1", "text": "a } in a string"},
            {"kind": "goal", "clock": "3", "quotes": [{"text": "x"}]},
            {"kind": "note", "clo"#;
        let fixed = complete(text).unwrap();
        let value: serde_json::Value = serde_json::from_str(&fixed).expect(&fixed);
        assert_eq!(value["events"].as_array().unwrap().len(), 2);
        assert_eq!(value["match"]["home"]["name"], "A ]}");
    }

    #[test]
    fn an_open_list_with_no_event_yet_closes_empty() {
        let fixed = complete(r#"{"match": {"home": {}}, "events": [ {"kin"#).unwrap();
        let value: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(value["events"], serde_json::json!([]));
    }

    #[test]
    fn a_file_cut_inside_its_header_has_no_complete_part() {
        assert_eq!(complete(r#"{"match": {"home": {"na"#), None);
        // An "events" key inside the header is not the list.
        assert_eq!(complete(r#"{"match": {"events": [{"a": 1}, "#), None);
    }

    #[test]
    fn a_write_that_stops_inside_a_character_is_still_cut() {
        let text = "[{\"name\": \"Mbappé\"}, {\"name\": \"é".as_bytes();
        let cut_short = &text[..text.len() - 1];
        let fixed = cut(cut_short).expect("stops part way").complete.unwrap();
        let value: serde_json::Value = serde_json::from_slice(&fixed).unwrap();
        assert_eq!(value[0]["name"], "Mbappé");
    }

    #[test]
    fn a_statsbomb_array_is_cut_after_its_last_complete_object() {
        let fixed = complete(r#"[{"index": 1, "type": {"name": "Pass"}}, {"index": 2, "#).unwrap();
        let value: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(value.as_array().unwrap().len(), 1);
    }
}
