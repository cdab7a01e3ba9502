//! How one event is named on screen: its symbol and a short line for the
//! timeline. Symbols are one column wide everywhere: no emoji, and none of
//! the "ambiguous width" characters that CJK terminals draw two columns
//! wide.

use ratatui::style::Style;

use crate::model::{Card, Detail, Event, GoalMethod, KickOutcome, ShotOutcome};
use crate::replay::Replay;
use crate::text;
use crate::tui::theme::Theme;

/// The symbol for an event and its style.
pub fn symbol(event: &Event, theme: &Theme) -> (&'static str, Style) {
    match &event.detail {
        Detail::PeriodStart => ("»", theme.strong()),
        Detail::PeriodEnd => ("∎", theme.strong()),
        Detail::Goal { .. } => ("◉", theme.goal()),
        Detail::PenaltyAwarded { .. } => ("⊚", theme.strong()),
        Detail::PenaltyMiss { .. } => ("✗", theme.error()),
        Detail::Chance { .. } => ("◌", theme.text()),
        Detail::Card { card, .. } => ("▮", theme.card(*card)),
        Detail::Substitution { .. } => ("⇄", theme.text()),
        Detail::Var { .. } => ("▭", theme.var_marker()),
        Detail::Foul { .. } => ("↯", theme.text()),
        Detail::ShootoutKick {
            outcome: KickOutcome::Scored,
        } => ("◉", theme.goal()),
        Detail::ShootoutKick { .. } => ("✗", theme.error()),
        Detail::Play { .. } => ("∙", theme.dim()),
        Detail::StatedScore { .. } => ("⊜", theme.goal()),
        Detail::Note { .. } => ("∙", theme.text()),
    }
}

fn who(name: Option<&str>) -> &str {
    name.map_or("", text::surname)
}

/// The words for a period's end: the phase it leads to, full time when it
/// is the last whistle.
pub fn period_end(replay: &Replay, step: usize) -> &'static str {
    replay.at(step).phase().label()
}

fn outcome(outcome: Option<ShotOutcome>) -> &'static str {
    match outcome {
        Some(ShotOutcome::Saved) => "saved",
        Some(ShotOutcome::OffTarget) => "off target",
        Some(ShotOutcome::Woodwork) => "hits the woodwork",
        Some(ShotOutcome::Blocked) => "blocked",
        None => "",
    }
}

/// A short line for the timeline: "Goal Kane (pen) 1-1", "Yellow card
/// Griezmann", "Coman for Dembélé". `step` is the event's own step, for
/// the score after it.
pub fn summary(replay: &Replay, step: usize, event: &Event) -> String {
    let player = who(event.player.as_deref());
    let join = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    match &event.detail {
        Detail::PeriodStart => event.period.start_label().to_owned(),
        Detail::PeriodEnd => {
            let state = replay.at(step);
            let score = state.score();
            let mut out = format!("{} {}-{}", period_end(replay, step), score.home, score.away);
            if let Some(pens) = state.shootout() {
                out.push_str(&format!(", {}-{} pens", pens.home, pens.away));
            }
            out
        }
        Detail::Goal { method, .. } => {
            let score = replay.at(step).score();
            let how = match method {
                GoalMethod::Penalty => "(pen)",
                GoalMethod::OwnGoal => "(og)",
                GoalMethod::Header => "(header)",
                GoalMethod::FreeKick => "(free kick)",
                GoalMethod::OpenPlay => "",
            };
            let tally = format!("{}-{}", score.home, score.away);
            join(&["Goal", player, how, &tally])
        }
        Detail::PenaltyAwarded { fouled, .. } => match fouled.as_deref() {
            Some(name) => format!("Penalty: {} fouled", text::surname(name)),
            None => "Penalty awarded".to_owned(),
        },
        Detail::PenaltyMiss { outcome: o, .. } => {
            join(&["Penalty missed", player, &paren(outcome(*o))])
        }
        Detail::Chance { outcome: o, .. } => join(&["Chance", player, &paren(outcome(*o))]),
        Detail::Card { card, .. } => {
            let word = match card {
                Card::Yellow => "Yellow card",
                Card::SecondYellow => "Second yellow",
                Card::Red => "Red card",
            };
            join(&[word, player])
        }
        Detail::Substitution {
            player_in,
            player_out,
        } => match (player_in.as_deref(), player_out.as_deref()) {
            (Some(on), Some(off)) => {
                format!("{} for {}", text::surname(on), text::surname(off))
            }
            (Some(on), None) => format!("{} on", text::surname(on)),
            (None, Some(off)) => format!("{} off", text::surname(off)),
            (None, None) => "Substitution".to_owned(),
        },
        Detail::Var { decision, .. } => match decision.as_deref() {
            Some(d) => format!("VAR: {}", first_line(d)),
            None => "VAR review".to_owned(),
        },
        Detail::Foul { .. } => join(&["Foul", player]),
        Detail::ShootoutKick { outcome } => {
            let word = match outcome {
                KickOutcome::Scored => "scores",
                KickOutcome::Saved => "saved",
                KickOutcome::Missed => "misses",
            };
            let tally = replay.at(step).shootout().unwrap_or_default();
            let tally = format!("{}-{}", tally.home, tally.away);
            join(&["Pen", player, word, &tally])
        }
        Detail::Play { action, .. } => join(&[action.as_deref().unwrap_or("Play"), player]),
        Detail::StatedScore { .. } => {
            let state = replay.at(step);
            let score = state.score();
            let mut out = format!("Score {}-{}", score.home, score.away);
            if let Some(pens) = state.shootout() {
                out.push_str(&format!(", {}-{} pens", pens.home, pens.away));
            }
            out
        }
        Detail::Note { .. } => match event.text.as_deref() {
            Some(t) => first_line(t).to_owned(),
            None => join(&["Note", player]),
        },
    }
}

fn paren(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("({text})")
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// A heading for the commentary panel: "Goal", "Yellow card"…
pub fn kind_title(replay: &Replay, step: usize, event: &Event) -> String {
    match &event.detail {
        Detail::PeriodStart => event.period.start_label().to_owned(),
        Detail::PeriodEnd => period_end(replay, step).to_owned(),
        Detail::Goal { method, .. } => match method {
            GoalMethod::OwnGoal => "Own goal".to_owned(),
            GoalMethod::Penalty => "Goal (penalty)".to_owned(),
            _ => "Goal".to_owned(),
        },
        Detail::PenaltyAwarded { .. } => "Penalty awarded".to_owned(),
        Detail::PenaltyMiss { .. } => "Penalty missed".to_owned(),
        Detail::Chance { .. } => "Chance".to_owned(),
        Detail::Card { card, .. } => match card {
            Card::Yellow => "Yellow card",
            Card::SecondYellow => "Second yellow card",
            Card::Red => "Red card",
        }
        .to_owned(),
        Detail::Substitution { .. } => "Substitution".to_owned(),
        Detail::Var { .. } => "VAR".to_owned(),
        Detail::Foul { .. } => "Foul".to_owned(),
        Detail::ShootoutKick { .. } => "Shoot-out kick".to_owned(),
        Detail::Play { action, .. } => action.as_deref().unwrap_or("Play").to_owned(),
        Detail::StatedScore { .. } => "Score".to_owned(),
        Detail::Note { .. } => "Note".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Clock;
    use crate::tui::ColorMode;

    #[test]
    fn symbols_are_one_column_and_not_ambiguous() {
        let theme = Theme::new(ColorMode::None, &crate::import::bundled().game.info);
        let details = [
            Detail::PeriodStart,
            Detail::PeriodEnd,
            Detail::Goal {
                method: GoalMethod::OpenPlay,
                assist: None,
                xg: None,
            },
            Detail::PenaltyAwarded {
                fouled: None,
                fouler: None,
            },
            Detail::PenaltyMiss {
                outcome: None,
                keeper: None,
                xg: None,
            },
            Detail::Chance {
                outcome: None,
                xg: None,
            },
            Detail::Card {
                card: Card::Red,
                reason: None,
            },
            Detail::Substitution {
                player_in: None,
                player_out: None,
            },
            Detail::StatedScore {
                score: crate::model::Score::default(),
                shootout: None,
            },
            Detail::Var {
                decision: None,
                overturns: None,
            },
            Detail::Foul { fouled: None },
            Detail::ShootoutKick {
                outcome: KickOutcome::Scored,
            },
            Detail::ShootoutKick {
                outcome: KickOutcome::Saved,
            },
            Detail::Play {
                action: None,
                end_location: None,
            },
            Detail::Note { unknown_kind: None },
        ];
        for detail in details {
            let (s, _) = symbol(&Event::new(Clock::minute(1), detail), &theme);
            assert_eq!(text::width(s), 1, "{s}");
            let c = s.chars().next().unwrap();
            // East Asian "ambiguous" characters take two columns in CJK
            // terminals; none of these is in those ranges.
            let ambiguous = matches!(c as u32,
                0x00A1..=0x00B7 | 0x2010..=0x2027 | 0x2190..=0x2199 | 0x2460..=0x24FF
                | 0x2500..=0x257F | 0x2580..=0x258F | 0x25A0..=0x25A1 | 0x25B2..=0x25B3
                | 0x25B6..=0x25B7 | 0x25BC..=0x25BD | 0x25C0..=0x25C1 | 0x25C6..=0x25C8
                | 0x25CB | 0x25CE..=0x25D1 | 0x2605..=0x2606 | 0x2295 | 0x2299);
            assert!(!ambiguous, "{s} is East Asian ambiguous");
        }
    }
}
