//! Taking the terminal for the viewer and giving it back. Ratatui's own
//! setup enters the alternate screen and raw mode and restores both on a
//! panic; mouse reporting is ours to undo, on every way out: a normal
//! exit, an error, a panic, a signal, and Ctrl-Z (which must hand the
//! shell a terminal that does not spray escape codes when the pointer
//! moves, and take the mouse again on `fg`).

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::DisableMouseCapture;

/// Whether the viewer asked for the mouse, so every way out knows to
/// release it (and a resumed viewer to take it again).
static MOUSE: AtomicBool = AtomicBool::new(false);

/// The mouse reporting the viewer asks for: presses, releases and drags
/// (modes 1000 and 1002) in the SGR encoding (1006), which has no column
/// limit. Not every motion (1003): a pointer merely passing over the
/// viewer would wake it for nothing.
struct EnableMouse;

impl crossterm::Command for EnableMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1002h\x1b[?1006h")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::event::EnableMouseCapture.execute_winapi()
    }
}

/// Turns mouse reporting on; the viewer then gets clicks, drags and the
/// wheel, and the terminal's own selection needs Shift (in most
/// terminals) until the viewer ends.
pub fn enable_mouse() -> io::Result<()> {
    MOUSE.store(true, Ordering::SeqCst);
    crossterm::execute!(io::stdout(), EnableMouse)
}

/// Turns mouse reporting off if the viewer turned it on. Errors are
/// ignored: this runs on the way out, when there is nobody to tell.
pub fn release_mouse() {
    if MOUSE.load(Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = crossterm::execute!(out, DisableMouseCapture);
        let _ = out.flush();
    }
}

/// Turns mouse reporting back on after [`release_mouse`], if the viewer
/// had it: for a viewer brought back with `fg`.
pub fn reclaim_mouse() -> io::Result<()> {
    if MOUSE.load(Ordering::SeqCst) {
        crossterm::execute!(io::stdout(), EnableMouse)?;
    }
    Ok(())
}

/// Gives the terminal back: the mouse, raw mode, the alternate screen.
pub fn restore() {
    release_mouse();
    ratatui::restore();
}

/// Makes a panic release the mouse before anything else runs. Install it
/// after `ratatui::try_init`, whose own hook (restoring raw mode and the
/// screen, then printing the message) runs next.
pub fn release_mouse_on_panic() {
    let next = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        next(info);
    }));
}
