//! What the screens say to the fan, as typed values: a [`Notice`] is a
//! one-off message for the footer ("No goal after this moment"), a [`Cue`]
//! a standing reminder drawn on a panel ("⋮ hidden · s to show"). Both are
//! written out only when drawn, with the [`Keymap`] in force, so every key
//! a message names is the key that does it, whatever a config file chose.
//! No key name is written here: each comes from the keymap by its action.

use super::action::{Global, HelpAction, ListAction, ViewerAction};
use super::keymap::{Key, Keymap, Section};

/// A one-off message in the footer; it goes with the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Stepping on found nothing later under a narrowed filter.
    NothingLaterListed {
        /// The filter, as the status line names it ("only goals").
        filter: String,
    },
    /// Stepping on from the last moment.
    LastMoment,
    /// Stepping back from before kick-off.
    NothingEarlier,
    /// No goal after the cursor.
    NoGoalAfter,
    /// No goal before the cursor.
    NoGoalBefore,
    /// Play pressed at the last moment.
    FinalMoment,
    /// Every event is listed now.
    EveryEvent,
    /// Key moments only are listed now.
    KeyMomentsOnly,
    /// A filter narrows the listing now.
    Listing {
        /// The filter, as the status line names it.
        filter: String,
    },
    /// The filter is cleared.
    FilterCleared,
    /// The player filter was asked for on a moment that names nobody.
    NoPlayerHere,
    /// The search is cleared.
    SearchCleared,
    /// `n` or `N` with no search.
    NoSearch,
    /// Where a search stands: what it found and how to go on.
    Found {
        /// The count, as [`Search::status`](super::find::Search::status)
        /// words it.
        status: String,
        /// What was searched for, as typed.
        query: String,
        /// Whether the cursor came round to the first hit from the end.
        from_start: bool,
        /// Which keys go on from here.
        then: Then,
    },
    /// No hit after (or before) the cursor.
    NoMoreHits {
        /// Whether it was later that nothing was found.
        later: bool,
        /// What was searched for, as typed.
        query: String,
    },
    /// A moment was marked.
    Marked {
        /// The moment, in a few words ("54'").
        moment: String,
        /// How many marks there are now.
        marks: usize,
    },
    /// A mark was removed.
    MarkRemoved {
        /// How many marks are left.
        left: usize,
    },
    /// Next mark with no marks.
    NoMarks,
    /// Next mark with the cursor on the only one.
    OnlyMark,
    /// The cursor went to a mark.
    Mark {
        /// Which mark, from 1.
        index: usize,
        /// How many there are.
        marks: usize,
        /// The moment, in a few words.
        moment: String,
    },
    /// A moment was copied to share.
    Copied {
        /// What became of it (see
        /// [`Clipboard::outcome`](super::Clipboard::outcome)).
        outcome: &'static str,
        /// The line.
        line: String,
    },
    /// Clear asked of the match list's filter with none typed.
    NoListFilter,
    /// Enter on a file the list could not read.
    CannotOpen {
        /// Why.
        reason: String,
    },
    /// Enter with no row left by the list's filter.
    NothingFits,
    /// A match did not load.
    CouldNotOpen {
        /// Why.
        reason: String,
    },
    /// Words from outside the screens, shown as they are: a config file's
    /// mistake.
    Text(String),
}

/// How a search note goes on, by the keys that go on from there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Nothing more to say.
    Nothing,
    /// "n next, N previous": spoilers shown, several hits.
    NextPrevious,
    /// "n looks ahead": spoilers hidden, nothing reached yet.
    LooksAhead,
    /// "n looks ahead, N back": spoilers hidden, hits reached.
    LooksAheadOrBack,
}

impl Notice {
    /// The words, with the keys of `keymap`.
    pub fn text(&self, keymap: &Keymap) -> String {
        let replay = |action: ViewerAction| keymap.key(Section::Replay, action);
        match self {
            Notice::LastMoment
            | Notice::NothingEarlier
            | Notice::NoGoalAfter
            | Notice::NoGoalBefore
            | Notice::EveryEvent
            | Notice::KeyMomentsOnly
            | Notice::FilterCleared
            | Notice::SearchCleared
            | Notice::OnlyMark => self.fixed().to_owned(),
            Notice::NothingLaterListed { filter } => format!("Nothing later is listed ({filter})."),
            Notice::FinalMoment => format!(
                "That was the final moment. {} goes back to kick-off.",
                keymap.any_key(Section::Replay, ViewerAction::KickOff)
            ),
            Notice::Listing { filter } => format!(
                "Listing {filter}: {} step through them, {} clears the filter.",
                keymap.hint(Section::Replay, ViewerAction::NextEvent),
                replay(ViewerAction::Back)
            ),
            Notice::NoPlayerHere => format!(
                "This moment names no player: step to one of theirs (or find them with {}), then {} {}.",
                replay(ViewerAction::OpenSearch),
                replay(ViewerAction::OpenFilter),
                keymap.key(Section::Filter, ViewerAction::FilterPlayer)
            ),
            Notice::NoSearch => format!(
                "No search yet: {} searches players, teams and commentary.",
                replay(ViewerAction::OpenSearch)
            ),
            Notice::Found { .. } => self.search_note(keymap),
            Notice::NoMoreHits { later, query } => {
                let which = if *later { "later" } else { "earlier" };
                format!("No {which} match for “{query}”.")
            }
            Notice::Marked { moment, marks } => format!(
                "Marked {moment}: {} comes back to it ({marks} {}).",
                replay(ViewerAction::NextMark),
                if *marks == 1 { "mark" } else { "marks" }
            ),
            Notice::MarkRemoved { left } => format!("Mark removed ({left} left)."),
            Notice::NoMarks => format!(
                "No marks yet: {} marks the moment you are on.",
                replay(ViewerAction::ToggleMark)
            ),
            Notice::Mark {
                index,
                marks,
                moment,
            } => format!("Mark {index} of {marks}: {moment}"),
            Notice::Copied { outcome, line } => format!("{outcome}: {line}"),
            Notice::NoListFilter => format!(
                "No filter to clear. {} starts one; {} quits.",
                keymap.key(Section::Library, ListAction::Filter),
                keymap.key(Section::Library, Global::Quit)
            ),
            Notice::CannotOpen { reason } => format!("That file cannot be opened: {reason}"),
            Notice::NothingFits => nothing_fits(keymap),
            Notice::CouldNotOpen { reason } => format!("Could not open it: {reason}"),
            Notice::Text(text) => text.clone(),
        }
    }

    /// The words of the notices that name no key and carry nothing.
    fn fixed(&self) -> &'static str {
        match self {
            Notice::LastMoment => "This is the last moment of the match.",
            Notice::NothingEarlier => "Before kick-off: nothing earlier.",
            Notice::NoGoalAfter => "No goal after this moment.",
            Notice::NoGoalBefore => "No goal before this moment.",
            Notice::EveryEvent => "Every event: passes, carries and the rest are listed too.",
            Notice::KeyMomentsOnly => {
                "Key moments only: goals, chances, cards, substitutions, periods."
            }
            Notice::FilterCleared => "No filter: the timeline lists every key moment again.",
            Notice::SearchCleared => "Search cleared.",
            Notice::OnlyMark => "This is your only mark.",
            _ => "",
        }
    }

    /// "hit 1 of 3 for “kane” · n next, N previous".
    fn search_note(&self, keymap: &Keymap) -> String {
        let Notice::Found {
            status,
            query,
            from_start,
            then,
        } = self
        else {
            return String::new();
        };
        let mut note = format!("{status} for “{query}”");
        if *from_start {
            note.push_str(" (from the start)");
        }
        let next = keymap.key(Section::Replay, ViewerAction::NextHit);
        let prev = keymap.key(Section::Replay, ViewerAction::PrevHit);
        match then {
            Then::Nothing => {}
            Then::NextPrevious => note.push_str(&format!(" · {next} next, {prev} previous")),
            Then::LooksAhead => note.push_str(&format!(" · {next} looks ahead")),
            Then::LooksAheadOrBack => note.push_str(&format!(" · {next} looks ahead, {prev} back")),
        }
        note
    }
}

/// "No match fits the filter. Esc, then Esc again, clears it.": the key
/// that stops typing, then the one that clears.
fn nothing_fits(keymap: &Keymap) -> String {
    let done = keymap.key(Section::LibraryFilter, ListAction::FilterDone);
    let clear = keymap.key(Section::Library, ListAction::FilterClear);
    if done == clear {
        format!("No match fits the filter. {done}, then {clear} again, clears it.")
    } else {
        format!("No match fits the filter. {done}, then {clear}, clears it.")
    }
}

/// A standing reminder drawn on a panel, naming the key that acts on what
/// the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// "s to show" (or "s to hide"): the spoiler key of the viewer or of
    /// the match list.
    Spoilers {
        /// The viewer's ([`Section::Replay`]) or the list's
        /// ([`Section::Library`]).
        section: Section,
        /// Whether spoilers are shown now.
        shown: bool,
    },
    /// "Esc clears": how the timeline's filter or the list's is cleared.
    ClearsFilter(Section),
    /// "▾ 12 more lines · PgDn": commentary below the panel.
    MoreBelow(usize),
    /// "▴ 3 lines above · PgUp": commentary above it.
    MoreAbove(usize),
    /// The help's bottom border, when there is more of it above or below.
    HelpMore {
        /// Whether some is scrolled off the top.
        above: bool,
        /// Whether some is below.
        below: bool,
    },
    /// "behind live · End": following a file, the fan is not at the
    /// newest moment.
    BehindLive,
    /// "/ filters by date, team or competition": the list's empty filter.
    ListFilter,
    /// The key that opens the list's filter, as the typing line starts.
    ListFilterKey,
    /// How stepping goes on the pitch view, for the help.
    PitchSteps,
}

impl Cue {
    /// The words, with the keys of `keymap`.
    pub fn text(&self, keymap: &Keymap) -> String {
        match *self {
            Cue::Spoilers { section, shown } => {
                let key = match section {
                    Section::Library | Section::LibraryFilter => {
                        keymap.key(Section::Library, ListAction::ToggleSpoilers)
                    }
                    _ => keymap.key(Section::Replay, ViewerAction::ToggleSpoilers),
                };
                format!("{key} to {}", if shown { "hide" } else { "show" })
            }
            Cue::ClearsFilter(section) => {
                let key = match section {
                    Section::Library | Section::LibraryFilter => {
                        keymap.key(Section::Library, ListAction::FilterClear)
                    }
                    _ => keymap.key(Section::Replay, ViewerAction::Back),
                };
                format!("{key} clears")
            }
            Cue::MoreBelow(lines) => format!(
                "▾ {lines} more lines · {}",
                keymap.key(Section::Replay, ViewerAction::ScrollDown)
            ),
            Cue::MoreAbove(lines) => format!(
                "▴ {lines} lines above · {}",
                keymap.key(Section::Replay, ViewerAction::ScrollUp)
            ),
            Cue::HelpMore { above, below } => {
                let up = keymap.keys(Section::Help, HelpAction::ScrollUp);
                let down = keymap.keys(Section::Help, HelpAction::ScrollDown);
                match (above, below) {
                    (true, true) => format!(" {}: more ", compact(up.iter().chain(down))),
                    (false, _) => format!(" {}: more ", compact(down.iter())),
                    (true, false) => format!(" {}: back to the top ", compact(up.iter())),
                }
            }
            Cue::BehindLive => format!(
                "behind live · {}",
                keymap.key(Section::Replay, ViewerAction::FullTime)
            ),
            Cue::ListFilter => format!(
                "{} filters by date, team or competition",
                keymap.key(Section::Library, ListAction::Filter)
            ),
            Cue::ListFilterKey => keymap.key(Section::Library, ListAction::Filter),
            Cue::PitchSteps => format!(
                "Pitch view: {} and play go action by action.",
                keymap.hint(Section::Replay, ViewerAction::NextEvent)
            ),
        }
    }
}

/// Keys as a short note writes them: the arrows drawn together first, then
/// the other keys' names ("↑↓ PgUp PgDn").
fn compact<'a>(keys: impl Iterator<Item = &'a Key> + Clone) -> String {
    let arrows: String = keys.clone().filter_map(|k| k.glyph()).collect();
    let names = keys.filter(|k| k.glyph().is_none()).map(|k| k.label());
    let mut parts: Vec<String> = Vec::new();
    if !arrows.is_empty() {
        parts.push(arrows);
    }
    parts.extend(names);
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keys_read_as_they_always_have() {
        let keys = Keymap::default();
        let cases = [
            (
                Cue::Spoilers {
                    section: Section::Replay,
                    shown: false,
                },
                "s to show",
            ),
            (
                Cue::Spoilers {
                    section: Section::Library,
                    shown: true,
                },
                "s to hide",
            ),
            (Cue::ClearsFilter(Section::Replay), "Esc clears"),
            (Cue::MoreBelow(16), "▾ 16 more lines · PgDn"),
            (Cue::MoreAbove(3), "▴ 3 lines above · PgUp"),
            (
                Cue::HelpMore {
                    above: true,
                    below: true,
                },
                " ↑↓ PgUp PgDn: more ",
            ),
            (
                Cue::HelpMore {
                    above: false,
                    below: true,
                },
                " ↓ PgDn: more ",
            ),
            (
                Cue::HelpMore {
                    above: true,
                    below: false,
                },
                " ↑ PgUp: back to the top ",
            ),
            (Cue::BehindLive, "behind live · End"),
            (Cue::ListFilter, "/ filters by date, team or competition"),
            (
                Cue::PitchSteps,
                "Pitch view: ←→ and play go action by action.",
            ),
        ];
        for (cue, text) in cases {
            assert_eq!(cue.text(&keys), text);
        }
        assert_eq!(
            Notice::FinalMoment.text(&keys),
            "That was the final moment. Home or g goes back to kick-off."
        );
        assert_eq!(
            Notice::NoPlayerHere.text(&keys),
            "This moment names no player: step to one of theirs (or find them with /), then f p."
        );
        assert_eq!(
            Notice::NothingFits.text(&keys),
            "No match fits the filter. Esc, then Esc again, clears it."
        );
        assert_eq!(
            Notice::NoListFilter.text(&keys),
            "No filter to clear. / starts one; q quits."
        );
        assert_eq!(
            Notice::Listing {
                filter: "only goals".to_owned()
            }
            .text(&keys),
            "Listing only goals: ←→ step through them, Esc clears the filter."
        );
    }
}
