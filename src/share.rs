//! A moment as one line a fan can paste into a chat: when, who, the score
//! then, the fixture and a short name for the competition, and the command
//! that opens the viewer at the same moment.
//!
//! ```text
//! 78' Giroud 1-2 England v France, World Cup 2022 QF · touchline --at 78
//! ```
//!
//! The line says only what the viewer shows at that moment (the score
//! after it, never the final one), so sharing it spoils nothing later.

use std::fmt::Write as _;

use crate::model::{Clock, Detail, MatchInfo};
use crate::replay::{Phase, Replay, State};
use crate::summary::kind_label;
use crate::text;

/// Longest competition name kept whole in the line, in columns; longer
/// ones are cut with an ellipsis.
const COMPETITION_MAX: usize = 28;

/// Longest stage name kept whole, in columns.
const STAGE_MAX: usize = 20;

/// The line for the moment at `state`, ending with the command that
/// reopens it; `file` is the match file as the command should name it
/// (`None` for the bundled match).
pub fn moment_line(state: &State<'_>, file: Option<&str>) -> String {
    let replay = state.replay();
    let info = &replay.game().info;
    let mut line = what(state);
    let score = state.score();
    let _ = write!(line, " {}-{}", score.home, score.away);
    if let Some(pens) = state.shootout() {
        let _ = write!(line, " ({}-{} pens)", pens.home, pens.away);
    }
    let _ = write!(line, " {}", info.title());
    if let Some(label) = competition_label(info) {
        let _ = write!(line, ", {label}");
    }
    let _ = write!(line, " · {}", replay_command(replay, state.step(), file));
    text::sanitize_line(&line).into_owned()
}

/// The clock and what happened: `78' Giroud`, `54' Kane (pen)`, `43'
/// Griezmann yellow card`, `45+5' half-time`.
fn what(state: &State<'_>) -> String {
    let Some(event) = state.event() else {
        return Phase::PreMatch.label().to_owned();
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(clock) = event.clock {
        parts.push(clock.display().to_string());
    }
    let player = event.player.as_deref().map(text::surname);
    match &event.detail {
        Detail::Goal { method, .. } => {
            parts.push(player.unwrap_or("Goal").to_owned());
            if let Some(suffix) = method.suffix() {
                parts.push(format!("({suffix})"));
            }
        }
        Detail::Substitution {
            player_in,
            player_out,
        } => {
            let on = player_in.as_deref().map_or("?", text::surname);
            match player_out {
                Some(off) => parts.push(format!("{on} on for {}", text::surname(off))),
                None => parts.push(format!("{on} on")),
            }
        }
        _ => {
            if let Some(player) = player {
                parts.push(player.to_owned());
            }
            parts.push(kind_label(event, state.phase()).into_owned());
        }
    }
    if matches!(state.phase(), Phase::FullTime) && parts.len() == 1 {
        // A bare clock is not much of a moment; it is the final whistle.
        parts.push("full time".to_owned());
    }
    parts.join(" ")
}

/// A short name for the competition and stage: "World Cup 2022 QF" for
/// "FIFA World Cup 2022", "Quarter-final". The governing body is dropped,
/// well-known stages are abbreviated, and long names are cut, so the line
/// stays one line. `None` when the file names neither.
pub fn competition_label(info: &MatchInfo) -> Option<String> {
    let competition = info.competition.as_deref().map(short_competition);
    let stage = info.stage.as_deref().map(short_stage);
    let parts: Vec<String> = [competition, stage]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Governing bodies that lead competition names without adding to them.
const BODIES: [&str; 7] = ["FIFA", "UEFA", "CONMEBOL", "CONCACAF", "CAF", "AFC", "OFC"];

fn short_competition(name: &str) -> String {
    let name = name.trim();
    let name = BODIES
        .iter()
        .find_map(|body| name.strip_prefix(body)?.strip_prefix(' '))
        .unwrap_or(name);
    let name = name.replace("European Championship", "Euro");
    text::truncate(&name, COMPETITION_MAX).into_owned()
}

fn short_stage(stage: &str) -> String {
    let squashed: String = stage
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let short = match squashed.as_str() {
        "quarterfinal" | "quarterfinals" => "QF",
        "semifinal" | "semifinals" => "SF",
        "final" => "Final",
        "roundof16" | "last16" => "R16",
        "roundof32" | "last32" => "R32",
        "thirdplace" | "thirdplaceplayoff" | "3rdplace" | "3rdplaceplayoff" => "3rd place",
        _ => return text::truncate(stage.trim(), STAGE_MAX).into_owned(),
    };
    short.to_owned()
}

/// The command that opens the viewer at `step`: `--at CLOCK` when that
/// clock lands on this very step (minute alone if it does, else with the
/// seconds), else `--step N`. `file` is shell-quoted when it needs to be.
pub fn replay_command(replay: &Replay, step: usize, file: Option<&str>) -> String {
    let mut command = String::from("touchline");
    if let Some(file) = file {
        command.push(' ');
        command.push_str(&shell_quote(file));
    }
    let event = step
        .checked_sub(1)
        .and_then(|i| replay.game().events.get(i));
    let at = event.and_then(|e| e.clock).and_then(|clock| {
        let minute = Clock {
            second: None,
            ..clock
        };
        [minute, clock]
            .into_iter()
            .find(|c| replay.step_at_clock(*c) == step)
    });
    match at {
        Some(clock) => {
            let _ = write!(command, " --at {clock}");
        }
        None => {
            let _ = write!(command, " --step {step}");
        }
    }
    command
}

/// A file name as a POSIX shell reads it back: as it is when it has only
/// harmless characters, else in single quotes.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./,+@%:=".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::model::{Event, Match, Team};

    fn bundled() -> Replay {
        Replay::new(import::bundled().game)
    }

    fn at(replay: &Replay, minute: u16) -> usize {
        replay.step_at_clock(Clock::minute(minute))
    }

    #[test]
    fn the_issue_s_example_line() {
        let replay = bundled();
        let line = moment_line(&replay.at(at(&replay, 78)), None);
        assert_eq!(
            line,
            "78' Giroud 1-2 England v France, World Cup 2022 QF · touchline --at 78"
        );
    }

    #[test]
    fn penalties_cards_and_periods_read_as_words() {
        let replay = bundled();
        let line = |minute| moment_line(&replay.at(at(&replay, minute)), Some("ef.json"));
        assert!(line(54).starts_with("54' Kane (pen) 1-1 England v France"));
        assert!(line(43).starts_with("43' Griezmann yellow card 0-1 "));
        assert!(line(43).ends_with(" · touchline ef.json --at 43"));
        let half_time = moment_line(
            &replay.at(replay.step_at_clock(Clock::stoppage(45, 5))),
            None,
        );
        assert!(half_time.starts_with("45+5' half-time 0-1 "), "{half_time}");
        let end = moment_line(&replay.at(replay.full_time()), None);
        assert!(end.starts_with("90+11' full time 1-2 "), "{end}");
        let start = moment_line(&replay.at(0), None);
        assert_eq!(
            start,
            "Before kick-off 0-0 England v France, World Cup 2022 QF · touchline --step 0"
        );
    }

    #[test]
    fn only_the_score_so_far_is_told() {
        let replay = bundled();
        let line = moment_line(&replay.at(at(&replay, 17)), None);
        assert!(line.contains(" 0-1 "), "{line}");
        assert!(!line.contains("1-2"), "{line}");
    }

    #[test]
    fn the_command_lands_on_the_same_moment() {
        let replay = bundled();
        for step in 0..=replay.steps() {
            let command = replay_command(&replay, step, None);
            let reopened = if let Some(clock) = command.split(" --at ").nth(1) {
                replay.step_at_clock(clock.parse().unwrap())
            } else {
                command.split(" --step ").nth(1).unwrap().parse().unwrap()
            };
            assert_eq!(reopened, step, "{command}");
        }
        // Three substitutions at 79': only the last is "--at 79".
        let last = at(&replay, 79);
        assert_eq!(replay_command(&replay, last, None), "touchline --at 79");
        assert_eq!(
            replay_command(&replay, last - 1, None),
            format!("touchline --step {}", last - 1)
        );
    }

    #[test]
    fn the_command_lands_on_the_same_moment_in_a_statsbomb_file() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/statsbomb/cup_final_events.json"
        );
        let loaded = import::load_path(std::path::Path::new(path), Default::default()).unwrap();
        let replay = Replay::new(loaded.game);
        let mut by_clock = 0;
        for step in 0..=replay.steps() {
            let command = replay_command(&replay, step, Some("final.json"));
            let reopened = match command.split_once(" --at ") {
                Some((_, clock)) => {
                    by_clock += 1;
                    replay.step_at_clock(clock.parse().unwrap())
                }
                None => command.rsplit(' ').next().unwrap().parse().unwrap(),
            };
            assert_eq!(reopened, step, "{command}");
        }
        assert!(
            by_clock > replay.steps() / 2,
            "most moments are named by clock"
        );
    }

    #[test]
    fn files_are_quoted_for_the_shell() {
        assert_eq!(shell_quote("matches/final.json"), "matches/final.json");
        assert_eq!(shell_quote("my match.json"), "'my match.json'");
        assert_eq!(shell_quote("it's.json"), r"'it'\''s.json'");
        assert_eq!(shell_quote("$(rm -rf).json"), "'$(rm -rf).json'");
    }

    fn info(competition: Option<&str>, stage: Option<&str>) -> MatchInfo {
        let mut info = MatchInfo::between(Team::named("A"), Team::named("B"));
        info.competition = competition.map(str::to_owned);
        info.stage = stage.map(str::to_owned);
        info
    }

    #[test]
    fn competition_labels_are_short() {
        let label = |c, s| competition_label(&info(c, s));
        assert_eq!(
            label(Some("FIFA World Cup 2022"), Some("Quarter-final")).as_deref(),
            Some("World Cup 2022 QF")
        );
        assert_eq!(
            label(Some("UEFA European Championship 2020"), Some("Semi-finals")).as_deref(),
            Some("Euro 2020 SF")
        );
        assert_eq!(
            label(Some("La Liga 2018/2019"), None).as_deref(),
            Some("La Liga 2018/2019")
        );
        assert_eq!(label(None, Some("Round of 16")).as_deref(), Some("R16"));
        assert_eq!(label(None, None), None);
        let long = label(
            Some("The Extraordinarily Long Regional Amateur Sunday League Challenge Trophy"),
            Some("Group stage, matchday three of six"),
        )
        .unwrap();
        assert!(
            text::width(&long) <= COMPETITION_MAX + 1 + STAGE_MAX,
            "{long}"
        );
        assert!(long.contains('…'), "{long}");
    }

    #[test]
    fn a_moment_without_player_or_clock_still_reads() {
        let mut game = Match::new(info(None, None));
        game.events
            .push(Event::new(Clock::minute(1), Detail::PeriodStart));
        let mut note = Event::new(Clock::minute(5), Detail::Note { unknown_kind: None });
        note.clock = None;
        game.events.push(note);
        let replay = Replay::new(game);
        // The note without a clock sorts with minute 1, so --at 1 would
        // take it in too: the command names the step.
        assert_eq!(
            moment_line(&replay.at(1), None),
            "1' kick-off 0-0 A v B · touchline --step 1"
        );
        assert_eq!(
            moment_line(&replay.at(2), None),
            "note 0-0 A v B · touchline --step 2"
        );
    }

    #[test]
    fn names_cannot_smuggle_control_characters() {
        let mut game = Match::new(MatchInfo::between(
            Team::named("A\u{1b}]52;c;x\u{7}"),
            Team::named("B"),
        ));
        game.events
            .push(Event::new(Clock::minute(1), Detail::PeriodStart));
        let line = moment_line(&Replay::new(game).at(1), Some("a\nb.json"));
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
}
