//! Helpers shared by the test files: a private tmux server ([`tmux`]), a
//! pseudo-terminal through `script` ([`pty`]), a rendered frame as a
//! terminal's lines ([`screen`]) and terminal-size sweeps ([`sizes`]).
//! Each test file uses only some of them.

#![allow(dead_code)]

pub mod pty;
pub mod screen;
pub mod sizes;
pub mod tmux;
