//! End to end in a real terminal: the binary runs inside tmux, the test
//! types keys with `send-keys` and reads the screen with `capture-pane`.
//! It opens at 0-0, `]` reaches the first goal (0-1), End reaches full time
//! (1-2), and `q` ends the process with status 0. Further tests search,
//! filter, mark and click: tmux cannot click, so the mouse is the bytes a
//! terminal sends for it (SGR reports), typed into the pane, and tmux's
//! own view of the pane says whether the viewer asked for the mouse.
//!
//! SIGTERM and SIGHUP end it with the terminal restored.
//!
//! The harness (`tests/common/tmux.rs`) says which binary runs and when the
//! tests are skipped.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::tmux::{PATIENCE, POLL, Tmux, binary, can_run, shell_quote, wait_for_file};

/// The scoreboard draws the score in big digits: each glyph is 3x5 pixels,
/// a lit pixel two full blocks wide, glyphs two columns apart. These are
/// the glyphs of the characters the test reads (`#` lit).
const GLYPHS: [(char, [&str; 5]); 4] = [
    ('0', ["###", "#.#", "#.#", "#.#", "###"]),
    ('1', [".#.", "##.", ".#.", ".#.", "###"]),
    ('2', ["###", "..#", "###", "#..", "###"]),
    ('-', ["...", "...", "###", "...", "..."]),
];

/// The five screen rows that draw `score` ("0-1") in big digits.
fn big_digits(score: &str) -> [String; 5] {
    std::array::from_fn(|row| {
        let glyphs: Vec<String> = score
            .chars()
            .map(|c| {
                let (_, glyph) = GLYPHS
                    .iter()
                    .find(|(g, _)| *g == c)
                    .unwrap_or_else(|| panic!("no glyph for {c:?} in the test"));
                glyph[row]
                    .chars()
                    .map(|p| if p == '#' { "██" } else { "  " })
                    .collect()
            })
            .collect();
        glyphs.join("  ")
    })
}

/// Whether the screen shows `score` in big digits: its five rows on
/// consecutive lines, starting in the same column.
fn shows_big_score(screen: &str, score: &str) -> bool {
    let rows = big_digits(score);
    let lines: Vec<&str> = screen.lines().collect();
    lines.iter().enumerate().any(|(i, line)| {
        line.match_indices(rows[0].as_str()).any(|(at, _)| {
            let column = line[..at].chars().count();
            rows.iter().enumerate().skip(1).all(|(k, row)| {
                lines.get(i + k).is_some_and(|below| {
                    let rest: String = below.chars().skip(column).collect();
                    rest.starts_with(row.as_str())
                })
            })
        })
    })
}

/// What the screen must show (and must not) at each stop.
struct Expect {
    what: &'static str,
    big_score: &'static str,
    wanted: &'static [&'static str],
    unwanted: &'static [&'static str],
}

const KICK_OFF: Expect = Expect {
    what: "kick-off",
    big_score: "0-0",
    wanted: &["1st half · 1'", "Kick-off", "England", "France"],
    // Spoiler-free: no scorer and no later moment is on screen.
    unwanted: &["Tchouaméni 17'", "Kane 54'", "Giroud"],
};

const FIRST_GOAL: Expect = Expect {
    what: "the first goal (])",
    big_score: "0-1",
    wanted: &["Tchouaméni 17'", "England 0-1 France", "1st half · 17'"],
    unwanted: &["Kane 54'", "Giroud 78'"],
};

const FULL_TIME: Expect = Expect {
    what: "full time (End)",
    big_score: "1-2",
    wanted: &[
        "Full time",
        "Kane 54' (pen)",
        "Tchouaméni 17'",
        "Giroud 78'",
        "Full time 1-2",
    ],
    unwanted: &[],
};

fn wait_until(tmux: &Tmux, expect: &Expect) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let screen = tmux.screen();
        let missing: Vec<&str> = expect
            .wanted
            .iter()
            .copied()
            .filter(|w| !screen.contains(w))
            .collect();
        let present: Vec<&str> = expect
            .unwanted
            .iter()
            .copied()
            .filter(|u| screen.contains(u))
            .collect();
        let big = shows_big_score(&screen, expect.big_score);
        if missing.is_empty() && present.is_empty() && big {
            return;
        }
        if Instant::now() > deadline {
            panic!(
                "at {}: missing {missing:?}, unexpected {present:?}, big score {} shown: {big}; the screen:\n{screen}",
                expect.what, expect.big_score
            );
        }
        sleep(POLL);
    }
}

/// Waits until the mouse is on (or off) in the pane.
fn wait_for_mouse(tmux: &Tmux, on: bool) {
    let deadline = Instant::now() + PATIENCE;
    while tmux.mouse_on() != on {
        if Instant::now() > deadline {
            panic!("the mouse never went {}", if on { "on" } else { "off" });
        }
        sleep(POLL);
    }
}

/// The 0-based cell where `needle` starts on the screen, counting
/// characters (every character the viewer draws is one column wide).
fn cell_of(screen: &str, needle: &str) -> Option<(usize, usize)> {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| line.find(needle).map(|at| (line[..at].chars().count(), y)))
}

/// Runs the viewer with `args` in a shell that records how it ended in
/// `status` and then stays, so tmux can still be asked about the pane.
fn start_viewer(dir: &Path, args: &str, status: &Path) -> Tmux {
    let bin = binary();
    assert!(bin.is_file(), "no binary at {}", bin.display());
    let script = format!(
        "{} {args}; echo EXIT=$? > {}; exec sleep 600",
        shell_quote(&bin),
        shell_quote(status)
    );
    Tmux::start(dir, &["sh", "-c", &script], 120, 40)
}

#[test]
fn search_filter_marks_and_the_mouse_in_a_real_terminal() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let status = dir.path().join("status");
    let tmux = start_viewer(dir.path(), "", &status);
    wait_until(&tmux, &KICK_OFF);
    wait_for_mouse(&tmux, true);

    // With spoilers hidden a search stays put, and n looks ahead.
    tmux.send("/");
    tmux.type_literally("griezmann");
    wait_for_text(&tmux, &["Search: griezmann"]);
    tmux.send("Enter");
    wait_for_text(&tmux, &["no match so far for “griezmann”"]);
    tmux.send("n");
    let screen = wait_for_text(&tmux, &["hit 1 for “griezmann”"]);
    assert!(screen.contains("▸   17' ◉ FRA Goal Tchouaméni"), "{screen}");
    tmux.send("m");
    wait_for_text(&tmux, &["Marked 17'"]);

    // On to Kane's penalty, then a click on Tchouaméni's row goes back.
    tmux.send("]");
    let screen = wait_for_text(&tmux, &["2nd half · 54'"]);
    let (x, y) = cell_of(&screen, "17' ◉ FRA Goal").expect("the 17' row");
    assert!(screen.contains("✦   17'"), "the mark:\n{screen}");
    tmux.click(x, y);
    wait_until(&tmux, &FIRST_GOAL);

    // Only goals; a click at the bar's right end goes to the last goal
    // (spoilers hidden: the last one is the fan's choice to see).
    tmux.send("f");
    wait_for_text(&tmux, &["Only: g goals"]);
    tmux.send("g");
    wait_for_text(&tmux, &["Timeline · only goals · Esc clears"]);
    let screen = tmux.screen();
    let (_, bar) = cell_of(&screen, " 1H ").expect("the progress bar");
    tmux.click(117, bar);
    let screen = tmux.wait_for("Giroud's goal", |s| {
        s.contains("2nd half · 78'") && shows_big_score(s, "1-2")
    });
    assert!(!screen.contains("Full time"), "{screen}");
    // The wheel steps back through the filtered moments: Kane's goal.
    tmux.wheel(true, 60, 20);
    tmux.wait_for("Kane's penalty", |s| {
        s.contains("2nd half · 54'") && shows_big_score(s, "1-1")
    });

    // Esc clears the search, then the filter; q quits and the terminal
    // gets its mouse back.
    tmux.send("Escape");
    wait_for_text(&tmux, &["Search cleared."]);
    tmux.send("Escape");
    wait_for_text(&tmux, &["No filter"]);
    tmux.send("q");
    assert_eq!(wait_for_file(&status, &tmux), "EXIT=0");
    wait_for_mouse(&tmux, false);
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let status = dir.path().join("status");
    let tmux = start_viewer(dir.path(), "--no-mouse", &status);
    wait_until(&tmux, &KICK_OFF);
    assert!(!tmux.mouse_on(), "--no-mouse asked for the mouse");
    tmux.send("q");
    assert_eq!(wait_for_file(&status, &tmux), "EXIT=0");
}

#[test]
fn ctrl_z_gives_the_mouse_back_and_fg_takes_it_again() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    // An interactive shell, for job control: Ctrl-Z stops the viewer and
    // the shell's prompt comes back.
    let tmux = Tmux::start(dir.path(), &["sh", "-i"], 120, 40);
    tmux.type_literally(&format!("PS1='ready> '; {}", shell_quote(&bin)));
    tmux.send("Enter");
    wait_until(&tmux, &KICK_OFF);
    wait_for_mouse(&tmux, true);
    tmux.send("C-z");
    wait_for_text(&tmux, &["ready> "]);
    wait_for_mouse(&tmux, false);
    tmux.type_literally("fg");
    tmux.send("Enter");
    wait_until(&tmux, &KICK_OFF);
    wait_for_mouse(&tmux, true);
    // The mouse works again after fg: the wheel steps to the first goal.
    tmux.wheel(false, 60, 20);
    wait_until(&tmux, &FIRST_GOAL);
    tmux.send("q");
    wait_for_text(&tmux, &["ready> "]);
    wait_for_mouse(&tmux, false);
}

#[test]
fn big_digits_are_found_only_where_they_are_drawn() {
    let rows = big_digits("0-1");
    let screen: String = rows.iter().map(|r| format!("│ x {r} y\n")).collect();
    assert!(shows_big_score(&screen, "0-1"));
    assert!(!shows_big_score(&screen, "0-0"));
    assert!(!shows_big_score(&screen, "1-2"));
    // Rows out of line with each other are not a score.
    let skewed: String = rows
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}{r}\n", " ".repeat(i)))
        .collect();
    assert!(!shows_big_score(&skewed, "0-1"));
}

#[test]
fn replay_from_kick_off_to_full_time_and_quit() {
    if !can_run() {
        return;
    }
    let bin = binary();
    assert!(bin.is_file(), "no binary at {}", bin.display());
    let dir = tempfile::tempdir().expect("a temp dir");
    let status_file = dir.path().join("status");
    // The shell records the viewer's exit status once it ends.
    let script = format!(
        "{}; echo EXIT=$? > {}",
        shell_quote(&bin),
        shell_quote(&status_file)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 120, 40);

    wait_until(&tmux, &KICK_OFF);
    tmux.send("]");
    wait_until(&tmux, &FIRST_GOAL);
    tmux.send("End");
    wait_until(&tmux, &FULL_TIME);
    tmux.send("q");
    assert_eq!(wait_for_file(&status_file, &tmux), "EXIT=0");
}

/// Runs the viewer under a shell that records how it ended and the
/// terminal's modes afterwards; sends it `signal` once it shows kick-off;
/// returns that report.
fn killed_by(signal: &str) -> String {
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let pid_file = dir.path().join("pid");
    let status_file = dir.path().join("status");
    // The inner shell writes its pid and becomes the viewer; the outer one
    // records how it ended and the terminal's modes afterwards.
    let inner = format!(
        "echo $$ > {}; exec {}",
        shell_quote(&pid_file),
        shell_quote(&bin)
    );
    let script = format!(
        "sh -c {}; status=$?; echo \"EXIT=$status $(stty -a | tr -s ' \\n;' ' ')\" > {}",
        shell_quote(Path::new(&inner)),
        shell_quote(&status_file)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 100, 30);
    wait_until(&tmux, &KICK_OFF);
    let pid = wait_for_file(&pid_file, &tmux);
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("run kill");
    assert!(killed.success(), "kill -{signal} {pid} failed");
    wait_for_file(&status_file, &tmux)
}

/// Raw mode shows as "-icanon -echo -isig"; restored, all are on again.
fn assert_cooked(report: &str, after: &str) {
    let modes: Vec<&str> = report.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            modes.contains(&mode),
            "{mode} is off after {after}: {report}"
        );
    }
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    if !can_run() {
        return;
    }
    let report = killed_by("TERM");
    assert!(report.starts_with("EXIT=143 "), "{report}");
    assert_cooked(&report, "SIGTERM");
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    if !can_run() {
        return;
    }
    let report = killed_by("HUP");
    assert!(report.starts_with("EXIT=129 "), "{report}");
    assert_cooked(&report, "SIGHUP");
}

/// A real hang-up: the terminal itself goes away (tmux kills the pane), and
/// the viewer, whose every write now fails, must end rather than linger.
#[test]
fn closing_the_terminal_ends_the_viewer() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let pid_file = dir.path().join("pid");
    let script = format!(
        "echo $$ > {}; exec {}",
        shell_quote(&pid_file),
        shell_quote(&bin)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 100, 30);
    wait_until(&tmux, &KICK_OFF);
    // Playing, so the viewer is busy drawing when the terminal goes.
    tmux.send("Space");
    let pid = wait_for_file(&pid_file, &tmux);
    let proc_dir = Path::new("/proc").join(&pid);
    assert!(proc_dir.exists(), "the viewer ({pid}) is not running");
    tmux.run(&["kill-session", "-t", &tmux.session]);
    let deadline = Instant::now() + PATIENCE;
    // A zombie (state Z) has ended; only its parent has not reaped it yet.
    let running = || {
        std::fs::read_to_string(proc_dir.join("stat")).is_ok_and(|stat| {
            !stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
    };
    while running() {
        assert!(
            Instant::now() < deadline,
            "the viewer ({pid}) still runs after its terminal closed"
        );
        sleep(POLL);
    }
}

/// Waits until the screen shows every one of `wanted`; returns it.
fn wait_for_text(tmux: &Tmux, wanted: &[&str]) -> String {
    tmux.wait_for(&format!("{wanted:?}"), |screen| {
        wanted.iter().all(|w| screen.contains(w))
    })
}

/// Waits until the screen shows every one of `wanted` and none of
/// `unwanted`.
fn wait_for_screen(tmux: &Tmux, what: &str, wanted: &[&str], unwanted: &[&str]) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let screen = tmux.screen();
        let ok = wanted.iter().all(|w| screen.contains(w))
            && !unwanted.iter().any(|u| screen.contains(u));
        if ok {
            return;
        }
        if Instant::now() > deadline {
            panic!("{what}: wanted {wanted:?}, not {unwanted:?}; the screen:\n{screen}");
        }
        sleep(POLL);
    }
}

const GIROUD_LINE: &str = "78' Giroud 1-2 England v France, World Cup 2022 QF · touchline --at 78";

#[test]
fn y_copies_into_tmux_s_buffer_and_prints_the_line_on_exit() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let status_file = dir.path().join("status");
    // tmux takes OSC 52 from programs only with set-clipboard on; the shell
    // waits after the viewer quits so the printed line can be read (the
    // server is killed at the end).
    let script = format!(
        "tmux set -g set-clipboard on; {} --at 78; echo EXIT=$? > {}; exec sleep 600",
        shell_quote(&bin),
        shell_quote(&status_file)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 120, 40);
    wait_for_text(&tmux, &["Giroud 78'", "2nd half · 78'"]);
    tmux.send("y");
    wait_for_text(
        &tmux,
        &["In tmux's buffer, printed on quit too: 78' Giroud"],
    );
    let deadline = Instant::now() + PATIENCE;
    while tmux.buffer() != GIROUD_LINE {
        assert!(
            Instant::now() < deadline,
            "tmux's buffer holds {:?}",
            tmux.buffer()
        );
        sleep(POLL);
    }
    tmux.send("q");
    assert_eq!(wait_for_file(&status_file, &tmux), "EXIT=0");
    // tmux may not pass it on to a terminal, so the line is printed too.
    let screen = wait_for_text(&tmux, &[GIROUD_LINE]);
    assert!(
        !screen.contains("Timeline"),
        "the viewer is gone:\n{screen}"
    );
}

#[test]
fn with_tmux_closed_y_sends_nothing_and_says_how_to_open_it() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let status_file = dir.path().join("status");
    // tmux's defaults: set-clipboard external, allow-passthrough off.
    let script = format!(
        "{} --at 78; echo EXIT=$? > {}; exec sleep 600",
        shell_quote(&bin),
        shell_quote(&status_file)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 120, 40);
    wait_for_text(&tmux, &["Giroud 78'"]);
    tmux.send("y");
    wait_for_text(
        &tmux,
        &["tmux blocks copying (tmux set -g set-clipboard on opens it)"],
    );
    tmux.send("q");
    assert_eq!(wait_for_file(&status_file, &tmux), "EXIT=0");
    wait_for_text(&tmux, &[GIROUD_LINE]);
    assert_eq!(tmux.buffer(), "", "nothing reached tmux");
}

/// A second tmux server run inside a pane of the first, killed at the end.
struct InnerTmux(PathBuf);

impl Drop for InnerTmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-S"])
            .arg(&self.0)
            .arg("kill-server")
            .output();
    }
}

#[test]
fn passthrough_hands_the_copy_to_the_terminal_outside_tmux() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let inner = InnerTmux(dir.path().join("inner.sock"));
    // The outer tmux stands in for the terminal: with set-clipboard on it
    // keeps what reaches it. The inner one runs the viewer and, with
    // allow-passthrough on, lets the wrapped sequence through untouched.
    let viewer = format!(
        "tmux set -g allow-passthrough on; exec {} --at 54",
        shell_quote(&bin)
    );
    let script = format!(
        "unset TMUX; exec tmux -f /dev/null -S {} new-session -s inner {}",
        shell_quote(&inner.0),
        shell_quote(Path::new(&viewer))
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 120, 40);
    tmux.run(&["set", "-g", "set-clipboard", "on"]);
    wait_for_text(&tmux, &["Kane 54' (pen)"]);
    tmux.send("y");
    wait_for_text(&tmux, &["Sent to the clipboard"]);
    let expected = "54' Kane (pen) 1-1 England v France, World Cup 2022 QF · touchline --at 54";
    let deadline = Instant::now() + PATIENCE;
    while tmux.buffer() != expected {
        assert!(
            Instant::now() < deadline,
            "the outer tmux holds {:?}",
            tmux.buffer()
        );
        sleep(POLL);
    }
    tmux.send("q");
}

#[test]
fn a_config_file_rebinds_keys_and_sets_spoilers_and_speed() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "speed = 10\nspoilers = \"shown\"\n[keys.replay]\nnext_goal = [\"J\"]\n",
    )
    .expect("write the config");
    let script = format!(
        "TOUCHLINE_CONFIG={} exec {}",
        shell_quote(&config),
        shell_quote(&bin)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 120, 40);
    wait_for_text(&tmux, &["10x", "spoilers shown", "Kick-off"]);
    tmux.send("]");
    tmux.send("J");
    // `]` does nothing now; `J` goes to the first goal, not the second.
    wait_until(&tmux, &FIRST_GOAL);
    tmux.send("?");
    let help = wait_for_text(&tmux, &["Help · touchline"]);
    let row = help
        .lines()
        .find(|l| l.contains("Next goal"))
        .expect("a next-goal row");
    assert!(row.contains("│ J "), "{row}");
}

#[test]
fn a_bad_config_still_opens_the_viewer_and_says_why_in_the_footer() {
    if !can_run() {
        return;
    }
    let bin = binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys.replay]\nquit = [\"Qiut\"]\n").expect("write the config");
    let script = format!(
        "TOUCHLINE_CONFIG={} exec {}",
        shell_quote(&config),
        shell_quote(&bin)
    );
    let tmux = Tmux::start(dir.path(), &["sh", "-c", &script], 160, 40);
    wait_until(&tmux, &KICK_OFF);
    wait_for_text(&tmux, &["config.toml:2:9: unknown key \"Qiut\""]);
    // The defaults are in force: q quits.
    tmux.send("Right");
    tmux.send("q");
    let deadline = Instant::now() + PATIENCE;
    while tmux.screen().contains("Kick-off") {
        assert!(Instant::now() < deadline, "q did not quit");
        sleep(POLL);
    }
}

/// Starts `touchline ARGS` in tmux with its exit status recorded in
/// `status_file`.
fn start_touchline(dir: &Path, args: &[&Path], status_file: &Path) -> Tmux {
    let bin = binary();
    assert!(bin.is_file(), "no binary at {}", bin.display());
    let mut command = shell_quote(&bin);
    for arg in args {
        command.push(' ');
        command.push_str(&shell_quote(arg));
    }
    let script = format!("{command}; echo EXIT=$? > {}", shell_quote(status_file));
    Tmux::start(dir, &["sh", "-c", &script], 120, 40)
}

const DERBY: &str = r#"{"match": {"competition": "County Cup", "kickoff": "2024-05-11T15:00:00+01:00",
  "home": {"name": "Riverside"}, "away": {"name": "Hill Rovers"}},
 "events": [
  {"kind": "period_start", "clock": "1"},
  {"kind": "goal", "clock": "12", "team": "away", "player": "Sam Ode", "text": "Ode heads in."},
  {"kind": "period_end", "clock": "45"}
 ]}"#;

#[test]
fn the_match_list_opens_a_match_and_esc_comes_back_to_it() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let library = dir.path().join("matches");
    std::fs::create_dir_all(library.join("cup")).unwrap();
    std::fs::write(library.join("cup/derby.json"), DERBY).unwrap();
    std::fs::write(library.join("broken.json"), "{\"match\": [").unwrap();
    let status = dir.path().join("status");
    let tmux = start_touchline(dir.path(), &[&library], &status);
    wait_for_screen(
        &tmux,
        "the list",
        &[
            "2 matches · 1 unreadable",
            "Riverside v Hill Rovers",
            "England v France",
            "✗ broken.json",
        ],
        &["0-1", "1-2"],
    );
    // Filter, open, score, back.
    for key in ["/", "r", "i", "v", "Enter"] {
        tmux.send(key);
    }
    wait_for_screen(&tmux, "the derby", &["Riverside", "Kick-off"], &["Ode 12'"]);
    tmux.send("]");
    wait_for_screen(&tmux, "the goal", &["Ode 12'", "Ode heads in."], &[]);
    tmux.send("Escape");
    wait_for_screen(
        &tmux,
        "back to the list",
        &["◷ 12'", "filter: riv"],
        &["Ode heads in."],
    );
    // Results only once spoilers are shown.
    tmux.send("s");
    wait_for_screen(&tmux, "results", &["spoilers shown", "0-1"], &[]);
    tmux.send("q");
    assert_eq!(wait_for_file(&status, &tmux), "EXIT=0");
}

#[test]
fn following_a_file_moves_with_it_and_survives_truncation_deletion_and_replacement() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let live = dir.path().join("live.json");
    let header = r#"{"match": {"home": {"name": "Riverside"}, "away": {"name": "Hill Rovers"}}, "events": [
{"kind": "period_start", "clock": "1", "text": "Under way."}"#;
    std::fs::write(&live, header).unwrap();
    let status = dir.path().join("status");
    let tmux = start_touchline(dir.path(), &[Path::new("--follow"), &live], &status);
    wait_for_screen(&tmux, "opening live", &["● LIVE", "Under way."], &[]);
    let append = |text: &str| {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&live)
            .unwrap();
        std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    };
    // Half an event first: nothing changes; then the rest of it.
    append(",\n{\"kind\": \"goal\", \"clock\": \"12\", \"team\": \"away\", ");
    append("\"player\": \"Sam Ode\", \"text\": \"Ode heads in.\"}");
    wait_for_screen(
        &tmux,
        "the goal lands",
        &["● LIVE", "Ode heads in.", "Ode 12'"],
        &[],
    );
    // Stepping back leaves live; new events do not move the fan.
    tmux.send("Left");
    wait_for_screen(&tmux, "behind", &["behind live", "Under way."], &["● LIVE"]);
    append(
        ",\n{\"kind\": \"goal\", \"clock\": \"30\", \"team\": \"home\", \"player\": \"Ida Berg\", \"text\": \"Berg levels.\"}",
    );
    sleep(Duration::from_millis(300));
    wait_for_screen(
        &tmux,
        "still behind",
        &["behind live", "Under way."],
        &["Berg levels."],
    );
    tmux.send("End");
    wait_for_screen(
        &tmux,
        "back to live",
        &["● LIVE", "Berg levels.", "Berg 30'"],
        &[],
    );
    // Truncated, deleted, then replaced whole by a rename.
    std::fs::write(&live, "").unwrap();
    wait_for_screen(&tmux, "emptied", &["was emptied", "Berg 30'"], &[]);
    std::fs::remove_file(&live).unwrap();
    wait_for_screen(&tmux, "deleted", &["is gone", "Berg 30'"], &[]);
    let aside = dir.path().join("live.json.tmp");
    std::fs::write(
        &aside,
        format!("{header},\n{{\"kind\": \"note\", \"clock\": \"40\", \"text\": \"Back on.\"}}]}}"),
    )
    .unwrap();
    std::fs::rename(&aside, &live).unwrap();
    wait_for_screen(&tmux, "replaced", &["● LIVE", "Back on."], &["is gone"]);
    // A broken update keeps the last version and says where it broke.
    std::fs::write(
        &live,
        format!("{header},\n{{\"kind\": \"goal\", \"clock\": \"ninety\"}}]}}"),
    )
    .unwrap();
    wait_for_screen(&tmux, "broken", &["update refused", "Back on."], &[]);
    tmux.send("q");
    assert_eq!(wait_for_file(&status, &tmux), "EXIT=0");
}
