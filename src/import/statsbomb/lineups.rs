//! Team sheets: the starting eleven from the events' "Starting XI" and,
//! when a lineups file is given, the substitutes and the names fans use.
//!
//! Names: a lineups file gives each player's full name and, for many, a
//! nickname ("Lionel Andrés Messi Cuccittini" is "Lionel Messi", "Pedro
//! González López" is "Pedri"). touchline shows the nickname when there is
//! one, because that is the name on the shirt and in every match report;
//! scorer lists then read "Messi 19'", not "Cuccittini 19'". Without a
//! lineups file the full names from the events are used as they are.

use std::collections::HashMap;

use super::raw::{Array, LineupTeam, Named, Tactics};
use crate::import::LoadError;
use crate::model::Player;
use crate::text::sanitize_line;

/// A parsed lineups file.
pub struct Lineups<'a> {
    /// One entry per team.
    pub teams: Vec<LineupTeam<'a>>,
}

/// Reads a lineups file: a JSON array of teams. Not JSON at all, or not an
/// array, is an error naming the file, line and column.
pub fn parse<'a>(name: &str, text: &'a str) -> Result<Lineups<'a>, LoadError> {
    let array: Array<LineupTeam<'a>> =
        super::parse_array(name, text, "a JSON array of StatsBomb lineups")?;
    Ok(Lineups {
        teams: array.items.into_iter().map(|(_, team)| team).collect(),
    })
}

impl<'a> Lineups<'a> {
    /// Display names by player id: the nickname when there is one, else
    /// the full name; sanitised.
    pub fn display_names(&self) -> HashMap<i64, String> {
        let mut names = HashMap::new();
        for team in &self.teams {
            for player in team.lineup.get().into_iter().flatten() {
                let Some(id) = player.player_id.copied() else {
                    continue;
                };
                let nickname = player
                    .player_nickname
                    .str()
                    .filter(|n| !n.trim().is_empty());
                if let Some(name) = nickname.or(player.player_name.str()) {
                    names.insert(id, sanitize_line(name.trim()).into_owned());
                }
            }
        }
        names
    }

    /// The lineups entry for a team, matched by id, else by name.
    pub fn team(&self, id: Option<i64>, name: Option<&str>) -> Option<&LineupTeam<'a>> {
        self.teams
            .iter()
            .find(|t| id.is_some() && t.team_id.copied() == id)
            .or_else(|| {
                self.teams
                    .iter()
                    .find(|t| name.is_some() && t.team_name.str() == name)
            })
    }
}

/// A team's sheet: the starting eleven in the order of their "Starting XI"
/// event, then the substitutes from the lineups file by shirt number.
/// Players without a shirt number are left off (the sheet is by number).
pub fn squad(
    tactics: Option<&Tactics<'_>>,
    lineup: Option<&LineupTeam<'_>>,
    names: &HashMap<i64, String>,
) -> Vec<Player> {
    let mut players = Vec::new();
    let mut starter_ids = Vec::new();
    for entry in tactics.and_then(|t| t.lineup.get()).into_iter().flatten() {
        let Some(number) = shirt(entry.jersey_number.copied()) else {
            continue;
        };
        let Some(player) = entry.player.get() else {
            continue;
        };
        let Some(name) = display_name(player, names) else {
            continue;
        };
        starter_ids.extend(player.id.copied());
        players.push(Player {
            number,
            name,
            position: entry.position.get().and_then(Named::name).map(abbreviation),
            starter: true,
        });
    }
    let had_starters = !players.is_empty();
    let mut substitutes = Vec::new();
    for player in lineup.and_then(|t| t.lineup.get()).into_iter().flatten() {
        let id = player.player_id.copied();
        if id.is_some_and(|id| starter_ids.contains(&id)) {
            continue;
        }
        let Some(number) = shirt(player.jersey_number.copied()) else {
            continue;
        };
        let name = id.and_then(|id| names.get(&id).cloned()).or_else(|| {
            player
                .player_name
                .str()
                .map(|n| sanitize_line(n).into_owned())
        });
        let Some(name) = name else { continue };
        let positions = player.positions.get().map(Vec::as_slice).unwrap_or(&[]);
        // Newer lineups files say who started; older ones only list the
        // squad, and then the events' "Starting XI" decides.
        let started = !had_starters
            && positions
                .iter()
                .any(|p| p.start_reason.str() == Some("Starting XI"));
        substitutes.push(Player {
            number,
            name,
            position: positions
                .first()
                .and_then(|p| p.position.str())
                .map(abbreviation),
            starter: started,
        });
    }
    substitutes.sort_by_key(|p| (!p.starter, p.number));
    players.extend(substitutes);
    players
}

fn shirt(number: Option<i64>) -> Option<u32> {
    number.and_then(|n| u32::try_from(n).ok())
}

fn display_name(player: &Named<'_>, names: &HashMap<i64, String>) -> Option<String> {
    player
        .id
        .copied()
        .and_then(|id| names.get(&id).cloned())
        .or_else(|| player.name().map(|n| sanitize_line(n).into_owned()))
}

/// The short form team sheets use for StatsBomb's position names; a name
/// not in the list is kept as it is.
pub fn abbreviation(position: &str) -> String {
    let short = match position {
        "Goalkeeper" => "GK",
        "Right Back" => "RB",
        "Right Center Back" => "RCB",
        "Center Back" => "CB",
        "Left Center Back" => "LCB",
        "Left Back" => "LB",
        "Right Wing Back" => "RWB",
        "Left Wing Back" => "LWB",
        "Right Defensive Midfield" => "RDM",
        "Center Defensive Midfield" => "CDM",
        "Left Defensive Midfield" => "LDM",
        "Right Midfield" => "RM",
        "Right Center Midfield" => "RCM",
        "Center Midfield" => "CM",
        "Left Center Midfield" => "LCM",
        "Left Midfield" => "LM",
        "Right Wing" => "RW",
        "Right Attacking Midfield" => "RAM",
        "Center Attacking Midfield" => "CAM",
        "Left Attacking Midfield" => "LAM",
        "Left Wing" => "LW",
        "Right Center Forward" => "RCF",
        "Center Forward" => "CF",
        "Striker" => "ST",
        "Left Center Forward" => "LCF",
        "Secondary Striker" => "SS",
        other => return sanitize_line(other).into_owned(),
    };
    short.to_owned()
}
