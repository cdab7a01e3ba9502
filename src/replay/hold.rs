//! Time to read: how long autoplay keeps a moment on screen before the
//! next may replace it, and which moments are big enough to stop for.
//!
//! A key moment holds for a base time plus the time its words take to
//! read (the headline, the commentary and the quotes) at
//! [`WORDS_PER_SECOND`]; big moments (goals, sendings-off, reviews,
//! penalties, whistles) start from a longer base. The whole is capped at
//! [`MAX_HOLD`], then scaled down as the speed rises ([`speed_scale`]):
//! a fan at 60x skims, but still gets a few seconds on a goal. Low-level
//! plays (passes, carries) hold for nothing: the clock alone paces them,
//! and when it passes several at once only the last is drawn.

use std::time::Duration;

use crate::model::{Detail, Event};

/// Reading speed at 1x: about 240 words a minute.
pub const WORDS_PER_SECOND: f64 = 4.0;

/// Words counted for the headline every moment has ("54' Goal · ENG
/// Harry Kane").
const HEADLINE_WORDS: usize = 5;

/// The base hold of a key moment at 1x.
pub const KEY_HOLD: Duration = Duration::from_millis(1_500);

/// The base hold of a big moment at 1x.
pub const BIG_HOLD: Duration = Duration::from_secs(4);

/// The longest hold at 1x, however much there is to read.
pub const MAX_HOLD: Duration = Duration::from_secs(25);

/// How much a moment weighs when autoplay paces it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// A low-level play: no hold of its own.
    Minor,
    /// A key moment: held to be read.
    Key,
    /// A big moment: held longer.
    Big,
}

/// The big moments, which hold longer and which autoplay may stop at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BigMoment {
    /// A goal (own goals and penalties included).
    Goal,
    /// A straight red card or a second yellow.
    SendingOff,
    /// A video review.
    Review,
    /// A penalty awarded or missed, or a shoot-out kick.
    Penalty,
    /// A period starts or ends.
    Whistle,
}

impl BigMoment {
    /// What `event` is among the big moments, if it is one.
    pub fn of(event: &Event) -> Option<Self> {
        Some(match &event.detail {
            Detail::Goal { .. } => BigMoment::Goal,
            Detail::Card { card, .. } if card.sends_off() => BigMoment::SendingOff,
            Detail::Card { .. } => return None,
            Detail::Var { .. } => BigMoment::Review,
            Detail::PenaltyAwarded { .. }
            | Detail::PenaltyMiss { .. }
            | Detail::ShootoutKick { .. } => BigMoment::Penalty,
            // A score stated without its goals comes with the whistle
            // whose result it gives.
            Detail::PeriodStart | Detail::PeriodEnd | Detail::StatedScore { .. } => {
                BigMoment::Whistle
            }
            Detail::Chance { .. }
            | Detail::Substitution { .. }
            | Detail::Foul { .. }
            | Detail::Play { .. }
            | Detail::Note { .. } => return None,
        })
    }
}

/// How much `event` weighs.
pub fn weight(event: &Event) -> Weight {
    if !event.is_key() {
        Weight::Minor
    } else if BigMoment::of(event).is_some() {
        Weight::Big
    } else {
        Weight::Key
    }
}

/// The words a fan reads on `event`: the headline, the commentary and
/// every quote with who said it.
pub fn words(event: &Event) -> usize {
    let count = |text: &str| text.split_whitespace().count();
    let quoted: usize = event
        .quotes
        .iter()
        .map(|q| count(&q.text) + count(&q.speaker) + q.role.as_deref().map_or(0, count))
        .sum();
    HEADLINE_WORDS + event.text.as_deref().map_or(0, count) + quoted
}

/// How much shorter holds are at `speed` than at 1x: the fourth root of
/// the speed, so 0.84 at 2x, 0.56 at 10x and 0.36 at 60x.
pub fn speed_scale(speed: u32) -> f64 {
    f64::from(speed.max(1)).powf(-0.25)
}

/// How long `event` stays on screen at `speed` before a later moment may
/// replace it.
pub fn hold(event: &Event, speed: u32) -> Duration {
    let base = match weight(event) {
        Weight::Minor => return Duration::ZERO,
        Weight::Key => KEY_HOLD,
        Weight::Big => BIG_HOLD,
    };
    let reading = words(event) as f64 / WORDS_PER_SECOND;
    let at_1x = (base.as_secs_f64() + reading).min(MAX_HOLD.as_secs_f64());
    Duration::from_secs_f64(at_1x * speed_scale(speed))
}

/// Where autoplay stops by itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PausePolicy {
    /// Never: it plays on to the end.
    #[default]
    Off,
    /// At every goal.
    Goals,
    /// At every goal, sending-off, review and penalty (shoot-out kicks
    /// included); not at whistles.
    On,
}

impl PausePolicy {
    /// Every policy, in the order a key cycles through them.
    pub const ALL: [PausePolicy; 3] = [PausePolicy::Off, PausePolicy::Goals, PausePolicy::On];

    /// The name a config file uses: `off`, `goals`, `on`.
    pub const fn name(self) -> &'static str {
        match self {
            PausePolicy::Off => "off",
            PausePolicy::Goals => "goals",
            PausePolicy::On => "on",
        }
    }

    /// The policy a config file names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The next policy round the cycle.
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// Whether autoplay stops when it reaches `event`.
    pub fn stops_at(self, event: &Event) -> bool {
        match (self, BigMoment::of(event)) {
            (PausePolicy::Off, _) | (_, None | Some(BigMoment::Whistle)) => false,
            (PausePolicy::Goals, Some(moment)) => moment == BigMoment::Goal,
            (PausePolicy::On, Some(_)) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::model::{Card, Clock, Quote};

    fn bundled() -> Vec<Event> {
        import::bundled().game.events
    }

    fn find(events: &[Event], kind: &str, minute: u16) -> Event {
        events
            .iter()
            .find(|e| e.detail.kind_name() == kind && e.clock.is_some_and(|c| c.minute == minute))
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} at {minute}'"))
    }

    #[test]
    fn a_moment_holds_as_long_as_its_words_take_to_read() {
        let mut event = Event::new(Clock::minute(30), Detail::Note { unknown_kind: None });
        let bare = hold(&event, 1);
        assert_eq!(bare, KEY_HOLD + Duration::from_secs_f64(5.0 / 4.0));
        event.text = Some("one two three four five six seven eight".into());
        assert_eq!(hold(&event, 1) - bare, Duration::from_secs(2), "8 words");
        event.quotes.push(Quote {
            speaker: "A Manager".to_owned(),
            role: None,
            text: "word ".repeat(38),
            source: None,
        });
        assert_eq!(hold(&event, 1) - bare, Duration::from_secs(12), "48 words");
        event.quotes[0].text = "word ".repeat(1_000);
        assert_eq!(hold(&event, 1), MAX_HOLD, "capped");
    }

    #[test]
    fn big_moments_hold_longer_and_plays_not_at_all() {
        let events = bundled();
        let goal = find(&events, "goal", 54);
        let mut as_note = goal.clone();
        as_note.detail = Detail::Note { unknown_kind: None };
        assert_eq!(hold(&goal, 1) - hold(&as_note, 1), BIG_HOLD - KEY_HOLD);
        let mut play = goal.clone();
        play.detail = Detail::Play {
            action: Some("Pass".into()),
            end_location: None,
        };
        assert_eq!(weight(&play), Weight::Minor);
        assert_eq!(hold(&play, 1), Duration::ZERO);
        // Kane's miss, 26 words of commentary: just under 12 s at 1x.
        let miss = find(&events, "penalty_miss", 84);
        assert_eq!(weight(&miss), Weight::Big);
        assert!(
            (hold(&miss, 1).as_secs_f64() - (4.0 + 31.0 / 4.0)).abs() < 1e-9,
            "{:?}",
            hold(&miss, 1)
        );
    }

    #[test]
    fn holds_shorten_as_the_speed_rises_but_never_vanish() {
        let events = bundled();
        let goal = find(&events, "goal", 17);
        let holds: Vec<Duration> = crate::replay::SPEEDS
            .iter()
            .map(|&s| hold(&goal, s))
            .collect();
        assert!(holds.windows(2).all(|w| w[1] < w[0]), "{holds:?}");
        assert!(holds[5] >= Duration::from_secs(4), "{holds:?}");
        assert!((speed_scale(60) - 0.359).abs() < 1e-3);
    }

    #[test]
    fn the_pause_policy_stops_at_what_it_names() {
        let events = bundled();
        let goal = find(&events, "goal", 17);
        let yellow = find(&events, "yellow_card", 43);
        let review = find(&events, "var", 80);
        let penalty = find(&events, "penalty_awarded", 52);
        let whistle = find(&events, "period_end", 45);
        let mut red = yellow.clone();
        red.detail = Detail::Card {
            card: Card::Red,
            reason: None,
        };
        let stops = |policy: PausePolicy| {
            [&goal, &yellow, &review, &penalty, &whistle, &red].map(|e| policy.stops_at(e))
        };
        assert_eq!(stops(PausePolicy::Off), [false; 6]);
        assert_eq!(
            stops(PausePolicy::Goals),
            [true, false, false, false, false, false]
        );
        assert_eq!(
            stops(PausePolicy::On),
            [true, false, true, true, false, true]
        );
    }

    #[test]
    fn policies_cycle_and_read_back_by_name() {
        let mut policy = PausePolicy::default();
        let mut seen = Vec::new();
        for _ in 0..3 {
            seen.push(policy);
            assert_eq!(PausePolicy::from_name(policy.name()), Some(policy));
            policy = policy.next();
        }
        assert_eq!(policy, PausePolicy::Off);
        assert_eq!(seen, PausePolicy::ALL);
        assert_eq!(PausePolicy::from_name("always"), None);
    }
}
