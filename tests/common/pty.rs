//! Runs a shell command on a pseudo-terminal through `script`
//! (util-linux), capturing every byte written to the terminal, so a test
//! can see the escape codes a program sent and the terminal settings it
//! left.

use std::process::{Command, Stdio};

/// Runs `shell` under `sh -c` on a fresh 80x24 pseudo-terminal and
/// returns all it wrote there. `None` (with a note) when `script` is missing, unless
/// `TOUCHLINE_E2E` is set, which makes that a failure.
pub fn run(shell: &str) -> Option<String> {
    // A new pseudo-terminal has no size (0x0) until someone sets one.
    let shell = format!("stty rows 24 cols 80; {shell}");
    match Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
    {
        Ok(output) => Some(String::from_utf8_lossy(&output.stdout).into_owned()),
        Err(e) if std::env::var_os("TOUCHLINE_E2E").is_none() => {
            eprintln!("SKIPPED: `script` (util-linux) is not available: {e}");
            None
        }
        Err(e) => panic!("`script` is needed for this test: {e}"),
    }
}

/// Single-quotes a word for `sh -c`.
pub fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
