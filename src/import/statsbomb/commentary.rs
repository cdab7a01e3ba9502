//! One line of commentary for each key moment, written from the data, so
//! an imported match reads like a match and the commentary panel is never
//! empty. Every name passed in is already sanitised.

use crate::model::{Card, GoalMethod, KickOutcome, Period, Phase, Score, ShotOutcome};

/// The two team names, home first, and the running score.
pub struct Scoreline<'a> {
    /// Home and away names.
    pub teams: [&'a str; 2],
    /// Goals so far.
    pub score: Score,
}

impl Scoreline<'_> {
    fn line(&self) -> String {
        format!(
            "{} {}-{} {}",
            self.teams[0], self.score.home, self.score.away, self.teams[1]
        )
    }
}

/// "Goal! Messi (Barcelona) scores with the left foot, set up by Suárez.
/// Barcelona 1-0 Alavés."
pub fn goal(
    scorer: &str,
    team: &str,
    method: GoalMethod,
    body_part: Option<&str>,
    assist: Option<&str>,
    now: &Scoreline<'_>,
) -> String {
    let how = match method {
        GoalMethod::Penalty => " from the penalty spot".to_owned(),
        GoalMethod::FreeKick => " straight from a free kick".to_owned(),
        GoalMethod::Header => " with a header".to_owned(),
        GoalMethod::OwnGoal => String::new(),
        GoalMethod::OpenPlay => match body_part {
            Some("Left Foot") => " with the left foot".to_owned(),
            Some("Right Foot") => " with the right foot".to_owned(),
            Some(other) if !other.is_empty() => format!(" ({})", other.to_lowercase()),
            _ => String::new(),
        },
    };
    let assist = assist.map_or(String::new(), |a| format!(", set up by {a}"));
    format!(
        "Goal! {scorer} ({team}) scores{how}{assist}. {}.",
        now.line()
    )
}

/// "Own goal: Demiral (Turkey) puts the ball past their own keeper.
/// Turkey 0-1 Italy."
pub fn own_goal(player: &str, team: Option<&str>, now: &Scoreline<'_>) -> String {
    let team = team.map_or(String::new(), |t| format!(" ({t})"));
    format!(
        "Own goal: {player}{team} puts the ball past their own keeper. {}.",
        now.line()
    )
}

/// "Stuani (Girona) shoots: saved. xG 0.15."
pub fn chance(
    player: Option<&str>,
    team: &str,
    outcome: Option<ShotOutcome>,
    xg: Option<f32>,
) -> String {
    let who = player.map_or_else(|| team.to_owned(), |p| format!("{p} ({team})"));
    let what = match outcome {
        Some(ShotOutcome::Saved) => "saved",
        Some(ShotOutcome::OffTarget) => "off target",
        Some(ShotOutcome::Woodwork) => "off the woodwork",
        Some(ShotOutcome::Blocked) => "blocked",
        None => "no goal",
    };
    let xg = xg.map_or(String::new(), |x| format!(" xG {x:.2}."));
    format!("{who} shoots: {what}.{xg}")
}

/// "Penalty to Girona: Lenglet fouls Stuani."
pub fn penalty_awarded(team: &str, fouler: Option<&str>, fouled: Option<&str>) -> String {
    match (fouler, fouled) {
        (Some(a), Some(b)) => format!("Penalty to {team}: {a} fouls {b}."),
        (Some(a), None) => format!("Penalty to {team}, conceded by {a}."),
        (None, Some(b)) => format!("Penalty to {team}: {b} is brought down."),
        (None, None) => format!("Penalty to {team}."),
    }
}

/// "Penalty missed: Kane (England) fails to score (saved by Lloris)."
pub fn penalty_miss(
    player: &str,
    team: &str,
    outcome: Option<ShotOutcome>,
    keeper: Option<&str>,
) -> String {
    let how = match (outcome, keeper) {
        (Some(ShotOutcome::Saved), Some(k)) => format!(": saved by {k}"),
        (Some(ShotOutcome::Saved), None) => ": saved".to_owned(),
        (Some(ShotOutcome::Woodwork), _) => ": off the woodwork".to_owned(),
        (Some(ShotOutcome::OffTarget), _) => ": off target".to_owned(),
        _ => String::new(),
    };
    format!("Penalty missed by {player} ({team}){how}.")
}

/// "Yellow card for Semedo (Barcelona)." / "Red card: Lenglet (Barcelona)
/// is sent off."
pub fn card(card: Card, player: &str, team: &str) -> String {
    match card {
        Card::Yellow => format!("Yellow card for {player} ({team})."),
        Card::SecondYellow => {
            format!("Second yellow card for {player} ({team}), who is sent off.")
        }
        Card::Red => format!("Red card: {player} ({team}) is sent off."),
    }
}

/// "Substitution for Italy: Di Lorenzo on, Florenzi off."
pub fn substitution(team: &str, player_in: Option<&str>, player_out: Option<&str>) -> String {
    match (player_in, player_out) {
        (Some(i), Some(o)) => format!("Substitution for {team}: {i} on, {o} off."),
        (Some(i), None) => format!("Substitution for {team}: {i} comes on."),
        (None, Some(o)) => format!("Substitution for {team}: {o} goes off."),
        (None, None) => format!("Substitution for {team}."),
    }
}

/// A period begins.
pub fn period_start(period: Period) -> String {
    match period {
        Period::First => "Kick-off.",
        Period::Second => "The second half begins.",
        Period::ExtraFirst => "Extra time begins.",
        Period::ExtraSecond => "The second period of extra time begins.",
        Period::Shootout => "The penalty shoot-out begins.",
    }
    .to_owned()
}

/// A period ends; `last` when no later period follows. It is named as the
/// viewer names the phase it leads to: "Half-time", "Full time".
pub fn period_end(
    period: Period,
    last: bool,
    now: &Scoreline<'_>,
    shootout: Option<Score>,
) -> String {
    let what = if last {
        Phase::FullTime
    } else {
        Phase::Break(period)
    }
    .label();
    let pens = shootout.map_or(String::new(), |s| {
        format!(" ({}-{} on penalties)", s.home, s.away)
    });
    format!("{what}: {}{pens}.", now.line())
}

/// "Shoot-out: Vidal (Chile) scores. 2-1."
pub fn shootout_kick(player: &str, team: &str, outcome: KickOutcome, tally: Score) -> String {
    let what = match outcome {
        KickOutcome::Scored => "scores",
        KickOutcome::Saved => "is saved",
        KickOutcome::Missed => "misses",
    };
    format!(
        "Shoot-out: {player} ({team}) {what}. {}-{}.",
        tally.home, tally.away
    )
}
