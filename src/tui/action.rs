//! What the fan can ask for, with no key names in it: the keymap turns
//! keys into these, [`App::update`](super::App::update) applies them.
//!
//! A config file names actions in snake case (`next_event`); the names
//! come from serde, so an action added to the keymap can be given other
//! keys with no more code.

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
    /// Hand the terminal back to the shell and stop, as Ctrl-Z does
    /// elsewhere; the event loop carries it out, since it owns the
    /// terminal.
    Suspend,
    /// Open the help screen.
    OpenHelp,
    /// Close the help screen.
    CloseHelp,
    /// Type a character into the minute prompt.
    #[serde(skip)]
    PromptType(char),
    /// Delete the last character of the minute prompt.
    PromptBackspace,
    /// Jump to the minute typed in.
    PromptSubmit,
    /// Close the minute prompt without jumping.
    PromptCancel,
    /// Autoplay's timer ran out: move on one moment.
    #[serde(skip)]
    Tick,
    /// Leave the match: back to the match list when it was opened from
    /// one, else quit.
    Back,
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
    OpenFilter,
    /// Type a character into the list's filter.
    FilterType(char),
    /// Delete the last character of the filter.
    FilterBackspace,
    /// Stop typing; the filter stays.
    FilterDone,
    /// Empty the filter, listing every match again.
    ClearFilter,
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
