//! A panic in the viewer restores the terminal before its message is
//! printed. The panic is asked for through `TOUCHLINE_TEST_PANIC`, a hook
//! compiled only into test builds (the `test-hooks` feature, enabled by the
//! package's dev-dependency on itself).
//!
//! The viewer needs a terminal, so it runs on a pseudo-terminal through
//! `script`, which records every byte it wrote; `stty -a` before and after
//! shows the settings it left.

mod common;

/// The last of `sequences` to appear in `screen`, by position.
fn last_of<'a>(screen: &str, sequences: &[&'a str]) -> Option<&'a str> {
    sequences
        .iter()
        .filter_map(|s| screen.rfind(s).map(|at| (at, *s)))
        .max()
        .map(|(_, s)| s)
}

#[test]
fn a_panic_restores_the_terminal_and_prints_its_message() {
    let bin = env!("CARGO_BIN_EXE_touchline");
    let shell = format!(
        "stty -a; echo BEFORE-END; env TOUCHLINE_TEST_PANIC=1 RUST_BACKTRACE=0 {}; echo EXIT=$?; stty -a",
        common::pty::quote(bin)
    );
    let Some(screen) = common::pty::run(&shell) else {
        return;
    };
    let message = "TOUCHLINE_TEST_PANIC asked for a panic after the first frame";
    let panic_at = screen
        .find(message)
        .unwrap_or_else(|| panic!("no panic message in:\n{screen}"));
    // The viewer really had the terminal: it entered the alternate screen
    // and drew a frame before it panicked.
    let entered = screen
        .find("\u{1b}[?1049h")
        .unwrap_or_else(|| panic!("the alternate screen was never entered:\n{screen:?}"));
    assert!(screen[entered..panic_at].contains("England"), "{screen:?}");
    // The alternate screen is left and raw mode ends before the message,
    // so it lands on the user's normal screen.
    let left_alternate = screen
        .rfind("\u{1b}[?1049l")
        .unwrap_or_else(|| panic!("the alternate screen was never left:\n{screen:?}"));
    assert!(
        entered < left_alternate && left_alternate < panic_at,
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
    // The viewer hides the cursor while it draws; the last word on the
    // cursor is to show it again.
    assert!(screen.contains("\u{1b}[?25l"), "{screen:?}");
    assert_eq!(
        last_of(&screen, &["\u{1b}[?25l", "\u{1b}[?25h"]),
        Some("\u{1b}[?25h"),
        "the cursor is left hidden:\n{screen:?}"
    );
    assert!(screen.contains("EXIT=101"), "{screen}");
    // The terminal settings after the panic are the ones from before:
    // raw mode is off (icanon, echo and isig are back).
    let settings = |text: &str| {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let before = &screen[..screen.find("BEFORE-END").unwrap_or(0)];
    let after = &screen[screen.find("EXIT=101").map_or(0, |i| i + "EXIT=101".len())..];
    for mode in ["icanon", "echo", "isig"] {
        assert!(settings(before).contains(&mode.to_owned()), "{before}");
    }
    assert_eq!(
        settings(before),
        settings(after),
        "terminal settings changed"
    );
}
