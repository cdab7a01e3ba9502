//! Which events are listed, and so where stepping stops: a scope (key
//! moments, or every event) narrowed, when the fan asks, to the goals, the
//! cards, one team or one player. The [`Navigator`](super::Navigator)
//! steps by it; the terminal UI's timeline lists by it.
//!
//! The two parts are separate because they answer different questions:
//! the scope says how fine-grained the replay is (a StatsBomb file has
//! thousands of passes), the focus says whose story the fan follows.
//! "Only Mbappé" with every event listed is every touch he had; with key
//! moments only, his goals, chances, cards and substitutions.

use crate::model::{Detail, Event, MatchInfo, Side, Text};
use crate::text;

/// How fine-grained the listing is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// Everything but low-level plays (passes, carries…).
    #[default]
    KeyMoments,
    /// Every event.
    All,
}

/// What a narrowed listing keeps.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Only {
    /// Goals, including those a review later struck off.
    Goals,
    /// Yellow, second yellow and red cards.
    Cards,
    /// The events of one side.
    Team(Side),
    /// The events a player takes part in: as the player, or named in the
    /// event as assisting, fouled, fouling, in goal, coming on or off.
    Player(Text),
}

impl Only {
    /// Whether `event` is kept.
    pub fn keeps(&self, event: &Event) -> bool {
        match self {
            Only::Goals => matches!(event.detail, Detail::Goal { .. }),
            Only::Cards => matches!(event.detail, Detail::Card { .. }),
            Only::Team(side) => event.team == Some(*side),
            Only::Player(name) => people(event).any(|p| **p == **name),
        }
    }

    /// How the status line and the timeline's title name it: "goals",
    /// "France", "Mbappé".
    pub fn label(&self, info: &MatchInfo) -> String {
        match self {
            Only::Goals => "goals".to_owned(),
            Only::Cards => "cards".to_owned(),
            Only::Team(side) => text::sanitize_line(&info.team(*side).name).into_owned(),
            Only::Player(name) => text::sanitize_line(text::surname(name)).into_owned(),
        }
    }
}

/// Which events are listed: the scope, narrowed by an optional focus.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct EventFilter {
    /// Key moments or every event.
    pub scope: Scope,
    /// The goals, the cards, one team or one player; `None` keeps all that
    /// the scope lists.
    pub only: Option<Only>,
}

impl EventFilter {
    /// Key moments, not narrowed: the default.
    pub const KEY_MOMENTS: EventFilter = EventFilter {
        scope: Scope::KeyMoments,
        only: None,
    };

    /// Every event, not narrowed.
    pub const ALL_EVENTS: EventFilter = EventFilter {
        scope: Scope::All,
        only: None,
    };

    /// Whether `event` is listed.
    pub fn shows(&self, event: &Event) -> bool {
        let in_scope = match self.scope {
            Scope::KeyMoments => event.is_key(),
            Scope::All => true,
        };
        in_scope && self.only.as_ref().is_none_or(|only| only.keeps(event))
    }

    /// Whether the listing is narrowed by a focus.
    pub fn is_narrowed(&self) -> bool {
        self.only.is_some()
    }

    /// Words for the status line, or `None` for the default listing:
    /// "all events", "only goals", "only Mbappé, all events".
    pub fn label(&self, info: &MatchInfo) -> Option<String> {
        match (&self.only, self.scope) {
            (None, Scope::KeyMoments) => None,
            (None, Scope::All) => Some("all events".to_owned()),
            (Some(only), Scope::KeyMoments) => Some(format!("only {}", only.label(info))),
            // Goals and cards are key moments anyway: the scope changes
            // nothing, so it is not mentioned.
            (Some(only @ (Only::Goals | Only::Cards)), Scope::All) => {
                Some(format!("only {}", only.label(info)))
            }
            (Some(only), Scope::All) => Some(format!("only {}, all events", only.label(info))),
        }
    }
}

/// Every person an event names, the main player first.
pub fn people(event: &Event) -> impl Iterator<Item = &Text> {
    let named: [Option<&Text>; 2] = match &event.detail {
        Detail::Goal { assist, .. } => [assist.as_ref(), None],
        Detail::PenaltyAwarded { fouled, fouler } => [fouled.as_ref(), fouler.as_ref()],
        Detail::PenaltyMiss { keeper, .. } => [keeper.as_ref(), None],
        Detail::Substitution {
            player_in,
            player_out,
        } => [player_in.as_ref(), player_out.as_ref()],
        Detail::Foul { fouled } => [fouled.as_ref(), None],
        _ => [None, None],
    };
    event.player.iter().chain(named.into_iter().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Clock, GoalMethod, Team};

    fn goal(team: Side, player: &str, assist: Option<&str>) -> Event {
        let mut event = Event::new(
            Clock::minute(10),
            Detail::Goal {
                method: GoalMethod::OpenPlay,
                assist: assist.map(Text::from),
                xg: None,
            },
        );
        event.team = Some(team);
        event.player = Some(Text::from(player));
        event
    }

    fn play(team: Side, player: &str) -> Event {
        let mut event = Event::new(
            Clock::minute(11),
            Detail::Play {
                action: Some(Text::from("Pass")),
                end_location: None,
            },
        );
        event.team = Some(team);
        event.player = Some(Text::from(player));
        event
    }

    #[test]
    fn a_player_is_found_in_every_role_an_event_gives_him() {
        let only = Only::Player(Text::from("Antoine Griezmann"));
        assert!(only.keeps(&goal(Side::Away, "Antoine Griezmann", None)));
        assert!(only.keeps(&goal(
            Side::Away,
            "Olivier Giroud",
            Some("Antoine Griezmann")
        )));
        assert!(!only.keeps(&goal(Side::Away, "Olivier Giroud", None)));
        let sub = Event::new(
            Clock::minute(79),
            Detail::Substitution {
                player_in: Some(Text::from("Kingsley Coman")),
                player_out: Some(Text::from("Antoine Griezmann")),
            },
        );
        assert!(only.keeps(&sub));
    }

    #[test]
    fn the_scope_and_the_focus_combine() {
        let pass = play(Side::Home, "Harry Kane");
        let kane = Only::Player(Text::from("Harry Kane"));
        let key_moments = EventFilter {
            scope: Scope::KeyMoments,
            only: Some(kane.clone()),
        };
        let every_event = EventFilter {
            scope: Scope::All,
            only: Some(kane),
        };
        assert!(!key_moments.shows(&pass), "a pass is no key moment");
        assert!(every_event.shows(&pass));
        assert!(EventFilter::ALL_EVENTS.shows(&pass));
        assert!(!EventFilter::KEY_MOMENTS.shows(&pass));
        let card = Event::new(
            Clock::minute(30),
            Detail::Card {
                card: Card::Yellow,
                reason: None,
            },
        );
        let cards = EventFilter {
            only: Some(Only::Cards),
            ..EventFilter::default()
        };
        assert!(cards.shows(&card));
        assert!(!cards.shows(&goal(Side::Home, "Harry Kane", None)));
        let home = EventFilter {
            only: Some(Only::Team(Side::Home)),
            ..EventFilter::default()
        };
        assert!(home.shows(&goal(Side::Home, "Harry Kane", None)));
        assert!(!home.shows(&goal(Side::Away, "Olivier Giroud", None)));
        assert!(!home.shows(&card), "a card with no team is nobody's");
    }

    #[test]
    fn labels_say_what_is_listed() {
        let info = MatchInfo::between(Team::named("England"), Team::named("France"));
        let label = |scope, only| EventFilter { scope, only }.label(&info);
        assert_eq!(label(Scope::KeyMoments, None), None);
        assert_eq!(label(Scope::All, None).as_deref(), Some("all events"));
        assert_eq!(
            label(Scope::All, Some(Only::Goals)).as_deref(),
            Some("only goals")
        );
        assert_eq!(
            label(Scope::KeyMoments, Some(Only::Team(Side::Away))).as_deref(),
            Some("only France")
        );
        assert_eq!(
            label(Scope::All, Some(Only::Player(Text::from("Kylian Mbappé")))).as_deref(),
            Some("only Mbappé, all events")
        );
    }
}
