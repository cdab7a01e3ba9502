//! Terminal-size sweeps: what must hold at every size of a sweep is
//! checked at all of them in CI, which sets `TOUCHLINE_EXHAUSTIVE=1`, and
//! at a sample in a plain `cargo test`, so that it stays quick: the sizes
//! where layouts break first, and sizes that proptest draws from the
//! sweep's (and, should one fail, shrinks towards the smallest).

use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The largest size swept.
pub const MAX: (u16, u16) = (200, 60);

/// Sizes where layouts break first: one or two rows or columns, the
/// corners of the range, and the sizes the snapshots use.
pub const EDGES: [(u16, u16); 10] = [
    (1, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (200, 1),
    (1, 60),
    (200, 2),
    (200, 60),
    (80, 24),
    (120, 40),
];

/// How many sizes proptest draws for a sweep when it is not exhaustive.
pub const SAMPLED: u32 = 40;

/// Whether sweeps go through every size: `TOUCHLINE_EXHAUSTIVE` set to
/// anything but empty or `0`.
pub fn exhaustive() -> bool {
    std::env::var_os("TOUCHLINE_EXHAUSTIVE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Every size from 1x1 to [`MAX`].
pub fn every_size() -> impl Iterator<Item = (u16, u16)> {
    (1..=MAX.0).flat_map(|w| (1..=MAX.1).map(move |h| (w, h)))
}

/// Runs `check` at each of `every` when [`exhaustive`], else at those of
/// the [`EDGES`] it holds and at [`SAMPLED`] more drawn from it. A check
/// fails with its message (a panic in it fails it too); `what` names the
/// sweep in the failure.
pub fn sweep(
    what: &str,
    every: impl IntoIterator<Item = (u16, u16)>,
    check: impl FnMut(u16, u16) -> Result<(), String>,
) {
    let check = std::cell::RefCell::new(check);
    let run = |width: u16, height: u16| (check.borrow_mut())(width, height);
    let every: Vec<(u16, u16)> = every.into_iter().collect();
    let fail = |(width, height): (u16, u16), message: String| -> ! {
        panic!("{what}, {width}x{height}: {message}")
    };
    if exhaustive() {
        for &(width, height) in &every {
            run(width, height).unwrap_or_else(|message| fail((width, height), message));
        }
        return;
    }
    for size in EDGES.into_iter().filter(|size| every.contains(size)) {
        run(size.0, size.1).unwrap_or_else(|message| fail(size, message));
    }
    let mut runner = TestRunner::new(Config {
        cases: SAMPLED,
        failure_persistence: None,
        ..Config::default()
    });
    let sampled = runner.run(&proptest::sample::select(every), |(width, height)| {
        run(width, height)
            .map_err(|message| TestCaseError::fail(format!("{width}x{height}: {message}")))
    });
    if let Err(failure) = sampled {
        panic!("{what}: {failure}");
    }
}

/// [`sweep`] over [`every_size`], drawing with `draw` into one reused
/// buffer: no size may make it panic.
pub fn never_panics(what: &str, mut draw: impl FnMut(Rect, &mut Buffer)) {
    let mut buf = Buffer::empty(Rect::new(0, 0, MAX.0, MAX.1));
    sweep(what, every_size(), |width, height| {
        let area = Rect::new(0, 0, width, height);
        buf.resize(area);
        buf.reset();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(area, &mut buf)))
            .map_err(|_| "panicked".to_owned())
    });
}
