//! The fan's finding tools in the viewer: the last search, whose hits are
//! among the listed moments, and the marks. What the screen may say about
//! them with spoilers hidden is decided here: the notices it gives count
//! only what has been reached.

use super::super::find::{self, Bookmarks, Query, Search};
use super::super::notice::{Notice, Then};
use crate::model::Text;
use crate::replay::filter::people;
use crate::replay::{Navigator, State};

/// The search and the marks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Finding {
    /// The last search run, with its hits among the listed moments.
    search: Option<Search>,
    /// Each event's searchable text, folded; built on the first search.
    haystacks: Vec<String>,
    marks: Bookmarks,
}

/// Where a finding key takes the cursor, and what to say about it.
pub(super) struct Found {
    /// The step to go to, when the cursor moves.
    pub target: Option<usize>,
    /// The footer's note.
    pub notice: Option<Notice>,
}

impl Finding {
    /// The last search, if one is on.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The fan's marks.
    pub fn marks(&self) -> &Bookmarks {
        &self.marks
    }

    /// Whether the timeline marks `step` as a search hit.
    pub fn is_hit(&self, step: usize) -> bool {
        self.search.as_ref().is_some_and(|s| s.is_hit(step))
    }

    /// The search for the footer: "/kane · hit 3 of 7", counted only up
    /// to `step` while spoilers are hidden.
    pub fn status(&self, step: usize, spoilers: bool) -> Option<String> {
        self.search
            .as_ref()
            .map(|s| format!("/{} · {}", s.query().shown(), s.status(step, spoilers)))
    }

    /// Drops the search; whether there was one.
    pub(super) fn clear_search(&mut self) -> bool {
        self.search.take().is_some()
    }

    /// Forgets the searchable text: the match has a new version.
    pub(super) fn forget_text(&mut self) {
        self.haystacks.clear();
    }

    /// Finds the search's hits again, among the moments `nav` lists now.
    pub(super) fn refind(&mut self, nav: &Navigator) {
        if let Some(search) = self.search.take() {
            let hits = self.hits(nav, search.query());
            self.search = Some(Search::new(search.query().clone(), hits));
        }
    }

    /// The listed moments that `query` finds.
    fn hits(&mut self, nav: &Navigator, query: &Query) -> Vec<usize> {
        let replay = nav.replay();
        let events = &replay.game().events;
        if self.haystacks.len() != events.len() {
            self.haystacks = events
                .iter()
                .enumerate()
                .map(|(i, event)| find::haystack(replay, i + 1, event))
                .collect();
        }
        events
            .iter()
            .zip(&self.haystacks)
            .enumerate()
            .filter(|(_, (event, hay))| nav.filter().shows(event) && query.matches(hay))
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// Runs the search typed into the prompt; an empty one clears the last
    /// search.
    ///
    /// Where the cursor goes depends on the spoiler setting. With spoilers
    /// shown, it goes to the first hit from here on (or the first of all),
    /// as in any pager. With them hidden it stays: the hits already
    /// reached are marked and counted, and `n` goes on to the next one
    /// when the fan chooses to look ahead. Running a search must not
    /// itself carry the fan into the part of the match they have not seen,
    /// nor tell them how often a name comes up there.
    pub(super) fn run(&mut self, input: &str, nav: &Navigator, spoilers: bool) -> Found {
        let Some(query) = Query::new(input) else {
            let notice = self.clear_search().then_some(Notice::SearchCleared);
            return Found {
                target: None,
                notice,
            };
        };
        let hits = self.hits(nav, &query);
        let search = Search::new(query, hits);
        let step = nav.step();
        let found = if spoilers {
            let from_here = search.hits().iter().copied().find(|&s| s >= step);
            let from_start = from_here.is_none() && !search.hits().is_empty();
            let target = from_here.or_else(|| search.hits().first().copied());
            let then = if search.hits().len() > 1 {
                Then::NextPrevious
            } else {
                Then::Nothing
            };
            let at = target.unwrap_or(step);
            Found {
                target,
                notice: Some(note(&search, at, spoilers, from_start, then)),
            }
        } else {
            let then = if search.count_upto(step) == 0 {
                Then::LooksAhead
            } else {
                Then::LooksAheadOrBack
            };
            Found {
                target: None,
                notice: Some(note(&search, step, spoilers, false, then)),
            }
        };
        self.search = Some(search);
        found
    }

    /// `n` (forward) or `N` from `step`: on to the next hit, which the fan
    /// may choose even when it lies ahead with spoilers hidden, as `]`
    /// does for goals.
    pub(super) fn step_to_hit(&self, forward: bool, step: usize, spoilers: bool) -> Found {
        let Some(search) = &self.search else {
            return Found {
                target: None,
                notice: Some(Notice::NoSearch),
            };
        };
        let target = if forward {
            search.next(step)
        } else {
            search.prev(step)
        };
        let notice = match target {
            Some(at) => note(search, at, spoilers, false, Then::Nothing),
            None => Notice::NoMoreHits {
                later: forward,
                query: search.query().shown().to_owned(),
            },
        };
        Found {
            target,
            notice: Some(notice),
        }
    }

    /// Marks `step`, or unmarks it; `moment` names it.
    pub(super) fn toggle_mark(&mut self, step: usize, moment: String) -> Notice {
        let marked = self.marks.toggle(step);
        let marks = self.marks.len();
        if marked {
            Notice::Marked { moment, marks }
        } else {
            Notice::MarkRemoved { left: marks }
        }
    }

    /// The next mark from `step`, round to the first; `moment` names the
    /// step gone to.
    pub(super) fn next_mark(&self, step: usize, moment: impl Fn(usize) -> String) -> Found {
        let (target, notice) = match self.marks.next_cycling(step) {
            None => (None, Notice::NoMarks),
            Some(mark) if mark == step => (None, Notice::OnlyMark),
            Some(mark) => (
                Some(mark),
                Notice::Mark {
                    index: self.marks.position(mark).unwrap_or(1),
                    marks: self.marks.len(),
                    moment: moment(mark),
                },
            ),
        };
        Found {
            target,
            notice: Some(notice),
        }
    }

    /// The player the player filter narrows to: of the people the moment
    /// of `state` names, the first the search matches when there is a
    /// search, else the main one (the scorer, the player booked, the one
    /// coming on).
    pub fn moment_player(&self, state: &State) -> Option<Text> {
        let event = state.event()?;
        if let Some(search) = &self.search {
            let found = people(event).find(|p| search.query().matches(&find::fold(p)));
            if let Some(name) = found {
                return Some(name.clone());
            }
        }
        people(event).next().cloned()
    }
}

/// "hit 3 of 7 for “kane”", counted at `step` as [`Search::status`]
/// allows.
fn note(search: &Search, step: usize, spoilers: bool, from_start: bool, then: Then) -> Notice {
    Notice::Found {
        status: search.status(step, spoilers),
        query: search.query().shown().to_owned(),
        from_start,
        then,
    }
}
