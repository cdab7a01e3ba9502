//! The playhead driven by a synthetic clock: every instant is a base
//! instant plus a chosen offset, so each timing decision is checked as
//! arithmetic, with no sleep and nothing measured.

use super::*;
use crate::import;
use crate::model::{Card, Clock, Detail, Event, KickOutcome, Match, MatchInfo, Side, Team};
use crate::replay::hold::{Weight, hold, weight};
use crate::replay::{EventFilter, Replay, Stops};
use proptest::prelude::*;

const SEC: Duration = Duration::from_secs(1);
const MIN: u64 = 60_000;

fn bundled() -> Navigator {
    Navigator::new(Replay::new(import::bundled().game), None)
}

fn cup_final() -> Navigator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/statsbomb/cup_final_events.json"
    );
    let loaded = import::load_path(std::path::Path::new(path), Default::default())
        .expect("the fixture loads");
    Navigator::new(Replay::new(loaded.game), None)
}

fn settings(speed: u32, skip_quiet: bool) -> PlaySettings {
    PlaySettings {
        speed,
        skip_quiet,
        ..PlaySettings::default()
    }
}

/// The step of the first event of `kind` at `minute`.
fn step_of(nav: &Navigator, kind: &str, minute: u16) -> usize {
    nav.replay()
        .game()
        .events
        .iter()
        .position(|e| e.detail.kind_name() == kind && e.clock.is_some_and(|c| c.minute == minute))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no {kind} at {minute}'"))
}

fn event(nav: &Navigator, step: usize) -> &Event {
    &nav.replay().game().events[step - 1]
}

/// Asks the playhead at `now` and puts the cursor where it says, as the
/// event loop does.
fn tick(nav: &mut Navigator, head: &mut Playhead, now: Instant) -> Tick {
    let tick = head.update(nav, now);
    nav.go_to(tick.step);
    tick
}

/// Plays from the cursor at `t0`, asking at every wake, until autoplay
/// stops (or `limit` of wall time); every tick with its instant.
fn drive(
    nav: &mut Navigator,
    head: &mut Playhead,
    t0: Instant,
    limit: Duration,
) -> Vec<(Instant, Tick)> {
    assert!(head.play(nav, t0) || nav.next_stop(nav.step()).is_none());
    let mut ticks = Vec::new();
    let mut now = t0;
    loop {
        let tick = tick(nav, head, now);
        ticks.push((now, tick));
        match tick.wake_at {
            Some(wake) if wake - t0 <= limit => {
                assert!(wake > now, "a wake that is no later than now: {tick:?}");
                now = wake;
            }
            _ => return ticks,
        }
    }
}

/// Two instants' distance matches to the microsecond (wall offsets are
/// computed in floating seconds).
fn assert_close(actual: Duration, expected: Duration) {
    let gap = actual.abs_diff(expected);
    assert!(
        gap < Duration::from_micros(1),
        "{actual:?} against {expected:?}"
    );
}

fn millis(tick: &Tick) -> u64 {
    tick.time.millis()
}

#[test]
fn the_clock_runs_at_the_chosen_speed() {
    let t0 = Instant::now();
    let mut seen = Vec::new();
    for speed in SPEEDS {
        let mut nav = bundled();
        let mut head = Playhead::new(&nav, settings(speed, false));
        assert!(head.play(&nav, t0));
        let tick = tick(&mut nav, &mut head, t0 + 5 * SEC);
        assert_eq!(millis(&tick), 5_000 * u64::from(speed), "{speed}x");
        assert!(tick.moving);
        seen.push(tick.clock);
    }
    // At 1x and 2x five seconds stay in the 1st minute; from 5x on each
    // speed shows a minute of its own.
    let minutes: Vec<u16> = seen
        .iter()
        .map(|reading| match reading {
            ClockReading::Playing { clock, .. } => clock.minute,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(minutes, [1, 1, 1, 1, 3, 6]);
}

#[test]
fn each_moment_shows_when_the_clock_reaches_it() {
    let mut nav = bundled();
    let kick_off = nav.step();
    let goal = step_of(&nav, "goal", 17);
    let mut head = Playhead::new(&nav, settings(60, false));
    let t0 = Instant::now();
    head.play(&nav, t0);
    // 16:00 played at 60x is 16 s.
    let before = tick(
        &mut nav,
        &mut head,
        t0 + 16 * SEC - Duration::from_millis(1),
    );
    assert_eq!(before.step, kick_off);
    assert!(millis(&before) < 16 * MIN);
    let at = tick(&mut nav, &mut head, t0 + 16 * SEC);
    assert_eq!(at.step, goal);
    assert_eq!(millis(&at), 16 * MIN);
    assert!(at.redraw);
    assert_eq!(
        at.clock,
        ClockReading::Playing {
            period: Period::First,
            clock: Clock::minute(17)
        }
    );
}

#[test]
fn skip_quiet_fast_forwards_visibly_to_just_before_the_next_moment() {
    let mut nav = bundled();
    let kick_off = nav.step();
    let goal = step_of(&nav, "goal", 17);
    let held = hold(event(&nav, kick_off), 1);
    let mut head = Playhead::new(&nav, settings(1, true));
    let t0 = Instant::now();
    let ticks = drive(&mut nav, &mut head, t0, 60 * SEC);
    let reached = ticks
        .iter()
        .find(|(_, t)| t.step == goal)
        .map(|(at, _)| *at - t0)
        .expect("the goal is reached");
    // The kick-off is read at speed, the fast-forward takes its time, and
    // the clock runs into the goal at 1x.
    assert_close(reached, held + FAST_FORWARD + LEAD_IN);
    let at = |offset: Duration| {
        ticks
            .iter()
            .rev()
            .find(|(when, _)| *when <= t0 + offset)
            .map(|(_, t)| millis(t))
            .unwrap()
    };
    assert!(at(held) <= held.as_millis() as u64 + 1);
    let lead_in = 16 * MIN - LEAD_IN.as_millis() as u64;
    assert!(at(held + FAST_FORWARD + SEC / 10) >= lead_in);
    // The fast-forward is seen: the clock's reading changes in between,
    // frame by frame, minute after minute.
    let shown: Vec<_> = ticks
        .iter()
        .filter(|(when, _)| *when > t0 + held && *when < t0 + held + FAST_FORWARD)
        .collect();
    assert!(
        shown.len() >= 10,
        "{} ticks in the fast-forward",
        shown.len()
    );
    assert!(shown.windows(2).all(|w| w[1].1.time > w[0].1.time));
    assert!(
        shown
            .iter()
            .all(|(when, t)| t.redraw && t.wake_at.unwrap() >= *when + FRAME)
    );
}

#[test]
fn without_skip_quiet_a_quiet_spell_takes_its_time() {
    let mut nav = bundled();
    let goal = step_of(&nav, "goal", 17);
    let mut head = Playhead::new(&nav, settings(1, false));
    let t0 = Instant::now();
    let ticks = drive(&mut nav, &mut head, t0, 20 * 60 * SEC);
    let reached = ticks.iter().find(|(_, t)| t.step == goal).unwrap().0 - t0;
    assert_eq!(reached, Duration::from_secs(16 * 60));
    // With minutes only, the clock wakes the loop once a minute.
    let wakes = ticks.iter().filter(|(at, _)| *at - t0 < reached).count();
    assert_eq!(wakes, 16);
}

#[test]
fn half_time_passes_in_seconds_with_skip_quiet_and_lasts_its_length_without() {
    let whistle_minute = 45;
    for (skip, expected) in [(true, None), (false, Some(15 * 60 * SEC))] {
        let mut nav = bundled();
        let whistle = step_of(&nav, "period_end", whistle_minute);
        nav.go_to(whistle);
        let mut head = Playhead::new(&nav, settings(1, skip));
        let t0 = Instant::now();
        let ticks = drive(&mut nav, &mut head, t0, 20 * 60 * SEC);
        let second_half = ticks.iter().find(|(_, t)| t.step == whistle + 1).unwrap().0 - t0;
        let whistle_hold = hold(event(&nav, whistle), 1);
        let expected = expected.unwrap_or(whistle_hold + FAST_FORWARD + LEAD_IN);
        assert_close(second_half, expected);
        // In between, the clock counts the break.
        let middle = ticks
            .iter()
            .rev()
            .find(|(at, _)| *at - t0 <= expected / 2 + SEC)
            .unwrap()
            .1;
        assert!(
            matches!(
                middle.clock,
                ClockReading::Break {
                    after: Period::First,
                    next: Period::Second,
                    elapsed: Some(_)
                }
            ),
            "{middle:?}"
        );
    }
}

#[test]
fn moments_in_one_minute_are_read_one_after_another_the_clock_waiting() {
    let mut nav = bundled();
    let first = step_of(&nav, "substitution", 79);
    nav.go_to(first);
    let mut head = Playhead::new(&nav, settings(10, true));
    let t0 = Instant::now();
    head.play(&nav, t0);
    let held = hold(event(&nav, first), 10);
    let waiting = tick(&mut nav, &mut head, t0 + held - Duration::from_millis(1));
    assert_eq!(waiting.step, first);
    // 79' is 78:00 played, 33 minutes into the second half.
    assert_eq!(millis(&waiting), (49 + 15 + 33) * MIN);
    assert!(!waiting.moving, "the clock stands on 79'");
    assert_eq!(waiting.wake_at, Some(t0 + held));
    let next = tick(&mut nav, &mut head, t0 + held);
    assert_eq!(next.step, first + 1);
}

#[test]
fn a_speed_change_keeps_the_clock_where_it_stands() {
    let mut nav = bundled();
    let mut head = Playhead::new(&nav, settings(1, false));
    let t0 = Instant::now();
    head.play(&nav, t0);
    head.faster(&nav, t0 + 10 * SEC);
    assert_eq!(head.speed(), 2);
    let tick = tick(&mut nav, &mut head, t0 + 15 * SEC);
    assert_eq!(millis(&tick), 10_000 + 2 * 5_000);
    for _ in 0..10 {
        head.faster(&nav, t0 + 15 * SEC);
    }
    assert_eq!(head.speed(), 60);
    for _ in 0..10 {
        head.slower(&nav, t0 + 15 * SEC);
    }
    assert_eq!(head.speed(), 1);
    assert_eq!(Playhead::new(&nav, settings(7, true)).speed(), 10);
}

#[test]
fn skip_quiet_turned_on_mid_spell_fast_forwards_from_where_the_clock_stands() {
    let mut nav = bundled();
    let goal = step_of(&nav, "goal", 17);
    let mut head = Playhead::new(&nav, settings(1, false));
    let t0 = Instant::now();
    head.play(&nav, t0);
    assert!(head.toggle_skip_quiet(&nav, t0 + 20 * SEC));
    assert!(head.settings().skip_quiet);
    // The clock runs on at 1x for the run-in, then fast-forwards.
    let running = tick(&mut nav, &mut head, t0 + 20 * SEC + RUN_IN);
    assert_eq!(millis(&running), 21_000);
    let ticks = drive(&mut nav, &mut head, t0 + 20 * SEC + RUN_IN, 60 * SEC);
    let reached = ticks.iter().find(|(_, t)| t.step == goal).unwrap().0;
    assert_close(reached - t0, 20 * SEC + RUN_IN + FAST_FORWARD + LEAD_IN);
    assert!(head.toggle_bell());
    assert!(!head.toggle_bell());
    assert_eq!(head.cycle_pause_policy(), PausePolicy::Goals);
}

#[test]
fn paused_nothing_wakes_and_the_clock_stands_at_the_moment() {
    let mut nav = bundled();
    let mut head = Playhead::new(&nav, PlaySettings::default());
    let t0 = Instant::now();
    let first = tick(&mut nav, &mut head, t0);
    assert_eq!(first.wake_at, None);
    assert!(first.redraw, "the first tick draws");
    let again = tick(&mut nav, &mut head, t0 + 60 * SEC);
    assert_eq!(again.wake_at, None);
    assert!(!again.redraw);
    // A step of the fan's moves the clock to that moment's time.
    let goal = step_of(&nav, "goal", 54);
    nav.go_to(goal);
    let moved = tick(&mut nav, &mut head, t0 + 61 * SEC);
    assert_eq!(moved.step, goal);
    assert_eq!(moved.time, head.timeline().at(goal));
    assert!(moved.redraw);
    // Paused mid-way, the clock and the part of the hold served stay.
    head.play(&nav, t0 + 70 * SEC);
    head.pause(&nav, t0 + 72 * SEC);
    let paused = tick(&mut nav, &mut head, t0 + 500 * SEC);
    assert_eq!(
        paused.time.millis(),
        head.timeline().at(goal).millis() + 2_000
    );
    assert_eq!(paused.wake_at, None);
}

#[test]
fn a_late_wake_resumes_where_autoplay_was() {
    let mut nav = bundled();
    let kick_off = nav.step();
    let mut head = Playhead::new(&nav, settings(60, false));
    let t0 = Instant::now();
    head.play(&nav, t0);
    let first = tick(&mut nav, &mut head, t0);
    let asked = first.wake_at.unwrap();
    // Suspended for an hour: the match does not run on without the fan.
    let resumed = tick(&mut nav, &mut head, asked + 3_600 * SEC);
    assert_eq!(resumed.step, kick_off);
    assert!(millis(&resumed) <= 2 * MIN, "{resumed:?}");
}

#[test]
fn the_pause_policy_stops_on_the_moment_and_counts_it_read() {
    let mut nav = bundled();
    let goal = step_of(&nav, "goal", 17);
    let mut head = Playhead::new(
        &nav,
        PlaySettings {
            pause: PausePolicy::Goals,
            ..settings(10, true)
        },
    );
    let t0 = Instant::now();
    let ticks = drive(&mut nav, &mut head, t0, 600 * SEC);
    let (at, last) = ticks.last().unwrap();
    assert_eq!(last.step, goal);
    assert_eq!(last.stopped, Some(Stopped::At(BigMoment::Goal)));
    assert_eq!(last.wake_at, None);
    assert!(!head.is_playing());
    // Played on, the next moment comes as soon as the clock reaches it:
    // the goal was read during the pause.
    head.play(&nav, *at + 30 * SEC);
    let next = nav.next_stop(goal).unwrap();
    let gap = head.timeline().at(next).since(head.timeline().at(goal));
    let rest = drive(&mut nav, &mut head, *at + 30 * SEC, 600 * SEC);
    let reached = rest.iter().find(|(_, t)| t.step == next).unwrap().0;
    let quiet = gap.as_secs_f64() / 10.0;
    let expected = if quiet > RUN_IN.as_secs_f64() + QUIET_SPELL.as_secs_f64() {
        RUN_IN + FAST_FORWARD + LEAD_IN
    } else {
        gap / 10
    };
    assert_close(reached - (*at + 30 * SEC), expected);
}

#[test]
fn every_big_moment_stops_with_the_policy_on() {
    let mut nav = bundled();
    let mut head = Playhead::new(
        &nav,
        PlaySettings {
            pause: PausePolicy::On,
            ..settings(60, true)
        },
    );
    let mut now = Instant::now();
    let mut stops = Vec::new();
    loop {
        let ticks = drive(&mut nav, &mut head, now, 3_600 * SEC);
        let (at, last) = *ticks.last().unwrap();
        match last.stopped {
            Some(Stopped::At(moment)) => {
                stops.push((event(&nav, last.step).clock.unwrap(), moment))
            }
            Some(Stopped::End) => break,
            None => panic!("autoplay ran out of time: {last:?}"),
        }
        now = at + SEC;
    }
    let minutes: Vec<String> = stops
        .iter()
        .map(|(clock, _)| clock.display().to_string())
        .collect();
    assert_eq!(
        minutes,
        ["17'", "52'", "54'", "78'", "80'", "84'", "84'"],
        "{stops:?}"
    );
}

#[test]
fn the_bell_rings_on_goals_only_when_asked() {
    for bell in [false, true] {
        let mut nav = bundled();
        let mut head = Playhead::new(
            &nav,
            PlaySettings {
                bell,
                ..settings(60, true)
            },
        );
        let ticks = drive(&mut nav, &mut head, Instant::now(), 3_600 * SEC);
        let rung: Vec<String> = ticks
            .iter()
            .filter(|(_, t)| t.ring)
            .map(|(_, t)| event(&nav, t.step).clock.unwrap().display().to_string())
            .collect();
        let expected: &[&str] = if bell { &["17'", "54'", "78'"] } else { &[] };
        assert_eq!(rung, expected);
    }
    let nav = bundled();
    let goal = step_of(&nav, "goal", 17);
    assert!(rings_between(&nav, goal - 1, goal));
    assert!(!rings_between(&nav, goal, goal + 1));
    assert!(!rings_between(&nav, goal, goal - 1));
}

#[test]
fn with_every_event_listed_no_play_hides_a_key_moment_before_its_hold() {
    for (speed, stops) in [
        (60, (EventFilter::ALL_EVENTS, Stops::Listed)),
        (10, (EventFilter::ALL_EVENTS, Stops::Listed)),
        (60, (EventFilter::KEY_MOMENTS, Stops::Located)),
    ] {
        let mut nav = cup_final();
        nav.set_filter(stops.0.clone());
        nav.set_stops(stops.1);
        let mut head = Playhead::new(&nav, settings(speed, true));
        let t0 = Instant::now();
        let ticks = drive(&mut nav, &mut head, t0, 120 * SEC);
        let mut shown_since = (ticks[0].1.step, t0);
        let mut key_moments = 0;
        for (at, tick) in &ticks {
            let (step, since) = shown_since;
            if tick.step == step {
                continue;
            }
            if step > 0 && weight(event(&nav, step)) >= Weight::Key {
                key_moments += 1;
                assert!(
                    *at - since >= hold(event(&nav, step), speed),
                    "{speed}x: step {step} replaced after {:?}",
                    *at - since
                );
            }
            // Nothing of weight was passed over unseen.
            for skipped in step + 1..tick.step {
                assert!(
                    !nav.is_stop(skipped) || weight(event(&nav, skipped)) == Weight::Minor,
                    "{speed}x: step {skipped} never shown"
                );
            }
            shown_since = (tick.step, *at);
        }
        assert!(key_moments >= 3, "{speed}x: {key_moments}");
    }
}

#[test]
fn progress_follows_the_clock_along_the_action() {
    let mut nav = cup_final();
    nav.set_stops(Stops::Located);
    let mut head = Playhead::new(&nav, settings(1, false));
    let t0 = Instant::now();
    let ticks = drive(&mut nav, &mut head, t0, 60 * SEC);
    // Somewhere two located stops lie seconds apart: between them the
    // progress rises with the clock.
    let timeline = head.timeline().clone();
    let mut checked = 0;
    for (_, tick) in &ticks {
        let Some(next) = nav.next_stop(tick.step) else {
            continue;
        };
        let (a, b) = (timeline.at(tick.step), timeline.at(next));
        if b > a && tick.time >= a {
            let expected =
                (tick.time.millis() - a.millis()) as f32 / (b.millis() - a.millis()) as f32;
            assert!((tick.progress - expected.min(1.0)).abs() < 1e-4);
            checked += 1;
        }
    }
    assert!(checked > 5);
}

#[test]
fn watch_along_waits_for_the_kick_off_and_shows_nothing_early() {
    let mut nav = bundled();
    let mut head = Playhead::new(
        &nav,
        PlaySettings {
            bell: true,
            ..PlaySettings::default()
        },
    );
    assert!(head.watch_along(&nav));
    let t0 = Instant::now();
    let waiting = tick(&mut nav, &mut head, t0);
    assert_eq!(waiting.step, 0, "before the kick-off, nothing");
    assert_eq!(waiting.wake_at, None);
    assert_eq!(waiting.clock, ClockReading::BeforeKickOff);
    assert!(matches!(
        head.activity(),
        Activity::Watching(WatchStatus {
            waiting: true,
            period: Period::First,
            ..
        })
    ));
    // The fan cannot step ahead while watching along.
    nav.go_to(10);
    assert_eq!(tick(&mut nav, &mut head, t0).step, 0);

    let kick_off = t0 + 30 * SEC;
    assert!(head.sync(&nav, kick_off));
    assert!(!head.sync(&nav, kick_off + SEC), "already in sync");
    let started = tick(&mut nav, &mut head, kick_off);
    assert_eq!(started.step, 1);
    // The 17' goal happened some time in the 17th minute: it shows once
    // that minute is over on the fan's screen, and not a moment before.
    let goal = step_of(&nav, "goal", 17);
    let due = kick_off + Duration::from_millis(17 * MIN);
    let early = tick(&mut nav, &mut head, due - Duration::from_millis(1));
    assert_eq!(early.step, 1);
    assert!(early.wake_at.unwrap() <= due);
    let on_time = tick(&mut nav, &mut head, due);
    assert_eq!(on_time.step, goal);
    assert!(on_time.ring);
    // Nudged back a minute, the goal has not happened yet after all.
    assert!(head.nudge(false, Duration::from_secs(60)));
    let back = tick(&mut nav, &mut head, due + SEC);
    assert_eq!(back.step, 1);
    assert!(head.nudge(true, Duration::from_secs(5)));
    assert!(head.nudge(true, Duration::from_secs(60)));
    let Activity::Watching(status) = head.activity() else {
        panic!("not watching")
    };
    assert_eq!(status.offset.to_string(), "+0:05");
    assert_eq!(tick(&mut nav, &mut head, due + SEC).step, goal);

    // The whistle at 45+5 shows when that minute is over, and then
    // touchline waits for the second half's kick-off.
    let whistle = step_of(&nav, "period_end", 45);
    let half_time = kick_off + Duration::from_millis(50 * MIN - 5_000);
    // Until then nothing tells that the half is about to end: the clock
    // runs on in stoppage time, and the ball rests.
    let stoppage = tick(&mut nav, &mut head, half_time - Duration::from_millis(1));
    assert!(stoppage.step < whistle);
    assert_eq!(
        stoppage.clock,
        ClockReading::Playing {
            period: Period::First,
            clock: Clock::stoppage(45, 5)
        }
    );
    assert_eq!((stoppage.progress, stoppage.moving), (0.0, false));
    let at_whistle = tick(&mut nav, &mut head, half_time);
    assert_eq!(at_whistle.step, whistle);
    assert_eq!(at_whistle.wake_at, None);
    assert_eq!(
        at_whistle.clock,
        ClockReading::Break {
            after: Period::First,
            next: Period::Second,
            elapsed: None
        }
    );
    let much_later = tick(&mut nav, &mut head, half_time + 3_600 * SEC);
    assert_eq!(much_later.step, whistle, "nothing of the second half");
    assert!(
        !head.nudge(true, Duration::from_secs(5)),
        "nothing to nudge"
    );
    let second = half_time + 3_600 * SEC;
    assert!(head.sync(&nav, second));
    assert_eq!(tick(&mut nav, &mut head, second).step, whistle + 1);
}

#[test]
fn watch_along_pauses_with_the_recording_and_ends_at_full_time() {
    let mut nav = bundled();
    let mut head = Playhead::new(&nav, PlaySettings::default());
    let whistle = step_of(&nav, "period_end", 45);
    nav.go_to(whistle);
    head.update(&nav, Instant::now());
    assert!(head.watch_along(&nav));
    let t0 = Instant::now();
    assert_eq!(tick(&mut nav, &mut head, t0).step, whistle, "waits for 2H");
    head.sync(&nav, t0);
    // Paused ten minutes in for an hour: the clock stands, then goes on.
    head.pause(&nav, t0 + 600 * SEC);
    let paused = tick(&mut nav, &mut head, t0 + 4_200 * SEC);
    assert_eq!(paused.wake_at, None);
    let start = head.timeline().start_of(Period::Second).unwrap();
    assert_eq!(paused.time.since(start), 600 * SEC);
    head.play(&nav, t0 + 4_200 * SEC);
    let end = head.timeline().happened_by(nav.replay().steps());
    let finish = t0 + 3_600 * SEC + end.since(start);
    let before_end = tick(&mut nav, &mut head, finish - Duration::from_millis(1));
    assert!(before_end.step < nav.replay().steps());
    let last = tick(&mut nav, &mut head, finish);
    assert_eq!(last.step, nav.replay().steps());
    assert_eq!(last.stopped, Some(Stopped::End));
    assert_eq!(head.activity(), Activity::Paused);
}

/// A match of two halves and a shoot-out, with whistles.
fn with_shootout() -> Navigator {
    let mut game = Match::new(MatchInfo::between(Team::named("H"), Team::named("A")));
    let mut push = |period: Period, clock: Option<Clock>, detail: Detail| {
        let mut event = Event::new(clock.unwrap_or(Clock::minute(1)), detail);
        event.clock = clock;
        event.period = period;
        event.team = Some(Side::Home);
        event.player = Some("P".into());
        game.events.push(event);
    };
    push(Period::First, Some(Clock::minute(1)), Detail::PeriodStart);
    push(Period::First, Some(Clock::minute(45)), Detail::PeriodEnd);
    push(Period::Second, Some(Clock::minute(46)), Detail::PeriodStart);
    push(Period::Second, Some(Clock::minute(90)), Detail::PeriodEnd);
    push(Period::Shootout, None, Detail::PeriodStart);
    for outcome in [KickOutcome::Scored, KickOutcome::Saved, KickOutcome::Scored] {
        push(Period::Shootout, None, Detail::ShootoutKick { outcome });
    }
    push(Period::Shootout, None, Detail::PeriodEnd);
    Navigator::new(Replay::new(game), Some(4))
}

#[test]
fn watch_along_shows_a_shoot_out_one_kick_per_press() {
    let mut nav = with_shootout();
    let mut head = Playhead::new(&nav, PlaySettings::default());
    assert!(head.watch_along(&nav));
    let t0 = Instant::now();
    assert_eq!(tick(&mut nav, &mut head, t0).step, 4);
    for expected in 5..=8 {
        assert!(head.sync(&nav, t0));
        let tick = tick(&mut nav, &mut head, t0 + 3_600 * SEC);
        assert_eq!(tick.step, expected);
        assert_eq!(tick.clock, ClockReading::Shootout);
        assert_eq!(tick.wake_at, None);
    }
    assert!(head.sync(&nav, t0));
    let last = tick(&mut nav, &mut head, t0);
    assert_eq!(last.step, 9);
    assert_eq!(last.stopped, Some(Stopped::End));
    assert!(!head.sync(&nav, t0));
}

#[test]
fn autoplay_reads_a_shoot_out_kick_by_kick() {
    let mut nav = with_shootout();
    let mut head = Playhead::new(&nav, settings(60, true));
    let t0 = Instant::now();
    let ticks = drive(&mut nav, &mut head, t0, 3_600 * SEC);
    let kicks: Vec<Instant> = (6..=8)
        .map(|step| ticks.iter().find(|(_, t)| t.step == step).unwrap().0)
        .collect();
    for (pair, step) in kicks.windows(2).zip(6..) {
        assert_close(pair[1] - pair[0], hold(event(&nav, step), 60));
    }
}

/// The wall time of the bundled match from kick-off to the final whistle
/// at each speed, skip quiet on and off, as the engine plays it. These
/// are the figures of the README's "Watching" section.
#[test]
fn the_bundled_match_s_wall_time_at_every_speed() {
    let mut rows = Vec::new();
    for skip in [true, false] {
        let mut times = Vec::new();
        for speed in SPEEDS {
            let mut nav = bundled();
            let mut head = Playhead::new(&nav, settings(speed, skip));
            let t0 = Instant::now();
            let ticks = drive(&mut nav, &mut head, t0, 10 * 3_600 * SEC);
            let (end, last) = ticks.last().unwrap();
            assert_eq!(last.step, nav.replay().steps());
            assert_eq!(last.stopped, Some(Stopped::End));
            times.push(*end - t0);
        }
        rows.push(times);
    }
    let (on, off) = (&rows[0], &rows[1]);
    // Without skipping, 1x is the running time (49 + 15 + 55 minutes)
    // and the time the clock waits while moments of one minute are read
    // (three substitutions at 79', the penalty and the miss at 84'...).
    assert!(off[0] > Duration::from_secs(119 * 60), "{off:?}");
    assert!(off[0] < Duration::from_secs(121 * 60), "{off:?}");
    for i in 1..SPEEDS.len() {
        assert!(off[i] < off[i - 1], "{off:?}");
        assert!(on[i] <= on[i - 1], "{on:?}");
        assert!(on[i] <= off[i], "{on:?} {off:?}");
    }
    assert!(on[0] < Duration::from_secs(5 * 60), "{on:?}");
    let format = |d: &Duration| format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60);
    for (skip, times) in [("on", on), ("off", off)] {
        let cells: Vec<String> = SPEEDS
            .iter()
            .zip(times)
            .map(|(s, d)| format!("{s}x {}", format(d)))
            .collect();
        println!("skip quiet {skip}: {}", cells.join(" · "));
    }
}

/// A match from a few numbers: each entry moves to the next period or
/// not, on by some minutes, with or without seconds, of some kind.
fn arbitrary_match(spec: &[(bool, u16, Option<u8>, u8)]) -> Match {
    let mut game = Match::new(MatchInfo::between(Team::named("H"), Team::named("A")));
    let mut period = 0usize;
    let mut minute = Period::First.first_minute();
    for &(next_period, gap, second, kind) in spec {
        if next_period && period + 1 < Period::ALL.len() {
            period += 1;
            minute = Period::ALL[period].first_minute();
        }
        let p = Period::ALL[period];
        minute = minute.saturating_add(gap);
        let end = p.first_minute() - 1 + p.nominal_minutes();
        let clock = if p == Period::Shootout {
            None
        } else if minute > end {
            Some(Clock {
                minute: end,
                added: (minute - end).min(60),
                second,
            })
        } else {
            Some(Clock {
                minute,
                added: 0,
                second,
            })
        };
        let detail = match kind % 10 {
            0 => Detail::PeriodStart,
            1 => Detail::PeriodEnd,
            2 => Detail::Goal {
                method: Default::default(),
                assist: None,
                xg: None,
            },
            3 => Detail::Card {
                card: Card::Red,
                reason: None,
            },
            4 => Detail::Var {
                decision: None,
                overturns: None,
            },
            5 => Detail::Note { unknown_kind: None },
            _ => Detail::Play {
                action: Some("Pass".into()),
                end_location: None,
            },
        };
        let mut event = Event::new(clock.unwrap_or(Clock::minute(1)), detail);
        event.clock = clock;
        event.period = p;
        event.team = Some(Side::Away);
        event.player = Some("P".into());
        if kind >= 200 {
            event.text = Some("words ".repeat(usize::from(kind - 190)).into());
        }
        game.events.push(event);
    }
    game
}

fn spec() -> impl Strategy<Value = Vec<(bool, u16, Option<u8>, u8)>> {
    prop::collection::vec(
        (
            prop::bool::weighted(0.08),
            prop_oneof![Just(0u16), 0u16..4, 0u16..20],
            prop::option::of(0u8..60),
            any::<u8>(),
        ),
        0..60,
    )
}

fn navigator(game: Match, filter: u8) -> Navigator {
    let mut nav = Navigator::new(Replay::new(game), Some(0));
    match filter % 3 {
        0 => {}
        1 => nav.set_filter(EventFilter::ALL_EVENTS),
        _ => nav.set_stops(Stops::Located),
    }
    nav
}

proptest! {
    /// Autoplay at any speed, skipping or not, asked at any instants, with
    /// the fan changing the speed, skipping, pausing and playing on in
    /// between: the step never goes back, and the clock has always
    /// reached the moment shown and never shows the next stop's time
    /// before that stop.
    #[test]
    fn autoplay_never_goes_back_and_never_shows_a_moment_early(
        spec in spec(),
        speed in 0usize..6,
        skip in any::<bool>(),
        filter in any::<u8>(),
        policy in 0usize..3,
        gaps in prop::collection::vec(
            (prop_oneof![0u64..50, 0u64..5_000, 0u64..200_000], 0u8..12),
            1..80,
        ),
    ) {
        let mut nav = navigator(arbitrary_match(&spec), filter);
        let mut head = Playhead::new(&nav, PlaySettings {
            speed: SPEEDS[speed],
            skip_quiet: skip,
            pause: PausePolicy::ALL[policy],
            bell: true,
        });
        let t0 = Instant::now();
        head.play(&nav, t0);
        let mut now = t0;
        let mut last_step = nav.step();
        let mut last_time = MatchTime::ZERO;
        for (gap, control) in gaps {
            now += Duration::from_millis(gap);
            match control {
                0 => head.faster(&nav, now),
                1 => head.slower(&nav, now),
                2 => { head.toggle_skip_quiet(&nav, now); }
                3 => { head.toggle(&nav, now); }
                4 => { head.cycle_pause_policy(); }
                _ => {}
            }
            let tick = tick(&mut nav, &mut head, now);
            prop_assert!(tick.step >= last_step, "went back: {} -> {}", last_step, tick.step);
            prop_assert!(tick.time >= last_time, "the clock went back");
            let timeline = head.timeline();
            prop_assert!(tick.time >= timeline.at(tick.step), "shown before its time");
            if let Some(next) = nav.next_stop(tick.step) {
                let (a, b) = (timeline.at(tick.step), timeline.at(next));
                prop_assert!(b <= a || tick.time < b, "the next stop's time shown early");
            }
            if let Some(wake) = tick.wake_at {
                prop_assert!(wake > now);
            }
            prop_assert!((0.0..=1.0).contains(&tick.progress));
            last_step = tick.step;
            last_time = tick.time;
            if tick.stopped.is_some() {
                head.play(&nav, now);
            }
        }
    }

    /// Watching along, whatever the presses and nudges: the step shown has
    /// surely happened by the synced clock, and never lies in a period
    /// that has not been synced.
    #[test]
    fn watch_along_never_shows_beyond_the_synced_clock(
        spec in spec(),
        filter in any::<u8>(),
        actions in prop::collection::vec((0u8..6, 0u64..400_000), 1..60),
    ) {
        let mut nav = navigator(arbitrary_match(&spec), filter);
        let mut head = Playhead::new(&nav, PlaySettings::default());
        if !head.watch_along(&nav) {
            return Ok(());
        }
        let t0 = Instant::now();
        let mut now = t0;
        for (action, gap) in actions {
            now += Duration::from_millis(gap);
            match action {
                0 => { head.sync(&nav, now); }
                1 => { head.nudge(true, Duration::from_secs(5)); }
                2 => { head.nudge(false, Duration::from_secs(60)); }
                3 => { head.toggle(&nav, now); }
                4 => nav.go_to(nav.replay().steps()),
                _ => {}
            }
            let tick = tick(&mut nav, &mut head, now);
            let Activity::Watching(status) = head.activity() else {
                break;
            };
            let timeline = head.timeline();
            if status.waiting {
                let (first, _) = timeline.steps_of(status.period).unwrap();
                prop_assert!(tick.step < first, "a step of a period not yet synced");
                continue;
            }
            if status.period == Period::Shootout {
                continue;
            }
            let (first, last) = timeline.steps_of(status.period).unwrap();
            prop_assert!(tick.step <= last);
            prop_assert_eq!(tick.progress, 0.0);
            let kicked_off = tick.time >= timeline.start_of(status.period).unwrap();
            prop_assert_eq!(
                matches!(tick.clock, ClockReading::Playing { .. }),
                kicked_off,
                "{:?} at {:?}", tick.clock, tick.time
            );
            if tick.step >= first && Some(tick.step) != timeline.kick_off_of(status.period) {
                prop_assert!(
                    timeline.happened_by(tick.step) <= tick.time,
                    "step {} shown at {:?}", tick.step, tick.time
                );
            }
        }
    }
}
