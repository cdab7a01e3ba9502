//! Helpers shared by the test files that run the binary in a terminal:
//! a private tmux server ([`tmux`]) and a pseudo-terminal through
//! `script` ([`pty`]). Each test file uses only some of them.

#![allow(dead_code)]

pub mod pty;
pub mod tmux;
