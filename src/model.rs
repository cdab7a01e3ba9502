//! The match as data: teams, events and the clock, with no terminal and no
//! file handling. Loaders build a [`Match`]; the replay engine reads it.

mod clock;
mod event;
mod phase;
pub mod tournament;

pub use clock::{Clock, ClockDisplay, ClockError, Period};
pub use event::{
    Card, Detail, Event, GoalMethod, KickOutcome, Point, Possession, Quote, ShotOutcome,
};
pub use phase::Phase;

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A shared, immutable string for the text of events. Names and action
/// names repeat across thousands of events, so loaders intern them: every
/// "Pass" of a million-event file is one allocation.
pub type Text = Arc<str>;

/// One of the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// The home side (first named).
    Home,
    /// The away side.
    Away,
}

impl Side {
    /// Both sides, home first.
    pub const BOTH: [Side; 2] = [Side::Home, Side::Away];

    /// The other side.
    pub const fn opponent(self) -> Side {
        match self {
            Side::Home => Side::Away,
            Side::Away => Side::Home,
        }
    }

    /// 0 for home, 1 for away: an index into per-side arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The word the match file uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            Side::Home => "home",
            Side::Away => "away",
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Side {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parse_str(deserializer, |text| match text {
            "home" => Ok(Side::Home),
            "away" => Ok(Side::Away),
            other => Err(format!(
                "unknown team \"{}\", expected \"home\" or \"away\"",
                crate::text::sanitize_line(other)
            )),
        })
    }
}

/// Reads a string value and hands it to `parse` without copying it:
/// serde's `Cow<str>` always takes an owned copy, and every event's clock,
/// period and team went through one.
pub(crate) fn parse_str<'de, D, T>(
    deserializer: D,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct Text<F>(F);
    impl<'de, T, F: FnOnce(&str) -> Result<T, String>> serde::de::Visitor<'de> for Text<F> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            (self.0)(text).map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Text(parse))
}

/// A team colour, `#RRGGBB` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#RRGGBB` (either case); `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2))
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        match Rgb::from_hex(&text) {
            Some(rgb) => Ok(rgb),
            None => Err(serde::de::Error::custom(format_args!(
                "invalid color \"{}\", expected \"#RRGGBB\"",
                crate::text::sanitize_line(&text)
            ))),
        }
    }
}

/// A player in a team's squad list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Player {
    /// Shirt number.
    pub number: u32,
    /// Name as it should be shown.
    pub name: String,
    /// Position on the team sheet, such as "CB".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Whether the player started the match.
    pub starter: bool,
}

/// A side's identity and squad.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Team {
    /// Full name, such as "England".
    pub name: String,
    /// Three-letter code, such as "ENG".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Shirt colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<Rgb>,
    /// Head coach.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    /// The squad sheet: starters and substitutes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub players: Vec<Player>,
}

impl Team {
    /// A team with a name only.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            code: None,
            color: None,
            manager: None,
            players: Vec::new(),
        }
    }

    /// The three-letter code, or, when the file gives none, the first
    /// three letters in capitals of the name without a leading club form
    /// ("Deportivo Alavés" is ALA, "FC Barcelona" BAR, "Italy" ITA).
    pub fn short_code(&self) -> String {
        if let Some(code) = &self.code {
            return code.clone();
        }
        let words: Vec<&str> = self.name.split_whitespace().collect();
        let rest = words
            .iter()
            .position(|word| !is_club_form(word))
            .map_or(&words[..], |first| &words[first..]);
        rest.iter()
            .flat_map(|word| word.chars())
            .filter(|c| c.is_alphabetic())
            .take(3)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

/// Words that say what kind of club a team is rather than which one:
/// the usual initials (FC, CF, AS…) and the words Club and Deportivo.
fn is_club_form(word: &str) -> bool {
    const FORMS: [&str; 24] = [
        "FC",
        "CF",
        "AFC",
        "AC",
        "AS",
        "SC",
        "SD",
        "CD",
        "UD",
        "RC",
        "RCD",
        "SS",
        "SSC",
        "SV",
        "FK",
        "SK",
        "NK",
        "BK",
        "IF",
        "CA",
        "EC",
        "KV",
        "CLUB",
        "DEPORTIVO",
    ];
    let word: String = word.chars().filter(|&c| c != '.').collect();
    let word = word.to_uppercase();
    FORMS.contains(&word.as_str())
}

/// A score line for both sides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Score {
    /// Goals (or shoot-out kicks scored) by the home side.
    pub home: u32,
    /// Goals (or shoot-out kicks scored) by the away side.
    pub away: u32,
}

impl Score {
    /// The count for one side.
    pub const fn get(self, side: Side) -> u32 {
        match side {
            Side::Home => self.home,
            Side::Away => self.away,
        }
    }
}

/// A declared final result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalResult {
    /// Goals by the home side (including extra time).
    pub home: u32,
    /// Goals by the away side.
    pub away: u32,
    /// The shoot-out tally, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shootout: Option<Score>,
}

/// Everything about a match that is not an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatchInfo {
    /// Competition, such as "FIFA World Cup 2022".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competition: Option<String>,
    /// Stage or round, such as "Quarter-final".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Ground and town.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Kick-off time with its UTC offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kickoff: Option<DateTime<FixedOffset>>,
    /// The referee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referee: Option<String>,
    /// Crowd size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<u64>,
    /// The home side.
    pub home: Team,
    /// The away side.
    pub away: Team,
    /// The declared final result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<FinalResult>,
    /// Where the facts come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl MatchInfo {
    /// A match between two teams known by name only.
    pub fn between(home: Team, away: Team) -> Self {
        Self {
            competition: None,
            stage: None,
            venue: None,
            kickoff: None,
            referee: None,
            attendance: None,
            home,
            away,
            result: None,
            source: None,
        }
    }

    /// The team playing as `side`.
    pub fn team(&self, side: Side) -> &Team {
        match side {
            Side::Home => &self.home,
            Side::Away => &self.away,
        }
    }

    /// "England v France".
    pub fn title(&self) -> String {
        format!("{} v {}", self.home.name, self.away.name)
    }
}

/// A whole match: its facts and its events in match order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Match {
    /// Format version; always 1 for now.
    pub format: u32,
    /// Teams, venue, result.
    #[serde(rename = "match")]
    pub info: MatchInfo,
    /// Every moment, sorted by period and clock.
    pub events: Vec<Event>,
}

impl Match {
    /// A match with no events yet.
    pub fn new(info: MatchInfo) -> Self {
        Self {
            format: 1,
            info,
            events: Vec::new(),
        }
    }

    /// Writes the match in match-file form, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        // Serializing plain data into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_code_skips_a_leading_club_form() {
        let code = |name: &str| Team::named(name).short_code();
        assert_eq!(code("Deportivo Alavés"), "ALA");
        assert_eq!(code("FC Barcelona"), "BAR");
        assert_eq!(code("Barcelona"), "BAR");
        assert_eq!(code("A.C. Milan"), "MIL");
        assert_eq!(code("Italy"), "ITA");
        assert_eq!(code("Club"), "CLU");
        assert_eq!(code("Côte d'Ivoire"), "CÔT");
        let mut given = Team::named("Deportivo Alavés");
        given.code = Some("DAL".to_owned());
        assert_eq!(given.short_code(), "DAL");
    }
}
