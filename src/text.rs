//! The one gate that text from data files passes before it reaches a screen
//! or standard output: control characters become visible stand-ins, so a
//! file can never move the cursor, retitle the terminal or write the
//! clipboard.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_width::UnicodeWidthStr;

/// Replaces every control character (C0, DEL, C1) with a visible stand-in,
/// keeping newlines, which wrapped commentary may use. Tabs become a space.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

/// Like [`sanitize`] but for one-line text such as names: newlines are
/// replaced too.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// Sanitizes an owned string in place of a copy when nothing needs changing.
pub fn sanitize_owned(text: String, keep_newlines: bool) -> String {
    match clean(&text, keep_newlines) {
        Cow::Borrowed(_) => text,
        Cow::Owned(fixed) => fixed,
    }
}

fn needs_cleaning(c: char, keep_newlines: bool) -> bool {
    c.is_control() && !(keep_newlines && c == '\n') || is_bidi_control(c)
}

/// Bidirectional overrides can reorder what follows them on screen, so
/// they are treated like control characters.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether any byte could start a character that needs cleaning: C0 and
/// DEL are single bytes, C1 controls start with 0xC2 and the bidi controls
/// with 0xE2. Most text has none of these, and a byte scan is far cheaper
/// than decoding characters.
fn may_need_cleaning(text: &str) -> bool {
    text.bytes()
        .any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2)
}

fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !may_need_cleaning(text) || !text.chars().any(|c| needs_cleaning(c, keep_newlines)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if !needs_cleaning(c, keep_newlines) {
                    c
                } else if c == '\t' {
                    ' '
                } else {
                    stand_in(c)
                }
            })
            .collect(),
    )
}

/// The Unicode "control pictures" block has a visible glyph for each C0
/// character and DEL; everything else (C1, bidi controls) shows as U+FFFD.
fn stand_in(c: char) -> char {
    match c as u32 {
        n @ 0x00..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// Columns the text takes on a terminal (wide CJK and emoji count two,
/// combining accents none).
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, ending with `…` when it was cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Pads or cuts `text` to exactly `columns` columns, ending with `…` when
/// it was cut: a cell of a table.
pub fn fit(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let pad = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// Word-wraps `text` to `columns` columns; words longer than a line are
/// split. Newlines in the text start new lines.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if columns == 0 {
        return lines;
    }
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let mut word = word;
            let mut w = width(word);
            if used > 0 && used + 1 + w <= columns {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
            }
            while w > columns {
                let (head, rest) = split_at_width(word, columns);
                lines.push(head.to_owned());
                word = rest;
                w = width(word);
            }
            line.push_str(word);
            used = w;
        }
        lines.push(line);
    }
    lines
}

/// Splits `word` after at most `columns` columns (at least one character,
/// so wrapping always progresses).
fn split_at_width(word: &str, columns: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > columns && i > 0 {
            return word.split_at(i);
        }
        used += w;
    }
    (word, "")
}

/// `text` as a fan on an English keyboard types it, for matching: lower
/// case, accents dropped ("Mbappé" is "mbappe", "Köln" "koln") and the
/// letters that do not decompose spelt out ("Ødegaard" is "odegaard",
/// "Straße" "strasse", "Łukasz" "lukasz"). Everything else, punctuation
/// included, is kept.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'ø' | 'Ø' => out.push('o'),
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'þ' | 'Þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A count with its thousands grouped: "3,001", "68,895".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The surname fans use in scorer lists: the last word of the name, with
/// particles such as "de" kept ("De Bruyne" stays whole).
pub fn surname(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => name,
        [one] => one,
        [.., particle, _] if is_particle(particle) => {
            let start = name.rfind(particle).unwrap_or(0);
            &name[start..]
        }
        [.., last] => last,
    }
}

fn is_particle(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "de" | "da" | "di" | "van" | "von" | "der" | "den" | "del" | "dos" | "le" | "la" | "ter"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(3_001), "3,001");
        assert_eq!(thousands(68_895), "68,895");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn escape_sequences_become_visible() {
        let title = "Kane\u{1b}]0;pwned\u{7}";
        assert_eq!(sanitize(title), "Kane\u{241b}]0;pwned\u{2407}");
        let osc52 = "\u{1b}]52;c;ZWNobyBoaQ==\u{1b}\\";
        assert!(!sanitize(osc52).chars().any(|c| c.is_control()));
    }

    #[test]
    fn c1_del_and_bidi_controls_are_replaced() {
        assert_eq!(
            sanitize("a\u{9b}b\u{7f}c\u{202e}d"),
            "a\u{fffd}b\u{2421}c\u{fffd}d"
        );
    }

    #[test]
    fn newlines_survive_only_where_wrapping_is_allowed() {
        assert_eq!(sanitize("one\ntwo"), "one\ntwo");
        assert_eq!(sanitize_line("one\ntwo"), "one\u{240a}two");
        assert_eq!(sanitize_line("tab\there"), "tab here");
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(sanitize("Mbappé"), Cow::Borrowed(_)));
    }

    #[test]
    fn width_counts_wide_and_combining_characters() {
        assert_eq!(width("孫興慜"), 6);
        assert_eq!(width("Mbappe\u{301}"), 6);
        assert_eq!(truncate("孫興慜", 5), "孫興…");
        assert_eq!(truncate("Griezmann", 5), "Grie…");
    }

    #[test]
    fn wrap_respects_width_in_columns() {
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(wrap("孫興慜 scores", 6), ["孫興慜", "scores"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("one\ntwo", 20), ["one", "two"]);
        assert!(wrap("anything", 0).is_empty());
        for line in wrap("Mbappé, Tchouaméni et Koundé: 漢字漢字漢字 😀😀😀", 5) {
            assert!(width(&line) <= 5, "{line}");
        }
    }

    #[test]
    fn fit_pads_or_cuts_to_the_exact_width() {
        assert_eq!(fit("Kane", 6), "Kane  ");
        assert_eq!(fit("Griezmann", 6), "Griez…");
        assert_eq!(fit("孫興慜", 5), "孫興…");
        assert_eq!(fit("孫興慜", 4), "孫… ");
        assert_eq!(fit("anything", 0), "");
    }

    #[test]
    fn folding_drops_case_and_accents_and_spells_out_the_rest() {
        assert_eq!(fold("Kylian Mbappé"), "kylian mbappe");
        assert_eq!(fold("ÇAĞLAR SÖYÜNCÜ"), "caglar soyuncu");
        assert_eq!(fold("1. FC Köln"), "1. fc koln");
        assert_eq!(fold("Martin Ødegaard"), "martin odegaard");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ærø"), "aero");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Łukasz Đorđević"), "lukasz dordevic");
        assert_eq!(fold("Þór"), "thor");
        assert_eq!(
            fold("N'Golo Kanté, 2022-12-10.json"),
            "n'golo kante, 2022-12-10.json"
        );
        assert_eq!(fold("孫興慜"), "孫興慜");
    }

    #[test]
    fn surnames_keep_particles() {
        assert_eq!(surname("Harry Kane"), "Kane");
        assert_eq!(surname("Kevin De Bruyne"), "De Bruyne");
        assert_eq!(surname("Neymar"), "Neymar");
    }
}
