//! Following a file that another program writes: the follow state machine
//! driven write by write (a writer that appends in chunks, one that
//! rewrites the file in place, one that replaces it, truncation, deletion,
//! a broken update), the viewer keeping the fan's place as versions land,
//! and the watcher thread woken by real file notifications.
//!
//! The watcher test waits for each update with a generous deadline, which
//! only guards against a hang; nothing here measures time.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use touchline::follow::{self, Follower, Problem, Update};
use touchline::import::{self, LoadOptions};
use touchline::model::Match;
use touchline::replay::Replay;
use touchline::tui::{App, AppOptions, ViewerAction};

/// The bundled match as an appending writer lays it out: the header, then
/// the events one per line, the list closed only at the end. Returns the
/// text and, for each event, the offset just after it.
fn appended_layout() -> (String, Vec<usize>, Match) {
    let game = import::bundled().game;
    let info = serde_json::to_string(&game.info).expect("the match serialises");
    let mut text = format!("{{\"format\": 1, \"match\": {info}, \"events\": [\n");
    let mut ends = Vec::new();
    for (i, event) in game.events.iter().enumerate() {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(&serde_json::to_string(event).expect("events serialise"));
        ends.push(text.len());
    }
    text.push_str("\n]}\n");
    (text, ends, game)
}

fn shown(update: &Update) -> usize {
    match update {
        Update::Match { game, .. } => game.events.len(),
        Update::Problem(p) => panic!("expected a version to show, got {p:?}"),
    }
}

fn follower(path: &Path) -> Follower {
    Follower::new(path, None, LoadOptions::default())
}

#[test]
fn an_appending_writer_is_followed_event_by_event_through_every_chunk() {
    let (text, ends, game) = appended_layout();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    let mut follow = follower(&path);
    let bytes = text.as_bytes();
    // The header first: a match with no events yet.
    let header_end = text.find("[\n").unwrap() + 2;
    std::fs::write(&path, &bytes[..header_end]).unwrap();
    let first = follow.check().expect("the header is news");
    assert_eq!(shown(&first), 0);
    let close = text.rfind("]}").unwrap() + 2;
    let mut written = header_end;
    let mut last_shown = 0;
    // Chunks of an odd size, so most writes end inside an event.
    for chunk in bytes[header_end..].chunks(173) {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut file, chunk).unwrap();
        drop(file);
        written += chunk.len();
        let complete = ends.iter().filter(|&&end| end <= written).count();
        match follow.check() {
            Some(Update::Match { game, partial }) => {
                assert_eq!(game.events.len(), complete, "after {written} bytes");
                assert!(game.events.len() >= last_shown, "never backwards");
                last_shown = game.events.len();
                // Only once the list is closed is the file whole.
                assert_eq!(partial.is_none(), written >= close, "{partial:?}");
            }
            // A chunk that completes no new event changes nothing shown.
            Some(Update::Problem(p)) => panic!("after {written} bytes: {p:?}"),
            None => panic!("after {written} bytes: a change went unseen"),
        }
    }
    assert_eq!(last_shown, game.events.len());
    // The final version is the bundled match exactly.
    std::fs::write(&path, &text).unwrap();
    assert_eq!(follow.check(), None, "the same bytes are not news");
}

#[test]
fn a_rewrite_caught_half_way_keeps_the_last_good_version() {
    let (text, ends, _) = appended_layout();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    let mut follow = follower(&path);
    // A first version with the first 12 events, closed.
    let first = format!("{}\n]}}\n", &text[..ends[11]]);
    std::fs::write(&path, &first).unwrap();
    assert_eq!(shown(&follow.check().unwrap()), 12);
    // The writer truncates the file, then writes the new version in two
    // halves: the screen keeps the 12 events until the new one is whole.
    std::fs::write(&path, "").unwrap();
    assert_eq!(follow.check(), Some(Update::Problem(Problem::Empty)));
    std::fs::write(&path, &text[..ends[5] + 10]).unwrap();
    match follow.check() {
        Some(Update::Problem(Problem::Incomplete(at))) => {
            assert!(at.to_string().contains("line"), "{at}")
        }
        other => panic!("expected a half-written problem, got {other:?}"),
    }
    std::fs::write(&path, &text).unwrap();
    assert_eq!(shown(&follow.check().unwrap()), ends.len());
}

#[test]
fn a_broken_update_says_where_and_the_next_good_one_is_taken() {
    let (text, ends, _) = appended_layout();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    let mut follow = follower(&path);
    std::fs::write(&path, &text).unwrap();
    follow.check().unwrap();
    // A stray word between two events: not a file being written, a broken one.
    let broken = format!("{} oops {}", &text[..ends[3]], &text[ends[3]..]);
    std::fs::write(&path, &broken).unwrap();
    match follow.check() {
        Some(Update::Problem(Problem::Broken(message))) => {
            assert!(message.to_string().contains("live.json:"), "{message}");
        }
        other => panic!("expected a broken update, got {other:?}"),
    }
    // A file that parses but does not load (a goal for no team) is broken too.
    let unknown_team = text.replacen("\"team\":\"away\"", "\"team\":\"visitors\"", 1);
    assert_ne!(unknown_team, text);
    std::fs::write(&path, &unknown_team).unwrap();
    assert!(matches!(
        follow.check(),
        Some(Update::Problem(Problem::Broken(_)))
    ));
    std::fs::write(&path, &text).unwrap();
    assert_eq!(shown(&follow.check().unwrap()), ends.len());
}

#[test]
fn deletion_and_replacement_are_survived() {
    let (text, ends, _) = appended_layout();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    let mut follow = follower(&path);
    std::fs::write(&path, format!("{}\n]}}", &text[..ends[9]])).unwrap();
    assert_eq!(shown(&follow.check().unwrap()), 10);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(follow.check(), Some(Update::Problem(Problem::Missing)));
    assert_eq!(follow.check(), None, "said once");
    // Back by an atomic replacement: written aside, renamed over.
    let aside = dir.path().join(".live.json.tmp");
    std::fs::write(&aside, &text).unwrap();
    std::fs::rename(&aside, &path).unwrap();
    assert_eq!(shown(&follow.check().unwrap()), ends.len());
}

#[test]
fn a_statsbomb_file_rewritten_as_it_grows_is_followed() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/statsbomb/cup_final_events.json"
    );
    let full: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.json");
    let mut follow = follower(&path);
    let mut last = 0;
    for n in [full.len() / 3, full.len() * 2 / 3, full.len()] {
        let text = serde_json::to_string(&full[..n]).unwrap();
        std::fs::write(&path, &text).unwrap();
        let count = shown(&follow.check().unwrap());
        assert!(count > last, "{n} records gave {count} events");
        last = count;
        // The next rewrite is caught half way: the last version stays.
        std::fs::write(&path, &text.as_bytes()[..text.len() / 2]).unwrap();
        assert!(
            matches!(
                follow.check(),
                Some(Update::Problem(Problem::Incomplete(_)))
            ),
            "half of {n} records"
        );
    }
    let whole = import::load_path(Path::new(fixture), LoadOptions::default()).unwrap();
    assert_eq!(last, whole.game.events.len());
}

fn viewer_on(game: Match) -> App {
    let mut app = App::new(Replay::new(game), AppOptions::default());
    app.start_following("live.json", true);
    app
}

fn first_events(game: &Match, n: usize) -> Match {
    Match {
        events: game.events[..n].to_vec(),
        ..game.clone()
    }
}

#[test]
fn the_viewer_moves_with_new_events_when_live_and_stays_put_when_not() {
    let game = import::bundled().game;
    let mut app = viewer_on(first_events(&game, 10));
    assert!(app.nav().at_newest(), "opens live");
    assert_eq!(app.step(), app.nav().newest());
    app.follow_update(Update::Match {
        game: Box::new(first_events(&game, 14)),
        partial: None,
    });
    assert_eq!(app.step(), app.nav().newest(), "carried along");
    assert!(app.step() > 10);
    // The fan steps back: new events do not move them.
    let _ = app.update(ViewerAction::PrevEvent);
    let _ = app.update(ViewerAction::PrevEvent);
    let kept = app.step();
    app.follow_update(Update::Match {
        game: Box::new(first_events(&game, 18)),
        partial: None,
    });
    assert_eq!(app.step(), kept);
    assert!(!app.nav().at_newest());
    // End goes back to live, and the next events carry them again.
    let _ = app.update(ViewerAction::FullTime);
    assert!(app.nav().at_newest());
    app.follow_update(Update::Match {
        game: Box::new(game.clone()),
        partial: None,
    });
    assert_eq!(app.step(), app.nav().newest());
    assert_eq!(app.replay().steps(), game.events.len());
}

#[test]
fn problems_show_until_the_next_good_version() {
    let game = import::bundled().game;
    let mut app = viewer_on(first_events(&game, 10));
    let step = app.step();
    app.follow_update(Update::Problem(Problem::Missing));
    let problem = app
        .live()
        .unwrap()
        .problem
        .clone()
        .expect("a problem shown");
    assert!(problem.contains("live.json is gone"), "{problem}");
    assert_eq!(app.step(), step, "the last good version stays");
    assert_eq!(app.replay().steps(), 10);
    app.follow_update(Update::Match {
        game: Box::new(first_events(&game, 12)),
        partial: None,
    });
    assert_eq!(app.live().unwrap().problem, None);
}

#[test]
fn a_shorter_version_clamps_the_cursor() {
    let game = import::bundled().game;
    let mut app = viewer_on(game.clone());
    let _ = app.update(ViewerAction::PrevEvent);
    app.follow_update(Update::Match {
        game: Box::new(first_events(&game, 3)),
        partial: None,
    });
    assert!(app.step() <= 3);
}

/// The watcher on a real file: each write wakes it through the operating
/// system's notifications and reaches the channel.
#[test]
fn the_watcher_delivers_appends_deletion_and_replacement() {
    let (text, ends, _) = appended_layout();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    std::fs::write(&path, &text[..ends[4]]).unwrap();
    let mut follower = follower(&path);
    assert_eq!(shown(&follower.check().unwrap()), 5);
    let (tx, rx) = mpsc::channel();
    let _watch = follow::watch(follower, move |update| tx.send(update).is_ok())
        .expect("the folder can be watched");
    // Generous: a hang guard, not a measurement.
    let next = || {
        rx.recv_timeout(Duration::from_secs(30))
            .expect("the watcher delivered nothing")
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut file, &text.as_bytes()[ends[4]..ends[7]]).unwrap();
    drop(file);
    // Several notifications may come for one write; the news is 8 events.
    let mut count = 0;
    while count < 8 {
        count = shown(&next());
    }
    assert_eq!(count, 8);
    std::fs::remove_file(&path).unwrap();
    loop {
        match next() {
            Update::Problem(Problem::Missing) => break,
            other => assert_eq!(shown(&other), 8, "nothing else changed"),
        }
    }
    let aside = dir.path().join("live.json.part");
    std::fs::write(&aside, &text).unwrap();
    std::fs::rename(&aside, &path).unwrap();
    loop {
        if let Update::Match { game, .. } = next()
            && game.events.len() == ends.len()
        {
            break;
        }
    }
}

/// What the watcher's thread finds goes to the log, which is off unless
/// the binary turns it on: a refused version as a warning.
#[test]
fn the_watcher_logs_a_version_it_refuses() {
    use std::sync::{Arc, Mutex};
    /// The log's lines, kept for the test to read.
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let lines = Lines::default();
    let writer = lines.clone();
    // The watcher logs from a thread of its own, so the subscriber is
    // global; no other test in this file reads the log.
    tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .init();

    let (text, ends, _) = appended_layout();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    std::fs::write(&path, &text).unwrap();
    let (tx, rx) = mpsc::channel();
    let _watch = follow::watch(follower(&path), move |update| tx.send(update).is_ok())
        .expect("the folder can be watched");
    let next = || {
        rx.recv_timeout(Duration::from_secs(30))
            .expect("the watcher delivered nothing")
    };
    assert_eq!(shown(&next()), ends.len());
    let broken = format!("{} oops {}", &text[..ends[3]], &text[ends[3]..]);
    std::fs::write(&path, broken).unwrap();
    while !matches!(next(), Update::Problem(Problem::Broken(_))) {}
    let log = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.lines()
            .any(|l| l.contains("WARN") && l.contains("update refused") && l.contains("live.json")),
        "{log}"
    );
}
