//! The reports `touchline summary` writes, as people read them: the text
//! and Markdown forms of the bundled match at a few points and of a
//! StatsBomb fixture, compared with reviewed snapshots
//! (`tests/snapshots/`), and checks that a report never tells what comes
//! after its point and that the Markdown form cannot be made to carry
//! markup by a name in the file.

use std::path::{Path, PathBuf};

use touchline::import::{self, LoadOptions};
use touchline::model::{Clock, Detail, Event, Match, MatchInfo, Quote, Side, Team};
use touchline::replay::Replay;
use touchline::summary::{self, Format};

fn bundled() -> Replay {
    Replay::new(import::bundled().game)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/statsbomb")
        .join(name)
}

fn cup_final() -> Replay {
    let loaded = import::load_path_with_lineups(
        &fixture("cup_final_events.json"),
        Some(&fixture("cup_final_lineups.json")),
        LoadOptions::default(),
    )
    .expect("the fixture loads");
    Replay::new(loaded.game)
}

fn at(replay: &Replay, minute: u16) -> usize {
    replay.step_at_clock(Clock::minute(minute))
}

#[test]
fn text_report_at_54() {
    let replay = bundled();
    insta::assert_snapshot!(summary::text(&replay.at(at(&replay, 54))));
}

#[test]
fn text_report_at_full_time() {
    let replay = bundled();
    insta::assert_snapshot!(summary::text(&replay.at(replay.full_time())));
}

#[test]
fn markdown_report_at_54() {
    let replay = bundled();
    insta::assert_snapshot!(summary::markdown(&replay.at(at(&replay, 54))));
}

#[test]
fn markdown_report_at_full_time() {
    let replay = bundled();
    insta::assert_snapshot!(summary::markdown(&replay.at(replay.full_time())));
}

#[test]
fn text_report_of_a_statsbomb_cup_final() {
    let replay = cup_final();
    insta::assert_snapshot!(summary::text(&replay.at(replay.full_time())));
}

#[test]
fn markdown_report_of_a_statsbomb_cup_final() {
    let replay = cup_final();
    insta::assert_snapshot!(summary::markdown(&replay.at(replay.full_time())));
}

#[test]
fn markdown_report_of_a_statsbomb_cup_final_at_half_time() {
    let replay = cup_final();
    let half_time = replay
        .game()
        .events
        .iter()
        .position(|e| matches!(e.detail, Detail::PeriodEnd))
        .map(|i| i + 1)
        .expect("a half-time whistle");
    insta::assert_snapshot!(summary::markdown(&replay.at(half_time)));
}

/// What an event says that nothing before `step` also says: its own
/// commentary and quotes.
fn words(event: &Event) -> Vec<String> {
    let mut words: Vec<String> = event.text.iter().map(|t| t.to_string()).collect();
    words.extend(event.quotes.iter().map(|q| q.text.trim().to_owned()));
    words
}

#[test]
fn no_report_tells_what_comes_after_its_point() {
    for replay in [bundled(), cup_final()] {
        let events = &replay.game().events;
        for step in 0..=replay.steps() {
            let state = replay.at(step);
            let said: Vec<String> = events[..step].iter().flat_map(words).collect();
            for format in [Format::Text, Format::Markdown] {
                let report = format.render(&state);
                for later in events[step..].iter().flat_map(words) {
                    let escaped = summary::markdown_escape(&later);
                    let told = report.contains(&later) || report.contains(&escaped);
                    assert!(
                        !told || said.contains(&later),
                        "the {format:?} report at step {step} tells {later:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_report_at_54_has_kane_but_not_giroud() {
    let replay = bundled();
    let state = replay.at(at(&replay, 54));
    for format in [Format::Text, Format::Markdown] {
        let report = format.render(&state);
        assert!(report.contains("Harry Kane"), "{format:?}");
        assert!(
            report.contains("Kane drives the penalty past his Tottenham team-mate Lloris."),
            "{format:?}"
        );
        assert!(!report.contains("Giroud"), "{format:?}");
        assert!(
            !report.contains("Henderson"),
            "{format:?}: the quotes come later"
        );
    }
}

/// A match whose names and words try to become markup.
fn hostile() -> Replay {
    let mut info = MatchInfo::between(
        Team::named("*Bold* [FC](https://x.example)"),
        Team::named("<script>alert(1)</script>"),
    );
    info.competition = Some("# Cup | final".to_owned());
    let mut game = Match::new(info);
    game.events
        .push(Event::new(Clock::minute(1), Detail::PeriodStart));
    let mut goal = Event::new(
        Clock::minute(9),
        Detail::Goal {
            method: Default::default(),
            assist: None,
            xg: None,
        },
    );
    goal.team = Some(Side::Home);
    goal.player = Some("_Under_ `code` ![img](x)".into());
    goal.text = Some("- a list?\n1. or this\n> a quote\n=== a rule".into());
    goal.quotes.push(Quote {
        speaker: "**Me**".to_owned(),
        role: Some("a | pipe".to_owned()),
        text: "[link](y) & &amp;".to_owned(),
        source: None,
    });
    game.events.push(goal);
    Replay::new(game)
}

#[test]
fn names_and_words_cannot_inject_markdown() {
    let replay = hostile();
    let report = summary::markdown(&replay.at(replay.full_time()));
    for raw in [
        "*Bold*", "[FC](", "<script>", "_Under_", "`code`", "![img]", "[link](", "& &amp;",
        "a | pipe", "**Me**",
    ] {
        assert!(
            !report.contains(raw),
            "{raw:?} reached the report raw:\n{report}"
        );
    }
    assert!(
        report.contains(r"\*Bold\* \[FC\](https://x.example)"),
        "{report}"
    );
    assert!(
        report.contains(r"\<script\>alert(1)\</script\>"),
        "{report}"
    );
    assert!(
        report.contains("| 9' | \\*Bold\\*"),
        "a table row of one cell each: {report}"
    );
    for line in [
        r"  \- a list?",
        r"  1\. or this",
        r"  \> a quote",
        r"  \=== a rule",
    ] {
        assert!(
            report.lines().any(|l| l == line),
            "{line:?} missing:\n{report}"
        );
    }
    assert!(report.contains(r"  > \[link\](y) \& \&amp;"), "{report}");
}

#[test]
fn summary_reports_from_the_real_statsbomb_matches_when_given() {
    let Some(dir) = std::env::var_os("TOUCHLINE_STATSBOMB_DIR") else {
        eprintln!(
            "notice: TOUCHLINE_STATSBOMB_DIR is not set; the real matches' reports are not checked"
        );
        return;
    };
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "TOUCHLINE_STATSBOMB_DIR={} is no directory",
        dir.display()
    );
    let expected = [
        ("3788741_turkey_italy_events.json", "Turkey 0-3 Italy"),
        ("15986_girona_barcelona_events.json", "Barcelona 2-2 Girona"),
    ];
    for (file, score) in expected {
        let loaded = import::load_path(&dir.join(file), LoadOptions::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let replay = Replay::new(loaded.game);
        for format in [Format::Text, Format::Markdown] {
            let report = format.render(&replay.at(replay.full_time()));
            assert!(report.contains(score), "{file} {format:?}:\n{report}");
            assert!(
                report.lines().count() < 400,
                "{file} {format:?}: a report, not the event list ({} lines)",
                report.lines().count()
            );
            assert!(!report.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
