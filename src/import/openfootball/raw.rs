//! serde types that mirror an openfootball file, with the checks that can
//! be made value by value (so serde_json places the error on the value).
//! The traps of the format are handled here: teams as strings or objects,
//! minutes as numbers, numbers with `offset`, or strings like "90+6",
//! times with or without a UTC offset, empty scores.

use std::fmt;

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, de::value::MapAccessDeserializer};

use crate::model::Clock;

/// The whole file, in either layout.
#[derive(Deserialize)]
pub(super) struct RawFile {
    pub(super) name: String,
    pub(super) matches: Option<Vec<RawMatch>>,
    pub(super) rounds: Option<Vec<RawRound>>,
}

/// A round of the `rounds` layout.
#[derive(Deserialize)]
pub(super) struct RawRound {
    pub(super) name: String,
    pub(super) matches: Vec<RawMatch>,
}

/// One match.
#[derive(Deserialize)]
pub(super) struct RawMatch {
    pub(super) round: Option<String>,
    pub(super) num: Option<u32>,
    #[serde(deserialize_with = "date")]
    pub(super) date: NaiveDate,
    #[serde(default, deserialize_with = "time")]
    pub(super) time: Option<(NaiveTime, Option<FixedOffset>)>,
    pub(super) team1: RawTeam,
    pub(super) team2: RawTeam,
    #[serde(default)]
    pub(super) score: Option<RawScore>,
    #[serde(default)]
    pub(super) goals1: Option<Vec<RawGoal>>,
    #[serde(default)]
    pub(super) goals2: Option<Vec<RawGoal>>,
    pub(super) group: Option<String>,
    pub(super) ground: Option<String>,
    pub(super) status: Option<String>,
}

/// The stated scores, each `[team1, team2]`.
#[derive(Deserialize, Default)]
pub(super) struct RawScore {
    pub(super) ht: Option<Pair>,
    pub(super) ft: Option<Pair>,
    pub(super) et: Option<Pair>,
    pub(super) p: Option<Pair>,
}

/// Goals for team1 and team2.
#[derive(Deserialize)]
#[serde(try_from = "Vec<u32>")]
pub(super) struct Pair(pub(super) [u32; 2]);

impl TryFrom<Vec<u32>> for Pair {
    type Error = String;

    fn try_from(goals: Vec<u32>) -> Result<Self, String> {
        match goals[..] {
            [home, away] => Ok(Pair([home, away])),
            _ => Err(format!(
                "a list of {} numbers, expected a pair of scores [team1, team2]",
                goals.len()
            )),
        }
    }
}

/// A goal, listed under the side it counts for.
#[derive(Deserialize)]
#[serde(try_from = "GoalFields")]
pub(super) struct RawGoal {
    pub(super) name: String,
    pub(super) clock: Clock,
    pub(super) penalty: bool,
    pub(super) owngoal: bool,
}

#[derive(Deserialize)]
struct GoalFields {
    name: String,
    minute: Minute,
    offset: Option<u16>,
    #[serde(default)]
    penalty: bool,
    #[serde(default)]
    owngoal: bool,
}

impl TryFrom<GoalFields> for RawGoal {
    type Error = String;

    fn try_from(raw: GoalFields) -> Result<Self, String> {
        let mut clock = raw.minute.0;
        if let Some(offset) = raw.offset {
            if clock.added > 0 {
                return Err(format!(
                    "the minute \"{clock}\" already has stoppage time, expected no \"offset\" beside it"
                ));
            }
            if offset > MAX_OFFSET {
                return Err(format!(
                    "offset {offset} is out of range, expected 0 to {MAX_OFFSET} stoppage minutes"
                ));
            }
            clock.added = offset;
        }
        Ok(RawGoal {
            name: raw.name,
            clock,
            penalty: raw.penalty,
            owngoal: raw.owngoal,
        })
    }
}

/// The most stoppage minutes a goal may carry; the match clock takes no
/// more.
const MAX_OFFSET: u16 = 60;

/// A goal's minute: a number or a string like "90+6".
struct Minute(Clock);

impl<'de> Deserialize<'de> for Minute {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MinuteVisitor;
        impl Visitor<'_> for MinuteVisitor {
            type Value = Minute;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a minute: a number like 54 or a string like \"90+6\"")
            }
            fn visit_u64<E: de::Error>(self, minute: u64) -> Result<Minute, E> {
                beyond_the_end(minute).map(Minute).ok_or_else(|| {
                    E::custom(format_args!(
                        "minute {minute} is out of range, expected 0 to {}",
                        Clock::MAX_MINUTE + MAX_OFFSET
                    ))
                })
            }
            fn visit_i64<E: de::Error>(self, minute: i64) -> Result<Minute, E> {
                match u64::try_from(minute) {
                    Ok(m) => self.visit_u64(m),
                    Err(_) => Err(E::custom(format_args!(
                        "minute {minute} is out of range, expected 0 to {}",
                        Clock::MAX_MINUTE
                    ))),
                }
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Minute, E> {
                let digits = text.trim();
                if !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && let Some(clock) = digits.parse().ok().and_then(beyond_the_end)
                {
                    return Ok(Minute(clock));
                }
                let clock: Clock = text.parse().map_err(|_| {
                    E::custom(format_args!(
                        "invalid minute \"{}\", expected a minute like \"54\" or \"90+6\"",
                        crate::text::sanitize_line(text)
                    ))
                })?;
                if clock.second.is_some() {
                    return Err(E::custom(format_args!(
                        "invalid minute \"{}\", expected a minute like \"54\" or \"90+6\" without seconds",
                        crate::text::sanitize_line(text)
                    )));
                }
                Ok(Minute(clock))
            }
        }
        deserializer.deserialize_any(MinuteVisitor)
    }
}

/// A minute as a plain number. Past 120 it can only be stoppage time at
/// the end of extra time (the 2014 file has Djabou's 120+1 as 121).
fn beyond_the_end(minute: u64) -> Option<Clock> {
    let max = Clock::MAX_MINUTE;
    let minute = u16::try_from(minute).ok()?;
    match minute.checked_sub(max) {
        None | Some(0) => Some(Clock::minute(minute)),
        Some(added) if added <= MAX_OFFSET => Some(Clock::stoppage(max, added)),
        Some(_) => None,
    }
}

/// A team: a name, or an object with a name and a code.
pub(super) struct RawTeam {
    pub(super) name: String,
    pub(super) code: Option<String>,
}

#[derive(Deserialize)]
struct TeamObject {
    name: String,
    code: Option<String>,
}

impl<'de> Deserialize<'de> for RawTeam {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TeamVisitor;
        impl<'de> Visitor<'de> for TeamVisitor {
            type Value = RawTeam;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a team: a name, or an object with \"name\" and \"code\"")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<RawTeam, E> {
                named(name.to_owned(), None)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTeam, A::Error> {
                let team = TeamObject::deserialize(MapAccessDeserializer::new(map))?;
                named(team.name, team.code)
            }
        }
        deserializer.deserialize_any(TeamVisitor)
    }
}

fn named<E: de::Error>(name: String, code: Option<String>) -> Result<RawTeam, E> {
    if name.trim().is_empty() {
        return Err(E::custom("empty team name, expected the team's name"));
    }
    Ok(RawTeam { name, code })
}

fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    crate::model::parse_str(deserializer, |text| {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            format!(
                "invalid date \"{}\", expected a day like \"2022-12-18\"",
                crate::text::sanitize_line(text)
            )
        })
    })
}

fn time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<(NaiveTime, Option<FixedOffset>)>, D::Error> {
    crate::model::parse_str(deserializer, |text| {
        parse_time(text).map(Some).ok_or_else(|| {
            format!(
                "invalid time \"{}\", expected a kick-off like \"18:00\" or \"13:00 UTC-6\"",
                crate::text::sanitize_line(text)
            )
        })
    })
}

/// "18:00", "13:00 UTC-6", "20:30 UTC+5:30".
pub(super) fn parse_time(text: &str) -> Option<(NaiveTime, Option<FixedOffset>)> {
    let text = text.trim();
    let (clock, zone) = match text.split_once(char::is_whitespace) {
        Some((clock, zone)) => (clock, Some(zone.trim())),
        None => (text, None),
    };
    let time = NaiveTime::parse_from_str(clock, "%H:%M").ok()?;
    let offset = match zone {
        None => None,
        Some(zone) => Some(parse_offset(zone)?),
    };
    Some((time, offset))
}

fn parse_offset(zone: &str) -> Option<FixedOffset> {
    let rest = zone
        .strip_prefix("UTC")
        .or_else(|| zone.strip_prefix("GMT"))?;
    if rest.is_empty() {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_take_an_optional_utc_offset() {
        let (time, offset) = parse_time("13:00 UTC-6").unwrap();
        assert_eq!(time, NaiveTime::from_hms_opt(13, 0, 0).unwrap());
        assert_eq!(offset, FixedOffset::west_opt(6 * 3600));
        assert_eq!(
            parse_time("20:30 UTC+5:30").unwrap().1,
            FixedOffset::east_opt(5 * 3600 + 1800)
        );
        assert_eq!(parse_time("18:00").unwrap().1, None);
        assert_eq!(parse_time("18:00 UTC").unwrap().1, FixedOffset::east_opt(0));
        for bad in [
            "",
            "6pm",
            "18:00 CET",
            "18:00 UTC+99",
            "25:00",
            "18:00 UTC-",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn minutes_come_as_numbers_with_offsets_or_as_strings() {
        let goal = |json: &str| serde_json::from_str::<RawGoal>(json).map(|g| g.clock);
        assert_eq!(
            goal(r#"{"name": "A", "minute": 54}"#).unwrap(),
            Clock::minute(54)
        );
        assert_eq!(
            goal(r#"{"name": "A", "minute": 90, "offset": 3}"#).unwrap(),
            Clock::stoppage(90, 3)
        );
        assert_eq!(
            goal(r#"{"name": "A", "minute": "90+6"}"#).unwrap(),
            Clock::stoppage(90, 6)
        );
        assert_eq!(
            goal(r#"{"name": "A", "minute": 121}"#).unwrap(),
            Clock::stoppage(120, 1)
        );
        assert_eq!(
            goal(r#"{"name": "A", "minute": "121"}"#).unwrap(),
            Clock::stoppage(120, 1)
        );
        for bad in [
            r#"{"name": "A", "minute": 190}"#,
            r#"{"name": "A", "minute": 121, "offset": 2}"#,
            r#"{"name": "A", "minute": -1}"#,
            r#"{"name": "A", "minute": "ninety"}"#,
            r#"{"name": "A", "minute": "90+3", "offset": 2}"#,
            r#"{"name": "A", "minute": 90, "offset": 99}"#,
            r#"{"name": "A", "minute": 4.5}"#,
        ] {
            assert!(goal(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn teams_are_names_or_objects() {
        let team = |json: &str| serde_json::from_str::<RawTeam>(json);
        let plain = team(r#""England""#).unwrap();
        assert_eq!((plain.name.as_str(), plain.code), ("England", None));
        let object = team(r#"{"name": "Germany", "code": "GER"}"#).unwrap();
        assert_eq!(object.code.as_deref(), Some("GER"));
        assert!(team(r#""  ""#).is_err());
        assert!(team("7").is_err());
        assert!(team(r#"{"code": "GER"}"#).is_err());
    }
}
