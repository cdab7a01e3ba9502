//! The terminal UI: a fan steps through a match with the keyboard while
//! the scoreboard, timeline, commentary and progress bar follow.
//!
//! The shape is Elm-like, with screens that pass on what they do not take:
//!
//! ```text
//!  key, click ──> keymap (the section in force) ──> Action
//!                                                     │
//!       ┌─────────────────────────────────────────────┘
//!       v
//!  the screen on top takes its own:  Help, while it is open
//!                                    else App (the viewer)
//!                                    or Picker (the match list; with a
//!                                      match open, that match's App)
//!       │ not taken
//!       v
//!  global::handle: quit, suspend, open the help
//!       │
//!       v
//!  Effects ──> the event loop carries them out: copy, suspend, quit,
//!              leave the match, open a match, find results
//!
//!  state ──> impl Widget for &App, &Picker ──> frame
//!        <── widgets::measure: the layout facts scrolling and paging need
//! ```
//!
//! - Actions: one enum per screen ([`ViewerAction`], [`ListAction`],
//!   [`HelpAction`]) and [`Global`] for what every screen offers
//!   ([`action`]). What an input did is [`Handled`]: consumed with its
//!   [`Effects`], or passed on, as gitui's components answer.
//! - Keys: [`keymap`] is the one table that turns keys into actions and
//!   gives the footer, the help and every message their key names;
//!   [`keymap::config`] reads a config file's `[keys.*]` tables into it.
//! - Words: [`notice`] holds the footer's messages and the panels' key
//!   reminders as typed values, written out with the keymap in force.
//! - The viewer's state is [`App`], in named parts (see [`app`]): the
//!   [`Navigator`](crate::replay::Navigator) and autoplay, finding (search
//!   and marks), chrome, look ([`look`]) and live. The match list's is
//!   [`Picker`] ([`picker`]); the help's is [`help::Help`].
//! - Drawing is `impl Widget for &App` and for `&Picker` ([`widgets`],
//!   [`views`], [`picker::view`]), from the state alone: no I/O, no clock,
//!   which is what the snapshot tests render. After each frame the event
//!   loop hands the state the facts it scrolls by ([`viewport`]).
//! - [`event_loop`] is the only part that touches the terminal, reads
//!   files or looks at the clock; [`terminal`] and [`clipboard`] are the
//!   terminal's modes and its clipboard.
//!
//! At 80x24, just after Kane's penalty (larger screens give the panels more
//! room; the layout is the same):
//!
//! ```text
//! ╭ FIFA World Cup 2022 · Quarter-final ─── ❚❚ 1x · spoilers hidden · s to show ─╮
//! │             England  ENG     ██              ██     FRA  France              │
//! │           Kane 54' (pen)   ████            ████     Tchouaméni 17'           │
//! │                              ██    ██████    ██                              │
//! │                              ██              ██                              │
//! │                            ██████          ██████                            │
//! │                                2nd half · 54'                                │
//! ╰──────────────────────────────────────────────────────────────────────────────╯
//! ╭ Timeline ────────────────────────╮╭ Commentary ──────────────────────────────╮
//! │       ∙ Before kick-off          ││ 54'  ◉ Goal (penalty) · ENG Harry Kane   │
//! │    1' »     Kick-off             ││ England 1-1 France                       │
//! │   17' ◉ FRA Goal Tchouaméni 0-1  ││ Kane thumps the spot-kick past Lloris!   │
//! │   43' ▮ FRA Yellow card Griezmann││ 1-1, and that's his 53rd goal for        │
//! │ 45+5' ∎     Half-time 0-1        ││ England, level with Wayne Rooney's       │
//! │   46' »     Second half          ││ all-time record.                         │
//! │   46' ▮ FRA Yellow card Dembélé  ││                                          │
//! │   52' ⊚ ENG Penalty: Saka fouled ││                                          │
//! │   54' ◉ ENG Goal Kane (pen) 1-1  ││                                          │
//! │       ⋮ hidden · s to show       ││                                          │
//! │                                  ││                                          │
//! ╰──────────────────────────────────╯╰──────────────────────────────────────────╯
//!  1H ━━━━━━━━━━━◉━━━━━━━━━━━━━━━━━━━▮━━━━━ 2H ▮━━━━━◉───────────────────────────
//!                                                    ▴ 54'
//!  ←→ step  [ ] goals  Space play  +- speed  t minute  s spoilers  q quit  ? help
//! ```
//!
//! Below 80x24 the panels give way in order (see [`widgets::Plan`]) down
//! to the score alone on one line; no size panics.
//!
//! The match list of `touchline DIR` ([`run_library`]) opens an [`App`] on
//! the chosen match and takes the fan back when the viewer leaves it; a
//! viewer following a file as it is written ([`run_follow`]) takes each
//! new version with [`App::follow_update`].

pub mod action;
pub mod app;
pub mod clipboard;
pub mod effect;
pub mod event_loop;
pub mod find;
mod font;
pub mod global;
pub mod help;
pub mod keymap;
pub mod look;
pub mod mouse;
pub mod notice;
pub mod picker;
pub mod terminal;
pub mod theme;
pub mod viewport;
pub mod views;
pub mod widgets;

pub use crate::replay::filter::{EventFilter, Only, Scope};
pub use action::{Action, Global, HelpAction, ListAction, ViewerAction};
pub use app::{App, AppOptions, Live, Prompt, Sharing};
pub use clipboard::Clipboard;
pub use effect::{Effect, Effects, Handled};
pub use event_loop::{Ending, Loader, handle_event, run, run_follow, run_library};
pub use keymap::config::{Configured, configure};
pub use look::Setup;
pub use notice::Notice;
pub use picker::Picker;
pub use theme::ColorMode;
