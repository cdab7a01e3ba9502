//! A private tmux server for end-to-end tests: the binary runs in a pane,
//! the test types keys with `send-keys` and reads the screen with
//! `capture-pane`.
//!
//! The binary is `$TOUCHLINE_BIN` when set (CI points it at the release
//! build), else the one Cargo built for this test run. Without tmux the
//! tests are skipped with a loud note, unless `TOUCHLINE_E2E=1` demands
//! them.
//!
//! Every wait polls until a deadline, so a slow machine only makes a test
//! slower; nothing here measures time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long to wait for a screen before declaring the viewer stuck.
pub const PATIENCE: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(50);

pub fn binary() -> PathBuf {
    std::env::var_os("TOUCHLINE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_touchline")))
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the end-to-end tests can run here; without tmux they are
/// skipped loudly, or fail when `TOUCHLINE_E2E=1` demands them.
pub fn can_run() -> bool {
    if !tmux_available() {
        if std::env::var_os("TOUCHLINE_E2E").is_some_and(|v| v == "1") {
            panic!(
                "TOUCHLINE_E2E=1 but tmux is not installed: install tmux (apt-get install tmux)"
            );
        }
        // Written past libtest's output capture, which only takes the
        // print macros, so the skip shows even when the test "passes".
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"\n*** end-to-end test skipped: tmux not installed; it did not run \
              (install tmux, or set TOUCHLINE_E2E=1 to make this a failure) ***\n\n",
        );
        return false;
    }
    true
}

/// Single-quotes a path for `sh -c`.
pub fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

/// A tmux server of our own, killed when the test ends, pass or fail. Its
/// socket lives in the test's temp dir, so nothing is left in tmux's shared
/// socket directory, and it reads only the config the test gives it.
pub struct Tmux {
    socket: PathBuf,
    config: PathBuf,
    pub session: String,
}

impl Tmux {
    /// A session running `command` (several words: tmux runs it without a
    /// shell) in a `width` x `height` window, with no tmux config.
    pub fn start(dir: &Path, command: &[&str], width: u16, height: u16) -> Self {
        Self::start_with_config(dir, "", command, width, height)
    }

    /// Like [`Tmux::start`], the server reading `config` (tmux commands,
    /// one a line) before the session starts.
    pub fn start_with_config(
        dir: &Path,
        config: &str,
        command: &[&str],
        width: u16,
        height: u16,
    ) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let unique = format!("touchline-e2e-{}-{nanos}", std::process::id());
        let tmux = Self {
            socket: dir.join("tmux.sock"),
            config: dir.join("tmux.conf"),
            session: unique,
        };
        std::fs::write(&tmux.config, config).expect("write the tmux config");
        let (w, h) = (width.to_string(), height.to_string());
        let mut args = vec!["new-session", "-d", "-s", &tmux.session, "-x", &w, "-y", &h];
        args.extend_from_slice(command);
        tmux.run(&args);
        tmux
    }

    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        command
            .arg("-f")
            .arg(&self.config)
            .arg("-S")
            .arg(&self.socket);
        // No touchline config file unless a test names one: the
        // developer's own must not change what the tests see.
        command
            .env_remove("NO_COLOR")
            .env_remove("TMUX")
            .env("TOUCHLINE_CONFIG", "");
        command
    }

    /// Runs a tmux command against this server; it must succeed.
    pub fn run(&self, args: &[&str]) -> Output {
        let output = self
            .command()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run tmux {args:?}: {e}"));
        assert!(
            output.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// The trimmed standard output of a tmux command.
    pub fn query(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.run(args).stdout)
            .trim()
            .to_owned()
    }

    /// Sends one key (tmux's key names: `Right`, `C-z`, `Space`) or, when
    /// tmux knows no key by that name, the text.
    pub fn send(&self, key: &str) {
        self.run(&["send-keys", "-t", &self.session, key]);
    }

    /// The text of tmux's newest paste buffer.
    pub fn buffer(&self) -> String {
        let output = self
            .command()
            .arg("show-buffer")
            .output()
            .expect("tmux show-buffer");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Types `text` as it is, escape characters included.
    pub fn type_literally(&self, text: &str) {
        self.run(&["send-keys", "-t", &self.session, "-l", text]);
    }

    /// A left click at the 0-based screen cell `(x, y)`, as an SGR mouse
    /// report (press, then release) of the kind terminals send.
    pub fn click(&self, x: usize, y: usize) {
        let (col, row) = (x + 1, y + 1);
        self.type_literally(&format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m"));
    }

    /// One turn of the wheel, up or down, over `(x, y)`.
    pub fn wheel(&self, up: bool, x: usize, y: usize) {
        let button = if up { 64 } else { 65 };
        self.type_literally(&format!("\x1b[<{button};{};{}M", x + 1, y + 1));
    }

    /// Whether the program in the pane asked for mouse reports, as tmux
    /// sees it: button presses and the SGR encoding.
    pub fn mouse_on(&self) -> bool {
        let output = self.run(&[
            "display-message",
            "-p",
            "-t",
            &self.session,
            "#{mouse_button_flag}#{mouse_sgr_flag}",
        ]);
        match String::from_utf8_lossy(&output.stdout).trim() {
            "11" => true,
            "00" => false,
            other => panic!("tmux says the mouse is half on: {other:?}"),
        }
    }

    /// Types `text` literally, then Enter.
    pub fn type_line(&self, text: &str) {
        self.type_literally(text);
        self.send("Enter");
    }

    /// The screen as plain text; empty once the session has gone.
    pub fn screen(&self) -> String {
        let output = self
            .command()
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap_or_else(|e| panic!("cannot run tmux capture-pane: {e}"));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Polls the screen until `ready` holds, panicking with `what` and
    /// the last screen after [`PATIENCE`].
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("never saw {what}; the screen shows:\n{screen}");
            }
            sleep(POLL);
        }
    }

    /// Waits for the screen to show `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
    }
}

/// Waits for a shell wrapper to write a file and returns its contents.
pub fn wait_for_file(file: &Path, tmux: &Tmux) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        // The shell writes the line in one go; a line without its newline
        // is still being written.
        match std::fs::read_to_string(file) {
            Ok(text) if text.ends_with('\n') => return text.trim().to_owned(),
            _ => {}
        }
        if Instant::now() > deadline {
            panic!(
                "{} never appeared: the viewer did not exit; the screen shows:\n{}",
                file.display(),
                tmux.screen()
            );
        }
        sleep(POLL);
    }
}
