//! Which team is home and which away, and the two teams' names, codes and
//! sheets. Home is the team of the first "Starting XI" event.

use std::collections::HashMap;

use super::item::Item;
use super::lineups::{self, Lineups};
use super::raw::{self, Field, Named};
use super::report::note;
use crate::import::Diagnostic;
use crate::model::{Side, Team};
use crate::text::sanitize_line;

/// A team as events name it: by id when both sides have one, else by name.
#[derive(Clone, Copy)]
pub(super) struct TeamKey<'r> {
    id: Option<i64>,
    name: Option<&'r str>,
}

impl<'r> TeamKey<'r> {
    fn of(team: &'r Field<Named<'_>>) -> Option<Self> {
        let team = team.get()?;
        let key = Self {
            id: team.id.copied(),
            name: team.name(),
        };
        (key.id.is_some() || key.name.is_some()).then_some(key)
    }

    fn matches(&self, team: &Named<'_>) -> bool {
        match (self.id, team.id.copied()) {
            (Some(a), Some(b)) => a == b,
            _ => self.name.is_some() && self.name == team.name(),
        }
    }

    fn same(&self, other: &TeamKey<'_>) -> bool {
        match (self.id, other.id) {
            (Some(a), Some(b)) => a == b,
            _ => self.name.is_some() && self.name == other.name,
        }
    }
}

/// Which team is home and which away, with their "Starting XI" sheets.
pub(super) struct Sides<'r, 'a> {
    home: TeamKey<'r>,
    away: Option<TeamKey<'r>>,
    /// The home side's "Starting XI" sheet, if there was one.
    pub(super) home_tactics: Option<&'r raw::Tactics<'a>>,
    away_tactics: Option<&'r raw::Tactics<'a>>,
}

impl<'r, 'a> Sides<'r, 'a> {
    /// Home is the team of the first "Starting XI" event (in match order),
    /// away the other one; without such events, the first two teams named.
    pub(super) fn find(items: &[Item<'r, 'a>], lineups: Option<&Lineups<'_>>) -> Option<Self> {
        let mut xi = items
            .iter()
            .filter(|i| i.kind == "Starting XI")
            .filter_map(|i| Some((TeamKey::of(&i.raw.team)?, i.raw.tactics.get())));
        let (home, home_tactics) = match xi.next() {
            Some((key, tactics)) => (key, tactics.map(|t| &**t)),
            None => (items.iter().find_map(|i| TeamKey::of(&i.raw.team))?, None),
        };
        let second_xi = xi.find(|(key, _)| !key.same(&home));
        let (away, away_tactics) = match second_xi {
            Some((key, tactics)) => (Some(key), tactics.map(|t| &**t)),
            None => (
                items
                    .iter()
                    .filter_map(|i| TeamKey::of(&i.raw.team))
                    .find(|key| !key.same(&home))
                    .or_else(|| {
                        // A one-team file: the lineups may name the other.
                        lineups?.teams.iter().find_map(|t| {
                            let key = TeamKey {
                                id: t.team_id.copied(),
                                name: None,
                            };
                            (key.id.is_some() && !key.same(&home)).then_some(key)
                        })
                    }),
                None,
            ),
        };
        Some(Self {
            home,
            away,
            home_tactics,
            away_tactics,
        })
    }

    pub(super) fn side(&self, team: &Field<Named<'_>>) -> Option<Side> {
        let team = team.get()?;
        if self.home.matches(team) {
            Some(Side::Home)
        } else if self.away.is_some_and(|a| a.matches(team)) {
            Some(Side::Away)
        } else {
            None
        }
    }

    pub(super) fn teams(
        &self,
        lineups: Option<&Lineups<'_>>,
        names: &HashMap<i64, String>,
        warnings: &mut Vec<Diagnostic>,
        file: &str,
    ) -> (Team, Team) {
        let make = |key: Option<TeamKey<'_>>, tactics, fallback: &str| {
            let lineup = key.and_then(|k| lineups?.team(k.id, k.name));
            let name = key
                .and_then(|k| k.name)
                .or_else(|| lineup.and_then(|l| l.team_name.str()))
                .map_or_else(|| fallback.to_owned(), |n| sanitize_line(n).into_owned());
            let mut team = Team::named(name);
            team.code = Some(team.short_code());
            team.players = lineups::squad(tactics, lineup, names);
            (team, lineup.is_some())
        };
        let (home, home_found) = make(Some(self.home), self.home_tactics, "Home");
        let (away, away_found) = make(self.away, self.away_tactics, "Away");
        if lineups.is_some() && !(home_found && away_found) {
            warnings.push(note(
                file,
                "the lineups file does not name both teams of the events; names come from the events",
            ));
        }
        if self.away.is_none() {
            warnings.push(note(
                file,
                "only one team is named in the events; the other is shown as \"Away\"",
            ));
        }
        (home, away)
    }
}
