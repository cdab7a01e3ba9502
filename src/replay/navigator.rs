//! Where stepping goes: the [`Navigator`] holds a [`Replay`], the cursor
//! and the [`EventFilter`], and answers the questions a fan's keys ask of
//! them: the next and previous moment the filter lists, the stops that
//! stepping and autoplay make, the newest moment of a file still being
//! written. It is pure (no clock, no I/O, no screen), so the viewer's
//! state, the mouse and the timeline all ask the same code.
//!
//! Where stepping stops depends on [`Stops`]: normally at what the filter
//! lists; with [`Stops::Located`] and the default filter, also at every
//! action with a position on the pitch, so that autoplay there moves the
//! ball from action to action in match time, as the game was played. The
//! listing itself (what a timeline shows) never changes with the stops.
//!
//! A narrowed filter ("only goals") lists a few steps among many; they are
//! found once, when the filter is set, so that stepping and drawing are
//! binary searches however long the match.

use super::filter::{EventFilter, Scope};
use super::{Replay, State};
use crate::model::{Match, Point};

/// Where stepping and autoplay stop besides what the filter lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stops {
    /// At the moments the filter lists, and step 0.
    #[default]
    Listed,
    /// With the default filter, at every action with a position too (the
    /// pitch view); any other filter still decides alone.
    Located,
}

/// A replay with a cursor, a filter and the stops they make.
#[derive(Clone, Debug)]
pub struct Navigator {
    replay: Replay,
    step: usize,
    filter: EventFilter,
    /// The steps a narrowed filter lists, with how many events the match
    /// had when they were found.
    listed: Option<(usize, Vec<usize>)>,
    /// Key moments and every located action: the stops of
    /// [`Stops::Located`].
    located: Vec<usize>,
    stops: Stops,
}

impl Navigator {
    /// A navigator on `replay` at `start` (clamped), or at kick-off, with
    /// the default filter.
    pub fn new(replay: Replay, start: Option<usize>) -> Self {
        let step = start
            .unwrap_or_else(|| replay.kick_off())
            .min(replay.steps());
        Self {
            located: located_stops(&replay),
            replay,
            step,
            filter: EventFilter::default(),
            listed: None,
            stops: Stops::default(),
        }
    }

    /// The match being replayed.
    pub fn replay(&self) -> &Replay {
        &self.replay
    }

    /// The cursor: how many events have been applied.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The state at the cursor.
    pub fn state(&self) -> State<'_> {
        self.replay.at(self.step)
    }

    /// Moves the cursor to `step` (clamped to the last step). Any step
    /// will do: a typed minute or a goal need not be a stop.
    pub fn go_to(&mut self, step: usize) {
        self.step = step.min(self.replay.steps());
    }

    /// Which events are listed.
    pub fn filter(&self) -> &EventFilter {
        &self.filter
    }

    /// Changes which events are listed (and so where stepping stops).
    pub fn set_filter(&mut self, filter: EventFilter) {
        self.filter = filter;
        self.listed = self.filter.is_narrowed().then(|| {
            let events = &self.replay.game().events;
            let steps = (1..=events.len())
                .filter(|&s| self.filter.shows(&events[s - 1]))
                .collect();
            (events.len(), steps)
        });
    }

    /// Where stepping stops besides the listing.
    pub fn stops(&self) -> Stops {
        self.stops
    }

    /// Changes where stepping stops (see [`Stops`]).
    pub fn set_stops(&mut self, stops: Stops) {
        self.stops = stops;
    }

    /// Swaps in a newer version of the match (a followed file has grown),
    /// keeping the filter and the cursor, unless the cursor was at the
    /// newest moment, in which case it moves on to the new newest.
    pub fn replace(&mut self, game: Match) {
        let was_newest = self.at_newest();
        self.replay = Replay::new(game);
        self.located = located_stops(&self.replay);
        let filter = self.filter.clone();
        self.set_filter(filter);
        self.step = if was_newest {
            self.newest()
        } else {
            self.step.min(self.replay.steps())
        };
    }

    /// The steps a narrowed filter lists, found when the filter was set;
    /// `None` when not narrowed, or when the match has grown since (the
    /// callers then scan, which is always right).
    pub fn listed(&self) -> Option<&[usize]> {
        match &self.listed {
            Some((events, steps)) if *events == self.replay.steps() => Some(steps),
            _ => None,
        }
    }

    /// The next step the filter lists after `step`.
    pub fn next_visible(&self, step: usize) -> Option<usize> {
        match self.filter {
            EventFilter {
                scope: Scope::KeyMoments,
                only: None,
            } => self.replay.next_key(step),
            EventFilter {
                scope: Scope::All,
                only: None,
            } => (step < self.replay.steps()).then_some(step + 1),
            _ => match self.listed() {
                Some(listed) => {
                    let i = listed.partition_point(|&s| s <= step);
                    listed.get(i).copied()
                }
                None => {
                    let events = &self.replay.game().events;
                    let from = step.min(events.len());
                    events[from..]
                        .iter()
                        .position(|e| self.filter.shows(e))
                        .map(|i| from + i + 1)
                }
            },
        }
    }

    /// The previous step the filter lists before `step`; step 0 (before
    /// kick-off) counts.
    pub fn prev_visible(&self, step: usize) -> Option<usize> {
        match self.filter {
            EventFilter {
                scope: Scope::KeyMoments,
                only: None,
            } => self.replay.prev_key(step),
            EventFilter {
                scope: Scope::All,
                only: None,
            } => step.checked_sub(1),
            _ => {
                if step == 0 {
                    return None;
                }
                if let Some(listed) = self.listed() {
                    let i = listed.partition_point(|&s| s < step);
                    return Some(i.checked_sub(1).map_or(0, |i| listed[i]));
                }
                let events = &self.replay.game().events;
                let before = (step - 1).min(events.len());
                Some(
                    events[..before]
                        .iter()
                        .rposition(|e| self.filter.shows(e))
                        .map_or(0, |i| i + 1),
                )
            }
        }
    }

    /// Whether stepping visits located actions the filter does not list.
    fn steps_by_location(&self) -> bool {
        self.stops == Stops::Located && self.filter == EventFilter::KEY_MOMENTS
    }

    /// The next step that stepping and autoplay stop at after `step`.
    pub fn next_stop(&self, step: usize) -> Option<usize> {
        if !self.steps_by_location() {
            return self.next_visible(step);
        }
        let i = self.located.partition_point(|&s| s <= step);
        self.located.get(i).copied()
    }

    /// The previous stop before `step`; step 0 (before kick-off) counts.
    pub fn prev_stop(&self, step: usize) -> Option<usize> {
        if !self.steps_by_location() {
            return self.prev_visible(step);
        }
        if step == 0 {
            return None;
        }
        let i = self.located.partition_point(|&s| s < step);
        Some(i.checked_sub(1).map_or(0, |i| self.located[i]))
    }

    /// Whether stepping stops at `step` (step 0 always counts).
    pub fn is_stop(&self, step: usize) -> bool {
        if step == 0 {
            return true;
        }
        if self.steps_by_location() {
            return self.located.binary_search(&step).is_ok();
        }
        step.checked_sub(1)
            .and_then(|i| self.replay.game().events.get(i))
            .is_some_and(|e| self.filter.shows(e))
    }

    /// `step` if stepping stops there, else the stop before it: where a
    /// click on the progress bar lands, so that the cursor is always on a
    /// moment the timeline lists.
    pub fn stop_at_or_before(&self, step: usize) -> usize {
        let step = step.min(self.replay.steps());
        if self.is_stop(step) {
            step
        } else {
            self.prev_stop(step).unwrap_or(0)
        }
    }

    /// The newest moment stepping can reach: the last stop.
    pub fn newest(&self) -> usize {
        let last = self.replay.steps();
        if last == 0 || self.next_stop(last - 1) == Some(last) {
            last
        } else {
            self.prev_stop(last).unwrap_or(0)
        }
    }

    /// Whether no stop lies after the cursor: following a file, the fan
    /// is live.
    pub fn at_newest(&self) -> bool {
        self.next_stop(self.step).is_none()
    }
}

/// Key moments and every action with a position that can be drawn.
fn located_stops(replay: &Replay) -> Vec<usize> {
    replay
        .game()
        .events
        .iter()
        .enumerate()
        .filter(|(_, event)| event.is_key() || event.location.is_some_and(drawable))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Whether a position can be drawn on the pitch.
fn drawable(point: Point) -> bool {
    point.x.is_finite() && point.y.is_finite()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::model::{Side, Text};
    use crate::replay::Only;
    use proptest::prelude::*;

    /// A short match with plays, some located, around a goal.
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

    fn located() -> Navigator {
        let loaded = import::parse_bytes("located.json", LOCATED.as_bytes()).unwrap();
        Navigator::new(Replay::new(loaded.game), None)
    }

    fn bundled() -> Navigator {
        Navigator::new(Replay::new(import::bundled().game), None)
    }

    /// Every stop from step 0 on, walking forwards.
    fn walk(nav: &Navigator) -> Vec<usize> {
        let mut stops = vec![0];
        while let Some(next) = nav.next_stop(*stops.last().unwrap()) {
            stops.push(next);
        }
        stops
    }

    #[test]
    fn opens_at_kick_off_or_the_start_asked_for_clamped() {
        let nav = bundled();
        assert_eq!(nav.step(), nav.replay().kick_off());
        let replay = Replay::new(import::bundled().game);
        let last = replay.steps();
        assert_eq!(Navigator::new(replay, Some(10_000)).step(), last);
    }

    #[test]
    fn located_stops_add_the_actions_with_a_position_only_under_the_default_filter() {
        let mut nav = located();
        assert_eq!(walk(&nav), [0, 1, 4, 6], "key moments");
        nav.set_stops(Stops::Located);
        // The ball-drop has no position; the pass and the carry have.
        assert_eq!(walk(&nav), [0, 1, 2, 4, 5, 6]);
        assert_eq!(nav.next_visible(1), Some(4), "the listing is unchanged");
        nav.set_filter(EventFilter::ALL_EVENTS);
        assert_eq!(walk(&nav), [0, 1, 2, 3, 4, 5, 6], "every event decides");
    }

    #[test]
    fn a_narrowed_listing_found_once_steps_as_a_scan_would() {
        let mut nav = bundled();
        let narrowed = [
            Only::Goals,
            Only::Cards,
            Only::Team(Side::Home),
            Only::Player(Text::from("Harry Kane")),
        ];
        for only in narrowed {
            nav.set_filter(EventFilter {
                only: Some(only.clone()),
                ..EventFilter::default()
            });
            assert!(nav.listed().is_some());
            let steps = 0..=nav.replay().steps() + 1;
            let cached: Vec<_> = steps
                .clone()
                .map(|s| (nav.next_visible(s), nav.prev_visible(s)))
                .collect();
            let kept = nav.listed.take();
            let scanned: Vec<_> = steps
                .map(|s| (nav.next_visible(s), nav.prev_visible(s)))
                .collect();
            assert_eq!(cached, scanned, "{only:?}");
            nav.listed = kept;
        }
        nav.set_filter(EventFilter::KEY_MOMENTS);
        assert!(nav.listed().is_none());
    }

    #[test]
    fn a_grown_match_keeps_the_cursor_unless_it_was_at_the_newest() {
        let game = import::bundled().game;
        let mut first = game.clone();
        first.events.truncate(20);
        let mut nav = Navigator::new(Replay::new(first.clone()), Some(5));
        nav.replace(game.clone());
        assert_eq!(nav.step(), 5, "kept");
        let mut nav = Navigator::new(Replay::new(first), None);
        nav.go_to(nav.newest());
        assert!(nav.at_newest());
        nav.replace(game);
        assert_eq!(nav.step(), nav.newest(), "carried along");
        assert_eq!(nav.newest(), nav.replay().steps());
    }

    /// The filters a fan can choose, for a match whose first event with a
    /// player names `player`.
    fn filters(player: Option<Text>) -> Vec<EventFilter> {
        let mut onlys = vec![
            None,
            Some(Only::Goals),
            Some(Only::Cards),
            Some(Only::Team(Side::Home)),
            Some(Only::Team(Side::Away)),
        ];
        onlys.extend(player.map(|p| Some(Only::Player(p))));
        let mut filters = Vec::new();
        for only in onlys {
            for scope in [Scope::KeyMoments, Scope::All] {
                filters.push(EventFilter {
                    scope,
                    only: only.clone(),
                });
            }
        }
        filters
    }

    proptest! {
        /// On any match, with any filter and either kind of stops: next
        /// then previous comes back, every stop is one the filter lists
        /// (or a located action, where those count), a click lands on a
        /// stop at or before it, and the newest moment is the last stop.
        #[test]
        fn stepping_is_consistent_with_the_listing(
            events in 0usize..160,
            seed in 1u64..u64::MAX,
            choice in 0usize..12,
            located in any::<bool>(),
        ) {
            let game = crate::synth::synthesize(events, seed);
            let player = game.events.iter().find_map(|e| e.player.clone());
            let filters = filters(player);
            let filter = filters[choice % filters.len()].clone();
            let mut nav = Navigator::new(Replay::new(game), None);
            nav.set_filter(filter.clone());
            nav.set_stops(if located { Stops::Located } else { Stops::Listed });
            let stops = walk(&nav);
            let last = nav.replay().steps();
            for pair in stops.windows(2) {
                prop_assert!(pair[0] < pair[1]);
                prop_assert_eq!(nav.prev_stop(pair[1]), Some(pair[0]), "next then previous");
            }
            let by_location = located && filter == EventFilter::KEY_MOMENTS;
            for step in 0..=last {
                let event = step.checked_sub(1).map(|i| &nav.replay().game().events[i]);
                let listed = event.is_none_or(|e| filter.shows(e));
                let located_action = event.is_some_and(|e| {
                    e.is_key() || e.location.is_some_and(drawable)
                });
                let expected = if by_location { event.is_none() || located_action } else { listed };
                prop_assert_eq!(nav.is_stop(step), expected, "step {}", step);
                prop_assert_eq!(stops.contains(&step), expected, "walked, step {}", step);
                let landed = nav.stop_at_or_before(step);
                prop_assert!(landed <= step && nav.is_stop(landed));
                prop_assert!(!stops.iter().any(|&s| landed < s && s <= step));
            }
            prop_assert_eq!(nav.newest(), *stops.last().unwrap());
            nav.go_to(nav.newest());
            prop_assert!(nav.at_newest());
        }
    }
}
