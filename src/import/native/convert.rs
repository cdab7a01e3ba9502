//! From the file's raw types to the model. One table, [`KINDS`], says for
//! every kind of event the fields it needs, the extra fields it reads, the
//! periods it may happen in and how it becomes a [`Detail`]; the checks on
//! each event and the conversion both read it, so a new kind is one entry.

use std::borrow::Cow;

use super::parse_at;
use super::raw::{RawEvent, RawInfo, RawTeam};
use crate::import::diagnostic::{Diagnostic, LoadError, Source};
use crate::import::intern::Interner;
use crate::model::{
    Card, Detail, Event, FinalResult, GoalMethod, KickOutcome, MatchInfo, Period, Player, Quote,
    ShotOutcome, Team, Text,
};
use crate::text::{sanitize_line, sanitize_owned};

/// A field that some kinds of event need or read. The fields any event
/// may carry (`id`, `kind`, `clock`, `period`, `text`, `quotes`,
/// `location`) are not among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Team,
    Player,
    Method,
    Assist,
    Fouled,
    Fouler,
    Outcome,
    Keeper,
    Xg,
    Reason,
    PlayerIn,
    PlayerOut,
    Decision,
    Overturns,
    Action,
    EndLocation,
}

impl Field {
    /// The fields beyond `team` and `player`, in the order `validate`
    /// reports the ones a kind does not use.
    pub(super) const EXTRAS: [Field; 14] = [
        Field::Method,
        Field::Assist,
        Field::Fouled,
        Field::Fouler,
        Field::Outcome,
        Field::Keeper,
        Field::Xg,
        Field::Reason,
        Field::PlayerIn,
        Field::PlayerOut,
        Field::Decision,
        Field::Overturns,
        Field::Action,
        Field::EndLocation,
    ];

    /// Its name in the file.
    pub(super) const fn name(self) -> &'static str {
        match self {
            Field::Team => "team",
            Field::Player => "player",
            Field::Method => "method",
            Field::Assist => "assist",
            Field::Fouled => "fouled",
            Field::Fouler => "fouler",
            Field::Outcome => "outcome",
            Field::Keeper => "keeper",
            Field::Xg => "xg",
            Field::Reason => "reason",
            Field::PlayerIn => "player_in",
            Field::PlayerOut => "player_out",
            Field::Decision => "decision",
            Field::Overturns => "overturns",
            Field::Action => "action",
            Field::EndLocation => "end_location",
        }
    }

    /// What the field holds, for the message when a kind needs it and it
    /// is missing.
    const fn expected(self) -> &'static str {
        match self {
            Field::Team => "\"home\" or \"away\"",
            Field::Player => "the player's name",
            Field::Method => "how the goal was scored",
            Field::Assist | Field::Fouled | Field::Fouler | Field::Keeper => "a player's name",
            Field::PlayerIn => "the name of the player coming on",
            Field::PlayerOut => "the name of the player going off",
            Field::Outcome => "what became of the shot",
            Field::Xg => "a number from 0 to 1",
            Field::Reason => "why the card was shown",
            Field::Decision => "the decision in words",
            Field::Overturns => "the id of an earlier event",
            Field::Action => "the action in words",
            Field::EndLocation => "[x, y] with each from 0 to 100",
        }
    }

    /// Whether `raw` has it.
    pub(super) fn is_in(self, raw: &RawEvent<'_>) -> bool {
        match self {
            Field::Team => raw.team.is_some(),
            Field::Player => raw.player.is_some(),
            Field::Method => raw.method.is_some(),
            Field::Assist => raw.assist.is_some(),
            Field::Fouled => raw.fouled.is_some(),
            Field::Fouler => raw.fouler.is_some(),
            Field::Outcome => raw.outcome.is_some(),
            Field::Keeper => raw.keeper.is_some(),
            Field::Xg => raw.xg.is_some(),
            Field::Reason => raw.reason.is_some(),
            Field::PlayerIn => raw.player_in.is_some(),
            Field::PlayerOut => raw.player_out.is_some(),
            Field::Decision => raw.decision.is_some(),
            Field::Overturns => raw.overturns.is_some(),
            Field::Action => raw.action.is_some(),
            Field::EndLocation => raw.end_location.is_some(),
        }
    }
}

/// The periods a kind of event may happen in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Periods {
    /// Any; without a `period`, the one its clock falls in.
    Any,
    /// Any but the shoot-out, which has kicks of its own.
    NotShootout,
    /// The shoot-out only, which is also the default.
    Shootout,
}

/// One kind of event: a row of the spec's table of kinds.
pub(super) struct Kind {
    /// The `kind` string of the file.
    pub name: &'static str,
    /// Fields without which an event of this kind is refused.
    pub required: &'static [Field],
    /// Other fields it reads when they are there (its `detail` may still
    /// refuse a value, or its absence: a shoot-out kick has an outcome);
    /// any other field of [`Field::EXTRAS`] is reported by `validate`.
    pub extras: &'static [Field],
    /// When it may happen.
    pub periods: Periods,
    /// Its detail, from the event's fields.
    detail: fn(&RawEvent<'_>, &mut Interner) -> Result<Detail, Refusal>,
}

/// Why an event is refused; it displays as the message, `kind` being the
/// file's `kind` (sanitised).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(super) enum Refusal {
    /// Its kind needs a field it lacks.
    #[error("{kind} event has no \"{}\", expected {}", field.name(), field.expected())]
    Missing { kind: String, field: Field },
    /// Neither a clock nor a period.
    #[error("{kind} event has no \"clock\", expected a minute like \"17\" or \"45+2\"")]
    NoClock { kind: String },
    /// A period but no clock, outside the shoot-out.
    #[error(
        "{kind} event has no \"clock\", expected a minute like \"17\" or \"45+2\" (only shoot-out events may leave it out)"
    )]
    NoClockInPlay { kind: String },
    /// A kind of open play in the shoot-out.
    #[error("{kind} event in the shoot-out, expected \"shootout_kick\" for shoot-out penalties")]
    InShootout { kind: String },
    /// A shoot-out kick in another period.
    #[error("{kind} in period {period}, expected period \"PSO\"")]
    OutsideShootout { kind: String, period: Period },
    /// A shot's outcome that is not one of `choices`.
    #[error("unknown outcome \"{value}\" for {kind}, expected {choices}")]
    ShotOutcome {
        kind: String,
        value: String,
        choices: &'static str,
    },
    /// A shoot-out kick's outcome missing or not one of the three.
    #[error(
        "shootout_kick outcome {}, expected \"scored\", \"saved\" or \"missed\"",
        value.as_ref().map_or("missing".to_owned(), |v| format!("\"{v}\""))
    )]
    KickOutcome { value: Option<String> },
}

/// Every kind the match file knows. An unknown kind loads as a note, with
/// a warning; files from newer versions still open.
pub(super) const KINDS: &[Kind] = &[
    Kind {
        name: "play",
        required: &[],
        extras: &[Field::Action, Field::EndLocation],
        periods: Periods::Any,
        detail: |raw, names| {
            Ok(Detail::Play {
                action: name(names, &raw.action),
                end_location: raw.end_location.map(|p| p.0),
            })
        },
    },
    Kind {
        name: "period_start",
        required: &[],
        extras: &[],
        periods: Periods::Any,
        detail: |_, _| Ok(Detail::PeriodStart),
    },
    Kind {
        name: "period_end",
        required: &[],
        extras: &[],
        periods: Periods::Any,
        detail: |_, _| Ok(Detail::PeriodEnd),
    },
    Kind {
        name: "goal",
        required: &[Field::Team, Field::Player],
        extras: &[Field::Method, Field::Assist, Field::Xg],
        periods: Periods::NotShootout,
        detail: |raw, names| {
            Ok(Detail::Goal {
                method: raw.method.map(GoalMethod::from).unwrap_or_default(),
                assist: name(names, &raw.assist),
                xg: raw.xg,
            })
        },
    },
    Kind {
        name: "penalty_awarded",
        required: &[Field::Team],
        extras: &[Field::Fouled, Field::Fouler],
        periods: Periods::Any,
        detail: |raw, names| {
            Ok(Detail::PenaltyAwarded {
                fouled: name(names, &raw.fouled),
                fouler: name(names, &raw.fouler),
            })
        },
    },
    Kind {
        name: "penalty_miss",
        required: &[Field::Team, Field::Player],
        extras: &[Field::Outcome, Field::Keeper, Field::Xg],
        periods: Periods::NotShootout,
        detail: |raw, names| {
            Ok(Detail::PenaltyMiss {
                outcome: shot_outcome(raw, false)?,
                keeper: name(names, &raw.keeper),
                xg: raw.xg,
            })
        },
    },
    Kind {
        name: "chance",
        required: &[Field::Team],
        extras: &[Field::Outcome, Field::Xg],
        periods: Periods::Any,
        detail: |raw, _| {
            Ok(Detail::Chance {
                outcome: shot_outcome(raw, true)?,
                xg: raw.xg,
            })
        },
    },
    Kind {
        name: "yellow_card",
        required: &[Field::Team, Field::Player],
        extras: &[Field::Reason],
        periods: Periods::Any,
        detail: |raw, names| Ok(card(Card::Yellow, raw, names)),
    },
    Kind {
        name: "second_yellow",
        required: &[Field::Team, Field::Player],
        extras: &[Field::Reason],
        periods: Periods::Any,
        detail: |raw, names| Ok(card(Card::SecondYellow, raw, names)),
    },
    Kind {
        name: "red_card",
        required: &[Field::Team, Field::Player],
        extras: &[Field::Reason],
        periods: Periods::Any,
        detail: |raw, names| Ok(card(Card::Red, raw, names)),
    },
    Kind {
        name: "substitution",
        required: &[Field::Team],
        extras: &[Field::PlayerIn, Field::PlayerOut],
        periods: Periods::Any,
        detail: |raw, names| {
            Ok(Detail::Substitution {
                player_in: name(names, &raw.player_in),
                player_out: name(names, &raw.player_out),
            })
        },
    },
    Kind {
        name: "var",
        required: &[],
        extras: &[Field::Decision, Field::Overturns],
        periods: Periods::Any,
        detail: |raw, _| {
            Ok(Detail::Var {
                decision: raw.decision.as_deref().map(Interner::prose),
                overturns: raw.overturns.as_deref().map(identifier),
            })
        },
    },
    Kind {
        name: "foul",
        required: &[Field::Team],
        extras: &[Field::Fouled],
        periods: Periods::Any,
        detail: |raw, names| {
            Ok(Detail::Foul {
                fouled: name(names, &raw.fouled),
            })
        },
    },
    Kind {
        name: "shootout_kick",
        required: &[Field::Team, Field::Player],
        extras: &[Field::Outcome],
        periods: Periods::Shootout,
        detail: |raw, _| {
            let outcome = match raw.outcome.as_deref() {
                Some("scored") => KickOutcome::Scored,
                Some("saved") => KickOutcome::Saved,
                Some("missed") => KickOutcome::Missed,
                other => {
                    return Err(Refusal::KickOutcome {
                        value: other.map(|o| sanitize_line(o).into_owned()),
                    });
                }
            };
            Ok(Detail::ShootoutKick { outcome })
        },
    },
    Kind {
        name: "note",
        required: &[],
        extras: &[],
        periods: Periods::Any,
        detail: |_, _| Ok(Detail::Note { unknown_kind: None }),
    },
];

impl Kind {
    /// The kind a file's `kind` names, if this version knows it.
    pub(super) fn named(name: &str) -> Option<&'static Kind> {
        KINDS.iter().find(|kind| kind.name == name)
    }
}

/// The kind of a card, with its reason.
fn card(card: Card, raw: &RawEvent<'_>, names: &mut Interner) -> Detail {
    Detail::Card {
        card,
        reason: name(names, &raw.reason),
    }
}

/// A shot's `outcome`; `allow_blocked` for an open-play chance, which a
/// defender can block and a penalty cannot.
fn shot_outcome(raw: &RawEvent<'_>, allow_blocked: bool) -> Result<Option<ShotOutcome>, Refusal> {
    raw.outcome
        .as_deref()
        .map(|o| match o {
            "saved" => Ok(ShotOutcome::Saved),
            "off_target" => Ok(ShotOutcome::OffTarget),
            "woodwork" => Ok(ShotOutcome::Woodwork),
            "blocked" if allow_blocked => Ok(ShotOutcome::Blocked),
            other => Err(Refusal::ShotOutcome {
                kind: sanitize_line(&raw.kind).into_owned(),
                value: sanitize_line(other).into_owned(),
                choices: if allow_blocked {
                    "\"saved\", \"off_target\", \"woodwork\" or \"blocked\""
                } else {
                    "\"saved\", \"off_target\" or \"woodwork\""
                },
            }),
        })
        .transpose()
}

/// A name the file gives, interned.
fn name(names: &mut Interner, value: &Option<Cow<'_, str>>) -> Option<Text> {
    value.as_deref().map(|s| names.name(s))
}

/// Converts one event, refusing what its kind cannot be without and
/// warning (into `warnings`) about what it does not use; `at` makes a
/// message a diagnostic, which the caller places.
pub(super) fn convert_event(
    raw: RawEvent<'_>,
    names: &mut Interner,
    at: impl Fn(String) -> Diagnostic,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Event, Diagnostic> {
    let kind = Kind::named(&raw.kind);
    let fail = |refusal: Refusal| at(refusal.to_string());
    let shown_kind = sanitize_line(&raw.kind);
    let (required, extras, periods) = kind.map_or((&[][..], &[][..], Periods::Any), |k| {
        (k.required, k.extras, k.periods)
    });
    if let Some(&field) = required.iter().find(|field| !field.is_in(&raw)) {
        let kind = shown_kind.into_owned();
        return Err(fail(Refusal::Missing { kind, field }));
    }
    let period = match (raw.period, raw.clock, periods) {
        (Some(p), _, _) => p,
        (None, _, Periods::Shootout) => Period::Shootout,
        (None, Some(c), _) => c.default_period(),
        (None, None, _) => {
            let kind = shown_kind.into_owned();
            return Err(fail(Refusal::NoClock { kind }));
        }
    };
    if raw.clock.is_none() && period != Period::Shootout {
        let kind = shown_kind.into_owned();
        return Err(fail(Refusal::NoClockInPlay { kind }));
    }
    match periods {
        Periods::NotShootout if period == Period::Shootout => {
            let kind = shown_kind.into_owned();
            return Err(fail(Refusal::InShootout { kind }));
        }
        Periods::Shootout if period != Period::Shootout => {
            let kind = shown_kind.into_owned();
            return Err(fail(Refusal::OutsideShootout { kind, period }));
        }
        _ => {}
    }
    for field in Field::EXTRAS {
        if field.is_in(&raw) && !extras.contains(&field) {
            warnings.push(at(format!(
                "field \"{}\" is not used by a {shown_kind} event and is ignored",
                field.name()
            )));
        }
    }

    let detail = match kind {
        Some(kind) => (kind.detail)(&raw, names).map_err(fail)?,
        None => {
            warnings.push(at(format!("unknown kind \"{shown_kind}\" loads as a note")));
            Detail::Note {
                unknown_kind: Some(names.name(&raw.kind)),
            }
        }
    };
    Ok(Event {
        id: raw.id.as_deref().map(identifier),
        period,
        clock: raw.clock,
        team: raw.team,
        player: name(names, &raw.player),
        text: raw.text.as_deref().map(Interner::prose),
        quotes: raw
            .quotes
            .into_iter()
            .map(|q| Quote {
                speaker: line(q.speaker),
                role: q.role.map(line),
                text: prose(q.text),
                source: q.source.map(line),
            })
            .collect(),
        location: raw.location.map(|p| p.0),
        possession: raw.possession.map(|p| p.0),
        detail,
    })
}

/// The `match` object as the model has it; a declared result is read with
/// its position, for the errors.
pub(super) fn convert_info(
    src: Source<'_>,
    raw: RawInfo<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<MatchInfo, LoadError> {
    let result = match raw.result {
        Some(r) => Some(parse_at::<FinalResult>(src, r.get(), warnings)?),
        None => None,
    };
    let team = |t: RawTeam| Team {
        name: line(t.name),
        code: t.code.map(line),
        color: t.color,
        manager: t.manager.map(line),
        players: t
            .players
            .into_iter()
            .map(|p| Player {
                number: p.number,
                name: line(p.name),
                position: p.position.map(line),
                starter: p.starter,
            })
            .collect(),
    };
    Ok(MatchInfo {
        competition: raw.competition.map(line),
        stage: raw.stage.map(line),
        venue: raw.venue.map(line),
        kickoff: raw.kickoff,
        referee: raw.referee.map(line),
        attendance: raw.attendance,
        home: team(raw.home),
        away: team(raw.away),
        result,
        source: raw.source.map(line),
    })
}

fn line(text: String) -> String {
    sanitize_owned(text, false)
}

/// Ids are never drawn, but `convert` writes them out, so they pass the
/// sanitiser like names; an id and the `overturns` naming it change alike
/// and still match.
fn identifier(id: &str) -> Text {
    Text::from(&*sanitize_line(id))
}

fn prose(text: String) -> String {
    sanitize_owned(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// A value the file may give `field`, good for every kind that reads it.
    fn sample(field: Field) -> Value {
        match field {
            Field::Team => json!("home"),
            Field::Method => json!("header"),
            Field::Outcome => json!("saved"),
            Field::Xg => json!(0.25),
            Field::Overturns => json!("first"),
            Field::EndLocation => json!([50.0, 25.0]),
            other => json!(format!("Sample {}", other.name())),
        }
    }

    /// A match file whose second event is `event`; the first, with id
    /// "first", is there for a review to overturn.
    fn file_with(event: Value) -> String {
        json!({
            "match": {"home": {"name": "Home"}, "away": {"name": "Away"}},
            "events": [{"id": "first", "kind": "note", "clock": "1"}, event],
        })
        .to_string()
    }

    /// An event of `kind` with every field it needs and `fields`.
    fn event_of(kind: &Kind, fields: &[Field]) -> Value {
        let mut event = json!({"kind": kind.name});
        if kind.periods == Periods::Shootout {
            event["period"] = json!("PSO");
        } else {
            event["clock"] = json!("2");
        }
        for &field in kind.required.iter().chain(fields) {
            event[field.name()] = sample(field);
        }
        event
    }

    fn load(text: &str) -> Result<crate::import::Loaded, LoadError> {
        crate::import::parse_bytes("m.json", text.as_bytes())
    }

    #[test]
    fn every_kind_in_the_table_round_trips_with_every_field_it_reads() {
        let mut names: Vec<&str> = KINDS.iter().map(|kind| kind.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len(), "a kind is listed twice");
        for kind in KINDS {
            let loaded = load(&file_with(event_of(kind, kind.extras)))
                .unwrap_or_else(|e| panic!("{}: {e}", kind.name));
            assert_eq!(loaded.warnings, [], "{}", kind.name);
            let event = &loaded.game.events[1];
            assert_eq!(event.detail.kind_name(), kind.name);

            let written = loaded.game.to_json_pretty();
            let value: Value = serde_json::from_str(&written).expect("the writer writes JSON");
            for field in kind.required.iter().chain(kind.extras) {
                assert_eq!(
                    value["events"][1][field.name()],
                    sample(*field),
                    "{} loses {}",
                    kind.name,
                    field.name()
                );
            }
            let again = load(&written).unwrap_or_else(|e| panic!("{}: {e}", kind.name));
            assert_eq!(again.game, loaded.game, "{}", kind.name);
        }
    }

    #[test]
    fn the_table_drives_the_checks_on_every_event() {
        for kind in KINDS {
            for &field in kind.required {
                let mut event = event_of(kind, &[]);
                event
                    .as_object_mut()
                    .expect("an object")
                    .remove(field.name());
                let error = load(&file_with(event)).expect_err(kind.name).to_string();
                assert!(
                    error.starts_with("m.json:1:")
                        && error.contains(&format!(
                            "{} event has no \"{}\", expected {}",
                            kind.name,
                            field.name(),
                            field.expected()
                        )),
                    "{error}"
                );
            }
            for field in Field::EXTRAS {
                let mut fields = kind.extras.to_vec();
                fields.push(field);
                let loaded = load(&file_with(event_of(kind, &fields)));
                let warned = format!(
                    "field \"{}\" is not used by a {} event and is ignored",
                    field.name(),
                    kind.name
                );
                let warnings: Vec<String> = loaded
                    .unwrap_or_else(|e| panic!("{} with {}: {e}", kind.name, field.name()))
                    .warnings
                    .into_iter()
                    .map(|w| w.message)
                    .collect();
                assert_eq!(
                    warnings.contains(&warned),
                    !kind.extras.contains(&field),
                    "{} with {}: {warnings:?}",
                    kind.name,
                    field.name()
                );
            }
            let mut elsewhere = event_of(kind, kind.extras);
            let other = match kind.periods {
                Periods::Shootout => "2H",
                Periods::NotShootout | Periods::Any => "PSO",
            };
            elsewhere["period"] = json!(other);
            elsewhere["clock"] = json!("50");
            let refused = load(&file_with(elsewhere)).is_err();
            assert_eq!(
                refused,
                kind.periods != Periods::Any,
                "{} in {other}",
                kind.name
            );
        }
    }

    #[test]
    fn an_unknown_kind_is_a_note_that_uses_no_extra_field() {
        let event = json!({"kind": "celebration", "clock": "3", "method": "header"});
        let loaded = load(&file_with(event)).expect("an unknown kind loads");
        let messages: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "field \"method\" is not used by a celebration event and is ignored",
                "unknown kind \"celebration\" loads as a note"
            ]
        );
        assert_eq!(loaded.game.events[1].detail.kind_name(), "celebration");
    }
}
