//! The match file as it stands on disk: serde types that mirror its JSON
//! field for field, before anything is checked or converted. Values that
//! carry a rule of their own (a pitch location, the format number, a
//! kickoff time) are checked as they are read, so their errors point at
//! the value.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{Clock, GoalMethod, Period, Point, Possession, Rgb, Side};

/// Collects into `ignored` each field path serde passed over, except the
/// `x-` fields, which files may use for their own notes.
pub(super) fn unknown_fields(
    ignored: &mut Vec<String>,
) -> impl FnMut(serde_ignored::Path<'_>) + '_ {
    |path| {
        let path = path.to_string();
        if !path.split('.').any(|segment| segment.starts_with("x-")) {
            ignored.push(path);
        }
    }
}

/// One event, read straight from the file, with the paths of the fields it
/// ignored collected for `validate` (`x-` fields are meant to be ignored).
pub(super) struct EventSeed<'s>(pub &'s mut Vec<String>);

impl<'de> serde::de::DeserializeSeed<'de> for EventSeed<'_> {
    type Value = RawEvent<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<RawEvent<'de>, D::Error> {
        serde_ignored::deserialize(deserializer, unknown_fields(self.0))
    }
}

/// The top level's shape, only to name the field of a top-level error.
#[derive(Deserialize)]
#[allow(dead_code)] // read by serde_path_to_error for the path alone
pub(super) struct TopPath {
    #[serde(default)]
    format: FormatVersion,
    #[serde(rename = "match")]
    info: serde::de::IgnoredAny,
    events: serde::de::IgnoredAny,
}

/// `format`: 1, the only version this loader reads.
#[derive(Default)]
pub(super) struct FormatVersion;

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = serde_json::Number::deserialize(deserializer)?;
        if n.as_u64() == Some(1) {
            Ok(FormatVersion)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unsupported format {n}, expected 1 (this touchline reads match file version 1)"
            )))
        }
    }
}

/// Only the `result` of the `match` object, kept raw for its position.
#[derive(Deserialize)]
pub(super) struct RawResultOnly<'a> {
    #[serde(borrow, default)]
    pub result: Option<&'a RawValue>,
}

/// The `match` object.
#[derive(Deserialize)]
pub(super) struct RawInfo<'a> {
    pub competition: Option<String>,
    pub stage: Option<String>,
    pub venue: Option<String>,
    #[serde(default, deserialize_with = "kickoff")]
    pub kickoff: Option<DateTime<FixedOffset>>,
    pub referee: Option<String>,
    pub attendance: Option<u64>,
    pub home: RawTeam,
    pub away: RawTeam,
    /// Read again on its own, for its position.
    #[serde(borrow, default)]
    pub result: Option<&'a RawValue>,
    pub source: Option<String>,
}

fn kickoff<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    let text = <Cow<'de, str>>::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(&text).map(Some).map_err(|_| {
        serde::de::Error::custom(format_args!(
            "invalid kickoff \"{}\", expected an RFC 3339 date-time with offset like \"2022-12-10T22:00:00+03:00\"",
            crate::text::sanitize_line(&text)
        ))
    })
}

#[derive(Deserialize)]
pub(super) struct RawTeam {
    pub name: String,
    pub code: Option<String>,
    pub color: Option<Rgb>,
    pub manager: Option<String>,
    #[serde(default)]
    pub players: Vec<RawPlayer>,
}

#[derive(Deserialize)]
pub(super) struct RawPlayer {
    pub number: u32,
    pub name: String,
    pub position: Option<String>,
    #[serde(default = "yes")]
    pub starter: bool,
}

fn yes() -> bool {
    true
}

/// A pitch position in file form, checked to lie on the pitch.
#[derive(Clone, Copy)]
pub(super) struct RawPoint(pub Point);

impl<'de> Deserialize<'de> for RawPoint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [x, y] = <[f32; 2]>::deserialize(deserializer)?;
        if (0.0..=100.0).contains(&x) && (0.0..=100.0).contains(&y) {
            Ok(RawPoint(Point { x, y }))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "location [{x}, {y}] is off the pitch, expected [x, y] with each from 0 to 100"
            )))
        }
    }
}

/// Who had the ball during an event and how long it lasted, checked to be
/// a real duration: at most an hour, as no single action lasts longer.
#[derive(Clone, Copy)]
pub(super) struct RawPossession(pub Possession);

impl<'de> Deserialize<'de> for RawPossession {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            team: Side,
            seconds: f32,
        }
        let Fields { team, seconds } = Fields::deserialize(deserializer)?;
        if (0.0..=3600.0).contains(&seconds) {
            Ok(RawPossession(Possession { team, seconds }))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "possession lasting {seconds} seconds, expected 0 to 3600"
            )))
        }
    }
}

#[derive(Deserialize)]
pub(super) struct RawQuote {
    pub speaker: String,
    pub role: Option<String>,
    pub text: String,
    pub source: Option<String>,
}

/// Declares [`RawEvent`] and a strict twin with the same fields that
/// refuses unknown ones, so the streaming path can read events without
/// serde_ignored's wrapper (a tenth of the load time) and still notice a
/// field it would have to warn about: then it hands over to the checking
/// path.
macro_rules! raw_event {
    ($($(#[$attr:meta])* $field:ident: $ty:ty,)*) => {
        /// Every field any kind can carry; the kind table in `convert`
        /// says which ones each kind reads, and the rest are warned about.
        #[derive(Deserialize, Default)]
        pub(super) struct RawEvent<'a> {
            $($(#[$attr])* pub $field: $ty,)*
        }

        /// [`RawEvent`], refusing any field it does not know (`x-` ones
        /// too, which the checking path then ignores).
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct StrictRawEvent<'a> {
            $($(#[$attr])* $field: $ty,)*
        }

        impl<'a> From<StrictRawEvent<'a>> for RawEvent<'a> {
            fn from(strict: StrictRawEvent<'a>) -> Self {
                Self { $($field: strict.$field,)* }
            }
        }
    };
}

raw_event! {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    clock: Option<Clock>,
    period: Option<Period>,
    team: Option<Side>,
    #[serde(borrow)]
    player: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(default)]
    quotes: Vec<RawQuote>,
    location: Option<RawPoint>,
    possession: Option<RawPossession>,
    method: Option<RawGoalMethod>,
    #[serde(borrow)]
    assist: Option<Cow<'a, str>>,
    #[serde(borrow)]
    fouled: Option<Cow<'a, str>>,
    #[serde(borrow)]
    fouler: Option<Cow<'a, str>>,
    #[serde(borrow)]
    outcome: Option<Cow<'a, str>>,
    #[serde(borrow)]
    keeper: Option<Cow<'a, str>>,
    xg: Option<f32>,
    #[serde(borrow)]
    reason: Option<Cow<'a, str>>,
    #[serde(borrow)]
    player_in: Option<Cow<'a, str>>,
    #[serde(borrow)]
    player_out: Option<Cow<'a, str>>,
    #[serde(borrow)]
    decision: Option<Cow<'a, str>>,
    #[serde(borrow)]
    overturns: Option<Cow<'a, str>>,
    #[serde(borrow)]
    action: Option<Cow<'a, str>>,
    end_location: Option<RawPoint>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub(super) enum RawGoalMethod {
    OpenPlay,
    Header,
    Penalty,
    FreeKick,
    OwnGoal,
}

impl From<RawGoalMethod> for GoalMethod {
    fn from(m: RawGoalMethod) -> Self {
        match m {
            RawGoalMethod::OpenPlay => GoalMethod::OpenPlay,
            RawGoalMethod::Header => GoalMethod::Header,
            RawGoalMethod::Penalty => GoalMethod::Penalty,
            RawGoalMethod::FreeKick => GoalMethod::FreeKick,
            RawGoalMethod::OwnGoal => GoalMethod::OwnGoal,
        }
    }
}
