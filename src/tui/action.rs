//! What the fan can ask for, with no key names in it: one enum per
//! screen, and one for what every screen offers alike.
//!
//! - [`ViewerAction`]: the replay of one match, its prompts and menus.
//! - [`ListAction`]: the match list of `touchline DIR`.
//! - [`HelpAction`]: the help screen.
//! - [`Global`]: quit, suspend and open the help, handled once for every
//!   screen ([`global::handle`](super::global::handle)).
//!
//! An [`Action`] is one of these: what a key (through the keymap) or a
//! click (through the mouse module) asks for. It goes to the screen on top
//! first; what that screen does not take bubbles up to its parent and, at
//! the last, to the global handler, as gitui's components pass on the
//! events they do not consume.
//!
//! A config file names actions in snake case (`next_event`); the names
//! come from serde, so an action added to the keymap can be given other
//! keys with no more code. What only the mouse asks for (`go_to`, `grab`,
//! `release`) has no name there; the clock is no action at all (see
//! [`App::tick`](super::App::tick)).

use serde::Serialize;

/// What every screen offers the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Global {
    /// Leave the program.
    Quit,
    /// Hand the terminal back to the shell and stop, as Ctrl-Z does
    /// elsewhere; the event loop carries it out, since it owns the
    /// terminal.
    Suspend,
    /// Open the help screen of the screen on top.
    OpenHelp,
}

/// A verb the viewer understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewerAction {
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
    /// Scroll the commentary down a page.
    ScrollDown,
    /// Scroll the commentary up a page.
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
    /// Type a character into the open prompt (minute or search).
    #[serde(skip)]
    PromptType(char),
    /// Delete the last character of the open prompt.
    PromptBackspace,
    /// Jump to the minute typed in, or run the search.
    PromptSubmit,
    /// Close the prompt without acting.
    PromptCancel,
}

/// A verb of the help screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum HelpAction {
    /// Close the help screen.
    #[serde(rename = "close_help")]
    Close,
    /// Scroll the help down a page.
    #[serde(rename = "scroll_down")]
    ScrollDown,
    /// Scroll the help up a page.
    #[serde(rename = "scroll_up")]
    ScrollUp,
}

/// A verb of the match list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ListAction {
    /// The next match in the list.
    #[serde(rename = "list_down")]
    Down,
    /// The previous match in the list.
    #[serde(rename = "list_up")]
    Up,
    /// A page down the list.
    #[serde(rename = "list_page_down")]
    PageDown,
    /// A page up the list.
    #[serde(rename = "list_page_up")]
    PageUp,
    /// The first match in the list.
    #[serde(rename = "list_first")]
    First,
    /// The last match in the list.
    #[serde(rename = "list_last")]
    Last,
    /// Open the highlighted match.
    #[serde(rename = "list_open")]
    Open,
    /// Start typing words that the list's rows must contain.
    #[serde(rename = "list_filter")]
    Filter,
    /// Type a character into the list's filter.
    #[serde(skip)]
    FilterType(char),
    /// Delete the last character of the list's filter.
    #[serde(rename = "list_filter_backspace")]
    FilterBackspace,
    /// Stop typing; the list's filter stays.
    #[serde(rename = "list_filter_done")]
    FilterDone,
    /// Empty the list's filter, listing every match again.
    #[serde(rename = "list_filter_clear")]
    FilterClear,
    /// Show or hide the results column.
    #[serde(rename = "toggle_spoilers")]
    ToggleSpoilers,
}

/// What a key or a click asks for: an action of one screen, or a global
/// one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Quit, suspend, help.
    Global(Global),
    /// The replay's.
    Viewer(ViewerAction),
    /// The help screen's.
    Help(HelpAction),
    /// The match list's.
    List(ListAction),
}

impl Action {
    /// The action's name in a config file: `next_event`.
    pub fn name(self) -> String {
        match self {
            Action::Global(a) => serde_name(&a),
            Action::Viewer(a) => serde_name(&a),
            Action::Help(a) => serde_name(&a),
            Action::List(a) => serde_name(&a),
        }
    }
}

impl From<Global> for Action {
    fn from(action: Global) -> Self {
        Action::Global(action)
    }
}

impl From<ViewerAction> for Action {
    fn from(action: ViewerAction) -> Self {
        Action::Viewer(action)
    }
}

impl From<HelpAction> for Action {
    fn from(action: HelpAction) -> Self {
        Action::Help(action)
    }
}

impl From<ListAction> for Action {
    fn from(action: ListAction) -> Self {
        Action::List(action)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_have_their_config_names() {
        assert_eq!(Action::from(ViewerAction::NextEvent).name(), "next_event");
        assert_eq!(
            Action::from(ViewerAction::ToggleAllEvents).name(),
            "toggle_all_events"
        );
        assert_eq!(Action::from(HelpAction::Close).name(), "close_help");
        assert_eq!(Action::from(HelpAction::ScrollDown).name(), "scroll_down");
        assert_eq!(Action::from(ListAction::PageDown).name(), "list_page_down");
        assert_eq!(
            Action::from(ListAction::ToggleSpoilers).name(),
            "toggle_spoilers"
        );
        assert_eq!(Action::from(Global::OpenHelp).name(), "open_help");
    }
}
