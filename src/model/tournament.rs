//! A tournament as data: its fixtures in kick-off order, each with the
//! teams, when and where it was played, the scores the source states and
//! the goals it records. Importers build one
//! ([`crate::import::openfootball`]); the tournament engine
//! ([`crate::replay::tournament`]) reads it. Nothing here knows about
//! files or the terminal.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::{Clock, Score, Side};

/// Which competition a tournament belongs to: the rules of its group
/// tables depend on it (and on the year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Competition {
    /// The FIFA World Cup.
    WorldCup,
    /// The FIFA Club World Cup.
    ClubWorldCup,
    /// The UEFA European Championship.
    Euro,
    /// Anything else.
    Other,
}

impl Competition {
    /// The competition and year a tournament's name gives: "World Cup
    /// 2022", "Club World Cup 2025", "Euro 2024".
    pub fn from_name(name: &str) -> (Competition, Option<i32>) {
        let lower = name.to_lowercase();
        let kind = if lower.contains("club world cup") {
            Competition::ClubWorldCup
        } else if lower.contains("world cup") {
            Competition::WorldCup
        } else if lower.contains("euro") {
            Competition::Euro
        } else {
            Competition::Other
        };
        let year = name
            .split(|c: char| !c.is_ascii_digit())
            .find(|word| word.len() == 4)
            .and_then(|word| word.parse().ok());
        (kind, year)
    }
}

/// A team as a fixture names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FixtureTeam {
    /// Full name, such as "England".
    pub name: String,
    /// Three-letter code, when the source gives one.
    pub code: Option<String>,
}

impl FixtureTeam {
    /// A team known by name only.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            code: None,
        }
    }
}

/// The scores a source states for a fixture, each for both sides. Any may
/// be missing; a fixture with neither `ft` nor `et` was not played.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// At half-time.
    pub ht: Option<Score>,
    /// At the end of normal time.
    pub ft: Option<Score>,
    /// At the end of extra time, when it was played.
    pub et: Option<Score>,
    /// The penalty shoot-out, when there was one.
    pub penalties: Option<Score>,
}

impl Scores {
    /// Whether the fixture has a result.
    pub fn is_played(&self) -> bool {
        self.ft.is_some() || self.et.is_some()
    }

    /// The score the match ended with: after extra time when it was
    /// played, else after normal time. Shoot-outs are not in it.
    pub fn result(&self) -> Option<Score> {
        self.et.or(self.ft)
    }
}

/// A goal as a fixture records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixtureGoal {
    /// Who put the ball in: for an own goal, a player of the other side.
    pub player: String,
    /// When: the displayed minute and any stoppage minute (90+3 is minute
    /// 90, added 3).
    pub clock: Clock,
    /// From the penalty spot.
    pub penalty: bool,
    /// Into the scorer's own net.
    pub own_goal: bool,
    /// The side the goal counts for.
    pub side: Side,
}

/// One match of a tournament.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixture {
    /// The match number the source gives, if any.
    pub num: Option<u32>,
    /// The round, such as "Matchday 3", "Quarter-finals" or "Final".
    pub round: String,
    /// The group, such as "Group B", for a group match.
    pub group: Option<String>,
    /// The day, in the local time of the ground.
    pub date: NaiveDate,
    /// The kick-off time, local to the ground, when known.
    pub time: Option<NaiveTime>,
    /// The ground's offset from UTC, when the source gives it.
    pub utc_offset: Option<FixedOffset>,
    /// Where it was played.
    pub ground: Option<String>,
    /// The side named first.
    pub home: FixtureTeam,
    /// The side named second.
    pub away: FixtureTeam,
    /// What the source states of the score.
    pub score: Scores,
    /// The goals the source records, in time order; possibly none or only
    /// some of them.
    pub goals: Vec<FixtureGoal>,
    /// A status word from the source, such as "canceled".
    pub status: Option<String>,
}

impl Fixture {
    /// The team playing as `side`.
    pub fn team(&self, side: Side) -> &FixtureTeam {
        match side {
            Side::Home => &self.home,
            Side::Away => &self.away,
        }
    }

    /// The kick-off as an instant, when both the time and the offset are
    /// known.
    pub fn kickoff(&self) -> Option<DateTime<FixedOffset>> {
        let local = self.date.and_time(self.time?);
        local.and_local_timezone(self.utc_offset?).single()
    }

    /// The side that went through or won: on the result, else on the
    /// shoot-out; `None` for a draw, or a fixture not played.
    pub fn winner(&self) -> Option<Side> {
        let result = self.score.result()?;
        let decided = |score: Score| match score.home.cmp(&score.away) {
            Ordering::Greater => Some(Side::Home),
            Ordering::Less => Some(Side::Away),
            Ordering::Equal => None,
        };
        decided(result).or_else(|| self.score.penalties.and_then(decided))
    }

    /// Whether the goals recorded add up to the result, side by side:
    /// only then can the match replay goal by goal. (A stated half-time
    /// score that the goals contradict does not count against them: in
    /// the openfootball files it is the half-time score that is wrong.)
    pub fn goals_add_up(&self) -> bool {
        let Some(result) = self.score.result() else {
            return self.goals.is_empty();
        };
        self.goals_until(None) == result
    }

    /// The score the recorded goals make up to and including the displayed
    /// minute `last` (stoppage time included: 45 takes in 45+2), or in
    /// all.
    pub fn goals_until(&self, last: Option<u16>) -> Score {
        let mut score = Score::default();
        for goal in &self.goals {
            if last.is_none_or(|last| goal.clock.minute <= last) {
                match goal.side {
                    Side::Home => score.home += 1,
                    Side::Away => score.away += 1,
                }
            }
        }
        score
    }

    /// The position in kick-off order: the day, then the instant (or the
    /// local time when the offset is unknown).
    pub fn kickoff_key(&self) -> (NaiveDate, Option<NaiveDateTime>) {
        let at = match (self.time, self.utc_offset) {
            (Some(time), Some(offset)) => Some(
                self.date.and_time(time)
                    - chrono::Duration::seconds(offset.local_minus_utc().into()),
            ),
            (Some(time), None) => Some(self.date.and_time(time)),
            (None, _) => None,
        };
        (self.date, at)
    }
}

/// A tournament: its name and its fixtures in kick-off order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tournament {
    /// Full name, such as "World Cup 2022".
    pub name: String,
    /// The short name a bundled tournament goes by, such as "wc2022".
    pub short_name: Option<String>,
    /// The competition, from the name.
    pub competition: Competition,
    /// The year, from the name.
    pub year: Option<i32>,
    /// Every fixture, in kick-off order (ties keep the source's order).
    pub fixtures: Vec<Fixture>,
}

impl Tournament {
    /// A tournament of `fixtures`, put in kick-off order; the competition
    /// and year come from the name.
    pub fn new(name: impl Into<String>, mut fixtures: Vec<Fixture>) -> Self {
        let name = name.into();
        let (competition, year) = Competition::from_name(&name);
        // A stable sort: fixtures on the same day without a time keep the
        // order the source lists them in.
        fixtures.sort_by_key(Fixture::kickoff_key);
        Self {
            name,
            short_name: None,
            competition,
            year,
            fixtures,
        }
    }

    /// The first and last day, when there are fixtures.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.fixtures.iter().map(|f| f.date).min()?;
        let last = self.fixtures.iter().map(|f| f.date).max()?;
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(date: &str, time: Option<&str>, offset_hours: Option<i32>) -> Fixture {
        Fixture {
            num: None,
            round: "Matchday 1".to_owned(),
            group: None,
            date: date.parse().unwrap(),
            time: time.map(|t| NaiveTime::parse_from_str(t, "%H:%M").unwrap()),
            utc_offset: offset_hours.map(|h| FixedOffset::east_opt(h * 3600).unwrap()),
            ground: None,
            home: FixtureTeam::named("A"),
            away: FixtureTeam::named("B"),
            score: Scores::default(),
            goals: Vec::new(),
            status: None,
        }
    }

    #[test]
    fn names_give_the_competition_and_year() {
        assert_eq!(
            Competition::from_name("World Cup 2022"),
            (Competition::WorldCup, Some(2022))
        );
        assert_eq!(
            Competition::from_name("Club World Cup 2025"),
            (Competition::ClubWorldCup, Some(2025))
        );
        assert_eq!(
            Competition::from_name("Euro 2024"),
            (Competition::Euro, Some(2024))
        );
        assert_eq!(
            Competition::from_name("Sunday league"),
            (Competition::Other, None)
        );
    }

    #[test]
    fn fixtures_are_ordered_by_the_instant_they_kick_off() {
        // 13:00 at UTC-6 is later than 14:00 at UTC-4 on the same day.
        let late = fixture("2026-06-11", Some("13:00"), Some(-6));
        let early = fixture("2026-06-11", Some("14:00"), Some(-4));
        let next_day = fixture("2026-06-12", Some("09:00"), Some(-4));
        let t = Tournament::new(
            "World Cup 2026",
            vec![next_day.clone(), late.clone(), early.clone()],
        );
        assert_eq!(t.fixtures, [early, late, next_day]);
        assert_eq!(t.competition, Competition::WorldCup);
    }

    #[test]
    fn the_kickoff_instant_needs_time_and_offset() {
        let f = fixture("2022-12-18", Some("18:00"), Some(3));
        assert_eq!(
            f.kickoff().unwrap().to_rfc3339(),
            "2022-12-18T18:00:00+03:00"
        );
        assert_eq!(fixture("2022-12-18", Some("18:00"), None).kickoff(), None);
        assert_eq!(fixture("2022-12-18", None, Some(3)).kickoff(), None);
    }

    #[test]
    fn the_winner_comes_from_the_result_then_the_shoot_out() {
        let mut f = fixture("2022-12-18", None, None);
        assert_eq!(f.winner(), None);
        f.score.ft = Some(Score { home: 2, away: 2 });
        f.score.et = Some(Score { home: 3, away: 3 });
        assert_eq!(f.winner(), None);
        f.score.penalties = Some(Score { home: 4, away: 2 });
        assert_eq!(f.winner(), Some(Side::Home));
        f.score.et = Some(Score { home: 3, away: 4 });
        assert_eq!(f.winner(), Some(Side::Away));
    }

    #[test]
    fn goals_add_up_when_they_make_the_result() {
        let goal = |minute: u16, side: Side| FixtureGoal {
            player: "X".to_owned(),
            clock: Clock::minute(minute),
            penalty: false,
            own_goal: false,
            side,
        };
        let mut f = fixture("2022-12-18", None, None);
        assert!(f.goals_add_up(), "not played, nothing recorded");
        f.score.ht = Some(Score { home: 1, away: 0 });
        f.score.ft = Some(Score { home: 1, away: 1 });
        f.goals = vec![goal(10, Side::Home), goal(80, Side::Away)];
        assert!(f.goals_add_up());
        assert_eq!(f.goals_until(Some(45)), Score { home: 1, away: 0 });
        f.goals.pop();
        assert!(!f.goals_add_up());
        f.goals.clear();
        assert!(!f.goals_add_up());
        f.score.et = Some(Score { home: 2, away: 1 });
        f.goals = vec![
            goal(10, Side::Home),
            goal(80, Side::Away),
            goal(100, Side::Home),
        ];
        assert!(f.goals_add_up());
        f.goals[2].clock = Clock::stoppage(90, 2);
        assert!(f.goals_add_up());
        assert_eq!(f.goals_until(Some(90)), Score { home: 2, away: 1 });
    }
}
