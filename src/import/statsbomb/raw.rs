//! StatsBomb JSON as it is read: only the fields touchline uses, borrowed
//! from the file's text where possible, and tolerant of wrong types.
//!
//! Real event files are messy, and one bad field must cost that field, not
//! the whole match. serde's derived structs stop at the first value of the
//! wrong type, and serde_json cannot resume after an error, so every field
//! here is a [`Field`]: it looks at the JSON type first and keeps the value
//! only when the type fits, skipping anything else with [`IgnoredAny`]
//! (which serde_json scans without building anything). Fields that are not
//! listed are skipped the same way, so the whole file is read in one pass
//! with no `serde_json::Value` and no second parse.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A field as found: absent (or `null`), present with a type that does not
/// fit, or a usable value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// Not in the object, or `null`.
    #[default]
    Absent,
    /// Present with a JSON type that does not fit; its value was skipped.
    Wrong,
    /// Present and usable.
    Value(T),
}

impl<T> Field<T> {
    /// The value, if usable.
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the field held a value of the wrong type.
    pub fn is_wrong(&self) -> bool {
        matches!(self, Field::Wrong)
    }
}

impl<T: Copy> Field<T> {
    /// The value, if usable, by copy.
    pub fn copied(&self) -> Option<T> {
        self.get().copied()
    }
}

impl Field<Cow<'_, str>> {
    /// The text, if usable.
    pub fn str(&self) -> Option<&str> {
        self.get().map(|s| &**s)
    }
}

/// A type that can be built from some JSON types and refuses the others
/// (by returning `None`, never an error).
pub trait Lenient<'de>: Sized {
    /// From a string.
    fn from_str(_: Cow<'de, str>) -> Option<Self> {
        None
    }
    /// From a non-negative integer.
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    /// From a negative integer.
    fn from_i64(_: i64) -> Option<Self> {
        None
    }
    /// From a number with a fraction or exponent.
    fn from_f64(_: f64) -> Option<Self> {
        None
    }
    /// From `true` or `false`.
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    /// From an object; the default skips it.
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    /// From an array; the default skips it.
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl<'de, T: Lenient<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor(PhantomData))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

fn fits<T>(value: Option<T>) -> Field<T> {
    value.map_or(Field::Wrong, Field::Value)
}

impl<'de, T: Lenient<'de>> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Absent)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Field::deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(fits(T::from_bool(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(fits(T::from_u64(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(fits(T::from_i64(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(fits(T::from_f64(v)))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(fits(T::from_str(Cow::Borrowed(v))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        // Only strings with escapes get here; they are rare in these files.
        Ok(fits(T::from_str(Cow::Owned(v.to_owned()))))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(fits(T::from_str(Cow::Owned(v))))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map).map(fits)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq).map(fits)
    }
}

impl<'de: 'a, 'a> Lenient<'de> for Cow<'a, str> {
    fn from_str(s: Cow<'de, str>) -> Option<Self> {
        Some(s)
    }
}

/// Integers: ids, periods, minutes. A float with no fraction is accepted.
impl Lenient<'_> for i64 {
    fn from_u64(v: u64) -> Option<Self> {
        i64::try_from(v).ok()
    }
    fn from_i64(v: i64) -> Option<Self> {
        Some(v)
    }
    fn from_f64(v: f64) -> Option<Self> {
        // The range check keeps the cast exact.
        (v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
    }
}

impl Lenient<'_> for f64 {
    fn from_u64(v: u64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_i64(v: i64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_f64(v: f64) -> Option<Self> {
        v.is_finite().then_some(v)
    }
}

impl Lenient<'_> for bool {
    fn from_bool(v: bool) -> Option<Self> {
        Some(v)
    }
}

impl<'de, T: Lenient<'de>> Lenient<'de> for Box<T> {
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        Ok(T::from_map(map)?.map(Box::new))
    }
}

/// A list keeps its usable elements and drops the rest.
impl<'de, T: Lenient<'de>> Lenient<'de> for Vec<T> {
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Field<T>>()? {
            if let Field::Value(item) = item {
                items.push(item);
            }
        }
        Ok(Some(items))
    }
}

/// `[x, y]` or `[x, y, z]` on StatsBomb's 120 x 80 pitch; the height of a
/// shot's end is not used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coords {
    /// Along the pitch, 0 to 120 towards the goal the team attacks.
    pub x: f64,
    /// Across the pitch, 0 to 80.
    pub y: f64,
}

impl<'de> Lenient<'de> for Coords {
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut values = [None; 2];
        let mut i = 0;
        while let Some(v) = seq.next_element::<Field<f64>>()? {
            if let Some(slot) = values.get_mut(i) {
                *slot = v.copied();
            }
            i += 1;
        }
        Ok(match values {
            [Some(x), Some(y)] => Some(Coords { x, y }),
            _ => None,
        })
    }
}

/// An object key, borrowed when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Declares a struct of [`Field`]s read from a JSON object: listed keys
/// fill their field (a repeated key keeps its last value, where derived
/// structs would fail), other keys are skipped unbuilt.
macro_rules! lenient_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(<$lt:lifetime>)? {
            $( $(#[$fmeta:meta])* $key:literal => $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name $(<$lt>)? {
            $( $(#[$fmeta])* pub $field: Field<$ty>, )*
        }

        impl<'de $(: $lt, $lt)?> Lenient<'de> for $name $(<$lt>)? {
            fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
                let mut out = Self::default();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match &*key.0 {
                        $( $key => out.$field = map.next_value()?, )*
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Some(out))
            }
        }
    };
}

lenient_object! {
    /// One StatsBomb event, with the fields the importer reads.
    pub struct Event<'a> {
        /// The event's UUID.
        "id" => id: Cow<'a, str>,
        /// Order in the file, from 1.
        "index" => index: i64,
        /// 1 and 2 are the halves, 3 and 4 extra time, 5 the shoot-out.
        "period" => period: i64,
        /// Time since the period began, "HH:MM:SS.mmm".
        "timestamp" => timestamp: Cow<'a, str>,
        /// Elapsed match minutes.
        "minute" => minute: i64,
        /// Seconds within the elapsed minute.
        "second" => second: i64,
        /// The event type, such as "Pass".
        "type" => kind: Named<'a>,
        /// The team that acted.
        "team" => team: Named<'a>,
        /// The player who acted.
        "player" => player: Named<'a>,
        /// Where, in the acting team's direction of play.
        "location" => location: Coords,
        /// How long the action lasted, in seconds.
        "duration" => duration: f64,
        /// The team in control of the passage of play (StatsBomb's
        /// possession) the event belongs to.
        "possession_team" => possession_team: Named<'a>,
        /// The team sheet of a "Starting XI" event.
        "tactics" => tactics: Box<Tactics<'a>>,
        /// Pass details: where and how it ended, and its kind.
        "pass" => pass: Pass<'a>,
        /// Carry details: only where it ended.
        "carry" => carry: EndOnly,
        /// Shot details.
        "shot" => shot: Box<Shot<'a>>,
        /// Foul details: card and penalty.
        "foul_committed" => foul_committed: Foul<'a>,
        /// The fouled side's view: was it a penalty.
        "foul_won" => foul_won: FoulWon,
        /// Cards for behaviour off the ball.
        "bad_behaviour" => bad_behaviour: Booking<'a>,
        /// Who came on.
        "substitution" => substitution: Substitution<'a>,
    }
}

lenient_object! {
    /// A `{"id": …, "name": …}` pair: types, teams, players, outcomes.
    pub struct Named<'a> {
        /// Numeric id.
        "id" => id: i64,
        /// Name.
        "name" => name: Cow<'a, str>,
    }
}

impl Named<'_> {
    /// The name, if usable.
    pub fn name(&self) -> Option<&str> {
        self.name.str()
    }
}

lenient_object! {
    /// Details that only matter for where the action ended.
    pub struct EndOnly {
        /// Where the ball ended up.
        "end_location" => end_location: Coords,
    }
}

lenient_object! {
    /// A pass.
    pub struct Pass<'a> {
        /// Where the ball ended up.
        "end_location" => end_location: Coords,
        /// Absent when the pass reached a team-mate; "Incomplete", "Out",
        /// "Pass Offside"… otherwise.
        "outcome" => outcome: Named<'a>,
        /// "Corner", "Free Kick", "Throw-in"…; absent for ordinary passes.
        "type" => kind: Named<'a>,
    }
}

lenient_object! {
    /// A shot.
    pub struct Shot<'a> {
        /// StatsBomb's expected-goals value.
        "statsbomb_xg" => xg: f64,
        /// "Goal", "Saved", "Off T"…
        "outcome" => outcome: Named<'a>,
        /// "Open Play", "Penalty", "Free Kick"…
        "type" => kind: Named<'a>,
        /// "Head", "Left Foot"…
        "body_part" => body_part: Named<'a>,
        /// The pass that set it up.
        "key_pass_id" => key_pass_id: Cow<'a, str>,
        /// Where it ended.
        "end_location" => end_location: Coords,
    }
}

lenient_object! {
    /// A foul.
    pub struct Foul<'a> {
        /// The card shown, if any.
        "card" => card: Named<'a>,
        /// Whether it gave a penalty.
        "penalty" => penalty: bool,
        /// "Dangerous Play", "Handball"…
        "type" => kind: Named<'a>,
    }
}

lenient_object! {
    /// A foul suffered.
    pub struct FoulWon {
        /// Whether it gave a penalty.
        "penalty" => penalty: bool,
    }
}

lenient_object! {
    /// A card shown for behaviour.
    pub struct Booking<'a> {
        /// The card.
        "card" => card: Named<'a>,
    }
}

lenient_object! {
    /// A substitution.
    pub struct Substitution<'a> {
        /// The player coming on.
        "replacement" => replacement: Named<'a>,
    }
}

lenient_object! {
    /// A formation and who plays where.
    pub struct Tactics<'a> {
        /// The eleven.
        "lineup" => lineup: Vec<TacticsEntry<'a>>,
    }
}

lenient_object! {
    /// One player of a formation.
    pub struct TacticsEntry<'a> {
        /// Who.
        "player" => player: Named<'a>,
        /// Where, such as "Left Center Back".
        "position" => position: Named<'a>,
        /// Shirt number.
        "jersey_number" => jersey_number: i64,
    }
}

lenient_object! {
    /// One team in a lineups file.
    pub struct LineupTeam<'a> {
        /// Team id, as in the events.
        "team_id" => team_id: i64,
        /// Team name.
        "team_name" => team_name: Cow<'a, str>,
        /// The squad.
        "lineup" => lineup: Vec<LineupPlayer<'a>>,
    }
}

lenient_object! {
    /// One player in a lineups file.
    pub struct LineupPlayer<'a> {
        /// Player id, as in the events.
        "player_id" => player_id: i64,
        /// Full name.
        "player_name" => player_name: Cow<'a, str>,
        /// The name fans know, when it differs.
        "player_nickname" => player_nickname: Cow<'a, str>,
        /// Shirt number.
        "jersey_number" => jersey_number: i64,
        /// Positions played (newer files).
        "positions" => positions: Vec<LineupPosition<'a>>,
    }
}

lenient_object! {
    /// A stint in one position (newer lineups files).
    pub struct LineupPosition<'a> {
        /// Such as "Left Center Back".
        "position" => position: Cow<'a, str>,
        /// Such as "Starting XI" or "Substitution - On (Tactical)".
        "start_reason" => start_reason: Cow<'a, str>,
    }
}

/// The top of a file: an array whose elements are kept when they are
/// objects and counted when they are not.
pub struct Array<T> {
    /// The usable elements, with their position in the array.
    pub items: Vec<(usize, T)>,
    /// Elements that were not objects: how many, and the first one's
    /// position.
    pub not_objects: (usize, Option<usize>),
}

impl<'de, T: Lenient<'de>> Deserialize<'de> for Array<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ArrayVisitor<T>(PhantomData<T>);
        impl<'de, T: Lenient<'de>> Visitor<'de> for ArrayVisitor<T> {
            type Value = Array<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON array of objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                // Real files hold about 4,000 events; the hint is capped so a
                // hostile hint cannot reserve much.
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(8192));
                let mut not_objects = (0, None);
                let mut i = 0;
                while let Some(item) = seq.next_element::<Field<T>>()? {
                    match item {
                        Field::Value(v) => items.push((i, v)),
                        _ => {
                            not_objects.0 += 1;
                            not_objects.1.get_or_insert(i);
                        }
                    }
                    i += 1;
                }
                Ok(Array { items, not_objects })
            }
        }
        deserializer.deserialize_seq(ArrayVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Event<'_> {
        let array: Array<Event<'_>> = serde_json::from_str(json).expect("parses");
        array.items.into_iter().next().expect("one event").1
    }

    #[test]
    fn wrong_types_cost_only_their_field() {
        let e = event(
            r#"[{"period": "two", "minute": 12.0, "second": -1, "type": "Pass",
                 "team": {"id": "x", "name": "Reds"}, "location": [1, "y"],
                 "shot": {"statsbomb_xg": 0.25, "outcome": ["Goal"]}}]"#,
        );
        assert!(e.period.is_wrong());
        assert_eq!(e.minute.copied(), Some(12));
        assert_eq!(e.second.copied(), Some(-1));
        assert!(e.kind.is_wrong());
        let team = e.team.get().expect("team");
        assert!(team.id.is_wrong());
        assert_eq!(team.name(), Some("Reds"));
        assert!(e.location.is_wrong());
        let shot = e.shot.get().expect("shot");
        assert_eq!(shot.xg.copied(), Some(0.25));
        assert!(shot.outcome.is_wrong());
    }

    #[test]
    fn null_is_absent_and_unknown_fields_are_skipped() {
        let e = event(
            r#"[{"player": null, "extra": {"deep": [[[{"a": [1, {"b": null}]}]]]},
                 "location": [120, 80, 2.5], "index": 7}]"#,
        );
        assert_eq!(e.player, Field::Absent);
        assert_eq!(e.location.copied(), Some(Coords { x: 120.0, y: 80.0 }));
        assert_eq!(e.index.copied(), Some(7));
    }

    #[test]
    fn strings_borrow_unless_escaped_and_repeated_keys_keep_the_last() {
        let e = event(r#"[{"id": "plain", "timestamp": "a\"b", "minute": 1, "minute": 2}]"#);
        assert!(matches!(e.id.get(), Some(Cow::Borrowed("plain"))));
        assert_eq!(e.timestamp.str(), Some("a\"b"));
        assert_eq!(e.minute.copied(), Some(2));
    }

    #[test]
    fn non_objects_in_the_array_are_counted() {
        let array: Array<Event<'_>> =
            serde_json::from_str(r#"[1, {"index": 2}, "x", null, [3]]"#).expect("parses");
        assert_eq!(array.items.len(), 1);
        assert_eq!(array.items[0].0, 1);
        assert_eq!(array.not_objects, (4, Some(0)));
    }

    #[test]
    fn a_top_level_object_is_refused() {
        assert!(serde_json::from_str::<Array<Event<'_>>>("{}").is_err());
    }
}
