//! What became of each record: counts by reason (merged, skipped, or
//! partly ignored), and the warnings `validate` prints for them.

use super::item::Item;
use super::raw::{Field, Named};
use crate::import::Diagnostic;

/// A warning about the whole file.
pub(super) fn note(name: &str, message: &str) -> Diagnostic {
    Diagnostic {
        file: name.to_owned(),
        position: None,
        message: message.to_owned(),
    }
}

/// Counts by reason, with the array position of the first occurrence.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) skipped: Vec<(&'static str, usize, usize)>,
    pub(super) merged: Vec<(&'static str, usize, usize)>,
}

impl Tally {
    pub(super) fn add(
        list: &mut Vec<(&'static str, usize, usize)>,
        reason: &'static str,
        pos: usize,
        count: usize,
    ) {
        match list.iter_mut().find(|(r, ..)| *r == reason) {
            Some((_, n, _)) => *n += count,
            None => list.push((reason, count, pos)),
        }
    }

    pub(super) fn skip(&mut self, reason: &'static str, pos: usize) {
        Self::add(&mut self.skipped, reason, pos, 1);
    }

    pub(super) fn merge(&mut self, reason: &'static str, pos: usize) {
        Self::add(&mut self.merged, reason, pos, 1);
    }

    pub(super) fn skipped_list(&self) -> Vec<(String, usize)> {
        sorted(&self.skipped)
    }

    pub(super) fn merged_list(&self) -> Vec<(String, usize)> {
        sorted(&self.merged)
    }

    /// One warning per reason: "skipped 3 events: … (first: element 17
    /// of the array)". They carry no line and column: the file is read in
    /// one pass that does not keep positions.
    pub(super) fn warnings<'s>(
        &'s self,
        name: &'s str,
        what: &'s str,
    ) -> impl Iterator<Item = Diagnostic> + 's {
        self.skipped.iter().map(move |&(reason, n, pos)| {
            let events = if n == 1 { "event" } else { "events" };
            note(
                name,
                &format!(
                    "{what} {n} {events}: {reason} (first: element {} of the array)",
                    pos + 1
                ),
            )
        })
    }
}

fn sorted(list: &[(&'static str, usize, usize)]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = list.iter().map(|&(r, n, _)| (r.to_owned(), n)).collect();
    out.sort();
    out
}

/// Fields that held a value of the wrong type were ignored; `validate`
/// says which, once per field.
pub(super) fn check_field_types(items: &[Item<'_, '_>], dropped: &mut Tally) {
    for item in items {
        let raw = item.raw;
        let named = |f: &Field<Named<'_>>| {
            f.is_wrong()
                || f.get()
                    .is_some_and(|n| n.id.is_wrong() || n.name.is_wrong())
        };
        let checks: [(&'static str, bool); 11] = [
            ("a \"location\" of the wrong type", raw.location.is_wrong()),
            ("a \"team\" of the wrong type", named(&raw.team)),
            ("a \"player\" of the wrong type", named(&raw.player)),
            (
                "a \"timestamp\" of the wrong type",
                raw.timestamp.is_wrong(),
            ),
            (
                "a \"minute\" or \"second\" of the wrong type",
                raw.minute.is_wrong() || raw.second.is_wrong(),
            ),
            ("an \"index\" of the wrong type", raw.index.is_wrong()),
            (
                "a \"duration\" or \"possession_team\" of the wrong type",
                raw.duration.is_wrong() || named(&raw.possession_team),
            ),
            (
                "a \"shot\" field of the wrong type",
                raw.shot.is_wrong()
                    || raw.shot.get().is_some_and(|s| {
                        s.xg.is_wrong()
                            || named(&s.outcome)
                            || named(&s.kind)
                            || named(&s.body_part)
                            || s.key_pass_id.is_wrong()
                            || s.end_location.is_wrong()
                    }),
            ),
            (
                "a \"pass\" or \"carry\" end location of the wrong type",
                raw.pass.is_wrong()
                    || raw.carry.is_wrong()
                    || raw.pass.get().is_some_and(|p| p.end_location.is_wrong())
                    || raw.carry.get().is_some_and(|c| c.end_location.is_wrong()),
            ),
            (
                "a card or foul field of the wrong type",
                raw.foul_committed.is_wrong()
                    || raw.bad_behaviour.is_wrong()
                    || raw
                        .foul_committed
                        .get()
                        .is_some_and(|f| named(&f.card) || f.penalty.is_wrong())
                    || raw.bad_behaviour.get().is_some_and(|b| named(&b.card)),
            ),
            (
                "a \"substitution\" of the wrong type",
                raw.substitution.is_wrong()
                    || raw
                        .substitution
                        .get()
                        .is_some_and(|s| named(&s.replacement)),
            ),
        ];
        for (what, wrong) in checks {
            if wrong {
                dropped.skip(what, item.pos);
            }
        }
    }
}
