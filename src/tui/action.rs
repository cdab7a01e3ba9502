//! What the fan can ask for, with no key names in it: the keymap turns
//! keys into these (and the mouse module clicks),
//! [`App::update`](super::App::update) applies them.
//!
//! A config file names actions in snake case (`next_event`); the names
//! come from serde, so an action added to the keymap can be given other
//! keys with no more code. What only the mouse or the clock asks for
//! (`go_to`, `grab`, `release`, `tick`) has no name there.

use serde::{Deserialize, Serialize};

/// A verb the viewer understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The next visible moment.
    NextEvent,
    /// The previous visible moment (from kick-off: the pre-match facts).
    PrevEvent,
    /// The next goal.
    NextGoal,
    /// The previous goal.
    PrevGoal,
    /// Kick-off.
    KickOff,
    /// The last moment.
    FullTime,
    /// Start or stop autoplay.
    TogglePlay,
    /// Autoplay one speed faster.
    Faster,
    /// Autoplay one speed slower.
    Slower,
    /// Scroll the commentary (or the help screen) down a page.
    ScrollDown,
    /// Scroll the commentary (or the help screen) up a page.
    ScrollUp,
    /// Open the prompt that jumps to a typed minute.
    OpenPrompt,
    /// Show or hide what lies ahead of the cursor.
    ToggleSpoilers,
    /// The next view below the scoreboard (Tab).
    NextView,
    /// The previous view (Shift-Tab).
    PrevView,
    /// List every event, or key moments only.
    ToggleAllEvents,
    /// Copy the current moment as a line of text to share; the event loop
    /// writes it to the terminal's clipboard.
    CopyMoment,
    /// Hand the terminal back to the shell and stop, as Ctrl-Z does
    /// elsewhere; the event loop carries it out, since it owns the
    /// terminal.
    Suspend,
    /// Open the search prompt.
    OpenSearch,
    /// The next moment the search found.
    NextHit,
    /// The previous moment the search found.
    PrevHit,
    /// Open the filter menu.
    OpenFilter,
    /// List only the goals, and close the menu.
    FilterGoals,
    /// List only the cards, and close the menu.
    FilterCards,
    /// List only the home side's moments, and close the menu.
    FilterHome,
    /// List only the away side's moments, and close the menu.
    FilterAway,
    /// List only the moments of the current moment's player (the one the
    /// search found there, when a search is on), and close the menu.
    FilterPlayer,
    /// Stop narrowing the timeline, and close the menu.
    ClearFilter,
    /// Close the filter menu, changing nothing.
    CloseFilter,
    /// Mark the current moment, or unmark it.
    ToggleMark,
    /// The next marked moment, round to the first after the last.
    NextMark,
    /// Back out one level: clear the search, else the filter, else leave
    /// the match (back to the match list when it was opened from one, else
    /// quit).
    Back,
    /// Go to a step (a click on the timeline).
    #[serde(skip)]
    GoTo(usize),
    /// Go to a step and keep following the pointer (a press or drag on
    /// the progress bar).
    #[serde(skip)]
    Grab(usize),
    /// The pointer let go of the progress bar.
    #[serde(skip)]
    Release,
    /// Open the help screen.
    OpenHelp,
    /// Close the help screen.
    CloseHelp,
    /// Type a character into the open prompt (minute or search).
    #[serde(skip)]
    PromptType(char),
    /// Delete the last character of the open prompt.
    PromptBackspace,
    /// Jump to the minute typed in, or run the search.
    PromptSubmit,
    /// Close the prompt without acting.
    PromptCancel,
    /// Autoplay's timer ran out: move on one moment.
    #[serde(skip)]
    Tick,
    /// The next match in the list.
    ListDown,
    /// The previous match in the list.
    ListUp,
    /// A page down the list.
    ListPageDown,
    /// A page up the list.
    ListPageUp,
    /// The first match in the list.
    ListFirst,
    /// The last match in the list.
    ListLast,
    /// Open the highlighted match.
    ListOpen,
    /// Start typing words that the list's rows must contain.
    ListFilter,
    /// Type a character into the list's filter.
    ListFilterType(char),
    /// Delete the last character of the list's filter.
    ListFilterBackspace,
    /// Stop typing; the list's filter stays.
    ListFilterDone,
    /// Empty the list's filter, listing every match again.
    ListFilterClear,
    /// Leave the viewer.
    Quit,
}

impl Action {
    /// The action's name in a config file: `next_event`.
    pub fn name(self) -> String {
        serde_name(&self)
    }
}

/// The name serde gives a unit variant; anything else (which no config
/// file names) falls back to its debug form.
pub(crate) fn serde_name<T: Serialize + std::fmt::Debug>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => format!("{value:?}"),
    }
}
