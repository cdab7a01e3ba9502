use super::*;
use crate::import;
use crate::model::{Detail, Period};
use crate::replay::filter::{self, Only};
use crate::tui::action::{Global, HelpAction, ViewerAction};
use crate::tui::clipboard::Copies;
use crate::tui::effect::Effect;
use chrome::{PROMPT_MAX, SEARCH_MAX};

fn app() -> App {
    App::new(Replay::new(import::bundled().game), AppOptions::default())
}

/// Draws nothing but measures the frame the app would have at `width` x
/// `height`, as the event loop does after each frame.
fn measured(app: &mut App, width: u16, height: u16) {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let viewport = crate::tui::widgets::measure(app, area);
    app.set_viewport(viewport);
}

/// The app with a clipboard reached by way of `clipboard`, sharing
/// moments of `file`.
fn sharing(file: Option<&str>, clipboard: Clipboard) -> App {
    let setup = Setup {
        clipboard,
        ..Setup::default()
    };
    app().with_setup(&setup).with_file(file.map(str::to_owned))
}

/// Carries out the copies among `effects` as the event loop does: the
/// bytes written to the terminal.
fn copy(copies: &mut Copies, effects: Effects) -> Vec<Vec<u8>> {
    effects
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Copy { line, clipboard } => copies.copy(&line, clipboard),
            _ => None,
        })
        .collect()
}

fn typed(app: &mut App, text: &str) {
    let _ = app.update(ViewerAction::OpenPrompt);
    for c in text.chars() {
        let _ = app.update(ViewerAction::PromptType(c));
    }
    let _ = app.update(ViewerAction::PromptSubmit);
}

/// A short match with low-level plays between its key moments.
const WITH_PLAYS: &str = r#"{
  "match": {"home": {"name": "Home"}, "away": {"name": "Away"}},
  "events": [
    {"kind": "period_start", "clock": "1"},
    {"kind": "play", "clock": "1", "team": "home", "action": "Pass"},
    {"kind": "play", "clock": "2", "team": "home", "action": "Carry"},
    {"kind": "goal", "clock": "3", "team": "home", "player": "A. Striker"},
    {"kind": "play", "clock": "4", "team": "away", "action": "Pass"},
    {"kind": "period_end", "clock": "45"}
  ]
}"#;

fn with_plays() -> App {
    let loaded = import::parse_bytes("plays.json", WITH_PLAYS.as_bytes()).unwrap();
    App::new(Replay::new(loaded.game), AppOptions::default())
}

#[test]
fn stepping_skips_plays_unless_every_event_is_shown() {
    let mut app = with_plays();
    assert_eq!(app.step(), 1);
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), 4, "straight to the goal");
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), 6);
    let _ = app.update(ViewerAction::PrevEvent);
    assert_eq!(app.step(), 4);
    app.set_filter(EventFilter::ALL_EVENTS);
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), 5, "the play after the goal");
    let _ = app.update(ViewerAction::KickOff);
    let _ = app.update(ViewerAction::TogglePlay);
    app.tick();
    assert_eq!(app.step(), 2, "autoplay visits plays too when shown");
}

/// Plays with and without positions around a goal.
const LOCATED: &str = r#"{
  "match": {"home": {"name": "Home"}, "away": {"name": "Away"}},
  "events": [
    {"kind": "period_start", "clock": "1"},
    {"kind": "play", "clock": "1", "team": "home", "action": "Pass",
     "location": [50, 50], "end_location": [70, 40]},
    {"kind": "play", "clock": "2", "action": "Referee Ball-Drop"},
    {"kind": "goal", "clock": "3", "team": "home", "player": "A. Striker",
     "location": [90, 50]},
    {"kind": "play", "clock": "4", "team": "away", "action": "Carry",
     "location": [50, 50], "end_location": [40, 50]},
    {"kind": "period_end", "clock": "45"}
  ]
}"#;

fn located() -> App {
    let loaded = import::parse_bytes("located.json", LOCATED.as_bytes()).unwrap();
    App::new(Replay::new(loaded.game), AppOptions::default())
}

#[test]
fn tab_cycles_the_views_and_a_toggles_every_event() {
    let mut app = with_plays();
    let mut seen = Vec::new();
    for _ in 0..View::ALL.len() {
        seen.push(app.view());
        let _ = app.update(ViewerAction::NextView);
    }
    assert_eq!(seen, View::ALL);
    assert_eq!(app.view(), View::Timeline, "round the cycle");
    let _ = app.update(ViewerAction::PrevView);
    assert_eq!(app.view(), View::Lineups);
    let _ = app.update(ViewerAction::NextView);
    assert_eq!(app.view(), View::Timeline);

    assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
    let _ = app.update(ViewerAction::ToggleAllEvents);
    assert_eq!(app.filter(), &EventFilter::ALL_EVENTS);
    assert!(app.message().is_some_and(|m| m.contains("Every event")));
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), 2, "the pass is a stop now");
    let _ = app.update(ViewerAction::ToggleAllEvents);
    assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), 4, "plays are passed over again");
}

#[test]
fn the_pitch_stops_at_located_actions_while_the_timeline_keeps_its_filter() {
    let mut app = located();
    let _ = app.update(ViewerAction::NextView);
    assert_eq!(app.view(), View::Pitch);
    let mut stops = vec![app.step()];
    loop {
        let before = app.step();
        let _ = app.update(ViewerAction::NextEvent);
        if app.step() == before {
            break;
        }
        stops.push(app.step());
    }
    // The ball-drop has no position; the pass and the carry have.
    assert_eq!(stops, [1, 2, 4, 5, 6]);
    let mut back = Vec::new();
    while app.step() > 0 {
        let _ = app.update(ViewerAction::PrevEvent);
        back.push(app.step());
    }
    assert_eq!(back, [5, 4, 2, 1, 0]);
    // What the timeline lists is unchanged.
    assert_eq!(app.nav().next_visible(1), Some(4));
    assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
    // Autoplay on the pitch goes action by action, with every event
    // shown too.
    let _ = app.update(ViewerAction::KickOff);
    let _ = app.update(ViewerAction::TogglePlay);
    app.tick();
    assert_eq!(app.step(), 2);
    let _ = app.update(ViewerAction::ToggleAllEvents);
    app.tick();
    assert_eq!(app.step(), 3);
    // Back on the timeline, stepping follows its filter again.
    let _ = app.update(ViewerAction::ToggleAllEvents);
    let _ = app.update(ViewerAction::PrevView);
    app.tick();
    assert_eq!(app.step(), 4);
}

#[test]
fn the_ball_moves_only_on_the_pitch_while_playing() {
    let mut app = located();
    let _ = app.update(ViewerAction::NextView);
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), 2);
    assert_eq!(app.ball(), None, "paused: the pitch places the ball");
    let _ = app.update(ViewerAction::TogglePlay);
    assert!(app.animating());
    // From the pass's end (70, 40) towards the goal at (90, 50).
    app.animate(0.5);
    let ball = app.ball().unwrap();
    assert!((ball.x - 80.0).abs() < 1e-3 && (ball.y - 45.0).abs() < 1e-3);
    app.animate(f32::NAN);
    assert_eq!(app.ball().unwrap().x, 70.0);
    app.animate(0.5);
    app.tick();
    assert_eq!(app.ball().unwrap().x, 90.0, "a new moment starts at 0");
    let _ = app.update(ViewerAction::NextView);
    assert_eq!(app.ball(), None);
    assert!(!app.animating(), "other views do not animate");
}

#[test]
fn autoplay_over_key_moments_skips_plays() {
    let mut app = with_plays();
    let _ = app.update(ViewerAction::TogglePlay);
    app.tick();
    assert_eq!(app.step(), 4);
}

#[test]
fn opens_at_kick_off_with_spoilers_hidden() {
    let app = app();
    assert_eq!(app.step(), app.replay().kick_off());
    assert!(!app.spoilers_shown());
    assert!(matches!(
        app.state().event().unwrap().detail,
        Detail::PeriodStart
    ));
    assert!(app.help().is_none());
}

#[test]
fn start_step_is_honoured_and_clamped() {
    let replay = Replay::new(import::bundled().game);
    let steps = replay.steps();
    let options = AppOptions {
        start_step: Some(10_000),
        ..AppOptions::default()
    };
    assert_eq!(App::new(replay, options).step(), steps);
}

#[test]
fn stepping_reaches_pre_match_and_stops_at_both_ends() {
    let mut app = app();
    let _ = app.update(ViewerAction::PrevEvent);
    assert_eq!(app.step(), 0);
    let _ = app.update(ViewerAction::PrevEvent);
    assert_eq!(app.step(), 0);
    assert!(app.message().is_some());
    let _ = app.update(ViewerAction::FullTime);
    let last = app.step();
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(app.step(), last);
    let _ = app.update(ViewerAction::KickOff);
    assert_eq!(app.step(), app.replay().kick_off());
}

#[test]
fn goal_keys_walk_the_goals_in_order() {
    let mut app = app();
    let mut scores = Vec::new();
    for _ in 0..4 {
        let _ = app.update(ViewerAction::NextGoal);
        let s = app.state().score();
        scores.push((s.home, s.away));
    }
    assert_eq!(scores, [(0, 1), (1, 1), (1, 2), (1, 2)]);
    assert_eq!(app.message().as_deref(), Some("No goal after this moment."));
    let _ = app.update(ViewerAction::PrevGoal);
    assert_eq!(app.state().score().home, 1);
    assert_eq!(
        app.state().scorers(crate::model::Side::Home)[0].label(),
        "Kane 54' (pen)"
    );
}

#[test]
fn typed_minutes_jump_and_bad_ones_explain() {
    let mut app = app();
    typed(&mut app, "54");
    assert_eq!(app.mode(), Mode::Replay);
    assert_eq!(app.state().score().home, 1);
    typed(&mut app, "45+5");
    assert_eq!(app.state().period(), Some(Period::First));
    typed(&mut app, "9+:");
    assert_eq!(app.mode(), Mode::Prompt);
    assert!(
        app.prompt()
            .error
            .as_deref()
            .unwrap()
            .contains("not a minute")
    );
    let _ = app.update(ViewerAction::PromptBackspace);
    assert_eq!(app.prompt().error, None);
    let _ = app.update(ViewerAction::PromptCancel);
    assert_eq!(app.mode(), Mode::Replay);
    assert_eq!(app.state().period(), Some(Period::First));
    typed(&mut app, "");
    assert!(app.prompt().error.is_some());
}

#[test]
fn prompt_input_is_bounded() {
    let mut app = app();
    let _ = app.update(ViewerAction::OpenPrompt);
    for _ in 0..50 {
        let _ = app.update(ViewerAction::PromptType('9'));
    }
    assert_eq!(app.prompt().input.len(), PROMPT_MAX);
}

#[test]
fn parse_minute_accepts_clock_forms() {
    assert_eq!(parse_minute("54"), Ok(Clock::minute(54)));
    assert_eq!(parse_minute("90+4"), Ok(Clock::stoppage(90, 4)));
    assert!(parse_minute("90+4:30").is_ok());
    for bad in ["+", "121", "4:5", "::", "45++2"] {
        assert!(parse_minute(bad).is_err(), "{bad}");
    }
}

#[test]
fn autoplay_waits_plays_on_and_stops_at_the_end() {
    let mut app = app();
    assert_eq!(app.autoplay_wait(), None);
    let _ = app.update(ViewerAction::TogglePlay);
    let wait = app.autoplay_wait().unwrap();
    assert!(wait <= crate::replay::MAX_WAIT);
    let mut ticks = 0;
    while app.autoplay_wait().is_some() {
        app.tick();
        ticks += 1;
        assert!(ticks < 1_000);
    }
    assert_eq!(app.step(), app.replay().full_time());
    assert!(!app.playback().playing);
    let _ = app.update(ViewerAction::TogglePlay);
    assert!(!app.playback().playing);
    assert!(app.message().is_some());
}

#[test]
fn speed_keys_move_through_the_offered_speeds() {
    let mut app = app();
    for _ in 0..10 {
        let _ = app.update(ViewerAction::Faster);
    }
    assert_eq!(app.playback().speed(), 60);
    let _ = app.update(ViewerAction::Slower);
    assert_eq!(app.playback().speed(), 30);
}

#[test]
fn scrolling_stops_at_the_end_of_the_commentary_and_resets_on_a_step() {
    let mut app = app();
    measured(&mut app, 80, 24);
    let _ = app.update(ViewerAction::FullTime);
    // The event loop measures every frame it draws.
    measured(&mut app, 80, 24);
    for _ in 0..100 {
        let _ = app.update(ViewerAction::ScrollDown);
    }
    let bottom = app.scroll();
    assert!(bottom > 0);
    let _ = app.update(ViewerAction::ScrollUp);
    assert!(app.scroll() < bottom, "one page up moves at once");
    let _ = app.update(ViewerAction::PrevEvent);
    assert_eq!(app.scroll(), 0);
    let _ = app.update(ViewerAction::KickOff);
    measured(&mut app, 80, 24);
    let _ = app.update(ViewerAction::ScrollDown);
    assert_eq!(app.scroll(), 0, "the kick-off text fits: nothing to scroll");
}

fn searched(app: &mut App, text: &str) {
    let _ = app.update(ViewerAction::OpenSearch);
    assert_eq!(app.mode(), Mode::Search);
    for c in text.chars() {
        let _ = app.update(ViewerAction::PromptType(c));
    }
    let _ = app.update(ViewerAction::PromptSubmit);
    assert_eq!(app.mode(), Mode::Replay);
}

/// The steps of the bundled match whose event satisfies `keep`.
fn steps_where(app: &App, keep: impl Fn(&crate::model::Event) -> bool) -> Vec<usize> {
    let events = &app.replay().game().events;
    (1..=events.len())
        .filter(|&s| keep(&events[s - 1]))
        .collect()
}

#[test]
fn with_spoilers_hidden_a_search_stays_put_and_counts_only_what_was_reached() {
    let mut app = app();
    let start = app.step();
    searched(&mut app, "giroud");
    assert_eq!(app.step(), start, "Enter does not carry the fan ahead");
    let note = app.message().unwrap().to_owned();
    assert!(note.starts_with("no match so far for “giroud”"), "{note}");
    assert!(note.contains("n looks ahead"), "{note}");
    let hits = app.search().unwrap().hits().to_vec();
    assert!(!hits.is_empty());
    // n is the fan's own choice to look ahead.
    let _ = app.update(ViewerAction::NextHit);
    assert_eq!(app.step(), hits[0]);
    assert_eq!(app.message().as_deref(), Some("hit 1 for “giroud”"));
    let status = app.search_status().unwrap();
    assert_eq!(status, "/giroud · hit 1");
    // Nothing says how many more there are.
    for step in 0..=app.replay().steps() {
        let _ = app.update(ViewerAction::GoTo(step));
        let status = app.search_status().unwrap();
        assert!(!status.contains(" of "), "{step}: {status}");
        assert!(app.search().unwrap().count_upto(step) <= hits.len());
    }
    let _ = app.update(ViewerAction::GoTo(hits[0]));
    let _ = app.update(ViewerAction::PrevHit);
    assert_eq!(app.step(), hits[0]);
    assert_eq!(
        app.message().as_deref(),
        Some("No earlier match for “giroud”.")
    );
}

#[test]
fn with_spoilers_shown_a_search_goes_to_the_first_hit_and_counts_them_all() {
    let mut app = app();
    let _ = app.update(ViewerAction::ToggleSpoilers);
    searched(&mut app, "TCHOUAMENI");
    let hits = app.search().unwrap().hits().to_vec();
    let goal = steps_where(&app, |e| {
        e.player.as_deref() == Some("Aurélien Tchouaméni")
            && matches!(e.detail, Detail::Goal { .. })
    });
    assert!(hits.contains(&goal[0]), "case and accents do not matter");
    assert_eq!(app.step(), hits[0]);
    let total = hits.len();
    assert!(
        app.message()
            .unwrap()
            .starts_with(&format!("hit 1 of {total} for “TCHOUAMENI”")),
        "{:?}",
        app.message()
    );
    let _ = app.update(ViewerAction::FullTime);
    searched(&mut app, "tchouaméni");
    assert_eq!(app.step(), hits[0], "from the end, round to the first");
    assert!(app.message().unwrap().contains("(from the start)"));
    searched(&mut app, "nobody at all");
    assert_eq!(
        app.message().as_deref(),
        Some("no match for “nobody at all”")
    );
    assert_eq!(app.step(), hits[0]);
}

#[test]
fn an_empty_search_and_esc_clear_the_search_then_the_filter_then_quit() {
    let mut app = app();
    searched(&mut app, "kane");
    assert!(app.search().is_some());
    searched(&mut app, "   ");
    assert!(app.search().is_none());
    assert_eq!(app.message().as_deref(), Some("Search cleared."));
    searched(&mut app, "kane");
    let _ = app.update(ViewerAction::OpenFilter);
    let _ = app.update(ViewerAction::FilterGoals);
    let _ = app.update(ViewerAction::Back);
    assert!(app.search().is_none());
    assert!(app.filter().is_narrowed(), "one level at a time");
    let effects = app.update(ViewerAction::Back);
    assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
    assert!(!effects.quits());
    let effects = app.update(ViewerAction::Back);
    assert_eq!(effects, Effects::one(Effect::Leave), "nothing left: leave");
    assert!(effects.quits());
}

/// Following a file, a search and a filter take in the events that
/// arrive: they are worked out again for each new version.
#[test]
fn a_search_and_a_filter_follow_new_events() {
    use crate::follow::Update;
    let game = import::bundled().game;
    let mut first = game.clone();
    // The file so far stops before Giroud's goal.
    let giroud = first
        .events
        .iter()
        .position(|e| e.player.as_deref() == Some("Olivier Giroud"))
        .expect("Giroud scores");
    first.events.truncate(giroud);
    let options = AppOptions {
        spoilers: true,
        ..AppOptions::default()
    };
    let mut app = App::new(Replay::new(first), options);
    app.start_following("live.json", true);
    searched(&mut app, "giroud");
    assert!(app.search().unwrap().hits().is_empty());
    let _ = app.update(ViewerAction::OpenFilter);
    let _ = app.update(ViewerAction::FilterGoals);
    let goals_before = app.nav().listed().map(<[usize]>::len);
    app.follow_update(Update::Match {
        game: Box::new(game),
        partial: None,
    });
    assert_eq!(app.search().unwrap().hits(), [giroud + 1]);
    assert_eq!(
        app.nav().listed().map(<[usize]>::len),
        goals_before.map(|n| n + 1)
    );
}

#[test]
fn a_search_prompt_cancelled_keeps_the_last_search() {
    let mut app = app();
    searched(&mut app, "kane");
    let _ = app.update(ViewerAction::OpenSearch);
    let _ = app.update(ViewerAction::PromptType('x'));
    let _ = app.update(ViewerAction::PromptCancel);
    assert_eq!(app.mode(), Mode::Replay);
    assert_eq!(app.search().unwrap().query().shown(), "kane");
    let _ = app.update(ViewerAction::OpenSearch);
    for _ in 0..100 {
        let _ = app.update(ViewerAction::PromptType('é'));
    }
    assert_eq!(app.prompt().input.chars().count(), SEARCH_MAX);
}

#[test]
fn filters_narrow_what_is_listed_and_where_stepping_stops() {
    let mut app = app();
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let walk = |app: &mut App| {
        let _ = app.update(ViewerAction::GoTo(0));
        let mut stops = Vec::new();
        loop {
            let before = app.step();
            let _ = app.update(ViewerAction::NextEvent);
            if app.step() == before {
                return stops;
            }
            stops.push(app.step());
        }
    };
    let _ = app.update(ViewerAction::OpenFilter);
    assert_eq!(app.mode(), Mode::Filter);
    let _ = app.update(ViewerAction::FilterGoals);
    assert_eq!(app.mode(), Mode::Replay);
    assert!(app.message().unwrap().contains("only goals"));
    let goals = steps_where(&app, |e| matches!(e.detail, Detail::Goal { .. }));
    assert_eq!(walk(&mut app), goals);
    // Back from the last goal: the earlier goals, then before kick-off.
    let mut back = Vec::new();
    while app.step() > 0 {
        let _ = app.update(ViewerAction::PrevEvent);
        back.push(app.step());
    }
    let mut expected: Vec<usize> = goals[..goals.len() - 1].iter().rev().copied().collect();
    expected.push(0);
    assert_eq!(back, expected);

    let _ = app.update(ViewerAction::FilterCards);
    let cards = steps_where(&app, |e| matches!(e.detail, Detail::Card { .. }));
    assert_eq!(walk(&mut app), cards);

    let _ = app.update(ViewerAction::FilterAway);
    let french = steps_where(&app, |e| e.team == Some(crate::model::Side::Away));
    assert_eq!(walk(&mut app), french);

    // The player of the current moment: Griezmann's booking.
    let _ = app.update(ViewerAction::GoTo(cards[0]));
    let _ = app.update(ViewerAction::FilterPlayer);
    let griezmann = steps_where(&app, |e| {
        filter::people(e).any(|p| &**p == "Antoine Griezmann")
    });
    assert!(griezmann.len() >= 3, "booked, and assisting twice");
    assert_eq!(walk(&mut app), griezmann);

    // Autoplay follows the filter too.
    let _ = app.update(ViewerAction::FilterGoals);
    let _ = app.update(ViewerAction::GoTo(0));
    let _ = app.update(ViewerAction::TogglePlay);
    app.tick();
    assert_eq!(app.step(), goals[0]);

    let _ = app.update(ViewerAction::ClearFilter);
    assert_eq!(app.filter(), &EventFilter::KEY_MOMENTS);
    assert!(app.message().unwrap().starts_with("No filter"));
}

#[test]
fn the_player_filter_takes_the_one_the_search_found() {
    let mut app = app();
    let _ = app.update(ViewerAction::ToggleSpoilers);
    let sub = steps_where(
        &app,
        |e| matches!(&e.detail, Detail::Substitution { player_out: Some(p), .. } if &**p == "Ousmane Dembélé"),
    )[0];
    let _ = app.update(ViewerAction::GoTo(sub));
    assert_eq!(app.moment_player().as_deref(), Some("Kingsley Coman"));
    searched(&mut app, "dembele");
    let _ = app.update(ViewerAction::GoTo(sub));
    assert_eq!(app.moment_player().as_deref(), Some("Ousmane Dembélé"));
    let _ = app.update(ViewerAction::FilterPlayer);
    assert_eq!(
        app.filter().only,
        Some(Only::Player(Text::from("Ousmane Dembélé")))
    );
    // A moment without a player leaves the filter as it was.
    let _ = app.update(ViewerAction::KickOff);
    let _ = app.update(ViewerAction::FilterPlayer);
    assert!(app.message().unwrap().contains("names no player"));
    assert!(matches!(app.filter().only, Some(Only::Player(_))));
}

#[test]
fn search_hits_follow_the_filter() {
    let mut app = app();
    let _ = app.update(ViewerAction::ToggleSpoilers);
    searched(&mut app, "kane");
    let all = app.search().unwrap().hits().to_vec();
    let _ = app.update(ViewerAction::FilterGoals);
    let goals = app.search().unwrap().hits().to_vec();
    assert!(goals.len() < all.len(), "{goals:?} {all:?}");
    assert!(goals.iter().all(|s| all.contains(s)));
    for &s in &goals {
        let event = &app.replay().game().events[s - 1];
        assert!(matches!(event.detail, Detail::Goal { .. }));
    }
    let _ = app.update(ViewerAction::ClearFilter);
    assert_eq!(app.search().unwrap().hits(), all);
}

#[test]
fn marks_toggle_and_the_quote_key_cycles_through_them() {
    let mut app = app();
    let _ = app.update(ViewerAction::NextMark);
    assert_eq!(
        app.message().as_deref(),
        Some("No marks yet: m marks the moment you are on.")
    );
    let _ = app.update(ViewerAction::NextGoal);
    let first = app.step();
    let _ = app.update(ViewerAction::ToggleMark);
    assert!(app.message().unwrap().starts_with("Marked 17'"));
    let _ = app.update(ViewerAction::NextMark);
    assert_eq!(app.message().as_deref(), Some("This is your only mark."));
    let _ = app.update(ViewerAction::NextGoal);
    let second = app.step();
    let _ = app.update(ViewerAction::ToggleMark);
    assert_eq!(app.marks().iter().collect::<Vec<_>>(), [first, second]);
    let _ = app.update(ViewerAction::NextMark);
    assert_eq!(app.step(), first, "round to the first");
    assert_eq!(app.message().as_deref(), Some("Mark 1 of 2: 17'"));
    let _ = app.update(ViewerAction::NextMark);
    assert_eq!(app.step(), second);
    let _ = app.update(ViewerAction::ToggleMark);
    assert_eq!(app.message().as_deref(), Some("Mark removed (1 left)."));
    assert!(!app.marks().contains(second));
}

#[test]
fn n_without_a_search_says_how_to_start_one() {
    let mut app = app();
    let _ = app.update(ViewerAction::NextHit);
    assert!(app.message().unwrap().contains("/ searches"));
}

#[test]
fn help_scrolls_only_as_far_as_it_goes() {
    let mut app = app();
    measured(&mut app, 80, 24);
    let _ = app.update(Global::OpenHelp);
    for _ in 0..10 {
        let _ = app.update(HelpAction::ScrollDown);
    }
    let bottom = app.help_scroll();
    assert!(bottom > 0);
    let _ = app.update(HelpAction::ScrollUp);
    assert!(app.help_scroll() < bottom);
    let _ = app.update(HelpAction::Close);
    let _ = app.update(Global::OpenHelp);
    assert_eq!(app.help_scroll(), 0, "the help opens at the top");
    assert_eq!(app.scroll(), 0, "the commentary did not move");
}

/// The navigator's own tests check that the listing found once steps
/// as a scan would; here, that the filter menu sets and clears it.
#[test]
fn a_narrowed_listing_is_found_once_and_dropped_when_cleared() {
    let mut app = app();
    let choices = [
        ViewerAction::FilterGoals,
        ViewerAction::FilterCards,
        ViewerAction::FilterHome,
    ];
    for choice in choices {
        let _ = app.update(choice);
        assert!(app.nav().listed().is_some(), "{choice:?}");
    }
    let _ = app.update(ViewerAction::ClearFilter);
    assert!(app.nav().listed().is_none());
}

#[test]
fn y_copies_the_moment_and_keeps_it_when_the_clipboard_is_in_doubt() {
    let mut app = sharing(Some("ef.json"), Clipboard::MaybeTerminal);
    let mut copies = Copies::default();
    typed(&mut app, "78");
    let effects = app.update(ViewerAction::CopyMoment);
    let line = "78' Giroud 1-2 England v France, World Cup 2022 QF · touchline ef.json --at 78";
    let Some(Effect::Copy {
        line: copied,
        clipboard,
    }) = effects.iter().next()
    else {
        panic!("a copy to write: {effects:?}");
    };
    assert_eq!(copied, line);
    assert_eq!(*clipboard, Clipboard::MaybeTerminal);
    assert_eq!(copy(&mut copies, effects).len(), 1, "written once");
    assert!(app.message().unwrap().ends_with(line));
    assert_eq!(copies.unsure(), [line]);
    let _ = app.update(ViewerAction::NextEvent);
    assert_eq!(
        app.message().as_deref(),
        None,
        "the note goes with the next key"
    );
}

#[test]
fn a_sure_clipboard_prints_nothing_and_a_closed_one_writes_nothing() {
    let mut sure = sharing(None, Clipboard::Terminal);
    let mut copies = Copies::default();
    let effects = sure.update(ViewerAction::CopyMoment);
    assert_eq!(copy(&mut copies, effects).len(), 1);
    assert!(copies.unsure().is_empty());
    assert!(
        sure.message()
            .unwrap()
            .starts_with("Copied: 1' kick-off 0-0")
    );

    let mut closed = sharing(None, Clipboard::TmuxClosed);
    let mut copies = Copies::default();
    let mut written = copy(&mut copies, closed.update(ViewerAction::CopyMoment));
    written.extend(copy(&mut copies, closed.update(ViewerAction::CopyMoment)));
    let _ = closed.update(ViewerAction::NextGoal);
    written.extend(copy(&mut copies, closed.update(ViewerAction::CopyMoment)));
    assert!(written.is_empty());
    assert_eq!(copies.unsure().len(), 2, "a line copied twice prints once");
    assert!(copies.unsure()[1].starts_with("17' Tchouaméni 0-1"));
    assert!(closed.message().unwrap().contains("set-clipboard on"));
}

#[test]
fn help_and_spoilers_toggle() {
    let mut app = app();
    let _ = app.update(Global::OpenHelp);
    assert_eq!(app.section(), Section::Help);
    let _ = app.update(HelpAction::Close);
    assert_eq!(app.section(), Section::Replay);
    let _ = app.update(ViewerAction::ToggleSpoilers);
    assert!(app.spoilers_shown());
    assert!(app.reveals(app.replay().full_time()));
    assert!(app.update(Global::Quit).quits());
}
