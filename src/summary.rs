//! What `touchline summary` prints: the state of a match at one step, as a
//! plain-text report or a Markdown one for people, or as one JSON object
//! for scripts.
//!
//! Every form is built from a [`State`] only, so it shows exactly what the
//! viewer would show at that step and nothing later: a report at 54' is
//! safe to read before watching the rest. Every string comes from the
//! loaded match, which the loader has already sanitised; the Markdown form
//! also escapes it, so a name cannot turn into markup.

mod markdown;
pub mod tournament;

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

pub use markdown::{inline as markdown_escape, markdown};

use crate::model::{Card, Detail, Event, GoalMethod, MatchInfo, Period, Quote, Score, Side};
use crate::replay::{Phase, State};
use crate::text;

/// The forms a report comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text for a terminal or an email ([`text()`]).
    #[default]
    Text,
    /// One JSON object ([`json`]).
    Json,
    /// Markdown for a forum post or a chat ([`markdown`]).
    Markdown,
}

impl Format {
    /// The report of `state` in this form.
    pub fn render(self, state: &State<'_>) -> String {
        match self {
            Format::Text => text(state),
            Format::Json => json(state),
            Format::Markdown => markdown(state),
        }
    }
}

/// Expected goals from which a missed chance counts as a big one, worth a
/// place among a report's key moments.
const BIG_CHANCE_XG: f32 = 0.3;

/// The moments a report tells with their commentary, up to the state's
/// step, as (step, event): goals, penalties, cards, reviews, changes,
/// kick-offs and whistles, shoot-out kicks, and the chances and notes
/// worth telling. Routine fouls and small chances stay out, so a report
/// on an imported match with thousands of events stays readable; anything
/// with quotes is in.
pub fn key_moments<'a>(state: &State<'a>) -> Vec<(usize, &'a Event)> {
    state
        .events()
        .iter()
        .enumerate()
        .filter(|(_, event)| {
            !event.quotes.is_empty()
                || match &event.detail {
                    Detail::Chance { xg, .. } => xg.is_none_or(|xg| xg >= BIG_CHANCE_XG),
                    Detail::Note { .. } => event.text.is_some(),
                    Detail::Foul { .. } | Detail::Play { .. } => false,
                    _ => true,
                }
        })
        .map(|(i, event)| (i + 1, event))
        .collect()
}

/// One key moment as a report heads it: what happened, who and for whom,
/// and for a goal the score it made, e.g. `Goal: Olivier Giroud (France),
/// 1-2`. A goal struck off by a review already made says so.
pub(crate) fn moment_heading(state: &State<'_>, step: usize, event: &Event) -> String {
    let replay = state.replay();
    let info = &replay.game().info;
    let at = replay.at(step);
    let mut heading = capitalised(&kind_label(event, at.phase()));
    let mut who = Vec::new();
    if let Some(player) = &event.player {
        who.push(player.to_string());
    }
    if let Detail::Substitution {
        player_in,
        player_out,
    } = &event.detail
    {
        match (player_in, player_out) {
            (Some(on), Some(off)) => who.push(format!("{on} on for {off}")),
            (Some(on), None) => who.push(format!("{on} on")),
            (None, Some(off)) => who.push(format!("{off} off")),
            (None, None) => {}
        }
    }
    if !who.is_empty() {
        let _ = write!(heading, ": {}", who.join(", "));
    }
    // An own goal's team is the side it counts for; the player is the
    // other side's.
    let own_goal = matches!(
        event.detail,
        Detail::Goal {
            method: GoalMethod::OwnGoal,
            ..
        }
    );
    if let Some(side) = event.team {
        let side = if own_goal { side.opponent() } else { side };
        let _ = write!(heading, " ({})", info.team(side).name);
    }
    if matches!(event.detail, Detail::Goal { .. }) {
        let score = at.score();
        let _ = write!(heading, ", {}-{}", score.home, score.away);
    }
    // Only a review the report has reached: a later one is a spoiler.
    if state.is_struck_off(step) {
        heading.push_str(match event.detail {
            Detail::Card { .. } => ", withdrawn after a VAR review",
            _ => ", ruled out by VAR",
        });
    }
    heading
}

/// The clock of a key moment as a report writes it: `54'`, or `pens` for
/// a shoot-out kick, which has none.
pub(crate) fn clock_label(event: &Event) -> String {
    match event.clock {
        Some(clock) => clock.display().to_string(),
        None if event.period == Period::Shootout => "pens".to_owned(),
        None => String::new(),
    }
}

/// Who said a quote, with their role and where it was reported.
pub(crate) fn attribution(quote: &Quote) -> String {
    let mut who = quote.speaker.clone();
    if let Some(role) = &quote.role {
        let _ = write!(who, ", {role}");
    }
    if let Some(source) = &quote.source {
        let _ = write!(who, " ({source})");
    }
    who
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The JSON form of a state, field for field as `summary --json` prints it.
#[derive(Clone, Debug, Serialize)]
pub struct Report<'a> {
    /// Events applied so far: 0 is before the first event.
    pub step: usize,
    /// Number of events in the match.
    pub steps: usize,
    /// Period of the current event, as its code (`"1H"`); `null` at step 0.
    pub period: Option<Period>,
    /// Clock of the current event as fans write it (`"45+2'"`).
    pub clock: Option<String>,
    /// Goals that count so far.
    pub score: Score,
    /// The shoot-out tally, once a kick has been taken.
    pub shootout: Option<Score>,
    /// Who scored, per side.
    pub scorers: PerSide<Vec<ScorerEntry<'a>>>,
    /// Who has been sent off, per side.
    pub sent_off: PerSide<Vec<&'a str>>,
    /// The current event as the match file has it; `null` at step 0.
    pub event: Option<&'a Event>,
}

/// A pair of values keyed `home` and `away`.
#[derive(Clone, Debug, Serialize)]
pub struct PerSide<T> {
    /// The home side's.
    pub home: T,
    /// The away side's.
    pub away: T,
}

impl<T> PerSide<T> {
    fn from_fn(mut f: impl FnMut(Side) -> T) -> Self {
        Self {
            home: f(Side::Home),
            away: f(Side::Away),
        }
    }
}

/// One goal in [`Report::scorers`].
#[derive(Clone, Debug, Serialize)]
pub struct ScorerEntry<'a> {
    /// Full name of the scorer.
    pub player: &'a str,
    /// When, as fans write it (`"54'"`).
    pub clock: Option<String>,
    /// How it went in, as the match file spells it (`"penalty"`).
    pub method: GoalMethod,
}

impl<'a> Report<'a> {
    /// The report of `state`.
    pub fn new(state: &State<'a>) -> Self {
        Self {
            step: state.step(),
            steps: state.replay().steps(),
            period: state.period(),
            clock: state.clock().map(|c| c.display().to_string()),
            score: state.score(),
            shootout: state.shootout(),
            scorers: PerSide::from_fn(|side| {
                state
                    .scorers(side)
                    .into_iter()
                    .map(|s| ScorerEntry {
                        player: s.player,
                        clock: s.clock.map(|c| c.display().to_string()),
                        method: s.method,
                    })
                    .collect()
            }),
            sent_off: PerSide::from_fn(|side| state.sent_off(side)),
            event: state.event(),
        }
    }
}

/// The state as one pretty-printed JSON object (see [`Report`]).
pub fn json(state: &State<'_>) -> String {
    // Plain data with string keys: serialising it cannot fail.
    serde_json::to_string_pretty(&Report::new(state)).unwrap_or_default()
}

/// The state as a readable report: the fixture, the score and phase, goals,
/// cards, substitutions, the key moments so far with their commentary and
/// quotes, and where the report stands.
pub fn text(state: &State<'_>) -> String {
    let info = &state.replay().game().info;
    let mut out = String::new();
    write_heading(&mut out, info);

    let _ = writeln!(out, "\n{}", score_line(state));
    let _ = writeln!(out, "{}", phase_line(state));

    let names = [info.home.name.as_str(), info.away.name.as_str()];
    let pad = names.iter().map(|n| text::width(n)).max().unwrap_or(0);

    let goals = per_side(|side| state.scorers(side).iter().map(|s| s.label()).collect());
    write_section(&mut out, "Goals", &names, pad, goals);

    let cards = state.cards();
    let booked = per_side(|side| {
        cards
            .iter()
            .filter(|c| c.side == Some(side))
            .map(|c| {
                let mut label = text::surname(c.player).to_owned();
                if let Some(clock) = c.event.clock {
                    let _ = write!(label, " {}", clock.display());
                }
                let _ = write!(label, " ({})", card_name(c.card));
                label
            })
            .collect()
    });
    write_section(&mut out, "Cards", &names, pad, booked);

    let sent_off = per_side(|side| {
        state
            .sent_off(side)
            .into_iter()
            .map(|p| text::surname(p).to_owned())
            .collect()
    });
    write_section(&mut out, "Sent off", &names, pad, sent_off);

    let subs = state.substitutions();
    let changes = per_side(|side| {
        subs.iter()
            .filter(|s| s.event.team == Some(side))
            .map(|s| {
                let on = s.player_in.map_or("?", text::surname);
                let mut label = match s.player_out {
                    Some(off) => format!("{on} for {}", text::surname(off)),
                    None => format!("{on} on"),
                };
                if let Some(clock) = s.event.clock {
                    let _ = write!(label, " {}", clock.display());
                }
                label
            })
            .collect()
    });
    write_section(&mut out, "Substitutions", &names, pad, changes);

    let moments = key_moments(state);
    write_key_moments(&mut out, state, &moments);
    let told = moments
        .last()
        .is_some_and(|(step, _)| *step == state.step());
    write_moment(&mut out, state, told);
    out
}

/// Width of the clock column of the key moments.
const CLOCK_COLUMN: usize = 8;

/// Width the text report wraps commentary and quotes to.
const TEXT_WIDTH: usize = 78;

fn write_key_moments(out: &mut String, state: &State<'_>, moments: &[(usize, &Event)]) {
    let _ = writeln!(out, "\nKey moments");
    if moments.is_empty() {
        let _ = writeln!(out, "  none yet");
        return;
    }
    let indent = " ".repeat(2 + CLOCK_COLUMN);
    for &(step, event) in moments {
        let clock = event
            .clock
            .map(|c| c.display().to_string())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {clock:<CLOCK_COLUMN$}{}",
            moment_heading(state, step, event)
        );
        write_words(out, &indent, event);
    }
}

/// A moment's commentary and quotes, indented and wrapped.
fn write_words(out: &mut String, indent: &str, event: &Event) {
    let width = TEXT_WIDTH.saturating_sub(indent.len()).max(20);
    let mut paragraph = |text: &str, indent: &str| {
        for line in text::wrap(text, width) {
            let _ = writeln!(out, "{indent}{line}");
        }
    };
    if let Some(commentary) = &event.text {
        paragraph(commentary, indent);
    }
    for quote in &event.quotes {
        paragraph(&format!("\"{}\"", quote.text.trim()), indent);
        paragraph(&format!("- {}", attribution(quote)), &format!("{indent}  "));
    }
}

/// The competition and stage, joined: "FIFA World Cup 2022, Quarter-final".
pub(crate) fn competition_line(info: &MatchInfo) -> Option<String> {
    let parts: Vec<&str> = [info.competition.as_deref(), info.stage.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Venue, kick-off and referee on one line, as far as the file gives them.
pub(crate) fn facts_line(info: &MatchInfo) -> Option<String> {
    let mut facts = Vec::new();
    if let Some(venue) = &info.venue {
        facts.push(venue.clone());
    }
    if let Some(kickoff) = info.kickoff {
        facts.push(kickoff.format("%-d %B %Y, %H:%M (UTC%:z)").to_string());
    }
    if let Some(referee) = &info.referee {
        facts.push(format!("referee {referee}"));
    }
    (!facts.is_empty()).then(|| facts.join(" · "))
}

/// The score line: "England 1-1 France", with a shoot-out's tally.
pub(crate) fn score_line(state: &State<'_>) -> String {
    let info = &state.replay().game().info;
    let score = state.score();
    let mut line = format!(
        "{} {}-{} {}",
        info.home.name, score.home, score.away, info.away.name
    );
    if let Some(pens) = state.shootout() {
        let _ = write!(line, " ({}-{} on penalties)", pens.home, pens.away);
    }
    line
}

fn write_heading(out: &mut String, info: &MatchInfo) {
    let _ = writeln!(out, "{}", info.title());
    if let Some(competition) = competition_line(info) {
        let _ = writeln!(out, "{competition}");
    }
    if let Some(facts) = facts_line(info) {
        let _ = writeln!(out, "{facts}");
    }
    if let Some(source) = &info.source {
        let _ = writeln!(out, "Source: {source}");
    }
}

/// The phase and clock: "2nd half, 54'", "Full time, 90+11'".
pub(crate) fn phase_line(state: &State<'_>) -> String {
    let phase = state.phase();
    match state.clock() {
        Some(clock) if phase != Phase::PreMatch => {
            format!("{}, {}", phase.label(), clock.display())
        }
        _ => phase.label().to_owned(),
    }
}

fn per_side(mut f: impl FnMut(Side) -> Vec<String>) -> [Vec<String>; 2] {
    [f(Side::Home), f(Side::Away)]
}

/// A heading, then one line per side that has entries, or "none".
fn write_section(
    out: &mut String,
    title: &str,
    names: &[&str; 2],
    pad: usize,
    entries: [Vec<String>; 2],
) {
    let _ = writeln!(out, "\n{title}");
    if entries.iter().all(Vec::is_empty) {
        let _ = writeln!(out, "  none");
        return;
    }
    for (name, list) in names.iter().zip(&entries) {
        if list.is_empty() {
            continue;
        }
        let gap = pad.saturating_sub(text::width(name));
        let _ = writeln!(out, "  {name}{:gap$}  {}", "", list.join(", "));
    }
}

/// Where the report stands; the moment's words too unless the key moments
/// above already told them (`told`).
fn write_moment(out: &mut String, state: &State<'_>, told: bool) {
    let steps = state.replay().steps();
    let Some(event) = state.event() else {
        let _ = writeln!(
            out,
            "\nMoment 0 of {steps}: nothing has happened yet (step forward to kick off)"
        );
        return;
    };
    let mut heading = format!(
        "\nMoment {} of {steps}: {}",
        state.step(),
        kind_label(event, state.phase())
    );
    if let Some(clock) = event.clock {
        let _ = write!(heading, ", {}", clock.display());
    }
    if let Some(player) = &event.player {
        let _ = write!(heading, ", {player}");
    }
    if state.replay().overturned_at(state.step()).is_some() {
        heading.push_str(" (later overturned by VAR)");
    }
    let _ = writeln!(out, "{heading}");
    if !told {
        write_words(out, "  ", event);
    }
}

/// A few words naming the kind of a moment, in lower case: `penalty
/// scored`, `half-time`. Periods and phases go by the model's names.
pub(crate) fn kind_label(event: &Event, phase: Phase) -> Cow<'_, str> {
    let words = match &event.detail {
        Detail::PeriodStart => {
            let start = event.period.start_label().to_lowercase();
            return match event.period {
                Period::First => start.into(),
                _ => format!("{start} under way").into(),
            };
        }
        Detail::PeriodEnd => match phase {
            Phase::FullTime | Phase::Break(_) => return phase.label().to_lowercase().into(),
            _ => "end of the period",
        },
        Detail::Goal {
            method: GoalMethod::OwnGoal,
            ..
        } => "own goal",
        Detail::Goal {
            method: GoalMethod::Penalty,
            ..
        } => "penalty scored",
        Detail::Goal { .. } => "goal",
        Detail::PenaltyAwarded { .. } => "penalty awarded",
        Detail::PenaltyMiss { .. } => "penalty missed",
        Detail::Chance { .. } => "chance",
        Detail::Card { card, .. } => card_name(*card),
        Detail::Substitution { .. } => "substitution",
        Detail::Var { .. } => "VAR review",
        Detail::Foul { .. } => "foul",
        Detail::ShootoutKick { .. } => "shoot-out kick",
        Detail::Play { action, .. } => action.as_deref().unwrap_or("play"),
        Detail::StatedScore { .. } => "score as recorded",
        Detail::Note { .. } => "note",
    };
    Cow::Borrowed(words)
}

fn card_name(card: Card) -> &'static str {
    match card {
        Card::Yellow => "yellow card",
        Card::SecondYellow => "second yellow",
        Card::Red => "red card",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::model::Clock;
    use crate::replay::Replay;

    fn england_france() -> Replay {
        Replay::new(import::bundled().game)
    }

    #[test]
    fn json_at_full_time_lists_every_scorer_with_method() {
        let replay = england_france();
        let value: serde_json::Value =
            serde_json::from_str(&json(&replay.at(replay.full_time()))).unwrap();
        assert_eq!(value["score"], serde_json::json!({"home": 1, "away": 2}));
        assert_eq!(value["period"], "2H");
        assert_eq!(value["shootout"], serde_json::Value::Null);
        assert_eq!(
            value["scorers"]["home"],
            serde_json::json!([{"player": "Harry Kane", "clock": "54'", "method": "penalty"}])
        );
        assert_eq!(value["scorers"]["away"][1]["method"], "header");
        assert_eq!(value["event"]["kind"], "period_end");
    }

    #[test]
    fn json_keys_come_in_the_documented_order() {
        let replay = england_france();
        let printed = json(&replay.at(3));
        let keys = [
            "\"step\"",
            "\"steps\"",
            "\"period\"",
            "\"clock\"",
            "\"score\"",
            "\"shootout\"",
            "\"scorers\"",
            "\"sent_off\"",
            "\"event\"",
        ];
        let positions: Vec<usize> = keys.iter().map(|k| printed.find(k).unwrap()).collect();
        assert!(positions.is_sorted(), "{printed}");
    }

    #[test]
    fn json_before_kick_off_has_no_event_period_or_clock() {
        let replay = england_france();
        let value: serde_json::Value = serde_json::from_str(&json(&replay.at(0))).unwrap();
        assert_eq!(value["step"], 0);
        assert_eq!(value["event"], serde_json::Value::Null);
        assert_eq!(value["period"], serde_json::Value::Null);
        assert_eq!(value["clock"], serde_json::Value::Null);
        assert_eq!(value["score"], serde_json::json!({"home": 0, "away": 0}));
    }

    #[test]
    fn text_reports_score_scorers_cards_and_the_moment() {
        let replay = england_france();
        let report = text(&replay.at(replay.step_at_clock(Clock::minute(54))));
        assert!(report.starts_with("England v France\n"), "{report}");
        assert!(report.contains("\nEngland 1-1 France\n"), "{report}");
        assert!(report.contains("2nd half, 54'"), "{report}");
        assert!(report.contains("Kane 54' (pen)"), "{report}");
        assert!(report.contains("Tchouaméni 17'"), "{report}");
        assert!(report.contains("Griezmann 43' (yellow card)"), "{report}");
        assert!(
            report.contains(": penalty scored, 54', Harry Kane"),
            "{report}"
        );
        assert!(!report.contains("Giroud"), "{report}");
    }

    #[test]
    fn text_shows_the_quotes_of_the_current_moment() {
        let replay = england_france();
        let report = text(&replay.at(replay.full_time()));
        assert!(report.contains("Full time, 90+11'"), "{report}");
        let moment = format!("Moment {0} of {0}: full time, 90+11'", replay.steps());
        assert!(report.contains(&moment), "{report}");
        assert!(
            report.contains("\"In the end goals are decisive.\""),
            "{report}"
        );
        assert!(report.contains("Gareth Southgate"), "{report}");
        assert!(report.contains("Mount for Henderson 79'"), "{report}");
    }

    #[test]
    fn text_before_kick_off_says_nothing_has_happened() {
        let replay = england_france();
        let report = text(&replay.at(0));
        assert!(report.contains("England 0-0 France"), "{report}");
        assert!(report.contains("Before kick-off"), "{report}");
        assert!(report.contains("Goals\n  none"), "{report}");
        assert!(report.contains("Moment 0 of"), "{report}");
    }
}
