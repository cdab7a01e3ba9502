//! One moment of a match and what kind of moment it is.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{Clock, Period, Score, Side, Text};

/// A point on the pitch: `x` from the home side's goal line (0) to the away
/// side's (100), `y` from the top touchline (0) to the bottom one (100).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(into = "[f32; 2]")]
pub struct Point {
    /// Distance from the home goal line, 0 to 100.
    pub x: f32,
    /// Distance from the top touchline, 0 to 100.
    pub y: f32,
}

impl From<Point> for [f32; 2] {
    fn from(p: Point) -> Self {
        [p.x, p.y]
    }
}

/// Something a person said about a moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Who said it.
    pub speaker: String,
    /// Their role, such as "England manager".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The words, as said.
    pub text: String,
    /// Where it was said or reported, such as "ITV".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Which side had the ball during an event, and for how long the event
/// lasted: StatsBomb's `possession_team` and `duration`. The Stats view's
/// possession share is the time each side's possessions took, summed
/// over the events that make them up.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Possession {
    /// The side in possession (the one that started this passage of play in
    /// control of the ball), not necessarily the side that acted.
    pub team: Side,
    /// How long the event lasted, in seconds.
    pub seconds: f32,
}

/// How a goal was scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalMethod {
    /// From open play (the default).
    #[default]
    OpenPlay,
    /// With the head.
    Header,
    /// From the penalty spot.
    Penalty,
    /// Direct from a free kick.
    FreeKick,
    /// Put into their own net by a defender.
    OwnGoal,
}

impl GoalMethod {
    /// The suffix scorer lists put after the minute: `(pen)`, `(og)`.
    pub const fn suffix(self) -> Option<&'static str> {
        match self {
            GoalMethod::Penalty => Some("pen"),
            GoalMethod::OwnGoal => Some("og"),
            _ => None,
        }
    }
}

/// What happened to a shot that did not go in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShotOutcome {
    /// Stopped by the goalkeeper.
    Saved,
    /// Missed the target.
    OffTarget,
    /// Hit the post or the bar.
    Woodwork,
    /// Blocked by an outfield player (never for a penalty).
    Blocked,
}

/// How a shoot-out kick ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KickOutcome {
    /// In the net.
    Scored,
    /// Stopped by the goalkeeper.
    Saved,
    /// Wide, over or against the woodwork.
    Missed,
}

/// The colour of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Card {
    /// A caution.
    Yellow,
    /// A second caution, which sends the player off.
    SecondYellow,
    /// A straight red card.
    Red,
}

impl Card {
    /// Whether this card sends the player off.
    pub const fn sends_off(self) -> bool {
        !matches!(self, Card::Yellow)
    }
}

/// The kind of an event with the fields only that kind carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// A period begins (kick-off).
    PeriodStart,
    /// A period ends; the last one is full time.
    PeriodEnd,
    /// `team` scores one; for an own goal `player` is the opponent who put
    /// the ball in.
    Goal {
        /// How it went in.
        method: GoalMethod,
        /// Who made it.
        assist: Option<Text>,
        /// Expected-goals value of the shot, when the source has one.
        xg: Option<f32>,
    },
    /// A penalty is given to `team`.
    PenaltyAwarded {
        /// The player brought down.
        fouled: Option<Text>,
        /// The player who gave it away.
        fouler: Option<Text>,
    },
    /// A penalty that did not go in.
    PenaltyMiss {
        /// How it was missed.
        outcome: Option<ShotOutcome>,
        /// The goalkeeper who faced it.
        keeper: Option<Text>,
        /// Expected-goals value, when known.
        xg: Option<f32>,
    },
    /// A shot that did not go in.
    Chance {
        /// What happened to it.
        outcome: Option<ShotOutcome>,
        /// Expected-goals value, when known.
        xg: Option<f32>,
    },
    /// A card for `player`.
    Card {
        /// Which card.
        card: Card,
        /// Why it was shown.
        reason: Option<Text>,
    },
    /// `player_in` replaces `player_out`.
    Substitution {
        /// The player coming on.
        player_in: Option<Text>,
        /// The player going off.
        player_out: Option<Text>,
    },
    /// A video review.
    Var {
        /// What was decided, in words.
        decision: Option<Text>,
        /// The `id` of the event the review overturns.
        overturns: Option<Text>,
    },
    /// A foul that gave nothing more than a free kick.
    Foul {
        /// The player fouled.
        fouled: Option<Text>,
    },
    /// A kick in a penalty shoot-out.
    ShootoutKick {
        /// How it ended.
        outcome: KickOutcome,
    },
    /// A low-level action (pass, carry, pressure…), hidden by default.
    Play {
        /// The action's name, such as "Pass".
        action: Option<Text>,
        /// Where the action ended.
        end_location: Option<Point>,
    },
    /// The score as a source states it, without the goals that made it
    /// (a result known only as a score line): from this moment the score
    /// is `score` plus any goal after it, and the shoot-out tally
    /// `shootout` plus any kick after it.
    StatedScore {
        /// Both sides' goals.
        score: Score,
        /// The shoot-out tally, when the statement includes one.
        shootout: Option<Score>,
    },
    /// A moment with text only; also what unknown kinds load as.
    Note {
        /// The kind the file gave, when it was not one this version knows.
        unknown_kind: Option<Text>,
    },
}

impl Detail {
    /// The `kind` string the match file uses.
    pub fn kind_name(&self) -> &str {
        match self {
            Detail::PeriodStart => "period_start",
            Detail::PeriodEnd => "period_end",
            Detail::Goal { .. } => "goal",
            Detail::PenaltyAwarded { .. } => "penalty_awarded",
            Detail::PenaltyMiss { .. } => "penalty_miss",
            Detail::Chance { .. } => "chance",
            Detail::Card {
                card: Card::Yellow, ..
            } => "yellow_card",
            Detail::Card {
                card: Card::SecondYellow,
                ..
            } => "second_yellow",
            Detail::Card {
                card: Card::Red, ..
            } => "red_card",
            Detail::Substitution { .. } => "substitution",
            Detail::Var { .. } => "var",
            Detail::Foul { .. } => "foul",
            Detail::ShootoutKick { .. } => "shootout_kick",
            Detail::Play { .. } => "play",
            Detail::StatedScore { .. } => "stated_score",
            Detail::Note { unknown_kind } => unknown_kind.as_deref().unwrap_or("note"),
        }
    }

    /// Whether this is a shot at goal (goal, chance or missed penalty).
    /// Own goals are not shots.
    pub fn is_shot(&self) -> bool {
        match self {
            Detail::Goal { method, .. } => *method != GoalMethod::OwnGoal,
            Detail::Chance { .. } | Detail::PenaltyMiss { .. } => true,
            _ => false,
        }
    }

    /// Expected-goals value of a shot, when the source has one.
    pub fn xg(&self) -> Option<f32> {
        match self {
            Detail::Goal { xg, .. }
            | Detail::Chance { xg, .. }
            | Detail::PenaltyMiss { xg, .. } => *xg,
            _ => None,
        }
    }
}

/// One moment of a match.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Identifier other events refer to (`var.overturns`).
    pub id: Option<Text>,
    /// The period it belongs to (given by the file or derived from the clock).
    pub period: Period,
    /// When it happened; absent only in a shoot-out.
    pub clock: Option<Clock>,
    /// The side it is about.
    pub team: Option<Side>,
    /// The player it is about.
    pub player: Option<Text>,
    /// A line of commentary.
    pub text: Option<Text>,
    /// What people said about it.
    pub quotes: Vec<Quote>,
    /// Where on the pitch.
    pub location: Option<Point>,
    /// Who had the ball and for how long, when the source times its events.
    pub possession: Option<Possession>,
    /// The kind, with its own fields.
    pub detail: Detail,
}

impl Event {
    /// A bare event of `detail` at `clock`, in the clock's default period.
    pub fn new(clock: Clock, detail: Detail) -> Self {
        Self {
            id: None,
            period: clock.default_period(),
            clock: Some(clock),
            team: None,
            player: None,
            text: None,
            quotes: Vec::new(),
            location: None,
            possession: None,
            detail,
        }
    }

    /// Whether this is a key moment (everything but low-level plays).
    pub fn is_key(&self) -> bool {
        !matches!(self.detail, Detail::Play { .. })
    }

    /// The position used to keep events in match order: period, then clock.
    pub fn order_key(&self) -> (Period, Option<Clock>) {
        (self.period, self.clock)
    }
}

/// Writes the event back in match-file form, so `summary --json` and the
/// converters print exactly what a match file holds.
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        macro_rules! opt {
            ($key:literal, $value:expr) => {
                if let Some(v) = $value {
                    map.serialize_entry($key, v)?;
                }
            };
        }
        opt!("id", &self.id);
        map.serialize_entry("kind", self.detail.kind_name())?;
        opt!("clock", &self.clock);
        map.serialize_entry("period", &self.period)?;
        opt!("team", &self.team);
        opt!("player", &self.player);
        match &self.detail {
            Detail::Goal { method, assist, xg } => {
                map.serialize_entry("method", method)?;
                opt!("assist", assist);
                opt!("xg", xg);
            }
            Detail::PenaltyAwarded { fouled, fouler } => {
                opt!("fouled", fouled);
                opt!("fouler", fouler);
            }
            Detail::PenaltyMiss {
                outcome,
                keeper,
                xg,
            } => {
                opt!("outcome", outcome);
                opt!("keeper", keeper);
                opt!("xg", xg);
            }
            Detail::Chance { outcome, xg } => {
                opt!("outcome", outcome);
                opt!("xg", xg);
            }
            Detail::Card { reason, .. } => opt!("reason", reason),
            Detail::Substitution {
                player_in,
                player_out,
            } => {
                opt!("player_in", player_in);
                opt!("player_out", player_out);
            }
            Detail::Var {
                decision,
                overturns,
            } => {
                opt!("decision", decision);
                opt!("overturns", overturns);
            }
            Detail::Foul { fouled } => opt!("fouled", fouled),
            Detail::ShootoutKick { outcome } => map.serialize_entry("outcome", outcome)?,
            Detail::Play {
                action,
                end_location,
            } => {
                opt!("action", action);
                opt!("end_location", end_location);
            }
            Detail::StatedScore { score, shootout } => {
                map.serialize_entry("score", score)?;
                opt!("shootout", shootout);
            }
            Detail::PeriodStart | Detail::PeriodEnd | Detail::Note { .. } => {}
        }
        opt!("location", &self.location);
        opt!("possession", &self.possession);
        opt!("text", &self.text);
        if !self.quotes.is_empty() {
            map.serialize_entry("quotes", &self.quotes)?;
        }
        map.end()
    }
}
