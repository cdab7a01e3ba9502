//! What an update asks of the world outside the state: effects are values
//! that [`App::update`](super::App::update) and
//! [`Picker::update`](super::Picker::update) return, and that the event
//! loop, which owns the terminal and may read files, carries out in one
//! place. No screen polls a flag, and a test sees what a key would do by
//! looking at what it returns.

use super::clipboard::Clipboard;
use crate::library::Origin;

/// One thing to do outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put `line` on the clipboard by way of `clipboard` (the terminal's
    /// OSC 52); a line that may not get there is printed on the way out.
    Copy {
        /// The line.
        line: String,
        /// The route to the clipboard.
        clipboard: Clipboard,
    },
    /// Hand the terminal back to the shell and stop (Ctrl-Z).
    Suspend,
    /// Leave the program.
    Quit,
    /// Leave the match: the viewer had nothing left to back out of. Its
    /// parent decides what that means: the match list takes the fan back
    /// to the list; a viewer on its own quits.
    Leave,
    /// Load match `index` of the list, from `origin`, and hand it to
    /// [`Picker::opened`](super::Picker::opened).
    Open {
        /// The match's index in the catalog.
        index: usize,
        /// Where it is read from.
        origin: Origin,
    },
    /// Find the final results of these matches of the list (index and
    /// where each is read from) and hand each to
    /// [`Picker::set_result`](super::Picker::set_result).
    FetchResults(Vec<(usize, Origin)>),
}

/// The effects of one update, in the order they are to be carried out.
#[must_use]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effects(Vec<Effect>);

impl Effects {
    /// Nothing to do.
    pub fn none() -> Self {
        Self(Vec::new())
    }

    /// Just `effect`.
    pub fn one(effect: Effect) -> Self {
        Self(vec![effect])
    }

    /// These effects, then `other`'s.
    pub fn and(mut self, other: Effects) -> Self {
        self.0.extend(other.0);
        self
    }

    /// Adds `effect` at the end.
    pub fn push(&mut self, effect: Effect) {
        self.0.push(effect);
    }

    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `effect` is among them.
    pub fn contains(&self, effect: &Effect) -> bool {
        self.0.contains(effect)
    }

    /// Whether they stop the program or leave the match.
    pub fn quits(&self) -> bool {
        self.0
            .iter()
            .any(|e| matches!(e, Effect::Quit | Effect::Leave))
    }

    /// Takes out the effects `take` wants, leaving the rest.
    pub fn extract(&mut self, mut take: impl FnMut(&Effect) -> bool) -> Vec<Effect> {
        let (taken, kept) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(|e| take(e));
        self.0 = kept;
        taken
    }

    /// The effects, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Effect> {
        self.0.iter()
    }
}

impl IntoIterator for Effects {
    type Item = Effect;
    type IntoIter = std::vec::IntoIter<Effect>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Effect> for Effects {
    fn from(effect: Effect) -> Self {
        Self::one(effect)
    }
}

/// What a screen did with an input, as gitui's components answer: it took
/// it (with what follows from that), or it passed it on.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Handled {
    /// Taken: the screen changed (redraw it) and these effects follow.
    Consumed(Effects),
    /// Not for this screen: nothing changed.
    NotConsumed,
}

impl Handled {
    /// Taken with nothing more to do.
    pub fn done() -> Self {
        Handled::Consumed(Effects::none())
    }

    /// Whether the input was taken (and the screen is to be redrawn).
    pub fn is_consumed(&self) -> bool {
        matches!(self, Handled::Consumed(_))
    }

    /// The effects, none when the input was not taken.
    pub fn effects(self) -> Effects {
        match self {
            Handled::Consumed(effects) => effects,
            Handled::NotConsumed => Effects::none(),
        }
    }

    /// This, or what `next` makes of the input when this passed it on.
    pub fn or_else(self, next: impl FnOnce() -> Handled) -> Handled {
        match self {
            Handled::NotConsumed => next(),
            consumed => consumed,
        }
    }
}

impl From<Effects> for Handled {
    fn from(effects: Effects) -> Self {
        Handled::Consumed(effects)
    }
}
