//! Helpers shared by the test files that run the binary in a terminal:
//! a private tmux server ([`tmux`]), a pseudo-terminal through `script`
//! ([`pty`]) and a rendered frame as a terminal's lines ([`screen`]). Each test file uses only some of them.

#![allow(dead_code)]

pub mod pty;
pub mod screen;
pub mod tmux;
