//! touchline: replay a football match in the terminal, event by event.
//!
//! - [`model`]: the match as data (teams, events, the clock).
//! - [`import`]: reading match files, with errors that name the file, line
//!   and column.
//! - [`library`]: the matches under a folder, described without loading
//!   them (`touchline DIR`).
//! - [`follow`]: following a file another program writes (`--follow`).
//! - [`replay`]: the pure engine that derives the score, scorers, cards and
//!   the rest at any step.
//! - [`summary`]: the state at one step as a text or Markdown report or a
//!   JSON object (`touchline summary`).
//! - [`share`]: a moment as one line to paste to a friend (`y`).
//! - [`config`]: the fan's config file: keys, speed, spoilers, colours.
//! - [`synth`]: synthetic matches of any size, for benchmarks.
//! - [`text`]: the sanitiser every string from a file passes through.

pub mod config;
pub mod follow;
pub mod import;
pub mod library;
pub mod model;
pub mod replay;
pub mod share;
pub mod summary;
pub mod synth;
pub mod text;
pub mod tui;
