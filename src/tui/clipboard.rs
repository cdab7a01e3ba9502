//! Copying text to the clipboard through the terminal, with OSC 52: the
//! program writes `ESC ] 52 ; c ; BASE64 BEL` and a terminal that takes it
//! puts the text on the system clipboard, over ssh too.
//!
//! No terminal answers a query about it, so [`Clipboard::detect`] decides
//! from what it can know: tmux and screen sit between the program and the
//! terminal and must be asked to pass the sequence on; a few terminals are
//! known to take it and a few known not to. When in doubt the viewer sends
//! it anyway and also prints what was copied once it has given the
//! terminal back, so the fan never loses a line.
//!
//! Only the event loop writes the sequence, since it owns the terminal;
//! the app decides what to copy (an [`Effect::Copy`]) and says in the
//! footer what became of it, and the loop keeps the session's [`Copies`].
//!
//! [`Effect::Copy`]: super::effect::Effect::Copy

use std::process::Command;

use base64::Engine as _;

/// How copied text reaches the clipboard here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clipboard {
    /// Straight to a terminal known to take OSC 52.
    Terminal,
    /// Straight to a terminal that may or may not take it.
    MaybeTerminal,
    /// Inside tmux with `set-clipboard on`: tmux keeps the text as a paste
    /// buffer and passes it on to the terminal when that can take it.
    TmuxBuffer,
    /// Inside tmux with `allow-passthrough on`: wrapped so that tmux hands
    /// it to the terminal as it is.
    TmuxPassthrough,
    /// Inside GNU screen: wrapped so that screen hands it on.
    Screen,
    /// Not sent: tmux would drop it (neither option is on).
    TmuxClosed,
    /// Not sent: the terminal is known to have no clipboard to give.
    Unsupported,
}

/// What the environment says about the terminal, for
/// [`Clipboard::from_env`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Env {
    /// `$TERM`.
    pub term: Option<String>,
    /// `$TERM_PROGRAM`.
    pub term_program: Option<String>,
    /// Whether `$TMUX` is set: running inside tmux.
    pub tmux: bool,
    /// Whether `$STY` is set: running inside GNU screen.
    pub screen: bool,
    /// Whether a variable that only a terminal known to take OSC 52 sets
    /// is present (`KITTY_WINDOW_ID`, `WEZTERM_PANE`, `WT_SESSION`,
    /// `ALACRITTY_WINDOW_ID`).
    pub known_terminal: bool,
}

impl Env {
    /// Reads this process's environment.
    pub fn current() -> Self {
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            term: var("TERM"),
            term_program: var("TERM_PROGRAM"),
            tmux: var("TMUX").is_some(),
            screen: var("STY").is_some(),
            known_terminal: [
                "KITTY_WINDOW_ID",
                "WEZTERM_PANE",
                "WT_SESSION",
                "ALACRITTY_WINDOW_ID",
            ]
            .into_iter()
            .any(|name| var(name).is_some()),
        }
    }
}

/// tmux's two options that decide whether OSC 52 gets through, as
/// `display-message` prints them: `set-clipboard` is `off`, `external`
/// or `on`; `allow-passthrough` is `0`, `1` or `2` (empty before 3.3).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TmuxOptions {
    /// `set-clipboard`.
    pub set_clipboard: String,
    /// `allow-passthrough`.
    pub allow_passthrough: String,
}

impl TmuxOptions {
    /// Asks the tmux server this process runs under (`$TMUX`), for the
    /// pane it runs in (`$TMUX_PANE`). `None` when tmux does not answer.
    pub fn query() -> Option<Self> {
        let mut command = Command::new("tmux");
        command.args(["display-message", "-p"]);
        if let Some(pane) = std::env::var_os("TMUX_PANE") {
            command.arg("-t").arg(pane);
        }
        let output = command
            .arg("#{set-clipboard}|#{allow-passthrough}")
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        Self::parse(&String::from_utf8_lossy(&output.stdout))
    }

    /// Reads `display-message`'s answer, `on|1`.
    fn parse(answer: &str) -> Option<Self> {
        let (clip, pass) = answer.trim().split_once('|')?;
        Some(Self {
            set_clipboard: clip.to_owned(),
            allow_passthrough: pass.to_owned(),
        })
    }
}

/// Terminals that put OSC 52 text on the clipboard out of the box, by
/// `$TERM` prefix.
const KNOWN_TERMS: [&str; 5] = [
    "xterm-kitty",
    "alacritty",
    "foot",
    "xterm-ghostty",
    "wezterm",
];

/// Terminals that do, by `$TERM_PROGRAM`. (iTerm2 takes it only once
/// the fan allows it in its settings, so it counts as in doubt.)
const KNOWN_PROGRAMS: [&str; 2] = ["WezTerm", "ghostty"];

impl Clipboard {
    /// Decides for this process: reads the environment and, inside tmux,
    /// asks tmux for its options.
    pub fn detect() -> Self {
        let env = Env::current();
        let tmux = if env.tmux { TmuxOptions::query() } else { None };
        Self::from_env(&env, tmux.as_ref())
    }

    /// The decision on given facts (see the module notes).
    pub fn from_env(env: &Env, tmux: Option<&TmuxOptions>) -> Self {
        if env.tmux {
            return match tmux {
                Some(o) if o.set_clipboard == "on" => Clipboard::TmuxBuffer,
                Some(o) if matches!(o.allow_passthrough.as_str(), "1" | "2" | "on" | "all") => {
                    Clipboard::TmuxPassthrough
                }
                Some(_) => Clipboard::TmuxClosed,
                // tmux did not answer: try the plain sequence.
                None => Clipboard::MaybeTerminal,
            };
        }
        if env.screen {
            return Clipboard::Screen;
        }
        let term = env.term.as_deref().unwrap_or("");
        if matches!(term, "linux" | "dumb" | "")
            || env.term_program.as_deref() == Some("Apple_Terminal")
        {
            return Clipboard::Unsupported;
        }
        let known = env.known_terminal
            || KNOWN_TERMS.iter().any(|t| term.starts_with(t))
            || env
                .term_program
                .as_deref()
                .is_some_and(|p| KNOWN_PROGRAMS.contains(&p));
        if known {
            Clipboard::Terminal
        } else {
            Clipboard::MaybeTerminal
        }
    }

    /// The bytes to write for `text`, or `None` when it is not sent.
    pub fn sequence(self, text: &str) -> Option<Vec<u8>> {
        let payload = base64::engine::general_purpose::STANDARD.encode(text);
        let osc = format!("\x1b]52;c;{payload}\x07");
        let wrapped = match self {
            Clipboard::Terminal | Clipboard::MaybeTerminal | Clipboard::TmuxBuffer => osc,
            // Inside the wrapper every ESC is doubled.
            Clipboard::TmuxPassthrough => {
                format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b"))
            }
            Clipboard::Screen => format!("\x1bP{osc}\x1b\\"),
            Clipboard::TmuxClosed | Clipboard::Unsupported => return None,
        };
        Some(wrapped.into_bytes())
    }

    /// Whether the text surely reaches the clipboard; when not, the viewer
    /// prints it again on the way out.
    pub fn certain(self) -> bool {
        self == Clipboard::Terminal
    }

    /// A few words for the footer on what became of a copy, short so
    /// that the copied line still fits beside them.
    pub fn outcome(self) -> &'static str {
        match self {
            Clipboard::Terminal => "Copied",
            Clipboard::MaybeTerminal | Clipboard::Screen | Clipboard::TmuxPassthrough => {
                "Sent to the clipboard, printed on quit too"
            }
            Clipboard::TmuxBuffer => "In tmux's buffer, printed on quit too",
            Clipboard::TmuxClosed => {
                "tmux blocks copying (tmux set -g set-clipboard on opens it); printed on quit"
            }
            Clipboard::Unsupported => "No clipboard in this terminal; printed on quit",
        }
    }
}

/// The session's copies, as the event loop carries them out: each is
/// written to the clipboard as the route allows, and a line that may not
/// have got there is kept, once, to print when the terminal is given back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Copies {
    unsure: Vec<String>,
}

impl Copies {
    /// Copies `line` by way of `clipboard`: the bytes to write to the
    /// terminal, if the route takes any.
    pub fn copy(&mut self, line: &str, clipboard: Clipboard) -> Option<Vec<u8>> {
        if !clipboard.certain() && !self.unsure.iter().any(|l| l == line) {
            self.unsure.push(line.to_owned());
        }
        clipboard.sequence(line)
    }

    /// The lines that may not have reached the clipboard, in the order
    /// they were copied.
    pub fn unsure(&self) -> &[String] {
        &self.unsure
    }

    /// The lines to print on the way out.
    pub fn into_unsure(self) -> Vec<String> {
        self.unsure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(term: &str) -> Env {
        Env {
            term: Some(term.to_owned()),
            ..Env::default()
        }
    }

    fn tmux(clip: &str, pass: &str) -> TmuxOptions {
        TmuxOptions {
            set_clipboard: clip.to_owned(),
            allow_passthrough: pass.to_owned(),
        }
    }

    #[test]
    fn the_sequence_is_osc_52_with_base64() {
        let bytes = Clipboard::Terminal.sequence("78' Giroud").unwrap();
        assert_eq!(bytes, b"\x1b]52;c;NzgnIEdpcm91ZA==\x07");
        assert_eq!(
            Clipboard::TmuxBuffer.sequence("hi").unwrap(),
            b"\x1b]52;c;aGk=\x07"
        );
    }

    #[test]
    fn tmux_passthrough_doubles_every_escape() {
        let bytes = Clipboard::TmuxPassthrough.sequence("hi").unwrap();
        assert_eq!(bytes, b"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
        let screen = Clipboard::Screen.sequence("hi").unwrap();
        assert_eq!(screen, b"\x1bP\x1b]52;c;aGk=\x07\x1b\\");
        assert_eq!(Clipboard::TmuxClosed.sequence("hi"), None);
        assert_eq!(Clipboard::Unsupported.sequence("hi"), None);
    }

    #[test]
    fn tmux_decides_by_its_options() {
        let inside = Env {
            tmux: true,
            ..env("tmux-256color")
        };
        let at = |clip, pass| Clipboard::from_env(&inside, Some(&tmux(clip, pass)));
        assert_eq!(at("on", "0"), Clipboard::TmuxBuffer);
        assert_eq!(at("external", "1"), Clipboard::TmuxPassthrough);
        assert_eq!(at("off", "2"), Clipboard::TmuxPassthrough);
        assert_eq!(at("external", "0"), Clipboard::TmuxClosed);
        assert_eq!(at("external", ""), Clipboard::TmuxClosed, "tmux before 3.3");
        assert_eq!(Clipboard::from_env(&inside, None), Clipboard::MaybeTerminal);
        assert_eq!(TmuxOptions::parse("on|1\n"), Some(tmux("on", "1")));
        assert_eq!(TmuxOptions::parse("garbage"), None);
    }

    #[test]
    fn terminals_known_either_way_and_the_rest_in_doubt() {
        assert_eq!(
            Clipboard::from_env(&env("xterm-kitty"), None),
            Clipboard::Terminal
        );
        assert_eq!(
            Clipboard::from_env(&env("foot-extra"), None),
            Clipboard::Terminal
        );
        let wezterm = Env {
            term_program: Some("WezTerm".to_owned()),
            ..env("xterm-256color")
        };
        assert_eq!(Clipboard::from_env(&wezterm, None), Clipboard::Terminal);
        let iterm = Env {
            term_program: Some("iTerm.app".to_owned()),
            ..env("xterm-256color")
        };
        assert_eq!(Clipboard::from_env(&iterm, None), Clipboard::MaybeTerminal);
        assert_eq!(
            Clipboard::from_env(&env("linux"), None),
            Clipboard::Unsupported
        );
        assert_eq!(
            Clipboard::from_env(&env("dumb"), None),
            Clipboard::Unsupported
        );
        assert_eq!(
            Clipboard::from_env(&Env::default(), None),
            Clipboard::Unsupported
        );
        assert_eq!(
            Clipboard::from_env(&env("xterm-256color"), None),
            Clipboard::MaybeTerminal
        );
        let screen = Env {
            screen: true,
            ..env("screen.xterm-256color")
        };
        assert_eq!(Clipboard::from_env(&screen, None), Clipboard::Screen);
    }

    #[test]
    fn only_a_known_terminal_is_certain() {
        for clipboard in [
            Clipboard::MaybeTerminal,
            Clipboard::TmuxBuffer,
            Clipboard::TmuxPassthrough,
            Clipboard::Screen,
            Clipboard::TmuxClosed,
            Clipboard::Unsupported,
        ] {
            assert!(!clipboard.certain(), "{clipboard:?}");
        }
        assert!(Clipboard::Terminal.certain());
    }
}
