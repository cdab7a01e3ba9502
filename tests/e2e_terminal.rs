//! The viewer and the terminal around it, in tmux: escapes in a file can
//! neither retitle the terminal nor write its clipboard; Ctrl-Z hands a
//! sane terminal to the shell and `fg` repaints everything; a stop from
//! outside is repainted too; a storm of resizes during autoplay ends on a
//! correct frame.
//!
//! The harness (`tests/common/tmux.rs`) says which binary runs and when
//! these tests are skipped.

mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::{Tmux, binary, can_run, shell_quote, wait_for_file};

/// The title escape (OSC 2), once sanitised: ESC and BEL as their control
/// pictures.
const TITLE_SHOWN: &str = "\u{241b}]2;pwned\u{2407}";
const CLIPBOARD_SHOWN: &str = "\u{241b}]52;c;cHduZWQ=\u{2407}";

const HOSTILE_MATCH: &str = r#"{
  "match": {
    "home": {"name": "Evil\u001b]2;pwned\u0007 FC", "code": "EVL"},
    "away": {"name": "Clip\u001b]52;c;cHduZWQ=\u0007 Utd", "code": "CLP"}
  },
  "events": [
    {"kind": "period_start", "clock": "1"},
    {"kind": "goal", "clock": "5", "team": "home",
     "player": "Hacker\u001b]0;pwned\u0007Name",
     "text": "Clipboard\u001b]52;c;cHduZWQ=\u0007 grab"}
  ]
}"#;

/// With tmux taking OSC 52 into its paste buffers (`set-clipboard on`), a
/// file whose names carry a title escape and a clipboard escape changes
/// neither the pane's title nor the buffers, and the screen shows the
/// stand-ins. The same escapes printed raw in another window do change
/// both, which shows the test would catch a leak.
#[test]
fn escapes_in_a_file_neither_retitle_the_terminal_nor_write_the_clipboard() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, HOSTILE_MATCH).expect("write");
    let bin = binary();
    let (bin, file) = (bin.to_string_lossy(), path.to_string_lossy());
    let tmux = Tmux::start_with_config(
        dir.path(),
        "set -g set-clipboard on\n",
        &[&bin, "--spoilers", "--step", "2", &file],
        120,
        30,
    );
    let title = || tmux.query(&["display", "-p", "-t", &tmux.session, "#{pane_title}"]);
    let buffers = || tmux.query(&["list-buffers"]);
    let before = title();
    let screen = tmux.wait_for("the stand-ins", |s| {
        s.contains(TITLE_SHOWN)
            && s.contains(CLIPBOARD_SHOWN)
            && s.contains("Hacker\u{241b}]0;pwned")
    });
    // The goal's commentary and the scoreboard are drawn, so every hostile
    // string went out.
    assert!(screen.contains("Evil"), "{screen}");
    tmux.send("Tab");
    tmux.send("BTab");
    tmux.wait_for_text("Clipboard\u{241b}]52");
    let after = title();
    assert_eq!(after, before, "the pane's title changed");
    assert!(!after.contains("pwned"), "{after}");
    assert_eq!(buffers(), "", "a paste buffer appeared");

    // The control: the raw escapes, printed in a second window.
    tmux.run(&[
        "new-window",
        "-d",
        "-t",
        &tmux.session,
        "printf '\\033]2;pwned-for-real\\007\\033]52;c;Y29udHJvbA==\\007'; sleep 60",
    ]);
    let window = format!("{}:1", tmux.session);
    let deadline = std::time::Instant::now() + common::tmux::PATIENCE;
    loop {
        let raw_title = tmux.query(&["display", "-p", "-t", &window, "#{pane_title}"]);
        let raw_buffers = buffers();
        if raw_title == "pwned-for-real" && raw_buffers.contains("control") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "tmux took neither raw escape: title {raw_title:?}, buffers {raw_buffers:?}"
        );
        std::thread::sleep(common::tmux::POLL);
    }
    // The viewer's pane kept its title throughout.
    assert_eq!(title(), before);
}

/// An interactive shell with job control, and a prompt to wait for.
fn shell(dir: &Path) -> Tmux {
    let tmux = Tmux::start(
        dir,
        &[
            "env",
            "PS1=PROMPT$ ",
            "HISTFILE=/dev/null",
            "bash",
            "--norc",
            "--noprofile",
            "-i",
        ],
        100,
        30,
    );
    tmux.wait_for("the prompt", at_prompt);
    tmux
}

/// Whether the shell waits for a command: its last line is a bare prompt
/// (tmux trims the space after it).
fn at_prompt(screen: &str) -> bool {
    screen.lines().rev().find(|l| !l.trim().is_empty()) == Some("PROMPT$")
}

/// Starts the viewer as a job of the shell, writing its pid, and returns
/// the pid and its first full screen.
fn start_viewer(tmux: &Tmux, dir: &Path) -> (String, String) {
    let pid_file = dir.join("pid");
    let bin = binary();
    tmux.type_line(&format!(
        "sh -c 'echo $$ > {}; exec {}'",
        shell_quote(&pid_file),
        shell_quote(&bin)
    ));
    let screen = tmux.wait_for("the viewer at kick-off", |s| {
        s.contains("Kick-off") && s.contains("England") && s.contains(" help")
    });
    (wait_for_file(&pid_file, tmux), screen)
}

/// The shell's view of the terminal, through `stty -a` into a file.
fn stty_report(tmux: &Tmux, dir: &Path, name: &str) -> String {
    let file = dir.join(name);
    tmux.type_line(&format!(
        "echo \"$(stty -a | tr -s ' \\n;' ' ')\" > {}",
        shell_quote(&file)
    ));
    wait_for_file(&file, tmux)
}

fn assert_cooked(report: &str) {
    let modes: Vec<&str> = report.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(modes.contains(&mode), "{mode} is off: {report}");
    }
}

#[test]
fn ctrl_z_gives_the_shell_a_sane_terminal_and_fg_redraws_everything() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let tmux = shell(dir.path());
    let (_pid, before) = start_viewer(&tmux, dir.path());
    tmux.send("C-z");
    let stopped = tmux.wait_for("the job stopped", |s| s.contains("Stopped"));
    // Back on the shell's own screen: the viewer's frame is gone.
    assert!(!stopped.contains("╭"), "{stopped}");
    assert_cooked(&stty_report(&tmux, dir.path(), "stty-stopped"));
    tmux.type_line("fg");
    tmux.wait_for("the whole screen as before", |s| s == before);
    // And it still answers keys.
    tmux.send("]");
    tmux.wait_for_text("Tchouaméni 17'");
    tmux.send("q");
    tmux.wait_for("the prompt", at_prompt);
    assert_cooked(&stty_report(&tmux, dir.path(), "stty-after"));
}

/// A stop that the viewer did not ask for (SIGSTOP from outside): the shell
/// prints over the viewer's screen and may reset the terminal's modes; on
/// `fg` the viewer takes the terminal back and repaints every line.
#[test]
fn after_a_stop_from_outside_fg_repaints_everything() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let tmux = shell(dir.path());
    let (pid, before) = start_viewer(&tmux, dir.path());
    let stopped = Command::new("kill")
        .args(["-STOP", &pid])
        .status()
        .expect("run kill");
    assert!(stopped.success());
    tmux.wait_for("the job stopped", |s| s.contains("Stopped"));
    tmux.type_line("fg");
    tmux.wait_for("the whole screen as before", |s| s == before);
    tmux.send("]");
    tmux.wait_for_text("Tchouaméni 17'");
    tmux.send("q");
    tmux.wait_for("the prompt", at_prompt);
    assert_cooked(&stty_report(&tmux, dir.path(), "stty-after"));
}

/// Fifty resizes, in bursts, while autoplay runs at top speed; then the
/// frame at the final size must be exactly what a viewer started at that
/// size shows for the same moment (full time): every border in its column
/// and no line left over from an earlier size.
#[test]
fn a_resize_storm_during_autoplay_ends_on_a_correct_frame() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let bin = binary();
    let bin = bin.to_string_lossy();
    let tmux = Tmux::start(dir.path(), &[&bin, "--speed", "60"], 120, 40);
    tmux.wait_for_text("Kick-off");
    tmux.send("Space");
    tmux.wait_for("autoplay running", |s| s.contains("► 60x"));
    let sizes: Vec<(u16, u16)> = (0..50u16)
        .map(|i| (40 + (i * 37) % 160, 10 + (i * 13) % 50))
        .collect();
    for burst in sizes.chunks(5) {
        let mut args: Vec<String> = Vec::new();
        for (w, h) in burst {
            if !args.is_empty() {
                args.push(";".to_owned());
            }
            args.extend(
                [
                    "resize-window",
                    "-t",
                    &tmux.session,
                    "-x",
                    &w.to_string(),
                    "-y",
                    &h.to_string(),
                ]
                .map(str::to_owned),
            );
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        tmux.run(&args);
    }
    let (w, h) = (97u16, 33u16);
    tmux.run(&[
        "resize-window",
        "-t",
        &tmux.session,
        "-x",
        &w.to_string(),
        "-y",
        &h.to_string(),
    ]);
    // Pause where autoplay got to, then go to full time, where a fresh
    // viewer can be put too.
    tmux.send("Space");
    tmux.send("End");
    let stormed = tmux.wait_for("full time after the storm", |s| {
        s.contains("Full time 1-2") && s.contains("❚❚") && s.lines().count() == h as usize
    });

    let fresh_dir = tempfile::tempdir().expect("a temp dir");
    let fresh = Tmux::start(fresh_dir.path(), &[&bin, "--speed", "60"], w, h);
    fresh.wait_for_text("Kick-off");
    fresh.send("End");
    let expected = fresh.wait_for("full time in a fresh viewer", |s| {
        s.contains("Full time 1-2")
    });
    // Both settle: wait until the stormed screen equals the fresh one.
    tmux.wait_for(
        &format!("the fresh frame:\n{expected}\nafter the storm, got:\n{stormed}"),
        |s| s == expected,
    );
    for line in expected.lines() {
        assert!(touchline::text::width(line) <= w as usize, "{line}");
    }
}
