//! The terminal UI: a fan steps through a match with the keyboard while
//! the scoreboard, timeline, commentary and progress bar follow.
//!
//! The shape is Elm-like: [`App`] holds the state, keys become
//! [`Action`]s through the one table in [`keymap`], [`App::update`]
//! applies them, and `impl Widget for &App` draws a frame from the state
//! alone (no I/O, no clock), which is what the snapshot tests render.
//! [`run`] is the only part that touches the terminal.
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
//! Two more screens share the loop: [`picker::Picker`], the match list of
//! `touchline DIR`, which opens an [`App`] on the chosen match; and a
//! viewer following a file as it is written ([`run_follow`]), where the
//! app takes each new version with [`App::follow_update`].

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
