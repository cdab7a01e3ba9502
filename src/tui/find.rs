//! Finding moments: the search behind `/` (with `n` and `N`) and the
//! fan's bookmarks (`m` and `'`). Both are plain data over step numbers;
//! the viewer's [`Finding`](super::app::Finding) decides what the screen
//! may say about them.
//!
//! Matching is what a fan typing on an English keyboard expects: case and
//! accents do not matter ("mbappe" finds "Mbappé", "oezil" does not but
//! "ozil" finds "Özil"), nor do apostrophes and hyphens ("ngolo" finds
//! "N'Golo", "heung min" finds "Heung-min"), and every word typed must
//! appear somewhere in the moment, in any order ("kane pen").

use std::collections::BTreeSet;

use super::widgets::moment;
use crate::model::{Detail, Event};
use crate::replay::Replay;
use crate::replay::filter::people;
use crate::text;

/// `text` as search compares it: folded as [`text::fold`] folds it (case
/// and accents gone, ø, ß, ł… spelt the way fans type them), with the
/// joining punctuation (apostrophes, hyphens) dropped and every other mark
/// a space.
pub fn fold(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for c in text::fold(words).chars() {
        if is_joiner(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Punctuation that joins the parts of a name rather than separating
/// words: apostrophes and hyphens of every kind.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '-' | '‐' | '‑' | '‒' | '–'
    )
}

/// What the fan typed, ready to match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The words as typed, for messages (sanitised: it reaches the screen).
    shown: String,
    /// The folded words, each of which must appear.
    terms: Vec<String>,
}

impl Query {
    /// The query for `input`; `None` when it has nothing to look for
    /// (blank, or punctuation only).
    pub fn new(input: &str) -> Option<Self> {
        let terms: Vec<String> = fold(input).split_whitespace().map(str::to_owned).collect();
        if terms.is_empty() {
            return None;
        }
        let shown = text::sanitize_line(input.trim()).into_owned();
        Some(Self { shown, terms })
    }

    /// The query as the fan typed it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Whether a folded `haystack` (see [`haystack`]) has every word.
    pub fn matches(&self, haystack: &str) -> bool {
        self.terms
            .iter()
            .all(|term| haystack.contains(term.as_str()))
    }
}

/// Everything a search looks at in the event at `step`, folded: the team,
/// every person named (scorer, assist, fouled, players on and off…), the
/// kind of moment ("Yellow card"), its reason or decision, the
/// commentary, and the quotes with who said them.
pub fn haystack(replay: &Replay, step: usize, event: &Event) -> String {
    let info = &replay.game().info;
    let mut parts: Vec<&str> = Vec::new();
    if let Some(side) = event.team {
        let team = info.team(side);
        parts.push(&team.name);
        parts.extend(team.code.as_deref());
    }
    parts.extend(people(event).map(|p| &**p));
    let kind = moment::kind_title(replay, step, event);
    parts.push(&kind);
    match &event.detail {
        Detail::Card { reason, .. } => parts.extend(reason.as_deref()),
        Detail::Var { decision, .. } => parts.extend(decision.as_deref()),
        Detail::Play { action, .. } => parts.extend(action.as_deref()),
        _ => {}
    }
    parts.extend(event.text.as_deref());
    for quote in &event.quotes {
        parts.push(&quote.speaker);
        parts.extend(quote.role.as_deref());
        parts.push(&quote.text);
    }
    let mut folded = String::from(" ");
    for part in parts {
        folded.push_str(&fold(part));
        folded.push(' ');
    }
    folded
}

/// A search that has been run: the query and the steps it found, among
/// those the timeline lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    query: Query,
    hits: Vec<usize>,
}

impl Search {
    /// A search for `query` that found `hits` (in any order).
    pub fn new(query: Query, mut hits: Vec<usize>) -> Self {
        hits.sort_unstable();
        hits.dedup();
        Self { query, hits }
    }

    /// What was searched for.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Every hit, in match order. Not for display with spoilers hidden:
    /// see [`Search::count_upto`].
    pub fn hits(&self) -> &[usize] {
        &self.hits
    }

    /// Whether the moment at `step` is a hit.
    pub fn is_hit(&self, step: usize) -> bool {
        self.hits.binary_search(&step).is_ok()
    }

    /// The first hit after `step`.
    pub fn next(&self, step: usize) -> Option<usize> {
        let i = self.hits.partition_point(|&s| s <= step);
        self.hits.get(i).copied()
    }

    /// The last hit before `step`.
    pub fn prev(&self, step: usize) -> Option<usize> {
        let i = self.hits.partition_point(|&s| s < step);
        i.checked_sub(1).map(|i| self.hits[i])
    }

    /// How many hits there are up to and including `step`: all a status
    /// may count while spoilers are hidden.
    pub fn count_upto(&self, step: usize) -> usize {
        self.hits.partition_point(|&s| s <= step)
    }

    /// The status words at `step`: "hit 3 of 7", "7 hits", "no match"
    /// with spoilers shown; with them hidden only what has been reached
    /// counts ("hit 3", "2 hits so far", "no match so far"), so the words
    /// never tell how often the search term comes up later.
    pub fn status(&self, step: usize, spoilers: bool) -> String {
        let upto = self.count_upto(step);
        let on_hit = self.is_hit(step);
        let total = self.hits.len();
        match (spoilers, on_hit) {
            (true, true) => format!("hit {upto} of {total}"),
            (true, false) if total == 0 => "no match".to_owned(),
            (true, false) => format!("{total} {}", hits_word(total)),
            (false, true) => format!("hit {upto}"),
            (false, false) if upto == 0 => "no match so far".to_owned(),
            (false, false) => format!("{upto} {} so far", hits_word(upto)),
        }
    }
}

fn hits_word(n: usize) -> &'static str {
    if n == 1 { "hit" } else { "hits" }
}

/// The moments the fan has marked with `m`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bookmarks(BTreeSet<usize>);

impl Bookmarks {
    /// Marks `step`, or unmarks it if it was marked; returns whether it is
    /// marked now.
    pub fn toggle(&mut self, step: usize) -> bool {
        if self.0.remove(&step) {
            false
        } else {
            self.0.insert(step);
            true
        }
    }

    /// Whether `step` is marked.
    pub fn contains(&self, step: usize) -> bool {
        self.0.contains(&step)
    }

    /// The first mark after `step`, or the first of all when none is
    /// after it (so `'` cycles); `None` without marks.
    pub fn next_cycling(&self, step: usize) -> Option<usize> {
        self.0
            .range(step + 1..)
            .next()
            .or_else(|| self.0.first())
            .copied()
    }

    /// Which mark `step` is, counting from 1 in match order.
    pub fn position(&self, step: usize) -> Option<usize> {
        self.contains(step)
            .then(|| self.0.range(..step).count() + 1)
    }

    /// How many marks there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The marked steps, in match order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;

    #[test]
    fn folding_ignores_case_accents_and_joining_punctuation() {
        assert_eq!(fold("Kylian Mbappé"), "kylian mbappe");
        assert_eq!(fold("N'Golo Kanté"), "ngolo kante");
        assert_eq!(fold("Son Heung-min"), "son heungmin");
        assert_eq!(fold("Mesut Özil"), "mesut ozil");
        assert_eq!(fold("Martin Ødegaard"), "martin odegaard");
        assert_eq!(fold("Thomas Müller"), "thomas muller");
        assert_eq!(
            fold("Robert Lewandowski, Łukasz"),
            "robert lewandowski lukasz"
        );
        assert_eq!(fold("FRA Goal (pen) 1-1!"), "fra goal pen 11 ");
        assert_eq!(fold("孫興慜"), "孫興慜");
        assert_eq!(fold("ÇAĞLAR SÖYÜNCÜ"), "caglar soyuncu");
    }

    #[test]
    fn every_word_must_appear_in_any_order() {
        let hay = fold(" Harry Kane Goal (penalty) Kane thumps the spot-kick ");
        let q = |s| Query::new(s).expect("a query");
        assert!(q("kane").matches(&hay));
        assert!(q("KANE pen").matches(&hay));
        assert!(q("pen kane").matches(&hay));
        assert!(q("spotkick").matches(&hay));
        assert!(q("spot-kick").matches(&hay));
        assert!(!q("kane header").matches(&hay));
        assert_eq!(Query::new("  "), None);
        assert_eq!(Query::new("?!"), None);
        assert_eq!(q(" Mbappé ").shown(), "Mbappé");
        assert_eq!(
            q("a\u{7}b").shown(),
            "a\u{2407}b",
            "control characters are shown inert"
        );
    }

    #[test]
    fn the_haystack_has_names_in_every_role_team_kind_text_and_quotes() {
        let replay = Replay::new(import::bundled().game);
        let events = &replay.game().events;
        let find = |words: &str| -> Vec<usize> {
            let query = Query::new(words).unwrap();
            (1..=events.len())
                .filter(|&s| query.matches(&haystack(&replay, s, &events[s - 1])))
                .collect()
        };
        let sub = events
            .iter()
            .position(|e| matches!(&e.detail, Detail::Substitution { player_in: Some(p), .. } if p.contains("Coman")))
            .expect("Coman comes on");
        assert!(find("coman").contains(&(sub + 1)), "player_in is searched");
        assert!(
            find("dembele").contains(&(sub + 1)),
            "player_out too, without the accent"
        );
        assert!(!find("yellow card").is_empty(), "the kind of moment");
        assert!(!find("southgate").is_empty(), "quote speakers");
        assert!(find("zzzz").is_empty());
        let france = find("france");
        let french: Vec<usize> = (1..=events.len())
            .filter(|&s| events[s - 1].team == Some(crate::model::Side::Away))
            .collect();
        assert!(french.len() > 3);
        assert!(
            french.iter().all(|s| france.contains(s)),
            "every French event names the team: {french:?} {france:?}"
        );
        assert!(find("fra").len() >= french.len(), "and its code");
    }

    #[test]
    fn hits_are_counted_only_up_to_the_cursor_while_spoilers_hide() {
        let search = Search::new(Query::new("x").unwrap(), vec![9, 3, 5, 3]);
        assert_eq!(search.hits(), [3, 5, 9]);
        assert_eq!(search.next(3), Some(5));
        assert_eq!(search.next(9), None);
        assert_eq!(search.prev(3), None);
        assert_eq!(search.prev(4), Some(3));
        assert_eq!(search.status(5, true), "hit 2 of 3");
        assert_eq!(search.status(6, true), "3 hits");
        assert_eq!(search.status(5, false), "hit 2");
        assert_eq!(search.status(6, false), "2 hits so far");
        assert_eq!(search.status(1, false), "no match so far");
        assert_eq!(search.status(3, false), "hit 1");
        let none = Search::new(Query::new("x").unwrap(), vec![]);
        assert_eq!(none.status(4, true), "no match");
        assert_eq!(none.status(4, false), "no match so far");
    }

    #[test]
    fn bookmarks_toggle_and_cycle() {
        let mut marks = Bookmarks::default();
        assert_eq!(marks.next_cycling(4), None);
        assert!(marks.toggle(8));
        assert!(marks.toggle(3));
        assert_eq!(marks.next_cycling(3), Some(8));
        assert_eq!(marks.next_cycling(8), Some(3), "round to the first");
        assert_eq!(marks.next_cycling(0), Some(3));
        assert_eq!(marks.position(8), Some(2));
        assert_eq!(marks.position(5), None);
        assert!(!marks.toggle(8));
        assert_eq!(marks.iter().collect::<Vec<_>>(), [3]);
        assert_eq!(marks.next_cycling(3), Some(3), "the only mark");
    }
}
