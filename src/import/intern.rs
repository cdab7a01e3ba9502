//! One shared copy of each name: a match repeats the same players, teams
//! and action names thousands of times, so loaders keep one [`Text`] per
//! distinct (sanitised) string.

use rustc_hash::FxHashSet;

use crate::model::Text;
use crate::text::{sanitize, sanitize_line};

/// The set of names seen so far in one load. It is looked up for nearly
/// every field of every event, with short keys from the file itself, so it
/// uses the Fx hash rather than the standard SipHash, which a hostile file
/// cannot exploit here beyond slowing its own load.
#[derive(Debug, Default)]
pub struct Interner {
    names: FxHashSet<Text>,
}

impl Interner {
    /// The shared copy of a one-line name, sanitised.
    pub fn name(&mut self, raw: &str) -> Text {
        let clean = sanitize_line(raw);
        if let Some(known) = self.names.get(&*clean) {
            return known.clone();
        }
        let text: Text = Text::from(&*clean);
        self.names.insert(text.clone());
        text
    }

    /// A sanitised copy of free text (commentary, decisions), which rarely
    /// repeats and is not interned; newlines are kept.
    pub fn prose(raw: &str) -> Text {
        Text::from(&*sanitize(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn equal_names_share_one_allocation() {
        let mut names = Interner::default();
        let a = names.name("Harry Kane");
        let b = names.name("Harry Kane");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*names.name("Kane\u{1b}"), "Kane\u{241b}");
    }
}
