//! A panic in the viewer restores the terminal before its message is
//! printed. The panic is asked for through `TOUCHLINE_TEST_PANIC`, a hook
//! compiled only into test builds (the `test-hooks` feature, enabled by the
//! package's dev-dependency on itself).
//!
//! The viewer needs a terminal, so it runs under `script`, which gives it
//! a pseudo-terminal; `stty -a` afterwards shows the settings it left.

use std::process::Command;

#[test]
fn a_panic_restores_the_terminal_and_prints_its_message() {
    let bin = env!("CARGO_BIN_EXE_touchline");
    let shell = format!(
        "stty -a; echo BEFORE-END; env TOUCHLINE_TEST_PANIC=1 RUST_BACKTRACE=0 '{bin}'; echo EXIT=$?; stty -a"
    );
    let output = match Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(output) => output,
        Err(e) if std::env::var_os("TOUCHLINE_E2E").is_none() => {
            eprintln!("SKIPPED: `script` (util-linux) is not available: {e}");
            return;
        }
        Err(e) => panic!("`script` is needed for this test: {e}"),
    };
    let screen = String::from_utf8_lossy(&output.stdout);
    let message = "TOUCHLINE_TEST_PANIC asked for a panic after the first frame";
    let panic_at = screen
        .find(message)
        .unwrap_or_else(|| panic!("no panic message in:\n{screen}"));
    // The alternate screen is left and raw mode ends before the message,
    // so it lands on the user's normal screen.
    let left_alternate = screen
        .find("\u{1b}[?1049l")
        .unwrap_or_else(|| panic!("the alternate screen was never left:\n{screen:?}"));
    assert!(
        left_alternate < panic_at,
        "message printed before the terminal was restored"
    );
    // The viewer had asked for the mouse; the panic gives it back first,
    // or the shell would get escape codes each time the pointer moves.
    let mouse_on = screen
        .find("\u{1b}[?1000h")
        .unwrap_or_else(|| panic!("the viewer never asked for the mouse:\n{screen:?}"));
    let mouse_off = screen[mouse_on..]
        .find("\u{1b}[?1000l")
        .map(|i| mouse_on + i)
        .unwrap_or_else(|| panic!("the mouse was never given back:\n{screen:?}"));
    assert!(
        mouse_off < panic_at,
        "message printed before the mouse was released"
    );
    assert!(screen.contains("EXIT=101"), "{screen}");
    // The terminal settings after the panic are the ones from before.
    let settings = |text: &str| {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let before = &screen[..screen.find("BEFORE-END").unwrap_or(0)];
    let after = &screen[screen.find("EXIT=101").map_or(0, |i| i + "EXIT=101".len())..];
    assert!(settings(before).contains(&"icanon".to_owned()), "{before}");
    assert_eq!(
        settings(before),
        settings(after),
        "terminal settings changed"
    );
}
